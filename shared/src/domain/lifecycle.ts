import {
  ORDER_TITLES,
  REFUSAL_GROUNDS,
  TERMINATION_GROUNDS,
  TIMEOUT_GROUND,
  orderOfPreset,
  type OutcomeCode,
  type RatingCode,
} from '../catalogue/complaints';
import type { CommandInput } from '../contract/complaint';
import { LIBRARY_CALENDAR, estimatedDeadlineNote, type WorkingCalendar } from './calendar';
import { computeDeadline } from './clock';
import type { ClockRules, Duration } from './clock-rules';
import { Conflict, Forbidden, Invalid } from './errors';
import { addDays, formatShanghaiTime, shanghaiToday } from './shanghai-date';
import { coversTown, type Jurisdiction, type StaffRole } from './jurisdiction';

export type { StaffRole } from './jurisdiction';

/**
 * The complaint lifecycle (docs/lifecycle.md) as a transition table. `transition()` is the only way a complaint
 * changes; it validates the actor, the state and the guard, and returns the new state with the events to
 * append. Counters and notifications are derived from those events elsewhere (indicators.ts,
 * notifications.ts), so the store can write all of it in one transaction.
 */

export const COMPLAINT_STATUSES = [
  'submitted',
  'merchant_handling',
  'settlement_proposed',
  'settled_in_shop',
  'escalated',
  'accepted',
  'mediating',
  'mediated',
  'mediation_failed',
  'not_accepted',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: '待商家答复',
  merchant_handling: '商家处理中',
  settlement_proposed: '商家已提出和解方案',
  settled_in_shop: '店内和解',
  escalated: '已申请监管部门介入',
  accepted: '监管部门已受理',
  mediating: '调解中',
  mediated: '调解成功',
  mediation_failed: '调解终止',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
};

export const TERMINAL_STATUSES: ReadonlySet<ComplaintStatus> = new Set([
  'settled_in_shop',
  'mediated',
  'mediation_failed',
  'not_accepted',
  'withdrawn',
]);
export const isTerminal = (status: ComplaintStatus) => TERMINAL_STATUSES.has(status);

/** Who is acting, as far as the lifecycle cares. Authentication happened before; relation is checked here. */
export type Actor =
  | { kind: 'consumer'; userId: string }
  | { kind: 'merchant'; userId: string; merchantIds: readonly string[] }
  /** Complaint-station staff (投诉站): they file for walk-in and phone consumers and follow those cases. */
  | { kind: 'station'; userId: string; stationId: string }
  | { kind: 'staff'; userId: string; role: StaffRole; jurisdiction: Jurisdiction }
  | { kind: 'system' };

export type DeadlineKind = 'merchant_first_reply' | 'merchant_proposal' | 'consumer_answer' | 'accept_decision' | 'mediation';

export interface Deadline {
  kind: DeadlineKind;
  /** ISO instant. */
  dueAt: string;
  /** When the clock started (ISO), and for how long it runs: what a recomputation counts from. */
  startedAt?: string;
  duration?: Duration;
  /** Years the count ran through that the calendar did not know (Monday–Friday assumed): the deadline is an estimate. */
  estimatedYears?: number[];
}

export interface Proposal {
  outcome: OutcomeCode;
  /** Yuan, two decimals, as a string so money never passes through a float. */
  amount?: string;
  /** YYYY-MM-DD by which the merchant will carry it out. */
  dueDate: string;
  text: string;
}

/** The part of a complaint the lifecycle reads and writes. */
export interface LifecycleState {
  status: ComplaintStatus;
  version: number;
  consumerId: string;
  merchantId: string;
  townCode: string;
  deadline?: Deadline;
  proposal?: Proposal;
  assigneeId?: string;
  merchantDeclined?: boolean;
  firstResponseAt?: string;
  fulfilledAt?: string;
  /** `source: 'follow_up'`: stated by the consumer on a 回访 call and recorded by whoever called. */
  rating?: { rating: RatingCode; comment?: string; at: string; source?: 'follow_up' };
  closedAt?: string;
  /** The case's number on the national 12315 platform, once staff registered it there. */
  case12315?: string;
  /** The complaint station that took it in on the consumer's behalf (walk-in or phone). */
  stationId?: string;
}

