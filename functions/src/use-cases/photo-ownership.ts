import { createHmac } from 'node:crypto';
import { Invalid } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { authConfig } from '../config';

/**
 * Whose uploads a photo key belongs to, without saying who that is. Upload keys are
 * `uploads/<folder>/<ulid>.<ext>`, the folder an HMAC of the uploader's id under the session key: a shop or
 * a station that sees a complaint's photo keys learns nothing about the consumer's internal id, and nobody can
 * make a key that passes as someone else's upload.
 */
export function uploadFolderOf(userId: string): string {
  return createHmac('sha256', authConfig().jwtSecret).update(`upload-folder:${userId}`).digest('base64url').slice(0, 22);
}

/** A new upload's key for this person. */
export const uploadKeyFor = (userId: string, id: string, extension: 'jpg' | 'png') => `uploads/${uploadFolderOf(userId)}/${id}.${extension}`;

/** Photos must be the caller's own uploads: nobody attaches another's (400 naming the first foreign one). */
export function checkOwnPhotos(keys: readonly string[], principal: Principal, field: string): void {
  const own = `uploads/${uploadFolderOf(principal.userId)}/`;
  const foreign = keys.findIndex((key) => !key.startsWith(own));
  if (foreign >= 0) throw new Invalid('照片上传信息无效，请重新上传', `${field}.${foreign}`);
}
