import { ulid } from 'ulid';
import type { Principal } from '../auth/token';
import { presignPhotoUpload } from '../store/photos';
import { hitRateLimit } from '../store/rate-limits';
import { uploadKeyFor } from './photo-ownership';

/** A one-photo upload ticket; the key's folder stands for the uploader (photo-ownership.ts), which filing checks. */
export async function requestUpload(principal: Principal, contentType: 'image/jpeg' | 'image/png', size: number, now: Date) {
  await hitRateLimit('upload', principal.userId, now);
  const key = uploadKeyFor(principal.userId, ulid(now.getTime()), contentType === 'image/png' ? 'png' : 'jpg');
  const { url, headers, expiresInSeconds } = await presignPhotoUpload(key, contentType, size);
  return { key, uploadUrl: url, headers, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString() };
}