/**
 * A complaint a station filed for a consumer belongs to nobody's account until the consumer claims it with
 * the code they were given: its consumer id is this placeholder, which no user id can equal (user ids are
 * URL-safe hashes without a colon).
 */
export const unclaimedConsumerId = (complaintId: string) => `unclaimed:${complaintId}`;
export const isUnclaimed = (state: Pick<LifecycleState, 'consumerId'>) => state.consumerId.startsWith('unclaimed:');

/**
 * A command: what a person may send (the wire contract's `CommandInput`, validated at the edge) or one of the
 * system's own — the sweeper's `expire`, and `recompute_deadline` when the calendar a running deadline was
 * counted on has changed. Derived from the contract so the two can never drift apart.
 */
export type SystemCommand =
  | { type: 'expire' }
  /** `reason` says why (which year's schedule); `startedAt` stands in for deadlines stored before they kept their start. */
  | { type: 'recompute_deadline'; reason: string; startedAt?: string }
  /** The consumer claimed a station-filed complaint with its one-time code: it is theirs from now on. */
  | { type: 'link_consumer'; userId: string };
export type Command = CommandInput | SystemCommand;
export const SYSTEM_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['expire', 'recompute_deadline', 'link_consumer']);
export type CommandType = Command['type'];

export const COMMAND_TYPES = [
  'reply',
  'propose',
  'decline',
  'fulfil',
  'accept_proposal',
  'reject_proposal',
  'escalate',
  'withdraw',
  'rate',
  'claim',
  'assign',
  'accept',
  'not_accept',
  'record_mediation',
  'close_mediated',
  'end_mediation',
  'note',
  'record_12315',
  'follow_up',
  'expire',
  'recompute_deadline',
  'link_consumer',
] as const satisfies readonly CommandType[];
// Every command type is listed (the `satisfies` above checks the other direction).
const everyCommandListed: [Exclude<CommandType, (typeof COMMAND_TYPES)[number]>] extends [never] ? true : false = true;
void everyCommandListed;

/** An appended, immutable fact. `visibility: 'staff'` events (internal notes) never reach consumer or merchant. */
export interface LifecycleEvent {
  /** `file` opens every complaint; the rest are the commands. */
  type: CommandType | 'file';
  at: string;
  actor: { kind: Actor['kind']; userId?: string; role?: StaffRole };
  from: ComplaintStatus;
  to: ComplaintStatus;
  visibility: 'all' | 'staff';
  /** The command's own fields (text, proposal, reason…), as given. */
  data: Record<string, unknown>;
}

/** How the actor relates to this complaint; `none` means the complaint does not exist for them (404). */
export type Relation = 'complainant' | 'merchant' | 'staff' | 'station' | 'system' | 'none';

export function relationOf(actor: Actor, complaint: Pick<LifecycleState, 'consumerId' | 'merchantId' | 'townCode' | 'stationId'>): Relation {
  switch (actor.kind) {
    case 'consumer':
      return actor.userId === complaint.consumerId ? 'complainant' : 'none';
    case 'station':
      return complaint.stationId !== undefined && actor.stationId === complaint.stationId ? 'station' : 'none';
    case 'merchant':
      return actor.merchantIds.includes(complaint.merchantId) ? 'merchant' : 'none';
    case 'staff':
      return coversTown(actor.jurisdiction, complaint.townCode) ? 'staff' : 'none';
    case 'system':
      return 'system';
  }
}

