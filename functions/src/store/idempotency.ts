import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { Conflict } from '@fangxin/shared';
import { IdempotencyEntity } from './support.entities';

/**
 * Replay-safe creates. A create route that the client may retry (a cold network, a double tap) carries an
 * `Idempotency-Key`; the create's transaction also writes a claim on that key, conditioned on it not existing.
 * A second try with the same key is cancelled by that condition and answered with what the first try made.
 *
 * Claims are scoped by person and operation (one person's key never collides with another's, nor a
 * complaint's key with an inspection's) and expire after 24 h (TTL).
 */
export interface IdempotencyClaim {
  userId: string;
  /** The route's name, e.g. `fileComplaint`. */
  operation: string;
  key: string;
  /** What the request said (see `requestHashOf`): the same key with a different request is refused. */
  requestHash: string;
  /** The id of what the create made. */
  resultId: string;
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

const scopedKeyOf = (claim: Pick<IdempotencyClaim, 'userId' | 'operation' | 'key'>) => `${claim.userId}#${claim.operation}#${claim.key}`;

/** The same JSON for the same request, whatever the key order: what a retry must match. */
export function requestHashOf(body: unknown): string {
  const canonical = JSON.stringify(body, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The claim's write, for the create's own transaction: fails if the key was claimed already. */
export function claimWrite(claim: IdempotencyClaim, at: string) {
  return IdempotencyEntity.build(PutTransaction)
    .item({
      scopedKey: scopedKeyOf(claim),
      resultId: claim.resultId,
      requestHash: claim.requestHash,
      expiresAt: Math.floor(Date.parse(at) / 1000) + IDEMPOTENCY_TTL_SECONDS,
    })
    .options({ condition: { attr: 'scopedKey', exists: false } });
}

/** Whether the transaction that carried the claim at `index` was cancelled because the key was already claimed. */
export function claimWasTaken(error: unknown, index: number): boolean {
  return error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
}

/**
 * What the earlier try with this key made. A twin still in flight may not have committed yet, so this looks
 * a few times before giving up with a 409 the person can act on.
 */
export async function claimedResult(claim: Pick<IdempotencyClaim, 'userId' | 'operation' | 'key'>): Promise<{ resultId: string; requestHash: string }> {
  const scopedKey = scopedKeyOf(claim);
  for (let attempt = 0; attempt < 5; attempt++) {
    const { Item } = await IdempotencyEntity.build(GetItemCommand).key({ scopedKey }).options({ consistent: true }).send();
    if (Item) return { resultId: Item.resultId, requestHash: Item.requestHash };
    await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
  }
  throw new Conflict('提交过于频繁，请稍后刷新查看是否已提交成功');
}

/** The claim on this key if an earlier try made one (one consistent read): a retry is not a new request to count. */
export async function findClaim(claim: Pick<IdempotencyClaim, 'userId' | 'operation' | 'key'>): Promise<{ resultId: string; requestHash: string } | undefined> {
  const { Item } = await IdempotencyEntity.build(GetItemCommand).key({ scopedKey: scopedKeyOf(claim) }).options({ consistent: true }).send();
  return Item ? { resultId: Item.resultId, requestHash: Item.requestHash } : undefined;
}

/** A retry must be the same request: a key reused for a different one is a client bug or a stale page. */
export function requireSameRequest(claimed: { requestHash: string }, requestHash: string, what: string): void {
  if (claimed.requestHash !== requestHash) {
    throw new Conflict(`该请求编号已用于另一份${what}，请刷新页面后重新提交`, 'Idempotency-Key');
  }
}
