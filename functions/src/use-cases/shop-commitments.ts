import {
  Conflict,
  Invalid,
  TOWNS,
  Unavailable,
  shanghaiToday,
  withNewCommitments,
  type CommitmentChoice,
  type Merchant,
  type MerchantApplication,
  type MerchantRegistryView,
} from '@fangxin/shared';
import type * as z from 'zod/mini';
import type { Principal } from '../auth/token';
import { hitRateLimit, returnRateLimitHit } from '../store/rate-limits';
import { claimedResult, findClaim, requestHashOf, requireSameRequest } from '../store/idempotency';
import { findMerchant } from '../store/merchants';
import { AlreadyApplied, isUsccHeld, saveRegistryChange } from '../store/registry';
import { checkUserText } from './content-check';
import { loadShop, randomKey, requireMembership, toRegistryView } from './registry';

/**
 * The writes that put a shop's own words on its public page: an application (参创) and a change of
 * commitments. Apart from the rest of the registry because they alone ask WeChat's content check, and so
 * alone need its secret (functions/test/unit/least-privilege.test.ts).
 */

/**
 * A shop applies to join (参创): it waits as `pending` until a county admin decides. Replay-safe: the same
 * request sent again with its Idempotency-Key (the answer lost on the way) is answered the application it made,
 * counted once. One application per business (统一社会信用代码) at a time: another request for a code already
 * held — a second phone, a new key — is refused naming `uscc`; a rejected or withdrawn application frees it.
 * Only an application written counts against the day's tries: one refused for its words, or its code, or
 * because the check could not be made, gives its try back.
 */
export async function applyForMerchant(
  input: z.output<typeof MerchantApplication>,
  principal: Principal,
  idempotencyKey: string,
  now: Date,
): Promise<MerchantRegistryView> {
  const id = `QH${randomKey(8)}`;
  const claim = { userId: principal.userId, operation: 'applyForMerchant', key: idempotencyKey, requestHash: requestHashOf(input), resultId: id };
  const earlier = await findClaim(claim);
  if (earlier) return applicationMade(earlier, claim.requestHash);
  // Before the day's application count: refused here, the person keeps their tries for an application without
  // words of their own.
  const words = await countWordsToCheck(input.commitments as CommitmentChoice[], [], principal.userId, now);
  return words.spentOnlyIfAsked(async (asking) => {
    await hitRateLimit('application', principal.userId, now);
    const merchant: Merchant = {
      id,
      name: input.name,
      type: input.type,
      sector: input.sector,
      townCode: input.townCode,
      townName: TOWNS[input.townCode],
      areaType: input.areaType,
      address: input.address,
      status: 'pending',
      commitments: input.commitments as CommitmentChoice[],
      commitmentsSince: shanghaiToday(now),
      commitmentsVersion: 1,
      uscc: input.uscc,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      applicantUserId: principal.userId,
      appliedAt: now.toISOString(),
      creditFlags: [],
    };
    const saved = await givingBackOnRefusal('application', principal.userId, now, async () => {
      // A held code is refused before WeChat is asked about any words (the write checks it again), unless it is
      // held by this very request's twin (a double tap): then the answer is the application the twin made.
      if (await isUsccHeld(merchant.uscc!)) {
        if (await findClaim(claim)) return 'replayed' as const;
        throw new AlreadyApplied(undefined);
      }
      // The admin who approves sees the commitments' titles; their texts go public with the approval.
      asking();
      await checkCustomCommitments(merchant.commitments, [], principal.userId, now);
      return saveRegistryChange({ before: undefined, after: merchant, commitmentsVersion: { editedBy: principal.userId }, uscc: { hold: merchant.uscc! }, claim });
    });
    if (saved === 'replayed') {
      // Its twin made the application: one of the day's tries, not two.
      await returnRateLimitHit('application', principal.userId, now);
      return applicationMade(await claimedResult(claim), claim.requestHash);
    }
    return toRegistryView(merchant);
  });
}

/** The application an earlier try with this key made, as it stands now. */
async function applicationMade(earlier: { resultId: string; requestHash: string }, requestHash: string): Promise<MerchantRegistryView> {
  requireSameRequest(earlier, requestHash, '参创申请');
  const shop = await findMerchant(earlier.resultId);
  if (!shop) throw new Conflict('申请正在保存，请稍后再点「提交申请」，不会重复提交');
  return toRegistryView(shop);
}

