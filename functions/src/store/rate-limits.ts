import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { RateLimited } from '@fangxin/shared';
import { RateLimitEntity } from './quiz.entities';
import { RATE_LIMITS, rateLimitOverrides, type RateLimitName } from '../rate-limit-config';

/** China time is UTC+8 all year: windows start at Shanghai's midnight (and on its hours). */
const SHANGHAI_OFFSET_SECONDS = 8 * 3_600;

let overrides: Partial<Record<RateLimitName, number>> | undefined;

/**
 * Fixed-window rate limits kept in the table: one counter item per limit, subject and window, incremented by
 * a conditional update (only while under the limit) and removed by TTL after the window. One request, no
 * read-then-write race: of any number of concurrent hits exactly `limit` pass in a window. Plain updates, not
 * transactions: a hot counter (a shop on 3·15) serialises instead of cancelling (see docs/campaign.md).
 *
 * Windows are aligned to China time, so "a day" is a calendar day in Shanghai. The limits are configuration
 * (rate-limit-config.ts): defaults, each `limit` overridable per deployment with `FANGXIN_RATE_LIMITS`.
 */

/** The limit in force for `name`: the deployment's override, else the default. */
export function limitOf(name: RateLimitName): number {
  overrides ??= rateLimitOverrides();
  return overrides[name] ?? RATE_LIMITS[name].limit;
}

/** TTL slack after the window ends (DynamoDB removes expired items within a day or two; reads ignore old windows anyway). */
const EXPIRY_SLACK_SECONDS = 60;

/**
 * Counts one hit of `subject` (e.g. a user id) against the named limit; throws RateLimited with the seconds
 * until the window ends (the API edge sends them as `Retry-After`) once the limit is reached.
 */
export async function hitRateLimit(name: RateLimitName, subject: string, now: Date): Promise<void> {
  const { windowSeconds, message } = RATE_LIMITS[name];
  const limit = limitOf(name);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - ((nowSeconds + SHANGHAI_OFFSET_SECONDS) % windowSeconds);
  const windowEnd = windowStart + windowSeconds;
  try {
    await RateLimitEntity.build(UpdateItemCommand)
      .item({ subject: `${name}#${subject}`, window: String(windowStart), hits: $add(1), expiresAt: windowEnd + EXPIRY_SLACK_SECONDS })
      .options({ condition: { or: [{ attr: 'hits', exists: false }, { attr: 'hits', lt: limit }] } })
      .send();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException') {
      throw new RateLimited(message, windowEnd - nowSeconds);
    }
    throw error;
  }
}

/**
 * Gives one hit back to this window's count, for a counted attempt that did nothing (a text the provider
 * refused): never below zero, and nothing when the window has already passed.
 */
export async function returnRateLimitHit(name: RateLimitName, subject: string, countedAt: Date): Promise<void> {
  const { windowSeconds } = RATE_LIMITS[name];
  const seconds = Math.floor(countedAt.getTime() / 1000);
  const windowStart = seconds - ((seconds + SHANGHAI_OFFSET_SECONDS) % windowSeconds);
  try {
    await RateLimitEntity.build(UpdateItemCommand)
      .item({ subject: `${name}#${subject}`, window: String(windowStart), hits: $add(-1) })
      .options({ condition: { attr: 'hits', gt: 0 } })
      .send();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException') return;
    throw error;
  }
}