type Rule = {
  /** Who may issue it, by relation (and, for staff, by role). */
  by: Relation | readonly Relation[];
  /**
   * The station that took the complaint in may also issue it for the consumer while the consumer has not
   * claimed it yet (an elderly consumer answers the shop's proposal by phone; the station relays it).
   */
  onBehalf?: true;
  roles?: readonly StaffRole[];
  from: readonly ComplaintStatus[];
  /** The state it moves to; `same` keeps the state (a reply in handling, a note, a rating). */
  to: ComplaintStatus | 'same' | ((state: LifecycleState) => ComplaintStatus);
  /** Extra condition; returns a Chinese reason when the command is refused. */
  guard?: (state: LifecycleState, now: Date, actor: Actor) => string | undefined;
  /**
   * The clock in the new state: a kind starts a new deadline from now, `keep` leaves the running one.
   * Unset: a move to another state stops the clock; staying in the same state keeps it.
   */
  deadline?: DeadlineKind | 'keep' | ((state: LifecycleState) => DeadlineKind | 'keep' | undefined);
};

const OPEN: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status));
/** Closed after being handled: the consumer may rate it (a withdrawn complaint was not handled). */
export const RATEABLE: readonly ComplaintStatus[] = ['settled_in_shop', 'mediated', 'mediation_failed', 'not_accepted'];
/** The merchant's turn: it may reply, propose or decline. */
export const MERCHANT_TURN: readonly ComplaintStatus[] = ['submitted', 'merchant_handling'];
/** Still with the shop (the merchant's turn, or the consumer weighing its proposal): in-shop settlement is possible. */
export const WITH_SHOP: readonly ComplaintStatus[] = [...MERCHANT_TURN, 'settlement_proposed'];
/** With the bureau and not yet closed. */
export const WITH_BUREAU = ['escalated', 'accepted', 'mediating'] as const satisfies readonly ComplaintStatus[];

/**
 * Where an open complaint waits, as the bureau's lists group them: every in-shop state together, each
 * bureau stage on its own. Closed complaints wait nowhere.
 */
export const WAITING_PLACES = ['inshop', ...WITH_BUREAU] as const;
export type WaitingPlace = (typeof WAITING_PLACES)[number];
export function waitingPlaceOf(status: ComplaintStatus): WaitingPlace | undefined {
  if (WITH_SHOP.includes(status)) return 'inshop';
  return WITH_BUREAU.find((stage) => stage === status);
}

const deadlinePassed = (state: LifecycleState, now: Date) =>
  state.deadline !== undefined && now.getTime() > Date.parse(state.deadline.dueAt);

