import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { RateLimited } from '@fangxin/shared';
import { RateCounterEntity } from './station.entities';

/**
 * Rate limits on what a stranger can write, kept in the table so every Lambda container sees the same
 * count: a fixed window per rule and person (or per target), counted with one conditional update — the
 * attempt over the limit is refused by the condition, so parallel attempts can never pass the limit
 * together. Counters expire with the table's TTL a window after they end.
 */
export interface RateRule {
  /** A short name, part of the key: `claim-code`, `station-code`… */
  name: string;
  limit: number;
  windowSeconds: number;
  /** What the person is told when refused (Chinese); the wait is sent as Retry-After. */
  message: string;
}

/** Counts one attempt of `who` under `rule`; throws `RateLimited` (429, Retry-After) past the limit. */
export async function consumeRate(rule: RateRule, who: string, now: Date): Promise<void> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  const windowEnd = windowStart + rule.windowSeconds;
  try {
    await RateCounterEntity.build(UpdateItemCommand)
      .item({ bucket: `${rule.name}#${who}#${windowStart}`, count: $add(1), expiresAt: windowEnd + rule.windowSeconds })
      .options({ condition: { or: [{ attr: 'count', exists: false }, { attr: 'count', lt: rule.limit }] } })
      .send();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException') {
      throw new RateLimited(rule.message, undefined, Math.max(1, windowEnd - nowSeconds));
    }
    throw error;
  }
}
