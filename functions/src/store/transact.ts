import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { execute as executeTransaction } from 'dynamodb-toolbox/entity/actions/transactWrite';

/**
 * DynamoDB cancelled a transaction only because it was throttled: no condition failed and no other
 * transaction held an item. Named as the SDK names throttling, so the route answers 503 「系统繁忙，请稍后重试」
 * (and a retry with the same Idempotency-Key is safe) instead of a catch below reading it as a conflict —
 * 「刚刚被他人更新」, or a twin's result looked for and not found — when nothing was written.
 */
export class TransactionThrottled extends Error {
  override readonly name = 'ThrottlingException';
}

const throttledOnly = (error: unknown): boolean => {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('ThrottlingError') && codes.every((code) => code === 'None' || code === 'ThrottlingError');
};

/** The toolbox's transactional write, with a throttled cancellation told apart from a failed condition. */
export const execute = (async (...args: Parameters<typeof executeTransaction>) => {
  try {
    return await executeTransaction(...args);
  } catch (error) {
    if (throttledOnly(error)) throw new TransactionThrottled('transaction cancelled by throttling', { cause: error });
    throw error;
  }
}) as typeof executeTransaction;