export const RULES: Record<CommandType, Rule> = {
  reply: {
    by: 'merchant',
    from: MERCHANT_TURN,
    to: 'merchant_handling',
    // The proposal clock starts at the first reply; further replies do not buy more time.
    deadline: (state) => (state.status === 'submitted' ? 'merchant_proposal' : 'keep'),
  },
  propose: { by: 'merchant', from: MERCHANT_TURN, to: 'settlement_proposed', deadline: 'consumer_answer' },
  decline: { by: 'merchant', from: MERCHANT_TURN, to: 'escalated', deadline: 'accept_decision' },
  fulfil: {
    by: 'merchant',
    from: ['settled_in_shop'],
    to: 'same',
    guard: (state) => (state.fulfilledAt ? '已标记为履行完毕' : undefined),
  },
  accept_proposal: { by: 'complainant', onBehalf: true, from: ['settlement_proposed'], to: 'settled_in_shop' },
  reject_proposal: { by: 'complainant', onBehalf: true, from: ['settlement_proposed'], to: 'escalated', deadline: 'accept_decision' },
  escalate: {
    by: 'complainant',
    onBehalf: true,
    from: MERCHANT_TURN,
    to: 'escalated',
    deadline: 'accept_decision',
    guard: (state, now) =>
      deadlinePassed(state, now) ? undefined : '商家答复期限未到，到期未答复或商家拒绝后可申请监管部门介入',
  },
  withdraw: { by: 'complainant', onBehalf: true, from: OPEN, to: 'withdrawn' },
  rate: {
    by: 'complainant',
    from: RATEABLE,
    to: 'same',
    guard: (state) => (state.rating ? '您已评价过该投诉' : undefined),
  },
  /**
   * 回访 (Order 121): after a case closed unrated, staff — or the station that took it in — phone the consumer
   * and record the call; a satisfaction the consumer states on the phone stands as the case's rating, marked
   * as given by phone. An unanswered call is recorded too, and the follow-up stays open.
   */
  follow_up: {
    by: ['staff', 'station'],
    from: RATEABLE,
    to: 'same',
    guard: (state) => (state.rating ? '该投诉已有评价，无需回访' : undefined),
  },
  claim: {
    by: 'staff',
    from: WITH_BUREAU,
    to: 'same',
    guard: (state, _now, actor) =>
      state.assigneeId && state.assigneeId !== (actor.kind === 'staff' ? actor.userId : undefined)
        ? '该投诉已由其他工作人员认领'
        : state.assigneeId
          ? '您已认领该投诉'
          : undefined,
  },
  assign: { by: 'staff', roles: ['regulator', 'admin'], from: WITH_BUREAU, to: 'same' },
  accept: { by: 'staff', roles: ['regulator', 'admin'], from: ['escalated'], to: 'accepted', deadline: 'mediation' },
  not_accept: { by: 'staff', roles: ['regulator', 'admin'], from: ['escalated'], to: 'not_accepted' },
  record_mediation: {
    by: 'staff',
    roles: ['mediator', 'regulator'],
    from: ['accepted', 'mediating'],
    to: 'mediating',
    // The mediation clock runs from acceptance; contacts do not restart it.
    deadline: 'keep',
  },
  close_mediated: { by: 'staff', roles: ['mediator', 'regulator'], from: ['mediating'], to: 'mediated' },
  end_mediation: { by: 'staff', roles: ['mediator', 'regulator'], from: ['accepted', 'mediating'], to: 'mediation_failed' },
  note: { by: 'staff', from: COMPLAINT_STATUSES, to: 'same' },
  /** Once the case is registered on the 12315 platform (Order 121 routes handling through it); a correction is a new entry. */
  record_12315: {
    by: 'staff',
    from: ['escalated', 'accepted', 'mediating', 'mediated', 'mediation_failed', 'not_accepted'],
    to: 'same',
    deadline: 'keep',
  },
  expire: {
    by: 'system',
    from: ['submitted', 'merchant_handling', 'settlement_proposed', 'accepted', 'mediating'],
    to: (state) => (state.status === 'accepted' || state.status === 'mediating' ? 'mediation_failed' : 'escalated'),
    deadline: 'accept_decision', // ignored when the move is to mediation_failed, a terminal state
    guard: (state, now) => (deadlinePassed(state, now) ? undefined : '期限未到'),
  },
  /**
   * The calendar a running deadline was counted on changed (the office entered a year's holidays): count it
   * again from the same start. A deadline already passed never moves — it was shown as overdue and may have
   * been acted on; the transition refuses, so a rerun changes nothing.
   */
  recompute_deadline: {
    by: 'system',
    from: OPEN,
    to: 'same',
    deadline: 'keep',
    guard: (state, now) => (!state.deadline ? '没有正在计算的期限' : deadlinePassed(state, now) ? '期限已过，不再调整' : undefined),
  },
  link_consumer: {
    by: 'system',
    from: COMPLAINT_STATUSES,
    to: 'same',
    deadline: 'keep',
    guard: (state) => (isUnclaimed(state) ? undefined : '该投诉已被认领'),
  },
};

/**
 * Events only bureau staff read: internal notes, who took a case, and the 回访 call record (it may hold what the
 * consumer said on the phone; the rating it carries is shown through the complaint's rating, marked as by phone).
 */
export const STAFF_ONLY_EVENTS: ReadonlySet<CommandType> = new Set<CommandType>(['note', 'assign', 'claim', 'follow_up']);

