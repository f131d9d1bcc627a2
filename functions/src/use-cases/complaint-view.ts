import {
  COMPLAINT_CATEGORIES,
  NOT_ACCEPTED_REASONS,
  OUTCOMES,
  RATINGS,
  REFERRALS,
  STATUS_LABELS,
  allowedActions,
  describeDeadline,
  type Actor,
  type ComplaintSummary,
  type ComplaintView,
  type DeadlineKind,
  type LifecycleEvent,
  type NotAcceptedReasonCode,
  type OutcomeCode,
  type RatingCode,
  type ReferralCode,
  type StaffRole,
} from '@fangxin/shared';
import type { ComplaintRecord } from '../store/complaints';
import { presignPhotoView } from '../store/photos';

const ROLE_LABELS: Record<StaffRole, string> = { regulator: '市场监管所', mediator: '消费者协会', admin: '联席会议办公室' };

const DEADLINE_WORDS: Record<DeadlineKind, string> = {
  merchant_first_reply: '商家须在 {due}答复',
  merchant_proposal: '商家须在 {due}提出处理方案',
  consumer_answer: '消费者须在 {due}答复和解方案（逾期视为不接受，转监管部门）',
  accept_decision: '监管部门须在 {due}决定是否受理',
  mediation: '调解须在 {due}结束',
};

const EVENT_TITLES: Record<LifecycleEvent['type'], string> = {
  file: '提交投诉',
  reply: '商家答复',
  propose: '商家提出和解方案',
  decline: '商家拒绝处理',
  fulfil: '商家标记已履行',
  accept_proposal: '消费者接受和解方案',
  reject_proposal: '消费者不接受和解方案',
  escalate: '消费者申请监管部门介入',
  withdraw: '消费者撤回投诉',
  rate: '消费者评价',
  claim: '工作人员认领',
  assign: '分派工作人员',
  accept: '监管部门受理',
  not_accept: '监管部门不予受理',
  record_mediation: '调解记录',
  close_mediated: '调解成功，达成协议',
  end_mediation: '调解终止',
  note: '内部备注',
  expire: '期限届满，自动转办',
};

/** Masks a mainland mobile number for people who have no need for it: 138****8000. */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

function phoneFor(record: ComplaintRecord, actor: Actor): string | undefined {
  if (!record.phone) return undefined;
  if (actor.kind === 'consumer' || actor.kind === 'staff') return record.phone;
  return record.sharePhoneWithMerchant ? record.phone : maskPhone(record.phone);
}

function actorLabel(event: LifecycleEvent): string {
  switch (event.actor.kind) {
    case 'consumer':
      return '消费者';
    case 'merchant':
      return '商家';
    case 'staff':
      return event.actor.role ? ROLE_LABELS[event.actor.role] : '监管部门';
    case 'system':
      return '系统';
  }
}

function eventText(event: LifecycleEvent): string | undefined {
  const data = event.data as Record<string, unknown>;
  const parts: string[] = [];
  if (event.type === 'propose' && data.proposal && typeof data.proposal === 'object') {
    const proposal = data.proposal as { outcome: OutcomeCode; amount?: string; dueDate: string; text: string };
    parts.push(`${OUTCOMES[proposal.outcome]}${proposal.amount ? ` ¥${proposal.amount}` : ''}，${proposal.dueDate} 前履行。${proposal.text}`);
  }
  if (event.type === 'not_accept' && typeof data.reason === 'string') parts.push(`理由：${NOT_ACCEPTED_REASONS[data.reason as NotAcceptedReasonCode]}`);
  if (event.type === 'end_mediation' && typeof data.referral === 'string') {
    parts.push(`后续途径：${REFERRALS[data.referral as ReferralCode]}。${String(data.guidance ?? '')}`);
  }
  if (event.type === 'rate' && typeof data.rating === 'string') parts.push(RATINGS[data.rating as RatingCode]);
  for (const key of ['text', 'comment']) if (typeof data[key] === 'string') parts.push(data[key] as string);
  return parts.length ? parts.join(' ') : undefined;
}

function deadlineView(record: ComplaintRecord, now: Date) {
  if (!record.deadline) return undefined;
  const described = describeDeadline(new Date(record.deadline.dueAt), now);
  const words = DEADLINE_WORDS[record.deadline.kind].replace('{due}', described.text.split('，')[0] ?? described.text);
  const rest = described.text.includes('，') ? described.text.slice(described.text.indexOf('，')) : '';
  return { kind: record.deadline.kind, dueAt: record.deadline.dueAt, text: `${words}${rest}`, overdue: described.overdue };
}

/**
 * The complaint as this actor may see it: staff-only events (internal notes, assignments) only for staff,
 * the phone masked unless the viewer needs it, and the actions the domain allows this actor now.
 */
export async function toComplaintView(record: ComplaintRecord, events: LifecycleEvent[], actor: Actor, now: Date): Promise<ComplaintView> {
  const staff = actor.kind === 'staff';
  const phone = phoneFor(record, actor);
  return {
    id: record.id,
    version: record.version,
    merchant: { id: record.merchantId, name: record.merchantName },
    townCode: record.townCode,
    category: record.category,
    categoryLabel: COMPLAINT_CATEGORIES[record.category as keyof typeof COMPLAINT_CATEGORIES] ?? record.category,
    ...(record.breachedCommitment ? { breachedCommitment: record.breachedCommitment } : {}),
    commitmentsInForce: record.commitmentsInForce,
    description: record.description,
    purchaseDate: record.purchaseDate,
    ...(record.amount ? { amount: record.amount } : {}),
    wantedOutcome: record.wantedOutcome,
    wantedOutcomeLabel: OUTCOMES[record.wantedOutcome as OutcomeCode] ?? record.wantedOutcome,
    photos: await Promise.all(record.photos.map(async (key) => ({ key, url: await presignPhotoView(key) }))),
    ...(phone ? { phone } : {}),
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    ...(record.deadline ? { deadline: deadlineView(record, now) } : {}),
    ...(record.proposal
      ? { proposal: { ...record.proposal, outcomeLabel: OUTCOMES[record.proposal.outcome] } }
      : {}),
    ...(record.rating
      ? { rating: { rating: record.rating.rating, ratingLabel: RATINGS[record.rating.rating], ...(record.rating.comment ? { comment: record.rating.comment } : {}) } }
      : {}),
    ...(record.fulfilledAt ? { fulfilledAt: record.fulfilledAt } : {}),
    ...(staff && record.assigneeId ? { assigneeId: record.assigneeId } : {}),
    filedAt: record.filedAt,
    timeline: events
      .filter((event) => staff || event.visibility === 'all')
      .map((event) => {
        const text = eventText(event);
        return {
          type: event.type,
          at: event.at,
          actorLabel: actorLabel(event),
          title: EVENT_TITLES[event.type],
          ...(text ? { text } : {}),
          internal: event.visibility === 'staff',
        };
      }),
    allowedActions: allowedActions(record, actor, now),
  };
}

export function toSummary(record: ComplaintRecord, now: Date): ComplaintSummary {
  const excerpt = [...record.description].slice(0, 40).join('');
  return {
    id: record.id,
    merchantName: record.merchantName,
    townCode: record.townCode,
    sector: record.sector,
    categoryLabel: COMPLAINT_CATEGORIES[record.category as keyof typeof COMPLAINT_CATEGORIES] ?? record.category,
    excerpt,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    filedAt: record.filedAt,
    ...(record.deadline ? { deadline: deadlineView(record, now) } : {}),
  };
}
