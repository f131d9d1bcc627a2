import {
  Conflict,
  Forbidden,
  NotFound,
  RECALL_KINDS,
  coversTown,
  recallPublic,
  type ManagedRecallPage,
  type ManagedRecallView,
  type RecallInput,
  type RecallReview,
  type StaffRecallInput,
  type WithdrawRecall,
} from '@fangxin/shared';
import { ulid } from 'ulid';
import type { Principal } from '../auth/token';
import { findRecall, listAllRecalls, listShopRecalls, publishRecallOnce, saveRecall, type AuditNote, type StoredRecall } from '../store/content';
import { claimedResult, findClaim, requestHashOf, requireSameRequest, type IdempotencyClaim } from '../store/idempotency';
import type { PageRequest } from '../store/cursor';
import { findMerchant } from '../store/merchants';
import type { TextModeration } from '../store/text-moderation.schema';
import { hitRateLimit, returnRateLimitHit } from '../store/rate-limits';
import { checkUserText } from './content-check';
import { requireMembership } from './registry';
import { pageOf, toRecallView } from './public-recalls';
import { scopedCursor } from '../auth/sealed-cursor';

/**
 * Recall notices (缺陷产品召回 / 不合格商品退市). A shop's owner publishes for their shop; regulators (their
 * towns) and admins publish for a shop or, county-wide staff, for the whole county. A shop's text goes
 * through the same WeChat content check as complaint texts before the public sees it; what the check holds
 * waits for a regulator or admin to release or block it. Staff texts are not checked (as for complaints).
 * Withdrawn notices leave the public lists at once. docs/content.md.
 */

const recallNotFound = () => new NotFound('未找到该召回信息，或不在您的辖区');

const shopRecallNotFound = () => new NotFound('未找到该召回信息');

function statusLabel(recall: StoredRecall): string {
  if (recall.state === 'withdrawn') return '已撤回';
  if (recall.moderation.state === 'blocked') return '未通过内容审核，未公示';
  if (recall.moderation.state === 'held' || recall.moderation.state === 'unchecked') return '内容审核中，暂未公示';
  return '公示中';
}

const awaitsReview = (recall: StoredRecall) => recall.state === 'published' && (recall.moderation.state === 'held' || recall.moderation.state === 'unchecked');

/** A notice as the shop (its owner, or a clerk, who may only read) or staff who may act on it see it. */
function managedView(recall: StoredRecall, as: 'owner' | 'clerk' | 'staff'): ManagedRecallView {
  const actions: ManagedRecallView['allowedActions'] = [];
  if (recall.state === 'published' && (as === 'staff' || (as === 'owner' && recall.publishedBy.kind === 'merchant'))) actions.push('withdraw');
  if (as === 'staff' && awaitsReview(recall)) actions.push('release', 'block');
  return {
    ...toRecallView(recall),
    state: recall.state,
    moderationState: recall.moderation.state,
    statusLabel: statusLabel(recall),
    public: recallPublic(recall),
    ...(recall.withdrawnAt ? { withdrawnAt: recall.withdrawnAt } : {}),
    ...(recall.withdrawReason ? { withdrawReason: recall.withdrawReason } : {}),
    version: recall.version,
    allowedActions: actions,
  };
}

/** The words WeChat checks: every field a person typed, as one text (one call, one verdict for the notice). */
const textOf = (input: RecallInput) => [input.product, input.batch, input.reason, input.consumerAction, input.source].join('\n');

async function moderationOf(input: RecallInput, authorUserId: string, now: Date): Promise<TextModeration> {
  const check = await checkUserText(textOf(input), authorUserId, now);
  if (check.state === 'unchecked') return { state: 'unchecked' };
  return { state: check.state, label: check.label, checkedAt: check.checkedAt };
}

// — replays —

/** What an earlier try with this key published, if there was one (checked before the rate limit: a retry is not a new notice). */
async function replayOf(claim: IdempotencyClaim, what: string): Promise<StoredRecall | undefined> {
  const earlier = await findClaim(claim);
  if (!earlier) return undefined;
  requireSameRequest(earlier, claim.requestHash, what);
  return (await findRecall(earlier.resultId)) ?? undefined;
}

/** The notice a twin request published with this key while this one was on its way. */
async function claimedRecall(claim: IdempotencyClaim, what: string): Promise<StoredRecall> {
  const claimed = await claimedResult(claim);
  requireSameRequest(claimed, claim.requestHash, what);
  const recall = await findRecall(claimed.resultId);
  if (!recall) throw new Conflict('召回信息正在保存，请稍后刷新列表');
  return recall;
}

// — the shop —