/** Where the deadline sweeper looks: the places of the states a deadline can expire in. */
export const EXPIRING_PLACES: readonly WaitingPlace[] = WAITING_PLACES.filter((place) =>
  RULES.expire.from.some((status) => waitingPlaceOf(status) === place),
);

/** What the sweeper's move says to the people who read the timeline, by the state it leaves. */
const EXPIRY_TEXT: Partial<Record<ComplaintStatus, string>> = {
  submitted: '商家未在期限内答复，投诉已自动转交市场监管部门。',
  merchant_handling: '商家未在期限内提出处理方案，投诉已自动转交市场监管部门。',
  settlement_proposed: '消费者未在期限内答复和解方案，视为不接受，投诉已转交市场监管部门。',
  accepted: '调解期限届满未达成协议，调解终止。您可以依法申请仲裁，或者向人民法院提起诉讼。',
  mediating: '调解期限届满未达成协议，调解终止。您可以依法申请仲裁，或者向人民法院提起诉讼。',
};

/** The SAMR order in force, by the clock rules' preset; staff choose grounds from its lists. */
export const orderInForce = (rules: Pick<ClockRules, 'preset'>) => orderOfPreset(rules.preset);

/**
 * Arguments the contract cannot judge alone: a proposal's due date against today; a refusal or termination
 * ground must be one of the order in force (a county on Order 20 picks from Order 20's lists).
 */
function checkArguments(command: Command, rules: ClockRules, now: Date): void {
  if (command.type === 'propose') {
    // A settlement is something still to do: due today at the earliest, and within a year.
    const today = shanghaiToday(now);
    if (command.proposal.dueDate < today) throw new Invalid('履行日期不能早于今天', 'command.proposal.dueDate');
    if (command.proposal.dueDate > addDays(today, 365)) throw new Invalid('履行日期不能晚于一年之后', 'command.proposal.dueDate');
  }
  const order = orderInForce(rules);
  if (command.type === 'not_accept' && REFUSAL_GROUNDS[command.reason].order !== order) {
    throw new Invalid(`请按${ORDER_TITLES[order]}选择不予受理的依据`, 'command.reason');
  }
  if (command.type === 'end_mediation' && TERMINATION_GROUNDS[command.ground].order !== order) {
    throw new Invalid(`请按${ORDER_TITLES[order]}选择终止调解的依据`, 'command.ground');
  }
}

export class IllegalTransition extends Conflict {
  override readonly name: string = 'IllegalTransition';
}

export interface TransitionResult<S extends LifecycleState> {
  state: S;
  event: LifecycleEvent;
}

const durationOf = (kind: DeadlineKind, rules: ClockRules): Duration =>
  ({
    merchant_first_reply: rules.merchantFirstReply,
    merchant_proposal: rules.merchantProposal,
    consumer_answer: rules.consumerAnswer,
    accept_decision: rules.acceptDecision,
    mediation: rules.mediation,
  })[kind];

/** A clock of `kind` started at `start`, counted on `calendar`; it keeps its start and length so it can be counted again. */
export function deadlineFrom(kind: DeadlineKind, start: Date, rules: ClockRules, calendar: WorkingCalendar = LIBRARY_CALENDAR): Deadline {
  return countDeadline(kind, start, durationOf(kind, rules), calendar);
}

function countDeadline(kind: DeadlineKind, start: Date, duration: Duration, calendar: WorkingCalendar): Deadline {
  const { dueAt, estimatedYears } = computeDeadline(start, duration, calendar);
  return {
    kind,
    dueAt: dueAt.toISOString(),
    startedAt: start.toISOString(),
    duration: { ...duration },
    ...(estimatedYears.length ? { estimatedYears } : {}),
  };
}

/** In words, for a deadline counted partly on Monday–Friday: 「预计，待国务院公布2027年节假日安排后更新」. */
export const deadlineEstimateNote = (deadline: Pick<Deadline, 'estimatedYears'>) =>
  deadline.estimatedYears?.length ? estimatedDeadlineNote(deadline.estimatedYears) : undefined;

