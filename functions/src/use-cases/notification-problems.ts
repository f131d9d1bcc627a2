import { audienceOf, coversTown, Forbidden, RECIPIENT_LABELS, type NotificationProblem, type NotificationProblemPage } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { findMerchant } from '../store/merchants';
import { listAttentionItems, type OutboxItem } from '../store/outbox';
import { scopedCursor } from '../auth/sealed-cursor';

/**
 * Notifications that failed for good, newest first, in the caller's jurisdiction — the bureau's list of
 * shops (and people) to phone. One Query on the attention index, plus one GetItem per distinct shop on
 * the page for its contact phone. The jurisdiction narrows the page read, so a page can be short:
 * follow `nextCursor`.
 */
export async function notificationProblems(principal: Principal, cursor: string | undefined, limit: number): Promise<NotificationProblemPage> {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('仅监管人员可查看');
  const pager = scopedCursor('notification-problems', principal.userId);
  const page = await listAttentionItems({ cursor: pager.incoming(cursor), limit });
  // Each entry opens what it was about: its complaint's case page, or the rectification order — a shop that
  // never heard of its 整改通知 must be phoned as much as one that never heard of a complaint.
  const visible = page.items.filter((item) => (item.complaintId !== undefined || item.rectificationId !== undefined) && coversTown(staff.jurisdiction, item.townCode));

  const merchantIds = [...new Set(visible.flatMap((item) => (item.recipient.kind === 'merchant' && item.merchantId ? [item.merchantId] : [])))];
  const phones = new Map((await Promise.all(merchantIds.map(async (id) => [id, (await findMerchant(id))?.contactPhone] as const))).filter(([, phone]) => phone));

  return {
    items: visible.map((item) => toProblem(item, item.merchantId ? phones.get(item.merchantId) : undefined)),
    ...pager.outgoing(page.nextCursor),
  };
}

function toProblem(item: OutboxItem, contactPhone: string | undefined): NotificationProblem {
  const state = item.state === 'dead' ? 'dead' : 'undeliverable';
  return {
    id: item.outboxId,
    ...(item.complaintId ? { complaintId: item.complaintId } : { rectificationId: item.rectificationId }),
    recipientLabel: RECIPIENT_LABELS[audienceOf(item.recipient.kind)],
    headline: item.headline,
    state,
    reason: item.lastError ?? (state === 'dead' ? '多次发送失败' : '无法送达'),
    attempts: item.attempts,
    ...(item.merchantId ? { merchantId: item.merchantId } : {}),
    ...(item.merchantName ? { merchantName: item.merchantName } : {}),
    ...(item.townCode ? { townCode: item.townCode } : {}),
    ...(item.createdAt ? { createdAt: item.createdAt } : {}),
    ...(item.settledAt ? { settledAt: item.settledAt } : {}),
    ...(contactPhone && item.recipient.kind === 'merchant' ? { contactPhone } : {}),
  };
}
