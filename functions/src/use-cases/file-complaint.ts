import { ulid } from 'ulid';
import {
  Conflict,
  FILED_COUNTERS,
  Forbidden,
  commitmentDeltas,
  FileComplaintRequest,
  Invalid,
  NotFound,
  fileEvent,
  initialState,
  isPubliclyVisible,
  notificationsForFiling,
  purchaseDateNotInFuture,
  resolveCommitment,
  shanghaiToday,
  type Actor,
  type ComplaintView,
} from '@fangxin/shared';
import type * as z from 'zod/mini';
import type { Principal } from '../auth/token';
import { createComplaint, loadComplaint, type ComplaintRecord } from '../store/complaints';
import { findMerchant } from '../store/merchants';
import { clocksAt } from './clocks';

import { toComplaintView } from './complaint-view';
import { checkUserText } from './content-check';
import { moderationOf, moderationTaskFor } from './moderation-rules';
import { counterWrites } from './counter-scopes';
import { DESCRIPTION_TARGET } from '../store/keys';
import { findClaim, requestHashOf, requireSameRequest } from '../store/idempotency';
import { hitRateLimit, returnRateLimitHit } from '../store/rate-limits';
import type { RateLimitName } from '../rate-limit-config';
import { checkOwnPhotos } from './photo-ownership';

/**
 * Files a complaint against a shop. The commitments in force are copied into it; the shop is told at once
 * (outbox, same transaction). A retry with the same Idempotency-Key returns the complaint the first try
 * made — never a second one.
 *
 * The description is checked with WeChat (content-check.ts) before the write, and its verdict is stored
 * with it: the shop sees it only once it is clean. Whatever WeChat says or fails to say, the complaint is
 * filed — a text WeChat could not check is held and rechecked later.
 */
/**
 * The filing limits (docs/security.md), for a new filing only: the caller has already answered a retry with
 * the same Idempotency-Key from its claim (`findClaim`), before any other check — a retry is never counted,
 * refused again, or sent to WeChat's content check again (which would let one key, sent over and over, spend
 * the app's shared check allowance). Checked after the request's own checks, before anything is written: a
 * person's hour, a person's day at this shop, the shop's day. The answer gives the counts back (`giveBack`)
 * for a filing that turns out to be its twin's: two taps at once both find no claim and both count, but only
 * one files.
 */
export async function hitFilingLimits(filer: { kind: 'consumer' | 'station'; userId: string }, merchantId: string, now: Date): Promise<{ giveBack: () => Promise<void> }> {
  const counted: Array<[RateLimitName, string]> =
    filer.kind === 'station'
      ? // A station files for many people: its own hourly limit; the shop's day counts its filings too.
        [['stationFiling', filer.userId]]
      : [
          ['filingPerPerson', filer.userId],
          ['filingPerPersonShop', `${filer.userId}#${merchantId}`],
        ];
  counted.push(['filingPerShop', merchantId]);
  const hit: Array<[RateLimitName, string]> = [];
  for (const [name, subject] of counted) {
    await hitRateLimit(name, subject, now);
    hit.push([name, subject]);
  }
  return { giveBack: () => givenBack(hit, now) };
}

/** Counts given back, for a counted try that made nothing (it lost to its twin). */
export async function givenBack(counted: ReadonlyArray<readonly [RateLimitName, string]>, countedAt: Date): Promise<void> {
  for (const [name, subject] of counted) await returnRateLimitHit(name, subject, countedAt);
}

/** Nobody files against a shop they work for: its owner and clerks answer complaints, they do not make them. */
export function refuseOwnShop(principal: Principal, merchantId: string): void {
  if (principal.roles.merchantIds.includes(merchantId)) throw new Forbidden('您是该店铺的店主或店员，不能投诉自己所在的店铺');
}

