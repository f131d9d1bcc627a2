import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config, uploadConfig } from '../config';

let client: S3Client | undefined;
const s3 = (): S3Client => {
  const { s3Endpoint } = uploadConfig();
  client ??= new S3Client({
    region: config().region,
    // A presigned URL carries no body, so a default checksum would be of nothing and the real upload would
    // fail it; checksums only where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(s3Endpoint
      ? // The local store (s3rver) verifies signatures against its own fixed development key.
        { endpoint: s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
      : {}),
  });
  return client;
};

const UPLOAD_TTL_SECONDS = 10 * 60;
const VIEW_TTL_SECONDS = 60 * 60;

/** A presigned PUT for one photo; the key is namespaced by the uploader so no one can attach another's photo. */
export async function presignPhotoUpload(key: string, contentType: string, size: number): Promise<{ url: string; headers: Record<string, string>; expiresInSeconds: number }> {
  const command = new PutObjectCommand({ Bucket: uploadConfig().bucket, Key: key, ContentType: contentType, ContentLength: size });
  const url = await getSignedUrl(s3(), command, { expiresIn: UPLOAD_TTL_SECONDS, signableHeaders: new Set(['content-type']) });
  return { url, headers: { 'content-type': contentType }, expiresInSeconds: UPLOAD_TTL_SECONDS };
}

/** A short-lived link to view a photo; only handed to people who may see the complaint. */
export function presignPhotoView(key: string): Promise<string> {
  return getSignedUrl(s3(), new GetObjectCommand({ Bucket: uploadConfig().bucket, Key: key }), { expiresIn: VIEW_TTL_SECONDS });
}