/** The shop's owner publishes a notice for their shop. Another shop: 404; a clerk: 403. A retry with the same key: the same notice. */
export async function publishShopRecall(merchantId: string, input: RecallInput, principal: Principal, idempotencyKey: string, now: Date): Promise<ManagedRecallView> {
  await requireMembership(merchantId, principal, 'owner');
  const claim = { userId: principal.userId, operation: 'publishRecall', key: idempotencyKey, requestHash: requestHashOf({ merchantId, ...input }), resultId: '' };
  const replay = await replayOf(claim, '召回信息');
  if (replay) return managedView(replay, 'owner');
  await hitRateLimit('recallPublish', merchantId, now);
  const shop = await findMerchant(merchantId);
  if (!shop) throw new NotFound('未找到该店铺，或您已不是该店人员');
  const moderation = await moderationOf(input, principal.userId, now);
  const recall: StoredRecall = {
    id: ulid(now.getTime()),
    ...input,
    merchantId: shop.id,
    merchantName: shop.name,
    townCode: shop.townCode,
    state: 'published',
    moderation,
    publishedBy: { kind: 'merchant', userId: principal.userId },
    publishedAt: now.toISOString(),
    version: 1,
  };
  if ((await publishRecallOnce(recall, undefined, { ...claim, resultId: recall.id })) === 'replayed') {
    // Its twin published it: the shop's day counts one notice, not two.
    await returnRateLimitHit('recallPublish', merchantId, now);
    return managedView(await claimedRecall(claim, '召回信息'), 'owner');
  }
  return managedView(recall, 'owner');
}

export async function withdrawShopRecall(merchantId: string, recallId: string, input: WithdrawRecall, principal: Principal, now: Date): Promise<ManagedRecallView> {
  await requireMembership(merchantId, principal, 'owner');
  const before = await findRecall(recallId);
  if (!before || before.merchantId !== merchantId) throw shopRecallNotFound();
  if (before.publishedBy.kind !== 'merchant') throw new Forbidden('市场监管部门发布的召回信息只能由监管部门撤回');
  const withdrawnByMe = ownWithdrawal(input, principal);
  if (madeFrom(before, input.version, withdrawnByMe)) return managedView(before, 'owner');
  const after = withdrawn(before, input, principal, now);
  return managedView(await savedOrTwins(after, before, undefined, input.version, withdrawnByMe), 'owner');
}

/**
 * A change sent again after its answer was lost — or twice at once, by a double tap — is answered with the
 * notice as it stands when that change is what the notice shows, made from the version this request saw:
 * nothing is written or audited twice, and the person is not told someone else acted.
 */
function madeFrom(current: StoredRecall, seenVersion: number, made: (recall: StoredRecall) => boolean): boolean {
  return current.version === seenVersion + 1 && made(current);
}

/** The person's own withdrawal, for the reason they gave. */
const ownWithdrawal = (input: WithdrawRecall, principal: Principal) => (recall: StoredRecall) =>
  recall.state === 'withdrawn' && recall.withdrawnBy === principal.userId && recall.withdrawReason === input.reason;

/** Saves the change; when a twin saved the same change first, answers the twin's. */
async function savedOrTwins(after: StoredRecall, before: StoredRecall, audit: AuditNote | undefined, seenVersion: number, made: (recall: StoredRecall) => boolean): Promise<StoredRecall> {
  try {
    await saveRecall(after, before, audit);
    return after;
  } catch (error) {
    const current = error instanceof Conflict ? await findRecall(after.id) : undefined;
    if (current && madeFrom(current, seenVersion, made)) return current;
    throw error;
  }
}

export async function shopRecallsForMerchant(merchantId: string, page: PageRequest, principal: Principal): Promise<ManagedRecallPage> {
  const member = await requireMembership(merchantId, principal);
  const read = await listShopRecalls(merchantId, false, page);
  return pageOf(read.items.map((recall) => managedView(recall, member.role === 'owner' ? 'owner' : 'clerk')), read.nextCursor);
}

function withdrawn(before: StoredRecall, input: WithdrawRecall, principal: Principal, now: Date): StoredRecall {
  if (before.state === 'withdrawn') throw new Conflict('该召回信息已撤回');
  if (before.version !== input.version) throw new Conflict('该召回信息刚刚已被他人处理，请刷新后查看');
  return { ...before, state: 'withdrawn', withdrawnAt: now.toISOString(), withdrawnBy: principal.userId, withdrawReason: input.reason, version: before.version + 1 };
}

// — bureau staff —

/** Regulators and admins publish and manage recall notices; mediators (消协) read only. */
function staffOf(principal: Principal) {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('只有监管部门工作人员可以使用此功能');
  return staff;
}

/** Staff who may publish and act on notices (not mediators). On a notice, checked after its reach: 404 first. */
function recallOfficer(principal: Principal) {
  const staff = staffOf(principal);
  if (staff.role === 'mediator') throw new Forbidden('调解员不能发布或处理召回信息');
  return staff;
}

const staffAudit = (principal: Principal, role: string, action: string, detail: string, at: string): AuditNote => ({
  staffUserId: principal.userId,
  role,
  action,
  subjectType: 'recall',
  detail,
  at,
});

/**
 * Staff publish for a shop in their jurisdiction (outside it: 404, as for any shop they cannot see), or —
 * county-wide staff only — a county-wide notice without a shop.
 */
