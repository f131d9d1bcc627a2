import { s3 } from '../clients';
import { uploadConfig } from '../config';

const UPLOAD_TTL_SECONDS = 10 * 60;
const VIEW_TTL_SECONDS = 60 * 60;

// Loaded on first use, like the client itself (clients.ts `s3`).
const presigner = () => import('@aws-sdk/s3-request-presigner');
const commands = () => import('@aws-sdk/client-s3');

/** A presigned PUT for one photo; the key is namespaced by the uploader so no one can attach another's photo. */
export async function presignPhotoUpload(key: string, contentType: string, size: number): Promise<{ url: string; headers: Record<string, string>; expiresInSeconds: number }> {
  const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([commands(), presigner()]);
  const command = new PutObjectCommand({ Bucket: uploadConfig().bucket, Key: key, ContentType: contentType, ContentLength: size });
  const url = await getSignedUrl(await s3(), command, { expiresIn: UPLOAD_TTL_SECONDS, signableHeaders: new Set(['content-type']) });
  return { url, headers: { 'content-type': contentType }, expiresInSeconds: UPLOAD_TTL_SECONDS };
}

/** A short-lived link to view a photo; only handed to people who may see the complaint. */
export async function presignPhotoView(key: string): Promise<string> {
  const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([commands(), presigner()]);
  return getSignedUrl(await s3(), new GetObjectCommand({ Bucket: uploadConfig().bucket, Key: key }), { expiresIn: VIEW_TTL_SECONDS });
}

/**
 * Deletes one photo (the retention period, use-cases/retention.ts). Deleting an object that is already gone
 * succeeds, so a run that stopped halfway can simply run again.
 */
export async function deletePhoto(key: string): Promise<void> {
  const { DeleteObjectCommand } = await commands();
  await (await s3()).send(new DeleteObjectCommand({ Bucket: uploadConfig().bucket, Key: key }));
}
