import type { LifecycleEvent, LifecycleState } from './lifecycle';
import { noticeKindOf, type NoticeKind } from './party-notice';

type EventType = LifecycleEvent['type'];
import { STATUS_LABELS, isUnclaimed } from './lifecycle';

/**
 * Who must hear about an event. The store writes these as outbox items in the transition's transaction;
 * the outbox dispatcher delivers them (subscribe message, SMS fallback).
 */
export type Recipient =
  | { kind: 'consumer'; userId: string }
  | { kind: 'merchant'; merchantId: string }
  | { kind: 'staff_town'; townCode: string }
  | { kind: 'staff_user'; userId: string };

export interface NotificationIntent {
  recipient: Recipient;
  /** Short status phrase for the message (WeChat `phrase` ≤ 5 chars is enforced by the dispatcher). */
  headline: string;
  status: string;
  /** The message carries the written notice of a refusal or of the end of mediation (it opens the notice). */
  notice?: NoticeKind;
}

const TO_CONSUMER: ReadonlySet<EventType> = new Set([
  'reply',
  'propose',
  'decline',
  'accept',
  'not_accept',
  'close_mediated',
  'end_mediation',
  'expire',
  'fulfil',
]);
const TO_MERCHANT: ReadonlySet<EventType> = new Set([
  'accept_proposal',
  'reject_proposal',
  'escalate',
  'withdraw',
  'accept',
  'not_accept',
  'close_mediated',
  'end_mediation',
  'expire',
  'rate',
]);

const HEADLINES: Partial<Record<EventType, string>> = {
  reply: '商家已答复',
  propose: '和解方案',
  decline: '商家拒绝',
  fulfil: '已履行',
  accept_proposal: '已接受',
  reject_proposal: '已拒绝',
  escalate: '申请介入',
  withdraw: '已撤回',
  rate: '已评价',
  accept: '已受理',
  not_accept: '不予受理',
  close_mediated: '调解成功',
  end_mediation: '调解终止',
  expire: '已超期',
};

/** The notification a new complaint causes: the shop must hear at once (消费纠纷不出店门). */
export function notificationsForFiling(state: Pick<LifecycleState, 'merchantId'>): NotificationIntent[] {
  return [{ recipient: { kind: 'merchant', merchantId: state.merchantId }, headline: '新投诉', status: STATUS_LABELS.submitted }];
}

export function notificationsFor(event: LifecycleEvent, state: LifecycleState): NotificationIntent[] {
  if (event.visibility === 'staff') {
    return event.type === 'assign' && typeof event.data.assigneeId === 'string'
      ? [{ recipient: { kind: 'staff_user', userId: event.data.assigneeId }, headline: '分派投诉', status: STATUS_LABELS[state.status] }]
      : [];
  }
  const headline = HEADLINES[event.type] ?? '进度更新';
  const status = STATUS_LABELS[state.status];
  const notice = noticeKindOf(event);
  const withNotice = notice ? { notice } : {};
  const intents: NotificationIntent[] = [];
  // A complaint a station filed and the consumer has not claimed has nobody to message in the app: the station
  // follows it on its ledger, and the consumer sees everything once they claim it.
  if (TO_CONSUMER.has(event.type) && !isUnclaimed(state)) intents.push({ recipient: { kind: 'consumer', userId: state.consumerId }, headline, status, ...withNotice });
  if (TO_MERCHANT.has(event.type)) intents.push({ recipient: { kind: 'merchant', merchantId: state.merchantId }, headline, status, ...withNotice });
  const withBureau = event.from === 'escalated' || event.from === 'accepted' || event.from === 'mediating';
  if (event.type === 'withdraw' && withBureau) {
    // The bureau is working on it: whoever holds the case (or the town's staff) must know it is over.
    intents.push({
      recipient: state.assigneeId ? { kind: 'staff_user', userId: state.assigneeId } : { kind: 'staff_town', townCode: state.townCode },
      headline,
      status,
    });
  }
  if (event.to === 'escalated' && event.from !== 'escalated') {
    intents.push({ recipient: { kind: 'staff_town', townCode: state.townCode }, headline: '待受理', status });
  }
  return intents;
}
