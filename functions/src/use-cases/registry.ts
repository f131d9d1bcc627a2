import { randomInt } from 'node:crypto';
import {
  Conflict,
  Forbidden,
  Invalid,
  MERCHANT_STATUS_LABELS,
  NotFound,
  SECTORS,
  coversTown,
  isCountyAdmin,
  publicBadge,
  resolveCommitment,
  shanghaiToday,
  toCsv,
  type BindingCode,
  type CreditFlag,
  type ResolveCreditFlag,
  type Merchant,
  type MerchantRegistryView,
  type MerchantStatus,
  type Session,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { issueToken } from '../auth/token';
import { findMerchant } from '../store/merchants';
import {
  findBindingCode,
  findShopMember,
  listCreditFlagged,
  listMerchantsByStatus,
  listShopMembers,
  ALREADY_MEMBER,
  redeemBinding,
  removeShopMember,
  saveRegistryChange,
} from '../store/registry';
import { hitRateLimit, returnRateLimitHit } from '../store/rate-limits';
import { claimedResult, findClaim, requestHashOf, requireSameRequest } from '../store/idempotency';
import { redeemOnce } from './one-time-codes';
import { findUser } from '../store/users';
import { scopedCursor } from '../auth/sealed-cursor';
import { BINDING_CODE_REFUSED } from '../store/binding-code-refusal';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const randomKey = (length: number) => Array.from({ length }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');
const BINDING_TTL_SECONDS = 14 * 24 * 60 * 60;

export function toRegistryView(merchant: Merchant): MerchantRegistryView {
  return {
    id: merchant.id,
    name: merchant.name,
    type: merchant.type,
    uscc: merchant.uscc ?? '',
    sector: merchant.sector,
    sectorLabel: SECTORS[merchant.sector],
    townCode: merchant.townCode,
    townName: merchant.townName,
    areaType: merchant.areaType,
    address: merchant.address,
    contactName: merchant.contactName ?? '',
    contactPhone: merchant.contactPhone ?? '',
    status: merchant.status,
    statusLabel: MERCHANT_STATUS_LABELS[merchant.status],
    ...(merchant.statusReason ? { statusReason: merchant.statusReason } : {}),
    badgeLabel: publicBadge(merchant).label,
    creditFlags: merchant.creditFlags,
    resolvedCreditFlags: (merchant.resolvedCreditFlags ?? []).map(({ source, date, description, recordedAt, resolvedAt, resolution }) => ({ source, date, description, recordedAt, resolvedAt, resolution })),
    commitments: merchant.commitments.map((choice, index) => {
      const { key, title } = resolveCommitment(choice, index);
      return { key, title };
    }),
    commitmentsVersion: merchant.commitmentsVersion,
    commitmentsSince: merchant.commitmentsSince,
    ...(merchant.appliedAt ? { appliedAt: merchant.appliedAt } : {}),
  };
}

type Staff = NonNullable<Principal['roles']['staff']>;

/**
 * The caller as staff with one of `roles`. With the shop's town: a shop outside the caller's jurisdiction is
 * 404 whatever their role, before the role is looked at, so that a real id answers as an unknown one does.
 */
function requireStaff(principal: Principal, roles: ReadonlyArray<Staff['role']>, townCode?: string): Staff {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('您的岗位无权进行此操作');
  if (townCode && !coversTown(staff.jurisdiction, townCode)) {
    throw new NotFound('未找到该店铺');
  }
  if (!roles.includes(staff.role)) throw new Forbidden('您的岗位无权进行此操作');
  return staff;
}

/** Before a shop is read: someone who is not staff at all learns nothing of which ids exist. */
function requireSomeStaff(principal: Principal): void {
  if (!principal.roles.staff) throw new Forbidden('您的岗位无权进行此操作');
}

export async function loadShop(merchantId: string): Promise<Merchant> {
  const merchant = await findMerchant(merchantId);
  if (!merchant) throw new NotFound('未找到该店铺');
  return merchant;
}


export async function listRegistry(principal: Principal, status: MerchantStatus, town: string | undefined, cursor: string | undefined, limit: number) {
  const staff = requireStaff(principal, ['admin', 'regulator', 'mediator']);
  if (town && !coversTown(staff.jurisdiction, town)) throw new Forbidden('该乡镇不在您的辖区');
  const pager = scopedCursor('registry', principal.userId, { status, town });
  const page = await listMerchantsByStatus(status, town, { cursor: pager.incoming(cursor), limit });
  const visible = page.items.filter((m) => coversTown(staff.jurisdiction, m.townCode));
  return { items: visible.map(toRegistryView), ...pager.outgoing(page.nextCursor) };
}

/**
 * Approve (→ 参创单位, with a one-time binding code for the owner) or reject with a reason. County admins. Sent
 * again with the same Idempotency-Key (the answer was lost on the way), it answers the decision already made —
 * with the owner's binding code while it is unused, which otherwise only that lost answer carried.
 */
export async function decideApplication(
  merchantId: string,
  decision: { decision: 'approve' } | { decision: 'reject'; reason: string },
  principal: Principal,
  idempotencyKey: string,
  now: Date,
): Promise<{ merchant: MerchantRegistryView; binding?: BindingCode }> {
  requireStaff(principal, ['admin']);
  const before = await loadShop(merchantId);
  // An admin of some towns does not see another town's applicants (404), nor decide their own towns' (403).
  const staff = requireStaff(principal, ['admin'], before.townCode);
  if (!isCountyAdmin(staff)) throw new Forbidden('参创申请由县联席会议办公室管理员审核');
  const claim = { userId: principal.userId, operation: 'decideApplication', key: idempotencyKey, requestHash: requestHashOf({ merchantId, ...decision }), resultId: '' };
  const earlier = await findClaim(claim);
  if (earlier) return replayedDecision(before, earlier, claim.requestHash, now);
  // Decided already (by another admin, or under another key): a conflict with what stands, as for the siblings.
  if (before.status !== 'pending') throw new Conflict(`该店铺当前状态为「${MERCHANT_STATUS_LABELS[before.status]}」，无需审核`);
  const audit = { staffUserId: principal.userId, role: staff.role, at: now.toISOString() };
  if (decision.decision === 'reject') {
    const after: Merchant = { ...before, status: 'rejected', statusReason: decision.reason };
    // A rejected business may apply again (with what the admin asked it to correct).
    const saved = await saveRegistryChange({ before, after, audit: { ...audit, action: 'reject', detail: decision.reason }, ...(before.uscc ? { uscc: { release: before.uscc } } : {}), claim: { ...claim, resultId: REJECTED } });
    if (saved === 'replayed') return replayedDecision(await loadShop(merchantId), await claimedResult(claim), claim.requestHash, now);
    return { merchant: toRegistryView(after) };
  }
  const after: Merchant = { ...before, status: 'active', badge: { kind: 'participant' }, commitmentsSince: shanghaiToday(now) };
  const binding = { code: randomKey(8), role: 'owner' as const, issuedBy: principal.userId, expiresAt: Math.floor(now.getTime() / 1000) + BINDING_TTL_SECONDS };
  const saved = await saveRegistryChange({ before, after, directory: 'publish', binding, audit: { ...audit, action: 'approve' }, claim: { ...claim, resultId: binding.code } });
  if (saved === 'replayed') return replayedDecision(await loadShop(merchantId), await claimedResult(claim), claim.requestHash, now);
  return {
    merchant: toRegistryView(after),
    binding: { code: binding.code, role: 'owner', merchantId: after.id, expiresAt: new Date(binding.expiresAt * 1000).toISOString() },
  };
}

const REJECTED = 'rejected';

/** The answer to a decision sent again: the shop as it stands, and the owner's code if the decision issued one still unused. */
async function replayedDecision(shop: Merchant, earlier: { resultId: string; requestHash: string }, requestHash: string, now: Date) {
  requireSameRequest(earlier, requestHash, '审核决定');
  const code = earlier.resultId === REJECTED ? undefined : await findBindingCode(earlier.resultId);
  const live = code && !code.usedBy && code.merchantId === shop.id && code.expiresAt * 1000 > now.getTime();
  return {
    merchant: toRegistryView(shop),
    ...(live ? { binding: { code: code.code, role: 'owner' as const, merchantId: shop.id, expiresAt: new Date(code.expiresAt * 1000).toISOString() } } : {}),
  };
}

const STATUS_MOVES: Record<'suspend' | 'revoke' | 'reinstate', { from: MerchantStatus[]; to: MerchantStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
  reinstate: { from: ['suspended'], to: 'active' },
};

/**
 * Suspend, revoke (摘牌) or reinstate, with a reason; regulators in their towns and county admins. The same
 * change sent again (the shop already in that status for that reason) answers the shop as it stands.
 */
export async function changeMerchantStatus(
  merchantId: string,
  change: { action: 'suspend' | 'revoke' | 'reinstate'; reason: string; seenStatus: Merchant['status'] },
  principal: Principal,
  now: Date,
): Promise<MerchantRegistryView> {
  requireSomeStaff(principal);
  const before = await loadShop(merchantId);
  const staff = requireStaff(principal, ['admin', 'regulator'], before.townCode);
  const move = STATUS_MOVES[change.action];
  // The same change already made, with the same reason: the staff member's retry after a lost answer.
  if (before.status === move.to && before.statusReason === change.reason) return toRegistryView(before);
  // Someone else changed it since this person looked (a suspension while they chose 摘牌): they decide again.
  if (before.status !== change.seenStatus) {
    const why = before.statusReason ? `（理由：${before.statusReason}）` : '';
    throw new Conflict(`该店铺已被他人改为「${MERCHANT_STATUS_LABELS[before.status]}」${why}，请刷新后再决定`, 'seenStatus');
  }
  if (!move.from.includes(before.status)) {
    throw new Invalid(`该店铺当前状态为「${MERCHANT_STATUS_LABELS[before.status]}」，不能进行此操作`, 'action');
  }
  const after: Merchant = { ...before, status: move.to, statusReason: change.reason };
  const made = (shop: Merchant) => shop.status === move.to && shop.statusReason === change.reason;
  return toRegistryView(
    await savedOrTwins(merchantId, made, () =>
      saveRegistryChange({
        before,
        after,
        directory: move.to === 'active' ? 'publish' : 'withdraw',
        audit: { staffUserId: principal.userId, role: staff.role, action: change.action, detail: change.reason, at: now.toISOString() },
      }).then(() => after),
    ),
  );
}

/**
 * Saves a staff change to a shop; when the save loses to a twin (the same change sent twice at once: a double
 * tap, a retry while the first was on its way) that already made it, answers the shop as the twin left it.
 */
async function savedOrTwins(merchantId: string, made: (shop: Merchant) => boolean, save: () => Promise<Merchant>): Promise<Merchant> {
  try {
    return await save();
  } catch (error) {
    const current = error instanceof Conflict ? await findMerchant(merchantId, { consistent: true }) : undefined;
    if (current && made(current)) return current;
    throw error;
  }
}

/**
 * Records a violation (credit flag): the shop shows it, joins the 联合惩戒 list, and cannot be awarded. Sent again
 * with the same Idempotency-Key (a lost answer), it is recorded once and the shop is answered as it now stands.
 */
export async function recordViolation(merchantId: string, flag: CreditFlag, principal: Principal, idempotencyKey: string, now: Date): Promise<MerchantRegistryView> {
  requireSomeStaff(principal);
  const before = await loadShop(merchantId);
  const staff = requireStaff(principal, ['admin', 'regulator'], before.townCode);
  const claim = { userId: principal.userId, operation: 'recordViolation', key: idempotencyKey, requestHash: requestHashOf({ merchantId, ...flag }), resultId: merchantId };
  const earlier = await findClaim(claim);
  if (earlier) {
    requireSameRequest(earlier, claim.requestHash, '违法违规记录');
    return toRegistryView(before);
  }
  if (flag.date > shanghaiToday(now)) throw new Invalid('认定日期不能晚于今天', 'date');
  const after: Merchant = { ...before, creditFlags: [...before.creditFlags, { ...flag, recordedAt: now.toISOString() }] };
  const saved = await saveRegistryChange({
    before,
    after,
    ...(after.status === 'active' ? { directory: 'publish' as const } : {}),
    audit: { staffUserId: principal.userId, role: staff.role, action: 'record_violation', detail: `${flag.source}：${flag.description}`, at: now.toISOString() },
    claim,
  });
  if (saved === 'replayed') requireSameRequest(await claimedResult(claim), claim.requestHash, '违法违规记录');
  return toRegistryView(saved === 'saved' ? after : await loadShop(merchantId));
}

/**
 * Resolves one flag (信用修复): it moves from the shop's flags to its resolved ones, with who, when and why, and
 * the shop leaves the 联合惩戒 list once none is left. A flag already resolved is 409 (sent again with the same
 * reason, the shop as it stands); one the shop never had, 404.
 * The move changes the size of the flags, so it is conditioned like a new flag: an edit of the shop read before
 * it is refused rather than bring the flag back.
 */
export async function resolveViolation(merchantId: string, input: ResolveCreditFlag, principal: Principal, now: Date): Promise<MerchantRegistryView> {
  requireSomeStaff(principal);
  const before = await loadShop(merchantId);
  const staff = requireStaff(principal, ['admin', 'regulator'], before.townCode);
  const flag = before.creditFlags.find((each) => each.recordedAt === input.recordedAt);
  if (!flag) {
    const done = (before.resolvedCreditFlags ?? []).find((each) => each.recordedAt === input.recordedAt);
    // Resolved already for the same reason: the staff member's retry after a lost answer.
    if (done?.resolution === input.resolution) return toRegistryView(before);
    if (done) throw new Conflict('该违法违规记录已经解除');
    throw new NotFound('未找到该违法违规记录', 'recordedAt');
  }
  const resolved = { ...flag, resolvedAt: now.toISOString(), resolvedBy: principal.userId, resolution: input.resolution };
  const after: Merchant = {
    ...before,
    creditFlags: before.creditFlags.filter((each) => each !== flag),
    resolvedCreditFlags: [...(before.resolvedCreditFlags ?? []), resolved],
  };
  const made = (shop: Merchant) => (shop.resolvedCreditFlags ?? []).some((each) => each.recordedAt === input.recordedAt && each.resolution === input.resolution);
  return toRegistryView(
    await savedOrTwins(merchantId, made, () =>
      saveRegistryChange({
        before,
        after,
        ...(after.status === 'active' ? { directory: 'publish' as const } : {}),
        audit: { staffUserId: principal.userId, role: staff.role, action: 'resolve_violation', detail: `${flag.date} ${flag.source}：${input.resolution}`, at: now.toISOString() },
      }).then(() => after),
    ),
  );
}

export async function creditList(principal: Principal, cursor: string | undefined, limit: number) {
  const staff = requireStaff(principal, ['admin', 'regulator', 'mediator']);
  const pager = scopedCursor('credit-list', principal.userId);
  const page = await listCreditFlagged({ cursor: pager.incoming(cursor), limit });
  const visible = page.items.filter((m) => coversTown(staff.jurisdiction, m.townCode));
  return { items: visible.map(toRegistryView), ...pager.outgoing(page.nextCursor) };
}

/**
 * Uses a binding code; answers with a fresh session whose roles include the shop. The person who used a code
 * and sends it again (the answer was lost on the way) is answered the same, while they still work there.
 */
export async function redeemBindingCode(code: string, principal: Principal, now: Date): Promise<Session> {
  // Counted before the code is looked up, so a wrong guess costs a try like a right one.
  await hitRateLimit('bindingCode', principal.userId, now);
  const binding = await findBindingCode(code);
  if (!binding || binding.expiresAt * 1000 < now.getTime()) throw new Invalid(BINDING_CODE_REFUSED, 'code');
  if (binding.usedBy) return answerUsedBindingCode(binding, principal, now);
  const member = await findShopMember(binding.merchantId, principal.userId);
  if (member && (binding.role === 'clerk' || member.role === 'owner')) throw new Conflict(ALREADY_MEMBER, 'code');
  const redeemed = await redeemOnce(
    () => redeemBinding({ code, merchantId: binding.merchantId, role: binding.role }, principal, now.toISOString()),
    () => findBindingCode(code),
    principal.userId,
    (used) => answerUsedBindingCode(used, principal, now),
  );
  return redeemed === 'redeemed' ? sessionFor(principal, binding.merchantId, now) : redeemed.answer;
}

async function answerUsedBindingCode(binding: { merchantId: string; usedBy?: string }, principal: Principal, now: Date): Promise<Session> {
  if (binding.usedBy !== principal.userId || !(await findShopMember(binding.merchantId, principal.userId))) throw new Invalid(BINDING_CODE_REFUSED, 'code');
  return sessionFor(principal, binding.merchantId, now);
}

async function sessionFor(principal: Principal, merchantId: string, now: Date): Promise<Session> {
  const user = await findUser(principal.userId);
  const roles = user?.roles ?? { ...principal.roles, merchantIds: [...new Set([...principal.roles.merchantIds, merchantId])] };
  const { token, expiresAt } = await issueToken({ ...principal, roles }, now);
  return { token, expiresAt, user: { id: principal.userId, displayName: principal.displayName, roles } };
}

/** The caller's membership of a shop, checked live (a removed clerk loses access at once); 404 otherwise. */
export async function requireMembership(merchantId: string, principal: Principal, role?: 'owner') {
  const member = await findShopMember(merchantId, principal.userId);
  if (!member) throw new NotFound('未找到该店铺，或您已不是该店人员');
  if (role && member.role !== role) throw new Forbidden('只有店主可以进行此操作');
  return member;
}

/** The owner: a one-time code for a new clerk. Sent again with its Idempotency-Key, the same code while it is unused. */
export async function inviteClerk(merchantId: string, principal: Principal, idempotencyKey: string, now: Date): Promise<BindingCode> {
  await requireMembership(merchantId, principal, 'owner');
  const binding = { code: randomKey(8), role: 'clerk' as const, issuedBy: principal.userId, expiresAt: Math.floor(now.getTime() / 1000) + BINDING_TTL_SECONDS };
  const claim = { userId: principal.userId, operation: 'inviteClerk', key: idempotencyKey, requestHash: requestHashOf({ merchantId }), resultId: binding.code };
  const earlier = await findClaim(claim);
  if (earlier) return clerkCodeAgain(earlier, claim.requestHash, merchantId, now);
  await hitRateLimit('clerkInvite', merchantId, now);
  const before = await loadShop(merchantId);
  const saved = await saveRegistryChange({ before, after: before, binding, claim });
  if (saved === 'replayed') {
    await returnRateLimitHit('clerkInvite', merchantId, now);
    return clerkCodeAgain(await claimedResult(claim), claim.requestHash, merchantId, now);
  }
  return { code: binding.code, role: 'clerk', merchantId, expiresAt: new Date(binding.expiresAt * 1000).toISOString() };
}

/** The clerk code an earlier try with this key made, while nobody has used it. */
async function clerkCodeAgain(earlier: { resultId: string; requestHash: string }, requestHash: string, merchantId: string, now: Date): Promise<BindingCode> {
  requireSameRequest(earlier, requestHash, '店员绑定码');
  const code = await findBindingCode(earlier.resultId);
  if (!code || code.usedBy || code.merchantId !== merchantId || code.expiresAt * 1000 < now.getTime()) throw new Conflict('这个绑定码已被使用或已过期，请重新生成');
  return { code: code.code, role: 'clerk', merchantId, expiresAt: new Date(code.expiresAt * 1000).toISOString() };
}

export async function shopPeople(merchantId: string, principal: Principal) {
  await requireMembership(merchantId, principal);
  const members = await listShopMembers(merchantId);
  return { items: members.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, since: m.since })) };
}