export async function fileComplaint(
  input: z.output<typeof FileComplaintRequest>,
  principal: Principal,
  idempotencyKey: string,
  now: Date,
): Promise<ComplaintView> {
  const actor: Actor = { kind: 'consumer', userId: principal.userId };
  const hash = requestHashOf(input);
  // A retry first, whatever changed since (the shop suspended meanwhile): the complaint it made stands.
  const earlier = await findClaim({ userId: principal.userId, operation: 'fileComplaint', key: idempotencyKey });
  if (earlier) return answerRetry(earlier, hash, actor, now);
  if (!purchaseDateNotInFuture(input.purchaseDate, shanghaiToday(now))) {
    throw new Invalid('购买日期不能晚于今天', 'purchaseDate');
  }
  checkOwnPhotos(input.photos, principal, 'photos');

  const merchant = await findMerchant(input.merchantId);
  if (!merchant || !isPubliclyVisible(merchant)) throw new NotFound('未找到该店铺，请重新选择被投诉的店铺');
  const commitmentsInForce = merchant.commitments.map((choice, index) => {
    const { key, title } = resolveCommitment(choice, index);
    return { key, title };
  });
  const breached = input.commitmentKey ? commitmentsInForce.find((c) => c.key === input.commitmentKey) : undefined;
  if (input.commitmentKey && !breached) throw new Invalid('所选承诺不在该店铺的承诺列表中', 'commitmentKey');
  refuseOwnShop(principal, merchant.id);
  const limits = await hitFilingLimits({ kind: 'consumer', userId: principal.userId }, merchant.id, now);

  const [{ rules, calendar }, check] = await Promise.all([clocksAt(now), checkUserText(input.description, principal.userId, now)]);
  const record: ComplaintRecord = {
    ...initialState({ consumerId: principal.userId, merchantId: merchant.id, townCode: merchant.townCode }, now, rules, calendar),
    id: ulid(now.getTime()),
    merchantName: merchant.name,
    sector: merchant.sector,
    areaType: merchant.areaType,
    category: input.category,
    ...(breached ? { breachedCommitment: breached } : {}),
    commitmentsInForce,
    commitmentsVersion: merchant.commitmentsVersion,
    description: input.description,
    descriptionModeration: moderationOf(check),
    purchaseDate: input.purchaseDate,
    ...(input.amount ? { amount: input.amount } : {}),
    wantedOutcome: input.wantedOutcome,
    photos: input.photos,
    ...(input.phone ? { phone: input.phone } : {}),
    sharePhoneWithMerchant: input.sharePhoneWithMerchant,
    filedAt: now.toISOString(),
  };
  const event = fileEvent(actor, now);
  const task = moderationTaskFor(
    check,
    { complaintId: record.id, target: DESCRIPTION_TARGET, textType: 'file', text: record.description, authorKind: 'consumer', authorUserId: principal.userId, writtenAt: event.at },
    record,
  );
  const outcome = await createComplaint(
    record,
    event,
    {
      counters: counterWrites(record, FILED_COUNTERS, commitmentDeltas('filed')),
      notifications: notificationsForFiling(record),
      ...(task ? { moderation: [task] } : {}),
    },
    { userId: principal.userId, key: idempotencyKey, requestHash: hash },
  );
  if (outcome.kind === 'created') return toComplaintView(record, [event], actor, now);

  await limits.giveBack();
  return answerRetry({ resultId: outcome.complaintId, requestHash: outcome.requestHash }, hash, actor, now);
}

/** A filing sent again with its key: the complaint the first try made, if the request is the same. */
async function answerRetry(earlier: { resultId: string; requestHash: string }, hash: string, actor: Actor, now: Date): Promise<ComplaintView> {
  requireSameRequest(earlier, hash, '投诉');
  const existing = await loadComplaint(earlier.resultId);
  if (!existing) throw new Conflict('投诉正在保存，请稍后在「我的投诉」中查看');
  return toComplaintView(existing.record, existing.events, actor, now);
}
