import {
  COMPLAINT_CATEGORIES,
  COUNTY,
  FOLLOW_UP_OUTCOMES,
  INTAKE_CHANNELS,
  NOTICE_TITLES,
  OUTCOMES,
  RATINGS,
  REFERRALS,
  STATUS_LABELS,
  allowedActions,
  deadlineEstimateNote,
  describeDeadline,
  partyNoticeOf,
  maskName,
  maskPhone,
  isUnclaimed,
  type Actor,
  type ComplaintSummary,
  type ComplaintView,
  type DeadlineKind,
  type FollowUpOutcomeCode,
  type IntakeChannel,
  type LifecycleEvent,
  type OutcomeCode,
  type RatingCode,
  type ReferralCode,
  type StaffRole,
} from '@fangxin/shared';
import type { ComplaintRecord } from '../store/complaints';
import type { TextModeration } from '../store/moderation';
import type { PartyNoticeRecord } from '../store/party-notices';
import { presignPhotoView } from '../store/photos';
import { authorSideOf, presentText, userTextOf, type Viewer } from './moderation-rules';

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
  record_12315: '登记12315编号',
  expire: '期限届满，自动转办',
  recompute_deadline: '期限重新计算',
  follow_up: '电话回访',
  link_consumer: '消费者认领投诉',
};

/** Masks a mainland mobile number for people who have no need for it: 138****8000. */

function phoneFor(record: ComplaintRecord, actor: Actor): string | undefined {
  if (!record.phone) return undefined;
  // The bureau and the consumer need the number; the station that took it in, while it acts for the consumer
  // (until they claim the case: its 回访 list keeps the number for the call back).
  if (actor.kind === 'consumer' || actor.kind === 'staff') return record.phone;
  if (actor.kind === 'station') return isUnclaimed(record) ? record.phone : maskPhone(record.phone);
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
    case 'station':
      return '投诉站';
    case 'system':
      return '系统';
  }
}

/** An event as the view reads it: with its text's moderation state when it carries its author's own words. */
type ViewedEvent = LifecycleEvent & { moderation?: TextModeration };

/** `shown` stands in for the author's own words (a placeholder while they are held from this viewer). */
function eventText(event: LifecycleEvent, shown?: string): string | undefined {
  const data = event.data as Record<string, unknown>;
  const parts: string[] = [];
  if (event.type === 'propose' && data.proposal && typeof data.proposal === 'object') {
    const proposal = data.proposal as { outcome: OutcomeCode; amount?: string; dueDate: string; text: string };
    parts.push(`${OUTCOMES[proposal.outcome]}${proposal.amount ? ` ¥${proposal.amount}` : ''}，${proposal.dueDate} 前履行。${shown ?? proposal.text}`);
  }
  const notice = partyNoticeOf(event, COUNTY.name);
  if (notice) parts.push(`依据：${notice.ground.label}${notice.ground.article ? `（${notice.ground.article}）` : ''}。`);
  if (event.type === 'end_mediation' && typeof data.referral === 'string') {
    parts.push(`后续途径：${REFERRALS[data.referral as ReferralCode]}。${String(data.guidance ?? '')}`);
  }
  if (event.type === 'record_12315' && typeof data.caseNumber === 'string') parts.push(`12315平台编号：${data.caseNumber}`);
  if (event.type === 'follow_up' && typeof data.outcome === 'string') parts.push(FOLLOW_UP_OUTCOMES[data.outcome as FollowUpOutcomeCode]);
  if ((event.type === 'rate' || event.type === 'follow_up') && typeof data.rating === 'string') parts.push(RATINGS[data.rating as RatingCode]);
  if (event.type === 'follow_up' && typeof data.note === 'string') parts.push(data.note);
  for (const key of ['text', 'comment']) if (typeof data[key] === 'string') parts.push(shown ?? (data[key] as string));
  return parts.length ? parts.join(' ') : undefined;
}

/** A station speaks for the consumer it filed for: it reads texts as the consumer does. */
const viewerOf = (actor: Actor): Viewer =>
  actor.kind === 'consumer' || actor.kind === 'merchant' ? actor.kind : actor.kind === 'station' ? 'consumer' : 'staff';

/** The events this actor reads: staff all; the intake station also its own 回访 records; everyone else the shared ones. */
const seesEvent = (event: LifecycleEvent, actor: Actor) =>
  actor.kind === 'staff' || event.visibility === 'all' || (actor.kind === 'station' && event.type === 'follow_up');

/** The author's own words in an event as this viewer may see them; undefined when the event has none. */
function presentEventText(event: ViewedEvent, viewer: Viewer) {
  const own = userTextOf(event);
  const author = authorSideOf(event);
  return own !== undefined && author ? presentText(viewer, author, own, event.moderation) : undefined;
}

/** The last event of a type: where the proposal or the rating in force came from. */
const lastOfType = (events: readonly ViewedEvent[], type: LifecycleEvent['type']) => [...events].reverse().find((event) => event.type === type);

function deadlineView(record: ComplaintRecord, now: Date) {
  if (!record.deadline) return undefined;
  const described = describeDeadline(new Date(record.deadline.dueAt), now);
  const words = DEADLINE_WORDS[record.deadline.kind].replace('{due}', described.text.split('，')[0] ?? described.text);
  const rest = described.text.includes('，') ? described.text.slice(described.text.indexOf('，')) : '';
  const estimateNote = deadlineEstimateNote(record.deadline);
  return {
    kind: record.deadline.kind,
    dueAt: record.deadline.dueAt,
    text: `${words}${rest}${estimateNote ? `（${estimateNote}）` : ''}`,
    overdue: described.overdue,
    estimated: estimateNote !== undefined,
    ...(estimateNote ? { estimateNote } : {}),
  };
}