/** Why `actor` may not issue `type` now, or undefined when they may. Does not look at command arguments. */
export function refusal(state: LifecycleState, type: CommandType, actor: Actor, now: Date): { reason: string; forbidden: boolean } | undefined {
  const rule = RULES[type];
  const relation = relationOf(actor, state);
  const allowed = typeof rule.by === 'string' ? [rule.by] : rule.by;
  const forConsumer = relation === 'station' && rule.onBehalf === true;
  if (!allowed.includes(relation) && !forConsumer) return { reason: '您无权进行此操作', forbidden: true };
  if (forConsumer && !isUnclaimed(state)) return { reason: '消费者已在小程序中认领该投诉，请由消费者本人操作', forbidden: false };
  if (rule.roles && !(actor.kind === 'staff' && rule.roles.includes(actor.role))) {
    return { reason: '您的岗位无权进行此操作', forbidden: true };
  }
  if (!rule.from.includes(state.status)) {
    return { reason: `投诉当前状态为「${STATUS_LABELS[state.status]}」，不能进行此操作，请刷新后查看`, forbidden: false };
  }
  const refused = rule.guard?.(state, now, actor);
  return refused ? { reason: refused, forbidden: false } : undefined;
}

/** The commands this actor may issue now: the app shows exactly these buttons. */
export function allowedActions(state: LifecycleState, actor: Actor, now: Date): CommandType[] {
  return COMMAND_TYPES.filter((type) => !SYSTEM_COMMANDS.has(type) && refusal(state, type, actor, now) === undefined);
}

/**
 * Applies one command. Throws `Forbidden` when the actor may not issue it at all, `IllegalTransition` (409)
 * when the state does not allow it now, and `Invalid` for a ground of another order. The version goes up by
 * one on every success, which is what the store conditions its write on. New clocks are counted on
 * `calendar` (the county's merged holiday calendar; the library's alone when not given).
 */
export function transition<S extends LifecycleState>(
  state: S,
  command: Command,
  actor: Actor,
  now: Date,
  rules: ClockRules,
  calendar: WorkingCalendar = LIBRARY_CALENDAR,
): TransitionResult<S> {
  const refused = refusal(state, command.type, actor, now);
  if (refused) throw refused.forbidden ? new Forbidden(refused.reason) : new IllegalTransition(refused.reason);
  checkArguments(command, rules, now);

  const rule = RULES[command.type];
  const at = now.toISOString();
  const to = rule.to === 'same' ? state.status : typeof rule.to === 'function' ? rule.to(state) : rule.to;
  const next: S = { ...state, status: to, version: state.version + 1 };

  const clock = typeof rule.deadline === 'function' ? rule.deadline(state) : rule.deadline;
  if (isTerminal(to)) delete next.deadline;
  else if (clock === 'keep') next.deadline = state.deadline;
  else if (clock) next.deadline = deadlineFrom(clock, now, rules, calendar);
  else if (to !== state.status) delete next.deadline;
  if (isTerminal(to) && !isTerminal(state.status)) next.closedAt = at;

  switch (command.type) {
    case 'reply':
      next.firstResponseAt ??= at;
      break;
    case 'propose':
      next.firstResponseAt ??= at;
      next.proposal = command.proposal;
      break;
    case 'decline':
      next.firstResponseAt ??= at;
      next.merchantDeclined = true;
      break;
    case 'fulfil':
      next.fulfilledAt = at;
      break;
    case 'rate':
      next.rating = { rating: command.rating, ...(command.comment ? { comment: command.comment } : {}), at };
      break;
    case 'follow_up':
      if (command.outcome === 'reached' && command.rating) next.rating = { rating: command.rating, at, source: 'follow_up' };
      break;
    case 'link_consumer':
      next.consumerId = command.userId;
      break;
    case 'claim':
      if (actor.kind === 'staff') next.assigneeId = actor.userId;
      break;
    case 'assign':
      next.assigneeId = command.assigneeId;
      break;
    case 'record_12315':
      next.case12315 = command.caseNumber;
      break;
    case 'recompute_deadline':
      next.deadline = recounted(state.deadline!, command, rules, calendar);
      break;
    default:
      break;
  }

  const { type, ...given } = command;
  const data =
    command.type === 'expire'
      ? expiryData(state, rules)
      : command.type === 'recompute_deadline'
        ? recomputeData(state.deadline!, next.deadline!, command.reason)
        : command.type === 'link_consumer'
          ? { text: '消费者已在小程序中认领该投诉，此后可自行查看进展和评价。' } // never the user id: the shop reads events too
          : given;
  const event: LifecycleEvent = {
    type,
    at,
    actor: actorSummary(actor),
    from: state.status,
    to,
    visibility: STAFF_ONLY_EVENTS.has(type) ? 'staff' : 'all',
    data,
  };
  return { state: next, event };
}

