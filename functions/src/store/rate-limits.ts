import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { RateLimited } from '@fangxin/shared';
import { RateLimitEntity } from './quiz.entities';
import { ConfigError } from '../config';

/**
 * Fixed-window rate limits kept in the table: one counter item per limit, subject and window, incremented by
 * a conditional update (only while under the limit) and removed by TTL after the window. One request, no
 * read-then-write race: of any number of concurrent hits exactly `limit` pass in a window. Plain updates, not
 * transactions: a hot counter (a shop on 3·15) serialises instead of cancelling (see docs/campaign.md).
 *
 * Windows are aligned to China time, so "a day" is a calendar day in Shanghai. The limits are configuration:
 * the defaults below, each `limit` overridable per deployment with `FANGXIN_RATE_LIMITS` (JSON, e.g.
 * `{"filingPerPerson":10}`). docs/security.md lists them with their reasons.
 */
export const RATE_LIMITS = {
  /** Complaints one person files per hour: a consumer with a real dispute files one or two. */
  filingPerPerson: { limit: 5, windowSeconds: 3_600, message: '您提交投诉过于频繁，请一小时后再试；紧急情况请拨打 12315' },
  /** Complaints one person files against one shop per day: one dispute is one complaint (add to it instead). */
  filingPerPersonShop: { limit: 3, windowSeconds: 86_400, message: '您今天已对该店铺提交过投诉，请在「我的投诉」中跟进或补充说明' },
  /** Complaints against one shop per day, from everyone: far above a busy shop's 3·15, low enough to stop a flood of accounts. */
  filingPerShop: { limit: 100, windowSeconds: 86_400, message: '该店铺今日收到的投诉异常多，系统暂停接收，请明日再试或拨打 12315' },
  /** Complaints one station's staff member files per hour, for walk-in and phone consumers. */
  stationFiling: { limit: 60, windowSeconds: 3_600, message: '代为登记过于频繁，请稍后再试' },
  /** Merchant applications (参创申请) per person per day. */
  application: { limit: 3, windowSeconds: 86_400, message: '今日提交的参创申请过多，请明日再试' },
  /** Shop binding-code tries (店员/店主绑定) per person per hour: the code cannot be guessed at this rate. */
  bindingCode: { limit: 10, windowSeconds: 3_600, message: '绑定尝试过于频繁，请一小时后再试' },
  /** Photo upload tickets per person per hour (9 photos a complaint, a few retries). */
  upload: { limit: 60, windowSeconds: 3_600, message: '上传过于频繁，请稍后再试' },
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

/** China time is UTC+8 all year: windows start at Shanghai's midnight (and on its hours). */
const SHANGHAI_OFFSET_SECONDS = 8 * 3_600;

let overrides: Partial<Record<RateLimitName, number>> | undefined;

/** `FANGXIN_RATE_LIMITS`, read once: positive integers for known names, or the deployment fails loudly. */
export function rateLimitOverrides(env: NodeJS.ProcessEnv = process.env): Partial<Record<RateLimitName, number>> {
  const text = env.FANGXIN_RATE_LIMITS?.trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('FANGXIN_RATE_LIMITS must be JSON, e.g. {"filingPerPerson":10}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError('FANGXIN_RATE_LIMITS must be a JSON object');
  for (const [name, limit] of Object.entries(parsed)) {
    if (!(name in RATE_LIMITS)) throw new ConfigError(`FANGXIN_RATE_LIMITS names an unknown limit: ${name}`);
    if (!Number.isInteger(limit) || (limit as number) < 1) throw new ConfigError(`FANGXIN_RATE_LIMITS.${name} must be a positive integer`);
  }
  return parsed as Partial<Record<RateLimitName, number>>;
}

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
