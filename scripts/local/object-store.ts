import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { portInUse } from './ports';

export interface RunningObjectStore {
  endpoint: string;
  stop(): Promise<void>;
}

/** Lets the H5 preview PUT photos straight to the presigned URL, as a phone would to S3. */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * An S3-compatible store on 127.0.0.1 for complaint photos (s3rver). It speaks S3's REST protocol, so the
 * production presign/upload code runs unchanged; it does not verify signatures (tests that need that
 * must not rely on it).
 */
export async function startObjectStore(options: { port: number; bucket: string; dataDir?: string }): Promise<RunningObjectStore> {
  if (await portInUse(options.port)) throw new Error(`cannot start the local object store: port ${options.port} is taken`);
  const directory = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'fangxin-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: options.bucket, configs: [CORS] }],
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${options.port}`, stop: () => server.close() };
}
