import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { RateLimited } from '@fangxin/shared';
import { RateLimitEntity } from './quiz.entities';

/**
 * Fixed-window rate limits kept in the table: one counter item per limit, subject and window, incremented by
 * a conditional update (only while under the limit) and removed by TTL after the window. One request, no
 * read-then-write race: of any number of concurrent hits exactly `limit` pass in a window.
 *
 * The limits are configuration, documented in docs/campaign.md ("quiz and survey") and docs/stations.md: change them here.
 */
export const RATE_LIMITS = {
  /** Quiz attempts per signed-in person per hour (graded ones included: each is a request to grade). */
  quizAttempt: { limit: 20, windowSeconds: 3_600, message: '答题过于频繁，请稍后再试' },
  /** Survey submissions per signed-in person per hour. */
  surveyResponse: { limit: 20, windowSeconds: 3_600, message: '提交过于频繁，请稍后再试' },
  /** Claim-code tries per signed-in person per hour: 8 digits cannot be guessed at this rate (docs/stations.md). */
  claimCode: { limit: 10, windowSeconds: 3_600, message: '认领尝试过于频繁，请一小时后再试' },
  /** Station binding-code tries per signed-in person per hour. */
  stationCode: { limit: 10, windowSeconds: 3_600, message: '绑定尝试过于频繁，请一小时后再试' },
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;

/** TTL slack after the window ends (DynamoDB removes expired items within a day or two; reads ignore old windows anyway). */
const EXPIRY_SLACK_SECONDS = 60;

/**
 * Counts one hit of `subject` (e.g. a user id) against the named limit; throws RateLimited with the seconds
 * until the window ends (the API edge sends them as `Retry-After`) once the limit is reached.
 */
export async function hitRateLimit(name: RateLimitName, subject: string, now: Date): Promise<void> {
  const { limit, windowSeconds, message } = RATE_LIMITS[name];
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
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