/** The notice's line on the complaint: its title for everyone, and for staff whether it has reached both parties in time. */
function noticeSummary(notice: PartyNoticeRecord | undefined, viewer: Viewer, now: Date) {
  if (!notice) return undefined;
  if (viewer !== 'staff') return { title: NOTICE_TITLES[notice.kind] };
  const reached = { ...(notice.consumerReachedAt ? { consumer: notice.consumerReachedAt } : {}), ...(notice.merchantReachedAt ? { merchant: notice.merchantReachedAt } : {}) };
  const complete = Boolean(notice.consumerReachedAt && notice.merchantReachedAt);
  return { title: NOTICE_TITLES[notice.kind], sendBy: notice.sendBy, reached, overdue: !complete && now.toISOString() > notice.sendBy };
}

/**
 * The complaint as this actor may see it: staff-only events (internal notes, assignments) only for staff,
 * the phone masked unless the viewer needs it, and the actions the domain allows this actor now. A
 * consumer's or a merchant's own words that content security holds back reach the other party as a
 * placeholder; their author and staff see them with a flag (moderation-rules.ts).
 */
export async function toComplaintView(
  record: ComplaintRecord,
  events: ViewedEvent[],
  actor: Actor,
  now: Date,
  notice?: PartyNoticeRecord,
): Promise<ComplaintView> {
  const staff = actor.kind === 'staff';
  const viewer = viewerOf(actor);
  const phone = phoneFor(record, actor);
  const description = presentText(viewer, 'consumer', record.description, record.descriptionModeration);
  // The proposal and the rating in force repeat the words of the event that made them.
  const proposalEvent = record.proposal ? lastOfType(events, 'propose') : undefined;
  const proposalText = proposalEvent ? presentEventText(proposalEvent, viewer) : undefined;
  const ratingEvent = record.rating?.comment ? lastOfType(events, 'rate') : undefined;
  const ratingComment = ratingEvent ? presentEventText(ratingEvent, viewer) : undefined;
  return {
    id: record.id,
    version: record.version,
    merchant: { id: record.merchantId, name: record.merchantName },
    townCode: record.townCode,
    category: record.category,
    categoryLabel: COMPLAINT_CATEGORIES[record.category as keyof typeof COMPLAINT_CATEGORIES] ?? record.category,
    ...(record.breachedCommitment ? { breachedCommitment: record.breachedCommitment } : {}),
    commitmentsInForce: record.commitmentsInForce,
    description: description.text,
    ...(description.moderation ? { descriptionModeration: description.moderation } : {}),
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
      ? { proposal: { ...record.proposal, text: proposalText?.text ?? record.proposal.text, outcomeLabel: OUTCOMES[record.proposal.outcome] } }
      : {}),
    ...(record.rating
      ? {
          rating: {
            rating: record.rating.rating,
            ratingLabel: RATINGS[record.rating.rating],
            ...(record.rating.comment ? { comment: ratingComment?.text ?? record.rating.comment } : {}),
            ...(record.rating.source === 'follow_up' ? { sourceLabel: '电话回访' } : {}),
          },
        }
      : {}),
    ...(record.fulfilledAt ? { fulfilledAt: record.fulfilledAt } : {}),
    ...(staff && record.assigneeId ? { assigneeId: record.assigneeId } : {}),
    // The station, once the consumer has claimed the case, has no more need of their name.
    ...((staff || actor.kind === 'station') && record.channel ? { intake: intakeView(record, actor.kind === 'station' && !isUnclaimed(record)) } : {}),
    ...(record.case12315 ? { case12315: record.case12315 } : {}),
    ...(notice ? { notice: noticeSummary(notice, viewer, now) } : {}),
    filedAt: record.filedAt,
    timeline: events
      .filter((event) => seesEvent(event, actor))
      .map((event) => {
        const own = presentEventText(event, viewer);
        const text = eventText(event, own?.text);
        return {
          type: event.type,
          at: event.at,
          actorLabel: actorLabel(event),
          title: EVENT_TITLES[event.type],
          ...(text ? { text } : {}),
          internal: event.visibility === 'staff',
          ...(own?.moderation ? { moderation: own.moderation } : {}),
          ...(actor.kind !== 'system' && event.actor.userId === actor.userId ? { byViewer: true as const } : {}),
        };
      }),
    allowedActions: allowedActions(record, actor, now),
  };
}

/** How a complaint came in, for staff and the station: the channel, the station, the consumer's name and consent. */
function intakeView(record: ComplaintRecord, nameMasked = false) {
  const channel = record.channel ?? 'mini_program';
  return {
    channel,
    channelLabel: INTAKE_CHANNELS[channel as IntakeChannel] ?? channel,
    ...(record.stationId ? { stationId: record.stationId } : {}),
    ...(record.consumerName ? { consumerName: nameMasked ? maskName(record.consumerName) : record.consumerName } : {}),
    ...(record.stationId ? { spokenConsent: record.spokenConsent === true } : {}),
  };
}

/** A line in a list. The shop's list shows a placeholder for a description held back from it. */
export function toSummary(record: ComplaintRecord, now: Date, viewer: Viewer): ComplaintSummary {
  const excerpt = [...presentText(viewer, 'consumer', record.description, record.descriptionModeration).text].slice(0, 40).join('');
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