function actorSummary(actor: Actor): LifecycleEvent['actor'] {
  switch (actor.kind) {
    case 'system':
      return { kind: 'system' };
    case 'staff':
      return { kind: 'staff', userId: actor.userId, role: actor.role };
    default:
      return { kind: actor.kind, userId: actor.userId };
  }
}

/** The state of a newly filed complaint, with the merchant's first-reply clock running. */
export function initialState(
  fields: Pick<LifecycleState, 'consumerId' | 'merchantId' | 'townCode' | 'stationId'>,
  now: Date,
  rules: ClockRules,
  calendar: WorkingCalendar = LIBRARY_CALENDAR,
): LifecycleState {
  return { ...fields, status: 'submitted', version: 1, deadline: deadlineFrom('merchant_first_reply', now, rules, calendar) };
}

/** The event that opens a complaint. */
export function fileEvent(actor: Actor, now: Date, data: Record<string, unknown> = {}): LifecycleEvent {
  return { type: 'file', at: now.toISOString(), actor: actorSummary(actor), from: 'submitted', to: 'submitted', visibility: 'all', data };
}

/** What the sweeper's move records: the words for the timeline and, when mediation ends, the ground it ends on. */
function expiryData(state: LifecycleState, rules: ClockRules): Record<string, unknown> {
  const text = EXPIRY_TEXT[state.status] ?? '期限届满，自动转办。';
  const endsMediation = state.status === 'accepted' || state.status === 'mediating';
  return endsMediation ? { text, ground: TIMEOUT_GROUND[orderInForce(rules)] } : { text };
}

/** The running deadline counted again on the new calendar; refused (409) when nothing would change. */
function recounted(deadline: Deadline, command: Extract<SystemCommand, { type: 'recompute_deadline' }>, rules: ClockRules, calendar: WorkingCalendar): Deadline {
  const start = deadline.startedAt ?? command.startedAt;
  if (!start) throw new IllegalTransition('无法确定期限的起算时间，不作调整');
  const next = countDeadline(deadline.kind, new Date(start), deadline.duration ?? durationOf(deadline.kind, rules), calendar);
  const sameYears = (next.estimatedYears ?? []).join() === (deadline.estimatedYears ?? []).join();
  if (next.dueAt === deadline.dueAt && sameYears) throw new IllegalTransition('期限无需调整');
  return next;
}

function recomputeData(before: Deadline, after: Deadline, reason: string): Record<string, unknown> {
  const from = formatShanghaiTime(before.dueAt);
  const to = formatShanghaiTime(after.dueAt);
  const estimate = deadlineEstimateNote(after);
  const moved = before.dueAt === after.dueAt ? `期限仍为 ${to}` : `期限由 ${from} 调整为 ${to}`;
  return { text: `${reason}，${moved}${estimate ? `（${estimate}）` : ''}。`, fromDueAt: before.dueAt, toDueAt: after.dueAt };
}

