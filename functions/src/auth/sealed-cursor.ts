import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Invalid } from '@fangxin/shared';
import { authConfig } from '../config';

/**
 * Cursors of the lists that are filtered to the caller's jurisdiction after they are read (triage, the
 * registry, held texts, notices, recalls, rectification orders, follow-up calls, failed notifications).
 * DynamoDB's next key there may name an item the filter hid — another town's shop or case — so the cursor
 * goes out sealed: AES-256-GCM under a key derived from the session-token secret, with the list, the caller
 * and the filters as associated data. The caller can neither read the key inside nor use the cursor for
 * another list, other filters or another person; any of these is the usual 400 naming `cursor`.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const refused = () => new Invalid('分页参数无效，请从第一页重新加载', 'cursor');

let cachedKey: { secret: Uint8Array; key: Buffer } | undefined;
function cursorKey(): Buffer {
  const { jwtSecret } = authConfig();
  // Derived, not the token key itself: one key, one use.
  if (cachedKey?.secret !== jwtSecret) cachedKey = { secret: jwtSecret, key: createHmac('sha256', jwtSecret).update('fangxin list cursor v1').digest() };
  return cachedKey.key;
}

/** What a sealed cursor is bound to: the list, who asked, and the filters that shaped it. */
export function cursorContext(list: string, userId: string, filters: Record<string, unknown> = {}): string {
  return JSON.stringify([list, userId, Object.entries(filters).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b))]);
}

export function sealCursor(cursor: string | undefined, context: string): string | undefined {
  if (!cursor) return undefined;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey(), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(cursor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

export function openCursor(sealed: string | undefined, context: string): string | undefined {
  if (!sealed) return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw refused();
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKey(), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw refused();
  }
}

/** A scoped list's two cursor ends, for one request. */
export function scopedCursor(list: string, userId: string, filters: Record<string, unknown> = {}) {
  const context = cursorContext(list, userId, filters);
  return {
    /** The client's cursor, opened (undefined for the first page). */
    incoming: (cursor: string | undefined) => openCursor(cursor, context),
    /** The page's next cursor, sealed, as the answer's `nextCursor` field (absent on the last page). */
    outgoing: (nextCursor: string | undefined): { nextCursor?: string } => {
      const sealed = sealCursor(nextCursor, context);
      return sealed ? { nextCursor: sealed } : {};
    },
  };
}
