import {
  LEGACY_REFUSAL_REASONS,
  ORDER_TITLES,
  REFERRALS,
  REFUSAL_GROUNDS,
  TERMINATION_GROUNDS,
  type Ground,
  type RefusalGroundCode,
  type ReferralCode,
} from '../catalogue/complaints';
import { formatShanghaiDate } from './shanghai-date';
import type { LifecycleEvent } from './lifecycle';

/**
 * The written notice the parties receive when the bureau refuses a complaint (不予受理告知书) or mediation ends
 * without agreement (终止调解告知书) — Order 121 asks for the parties to be told in writing or electronically.
 * Built from the deciding event, so it says exactly what was decided, on which ground and article, by whom
 * and when, and what the consumer can do next.
 */
export type NoticeKind = 'refusal' | 'termination';

export const NOTICE_TITLES: Record<NoticeKind, string> = { refusal: '不予受理告知书', termination: '终止调解告知书' };

export interface PartyNotice {
  kind: NoticeKind;
  title: string;
  /** Shanghai date of the decision, `YYYY-MM-DD`. */
  decidedOn: string;
  decidedAt: string;
  ground: { code: string; label: string; article?: string; order?: string };
  /** The staff member's note or guidance, when they wrote one. */
  note?: string;
  /** Who decides: the county's market regulation bureau, or its consumers' association for a mediator's decision. */
  issuer: string;
  /** What the consumer can do now, in order. */
  nextSteps: string[];
}

const GENERAL_NEXT_STEP = '对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。';

/** The kind of notice an event produces, if any: a refusal, a termination, or the clock ending mediation. */
export function noticeKindOf(event: Pick<LifecycleEvent, 'type' | 'to'>): NoticeKind | undefined {
  if (event.type === 'not_accept') return 'refusal';
  if (event.type === 'end_mediation' || (event.type === 'expire' && event.to === 'mediation_failed')) return 'termination';
  return undefined;
}

function groundOf(kind: NoticeKind, code: string | undefined): PartyNotice['ground'] {
  const catalogue: Record<string, Ground> = kind === 'refusal' ? REFUSAL_GROUNDS : TERMINATION_GROUNDS;
  const ground = code ? catalogue[code] : undefined;
  if (ground) return { code: code!, label: ground.label, article: `${ORDER_TITLES[ground.order]}${ground.article}`, order: ORDER_TITLES[ground.order] };
  // Decisions recorded before the orders' own lists were used.
  return { code: code ?? 'unspecified', label: (code && LEGACY_REFUSAL_REASONS[code]) ?? (kind === 'refusal' ? '不予受理' : '调解未能达成协议') };
}

/** The notice of a deciding event; undefined for events that decide nothing the parties must be told of. */
export function partyNoticeOf(event: LifecycleEvent, countyName: string): PartyNotice | undefined {
  const kind = noticeKindOf(event);
  if (!kind) return undefined;
  const data = event.data as { reason?: string; ground?: string; text?: string; guidance?: string; referral?: string };
  const ground = groundOf(kind, kind === 'refusal' ? data.reason : data.ground);
  const specific =
    kind === 'refusal' ? (REFUSAL_GROUNDS[data.reason as RefusalGroundCode] as Ground | undefined)?.nextStep : undefined;
  const referral = data.referral ? `后续途径：${REFERRALS[data.referral as ReferralCode] ?? data.referral}。` : undefined;
  const note = kind === 'refusal' ? data.text : event.type === 'end_mediation' ? data.guidance : undefined;
  const issuer = event.actor.role === 'mediator' ? `${countyName}消费者协会` : `${countyName}市场监督管理局`;
  return {
    kind,
    title: NOTICE_TITLES[kind],
    decidedOn: formatShanghaiDate(new Date(event.at)),
    decidedAt: event.at,
    ground,
    ...(note ? { note } : {}),
    issuer,
    nextSteps: [...new Set([specific, referral, GENERAL_NEXT_STEP].filter((step): step is string => Boolean(step)))],
  };
}

/** The deciding event of a complaint's notice: the latest that produced one. */
export function noticeEventOf<E extends Pick<LifecycleEvent, 'type' | 'to'>>(events: readonly E[]): E | undefined {
  return [...events].reverse().find((event) => noticeKindOf(event) !== undefined);
}

