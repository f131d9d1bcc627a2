import { textCheckLabel, type LifecycleEvent, type ModerationState, type TextModerationView } from '@fangxin/shared';
import type { HoldReason, ModerationTask, TextModeration } from '../store/moderation';
import { DESCRIPTION_TARGET, EVENT_KEY, eventTarget } from '../store/keys';
import type { TextCheck } from './content-check';

/**
 * The rules of content security, pure: whose text is checked, who sees what while it is held, and the
 * words for each state. The view, filing, commands, the recheck job and the reviewers' queue all use them.
 */

/** Whose words a text is; staff and system texts are not checked. */
export type AuthorSide = 'consumer' | 'merchant';
/** Who is looking. */
export type Viewer = 'consumer' | 'merchant' | 'staff';

/** What the other party sees in place of a text they may not see (yet). */
export const PLACEHOLDERS = {
  held: '该内容正在审核，审核通过后显示',
  blocked: '该内容未通过审核，已被屏蔽',
} as const;

const AUTHOR_NOTES: Record<Exclude<ModerationState, 'pass' | 'released'>, string> = {
  held: '该内容正在审核，审核通过后对方才能看到',
  unchecked: '该内容正在审核，审核通过后对方才能看到',
  blocked: '该内容未通过审核，对方看不到',
};

const STAFF_NOTES: Record<Exclude<ModerationState, 'pass'>, string> = {
  held: '内容安全检测未通过，待人工审核，对方暂时看不到',
  unchecked: '尚未完成内容安全检测（微信接口暂不可用），系统将自动复检，对方暂时看不到',
  released: '已由工作人员审核放行',
  blocked: '已由工作人员屏蔽，对方看不到',
};

export const STATE_LABELS: Record<ModerationState, string> = {
  pass: '已通过',
  held: '待审核',
  unchecked: '待复检',
  released: '已放行',
  blocked: '已屏蔽',
};

/** What a text is, in words, by the event that carries it (`file`: the complaint's description). */
export const TEXT_LABELS: Partial<Record<LifecycleEvent['type'], string>> = {
  file: '投诉描述',
  reply: '商家答复',
  propose: '和解方案说明',
  decline: '商家拒绝理由',
  fulfil: '履行说明',
  reject_proposal: '不接受方案的理由',
  escalate: '申请介入说明',
  withdraw: '撤回原因',
  rate: '评价内容',
};

/**
 * The side whose own words an event carries, or undefined for staff and system events. A station acts for
 * the consumer on a case not yet claimed, and its people are not the bureau's: their words are the
 * consumer's side's, checked and shown as the consumer's are.
 */
export function authorSideOf(event: Pick<LifecycleEvent, 'actor'>): AuthorSide | undefined {
  if (event.actor.kind === 'station') return 'consumer';
  return event.actor.kind === 'consumer' || event.actor.kind === 'merchant' ? event.actor.kind : undefined;
}

/**
 * The free text a consumer or a merchant wrote into an event (reply, proposal, reasons, rating comment),
 * which must be checked before the other party sees it; undefined for staff and system events and for
 * events without text. Each command carries at most one such text.
 */
export function userTextOf(event: Pick<LifecycleEvent, 'type' | 'actor' | 'data'>): string | undefined {
  if (!authorSideOf(event)) return undefined;
  const data = event.data as Record<string, unknown>;
  if (event.type === 'propose') {
    const text = (data.proposal as { text?: unknown } | undefined)?.text;
    return typeof text === 'string' && text !== '' ? text : undefined;
  }
  for (const key of ['text', 'comment']) if (typeof data[key] === 'string' && data[key] !== '') return data[key] as string;
  return undefined;
}

/**
 * A text as `viewer` may see it. Clean texts are shown as they are, with no flag. The author and staff see
 * the text itself with a flag while it is not clean; the other party sees a placeholder instead until a
 * recheck or a reviewer lets it through.
 */
export function presentText(
  viewer: Viewer,
  author: AuthorSide,
  text: string,
  moderation: Pick<TextModeration, 'state' | 'label'> | undefined,
): { text: string; moderation?: TextModerationView } {
  const state = moderation?.state ?? 'pass';
  if (state === 'pass') return { text };
  if (viewer === 'staff') {
    const label = moderation?.label;
    return { text, moderation: { state, note: STAFF_NOTES[state], ...(label !== undefined && label !== 100 ? { label } : {}) } };
  }
  if (state === 'released') return { text };
  if (viewer === author) return { text, moderation: { state, note: AUTHOR_NOTES[state] } };
  // The other party learns only that there is something under review, not WeChat's verdict.
  const shown = state === 'blocked' ? 'blocked' : 'held';
  return { text: PLACEHOLDERS[shown], moderation: { state: shown, note: PLACEHOLDERS[shown] } };
}

/** True when the other party may see the text. */
export const visibleToOtherParty = (moderation: Pick<TextModeration, 'state'> | undefined) =>
  !moderation || moderation.state === 'pass' || moderation.state === 'released';

/** The state stored with a text, from the check made before writing it. */
export function moderationOf(check: TextCheck): TextModeration {
  switch (check.state) {
    case 'pass':
    case 'held':
      return { state: check.state, label: check.label, checkedAt: check.checkedAt };
    case 'unchecked':
      return { state: 'unchecked' };
  }
}

/** The task that goes with a text that is not clean (none for a clean one). */
export function moderationTaskFor(
  check: TextCheck,
  text: { complaintId: string; target: string; textType: string; text: string; authorKind: AuthorSide; authorUserId: string; writtenAt: string },
  complaint: { townCode: string; merchantId: string; merchantName: string },
): ModerationTask | undefined {
  if (check.state === 'pass') return undefined;
  const base = { ...text, townCode: complaint.townCode, merchantId: complaint.merchantId, merchantName: complaint.merchantName, attempts: 0 };
  return check.state === 'held'
    ? { ...base, state: 'held', label: check.label, reason: check.suggest, checkedAt: check.checkedAt, heldAt: text.writtenAt }
    : { ...base, state: 'unchecked', nextCheckAt: text.writtenAt, lastError: check.failure };
}

/** Rechecks of a text WeChat could not check before it goes to a reviewer instead. */
export const MAX_RECHECKS = 5;

/** Wait before the next recheck after `attempts` failed ones: 5, 10, 20, 40 minutes. */
export const recheckDelayMs = (attempts: number) => 5 * 60 * 1000 * 2 ** Math.max(0, attempts - 1);

/** Why a text waits for a reviewer, in words. */
export function holdReasonText(reason: HoldReason | undefined, label: number | undefined): string {
  const labelText = label !== undefined && label !== 100 ? `（${textCheckLabel(label)}）` : '';
  switch (reason) {
    case 'risky':
      return `微信内容安全检测判定有风险${labelText}`;
    case 'review':
      return `微信内容安全检测建议人工审核${labelText}`;
    case 'uncheckable':
      return '微信内容安全检测无法完成（接口不可用或用户已离开小程序），需人工审核';
    default:
      return '待人工审核';
  }
}

/** The route's name for a task key: `DESC` ↔ `description`, `EVENT#000003` ↔ `event-000003`. */
export const targetToWire = (target: string) => (target === DESCRIPTION_TARGET ? 'description' : `event-${EVENT_KEY.decode(target)}`);
export const targetFromWire = (target: string) => (target === 'description' ? DESCRIPTION_TARGET : eventTarget(target.slice('event-'.length)));