/**
 * Runs a write counted against a limit, giving the count back when the write is refused (bad words, a held
 * code, a check that could not be made, a concurrent change): a person told to fix and resend is not also
 * out of tries. Errors of the store itself keep the count, as the write may have landed.
 */
async function givingBackOnRefusal<T>(limit: 'application' | 'commitmentsUpdate', subject: string, countedAt: Date, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Invalid || error instanceof Conflict || error instanceof Unavailable) await returnRateLimitHit(limit, subject, countedAt);
    throw error;
  }
}

/**
 * A shop's own commitments (custom title and text) go on its public page, the directory and the scan page as
 * soon as they are saved, with nobody to hold them as a recall notice is held: their words pass WeChat's
 * content check first, those not already on the shop's list. Risky words are refused naming the commitment,
 * and when the check cannot be made now the save waits (503) rather than publish unchecked text.
 */
async function checkCustomCommitments(choices: readonly CommitmentChoice[], already: readonly CommitmentChoice[], userId: string, now: Date): Promise<void> {
  const unchecked = toCheck(already);
  const checks = choices.map(async (choice, index) => {
    if (!unchecked(choice)) return;
    const check = await checkUserText(wordsOf(choice), userId, now);
    if (check.state === 'held') throw new Invalid('这条承诺含有不宜公示的内容，请修改后再提交', `commitments.${index}.text`);
    if (check.state === 'unchecked') throw new Unavailable('承诺内容暂时无法完成安全检查，请稍后再提交');
  });
  // Every check settles before the first refusal is answered: none is left running after the request.
  const refused = (await Promise.allSettled(checks)).find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (refused) throw refused.reason;
}

const wordsOf = (choice: Extract<CommitmentChoice, { kind: 'custom' }>) => `${choice.title}\n${choice.text}`;

/** The custom commitments whose words are not already on the shop's list: those go to WeChat's check. */
function toCheck(already: readonly CommitmentChoice[]) {
  const known = new Set(already.flatMap((choice) => (choice.kind === 'custom' ? [wordsOf(choice)] : [])));
  return (choice: CommitmentChoice): choice is Extract<CommitmentChoice, { kind: 'custom' }> => choice.kind === 'custom' && !known.has(wordsOf(choice));
}

/**
 * One of the person's day's requests to WeChat's check (`commitmentWordsCheck`), when there are words to check.
 * `spentOnlyIfAsked` runs the rest of the request and gives the count back if it ended before the words went to
 * WeChat (the next limit refused it, the code was held, a twin had made it): only asking WeChat spends it.
 */
async function countWordsToCheck(choices: readonly CommitmentChoice[], already: readonly CommitmentChoice[], userId: string, now: Date) {
  const counted = choices.some(toCheck(already));
  if (counted) await hitRateLimit('commitmentWordsCheck', userId, now);
  return {
    async spentOnlyIfAsked<T>(rest: (asking: () => void) => Promise<T>): Promise<T> {
      let asked = false;
      try {
        return await rest(() => {
          asked = true;
        });
      } finally {
        if (counted && !asked) await returnRateLimitHit('commitmentWordsCheck', userId, now);
      }
    },
  };
}

/** A new commitments version, in force from today; complaints filed before keep the version they were filed under. */
export async function updateCommitments(merchantId: string, commitments: CommitmentChoice[], seenVersion: number, principal: Principal, now: Date): Promise<MerchantRegistryView> {
  await requireMembership(merchantId, principal, 'owner');
  const before = await loadShop(merchantId);
  // Saved on the version the owner edited: a second phone's older edit, or a retry after a lost answer, is
  // refused instead of landing as one more public version. Checked before the day's count is spent.
  if (seenVersion !== before.commitmentsVersion) throw new Conflict(`本店承诺已更新为第 ${before.commitmentsVersion} 版，请刷新后再修改`);
  const words = await countWordsToCheck(commitments, before.commitments, principal.userId, now);
  return words.spentOnlyIfAsked(async (asking) => {
    await hitRateLimit('commitmentsUpdate', merchantId, now);
    const after = withNewCommitments(before, commitments, shanghaiToday(now));
    await givingBackOnRefusal('commitmentsUpdate', merchantId, now, async () => {
      asking();
      await checkCustomCommitments(commitments, before.commitments, principal.userId, now);
      await saveRegistryChange({
        before,
        after,
        ...(after.status === 'active' ? { directory: 'publish' as const } : {}),
        commitmentsVersion: { editedBy: principal.userId },
      });
    });
    return toRegistryView(after);
  });
}
