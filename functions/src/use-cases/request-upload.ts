import { ulid } from 'ulid';
import type { Principal } from '../auth/token';
import { presignPhotoUpload } from '../store/photos';

/** A one-photo upload ticket; the key carries the uploader's id, which filing checks. */
export async function requestUpload(principal: Principal, contentType: 'image/jpeg' | 'image/png', size: number, now: Date) {
  const key = `uploads/${principal.userId}/${ulid(now.getTime())}.${contentType === 'image/png' ? 'png' : 'jpg'}`;
  const { url, headers, expiresInSeconds } = await presignPhotoUpload(key, contentType, size);
  return { key, uploadUrl: url, headers, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString() };
}
