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
import { hitRateLimit } from '../store/rate-limits';
import { saveRegistryChange } from '../store/registry';
import { checkUserText } from './content-check';
import { loadShop, randomKey, requireMembership, toRegistryView } from './registry';

/**
 * The writes that put a shop's own words on its public page: an application (参创) and a change of
 * commitments. Apart from the rest of the registry because they alone ask WeChat's content check, and so
 * alone need its secret (functions/test/unit/least-privilege.test.ts).
 */

/**
 * A shop applies to join (参创): it waits as `pending` until a county admin decides. One application per
 * business (统一社会信用代码) at a time: sent twice — a double tap, a second phone — the second answers 409 with
 * the first's id instead of making a twin; a rejected or withdrawn application frees the code again.
 */
export async function applyForMerchant(input: z.output<typeof MerchantApplication>, principal: Principal, now: Date): Promise<MerchantRegistryView> {
  await hitRateLimit('application', principal.userId, now);
  // The admin who approves sees the commitments' titles; their texts go public with the approval.
  await checkCustomCommitments(input.commitments as CommitmentChoice[], [], principal.userId, now);
  const merchant: Merchant = {
    id: `QH${randomKey(8)}`,
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
  await saveRegistryChange({ before: undefined, after: merchant, commitmentsVersion: { editedBy: principal.userId }, uscc: { hold: merchant.uscc! } });
  return toRegistryView(merchant);
}

/**
 * A shop's own commitments (custom title and text) go on its public page, the directory and the scan page as
 * soon as they are saved, with nobody to hold them as a recall notice is held: their words pass WeChat's
 * content check first, those not already on the shop's list. Risky words are refused naming the commitment,
 * and when the check cannot be made now the save waits (503) rather than publish unchecked text.
 */
async function checkCustomCommitments(choices: readonly CommitmentChoice[], already: readonly CommitmentChoice[], userId: string, now: Date): Promise<void> {
  const wordsOf = (choice: Extract<CommitmentChoice, { kind: 'custom' }>) => `${choice.title}\n${choice.text}`;
  const known = new Set(already.flatMap((choice) => (choice.kind === 'custom' ? [wordsOf(choice)] : [])));
  const checks = choices.map(async (choice, index) => {
    if (choice.kind !== 'custom' || known.has(wordsOf(choice))) return;
    const check = await checkUserText(wordsOf(choice), userId, now);
    if (check.state === 'held') throw new Invalid('这条承诺含有不宜公示的内容，请修改后再提交', `commitments.${index}.text`);
    if (check.state === 'unchecked') throw new Unavailable('承诺内容暂时无法完成安全检查，请稍后再提交');
  });
  // Every check settles before the first refusal is answered: none is left running after the request.
  const refused = (await Promise.allSettled(checks)).find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (refused) throw refused.reason;
}

/** A new commitments version, in force from today; complaints filed before keep the version they were filed under. */
export async function updateCommitments(merchantId: string, commitments: CommitmentChoice[], seenVersion: number, principal: Principal, now: Date): Promise<MerchantRegistryView> {
  await requireMembership(merchantId, principal, 'owner');
  const before = await loadShop(merchantId);
  // Saved on the version the owner edited: a second phone's older edit, or a retry after a lost answer, is
  // refused instead of landing as one more public version. Checked before the day's count is spent.
  if (seenVersion !== before.commitmentsVersion) throw new Conflict(`本店承诺已更新为第 ${before.commitmentsVersion} 版，请刷新后再修改`);
  await hitRateLimit('commitmentsUpdate', merchantId, now);
  await checkCustomCommitments(commitments, before.commitments, principal.userId, now);
  const after = withNewCommitments(before, commitments, shanghaiToday(now));
  await saveRegistryChange({
    before,
    after,
    ...(after.status === 'active' ? { directory: 'publish' as const } : {}),
    commitmentsVersion: { editedBy: principal.userId },
  });
  return toRegistryView(after);
}