export async function publishStaffRecall(input: StaffRecallInput, principal: Principal, idempotencyKey: string, now: Date): Promise<ManagedRecallView> {
  const staff = recallOfficer(principal);
  const claim = { userId: principal.userId, operation: 'staffPublishRecall', key: idempotencyKey, requestHash: requestHashOf(input), resultId: '' };
  const { merchantId, ...fields } = input;
  let shop: { id: string; name: string; townCode: string } | undefined;
  if (merchantId) {
    shop = await findMerchant(merchantId);
    if (!shop || !coversTown(staff.jurisdiction, shop.townCode)) throw new NotFound('未找到该店铺，或不在您的辖区');
  } else if (staff.jurisdiction !== 'county') {
    throw new Forbidden('全县范围的召回信息由县级工作人员发布；请选择辖区内的店铺');
  }
  const at = now.toISOString();
  const recall: StoredRecall = {
    id: ulid(now.getTime()),
    ...fields,
    ...(shop ? { merchantId: shop.id, merchantName: shop.name, townCode: shop.townCode } : {}),
    state: 'published',
    // Staff texts are not sent to WeChat's check (as for complaints): the publishing officer answers for them.
    moderation: { state: 'released', checkedAt: at },
    publishedBy: { kind: 'staff', userId: principal.userId },
    publishedAt: at,
    version: 1,
  };
  const note = staffAudit(principal, staff.role, 'recall_published', `${RECALL_KINDS[recall.kind]}：${recall.product}${shop ? `（${shop.name}）` : '（全县）'}`, at);
  if ((await publishRecallOnce(recall, note, { ...claim, resultId: recall.id })) === 'replayed') return managedView(await claimedRecall(claim, '召回信息'), 'staff');
  return managedView(recall, 'staff');
}

async function recallInReach(id: string, jurisdiction: 'county' | readonly string[]): Promise<StoredRecall> {
  const recall = await findRecall(id);
  // A county-wide notice has no town: only county-wide staff reach it (coversTown).
  if (!recall || !coversTown(jurisdiction, recall.townCode)) throw recallNotFound();
  return recall;
}

export async function withdrawStaffRecall(id: string, input: WithdrawRecall, principal: Principal, now: Date): Promise<ManagedRecallView> {
  const before = await recallInReach(id, staffOf(principal).jurisdiction);
  const staff = recallOfficer(principal);
  const withdrawnByMe = ownWithdrawal(input, principal);
  if (madeFrom(before, input.version, withdrawnByMe)) return managedView(before, 'staff');
  const after = withdrawn(before, input, principal, now);
  const audit = staffAudit(principal, staff.role, 'recall_withdrawn', `${before.product}：${input.reason}`, now.toISOString());
  return managedView(await savedOrTwins(after, before, audit, input.version, withdrawnByMe), 'staff');
}

/** Release a shop's notice the content check held (it goes public) or block it (it never does). Once. */
export async function reviewRecall(id: string, input: RecallReview, principal: Principal, now: Date): Promise<ManagedRecallView> {
  const before = await recallInReach(id, staffOf(principal).jurisdiction);
  const staff = recallOfficer(principal);
  const state = input.decision === 'release' ? 'released' : 'blocked';
  // The notice records the decision, not who made it: the same decision from the same version stands for this one.
  const decided = (recall: StoredRecall) => recall.moderation.state === state;
  if (madeFrom(before, input.version, decided)) return managedView(before, 'staff');
  if (!awaitsReview(before)) throw new Conflict('该召回信息无需审核或已审核，请刷新后查看');
  if (before.version !== input.version) throw new Conflict('该召回信息刚刚已被他人处理，请刷新后查看');
  const at = now.toISOString();
  const after: StoredRecall = { ...before, moderation: { ...before.moderation, state, checkedAt: at }, version: before.version + 1 };
  const audit = staffAudit(principal, staff.role, `recall_${input.decision}`, `${before.product}：${state === 'released' ? '放行' : '屏蔽'}`, at);
  return managedView(await savedOrTwins(after, before, audit, input.version, decided), 'staff');
}

/**
 * Staff's list: every notice in their jurisdiction, newest first. One Query on the county's partition; the
 * jurisdiction narrows the page (a page may hold fewer than `limit` — follow `nextCursor`).
 */
export async function staffRecalls(page: PageRequest, principal: Principal): Promise<ManagedRecallPage> {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('只有监管部门工作人员可以使用此功能');
  const pager = scopedCursor('staff-recalls', principal.userId);
  const read = await listAllRecalls({ cursor: pager.incoming(page.cursor), limit: page.limit });
  const visible = read.items.filter((recall) => coversTown(staff.jurisdiction, recall.townCode));
  return {
    items: visible.map((recall) => {
      const view = managedView(recall, 'staff');
      return staff.role === 'mediator' ? { ...view, allowedActions: [] } : view;
    }),
    ...pager.outgoing(read.nextCursor),
  };
}