/**
 * Removes a clerk; answers the people left. Removing someone no longer there (the owner's retry after a lost
 * answer, a second phone) answers the same list; the owner is never removed this way.
 */
export async function removeClerk(merchantId: string, userId: string, principal: Principal) {
  await requireMembership(merchantId, principal, 'owner');
  const member = await findShopMember(merchantId, userId);
  if (member?.role === 'owner') throw new Invalid('该人员不是本店店员', 'userId');
  if (member) {
    try {
      await removeShopMember(merchantId, userId);
    } catch (error) {
      // Removed by a twin request meanwhile: the same outcome.
      if (!(error instanceof Invalid) || (await findShopMember(merchantId, userId))) throw error;
    }
  }
  return shopPeople(merchantId, principal);
}



/** The 联合惩戒 list as CSV for the staff member's jurisdiction (all pages). */
export async function creditListCsv(principal: Principal, now: Date): Promise<string> {
  requireStaff(principal, ['admin', 'regulator', 'mediator']);
  await hitRateLimit('fileExport', principal.userId, now);
  const rows: Array<Array<string | number>> = [['店铺名称', '统一社会信用代码', '乡镇（街道）', '行业', '状态', '来源', '认定日期', '情况说明']];
  let cursor: string | undefined;
  do {
    const page = await creditList(principal, cursor, 50);
    for (const shop of page.items) {
      for (const flag of shop.creditFlags) {
        rows.push([shop.name, shop.uscc, shop.townName, shop.sectorLabel, shop.statusLabel, flag.source, flag.date, flag.description]);
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return toCsv(rows);
}
