import { CLOCK_PRESETS, DEFAULT_CLOCK_RULES, dueAt, type ClockRules, type Duration } from '../src/domain/clock';
import { Conflict, Forbidden } from '../src/domain/errors';
import {
  COMMAND_TYPES,
  COMPLAINT_STATUSES,
  IllegalTransition,
  STATUS_LABELS,
  allowedActions,
  fileEvent,
  initialState,
  relationOf,
  transition,
  type Actor,
  type Command,
  type CommandType,
  type ComplaintStatus,
  type DeadlineKind,
  type LifecycleEvent,
  type LifecycleState,
  type Relation,
  type StaffRole,
} from '../src/domain/lifecycle';

/**
 * The complaint lifecycle (docs/lifecycle.md), stated here independently of `RULES`: the table below says who may
 * issue each command, from which states, where it goes and what happens to the clock. Every status × command ×
 * kind of actor is checked against it, before and after the running deadline.
 */

/** An instant given as Shanghai wall-clock time. */
const at = (shanghaiLocal: string): Date => new Date(`${shanghaiLocal}+08:00`);
const iso = (shanghaiLocal: string): string => at(shanghaiLocal).toISOString();

// Taken in at a complaint station and claimed by the consumer since (the station no longer speaks for them).
const PARTIES = { consumerId: 'consumer-1', merchantId: 'SHOP000001', townCode: 'town-chengguan', stationId: 'STN0001' } as const;

const ACTORS = {
  complainant: { kind: 'consumer', userId: 'consumer-1' },
  'another consumer': { kind: 'consumer', userId: 'consumer-2' },
  "the shop's merchant": { kind: 'merchant', userId: 'clerk-1', merchantIds: ['SHOP000009', 'SHOP000001'] },
  "another shop's merchant": { kind: 'merchant', userId: 'clerk-2', merchantIds: ['SHOP000009'] },
  'regulator in jurisdiction': { kind: 'staff', userId: 'staff-reg', role: 'regulator', jurisdiction: ['town-x', 'town-chengguan'] },
  'mediator in jurisdiction': { kind: 'staff', userId: 'staff-med', role: 'mediator', jurisdiction: 'county' },
  'admin in jurisdiction': { kind: 'staff', userId: 'staff-adm', role: 'admin', jurisdiction: ['town-chengguan'] },
  'staff outside jurisdiction': { kind: 'staff', userId: 'staff-far', role: 'admin', jurisdiction: ['town-x'] },
  'the intake station': { kind: 'station', userId: 'station-1', stationId: 'STN0001' },
  'another station': { kind: 'station', userId: 'station-2', stationId: 'STN0002' },
  system: { kind: 'system' },
} as const satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** How each actor stands to the complaint above, stated by hand. */
const STANDING: Record<ActorName, { relation: Relation; role?: StaffRole }> = {
  complainant: { relation: 'complainant' },
  'another consumer': { relation: 'none' },
  "the shop's merchant": { relation: 'merchant' },
  "another shop's merchant": { relation: 'none' },
  'regulator in jurisdiction': { relation: 'staff', role: 'regulator' },
  'mediator in jurisdiction': { relation: 'staff', role: 'mediator' },
  'admin in jurisdiction': { relation: 'staff', role: 'admin' },
  'staff outside jurisdiction': { relation: 'none' },
  'the intake station': { relation: 'station' },
  'another station': { relation: 'none' },
  system: { relation: 'system' },
};

const TERMINAL: readonly ComplaintStatus[] = ['settled_in_shop', 'mediated', 'mediation_failed', 'not_accepted', 'withdrawn'];
const OPEN: readonly ComplaintStatus[] = ['submitted', 'merchant_handling', 'settlement_proposed', 'escalated', 'accepted', 'mediating'];

/** What a successful command does to the clock: start a new deadline of that kind now, keep the running one, or none. */
type Clock = DeadlineKind | 'keep' | 'none';
type Move = readonly [to: ComplaintStatus, clock: Clock];
interface ExpectedRule {
  by: Exclude<Relation, 'none'> | readonly Exclude<Relation, 'none'>[];
  /** The intake station may issue it for a consumer who has not claimed the complaint (refused once claimed). */
  onBehalf?: true;
  /** Refused with this message when the consumer has claimed the complaint (every fixture here is claimed). */
  onlyUnclaimed?: string;
  /** For staff commands restricted to some roles. */
  roles?: readonly StaffRole[];
  moves: Partial<Record<ComplaintStatus, Move>>;
  /** The Chinese reason given when the command comes before the running deadline has passed. */
  onlyAfterDeadline?: string;
}

const ESCALATE_TOO_EARLY = '商家答复期限未到，到期未答复或商家拒绝后可申请监管部门介入';
const EXPIRE_TOO_EARLY = '期限未到';

const everyOpen = (move: Move) => Object.fromEntries(OPEN.map((status) => [status, move]));

/** docs/lifecycle.md as a table. */
const EXPECTED: Record<CommandType, ExpectedRule> = {
  reply: {
    by: 'merchant',
    moves: { submitted: ['merchant_handling', 'merchant_proposal'], merchant_handling: ['merchant_handling', 'keep'] },
  },
  propose: {
    by: 'merchant',
    moves: { submitted: ['settlement_proposed', 'consumer_answer'], merchant_handling: ['settlement_proposed', 'consumer_answer'] },
  },
  decline: {
    by: 'merchant',
    moves: { submitted: ['escalated', 'accept_decision'], merchant_handling: ['escalated', 'accept_decision'] },
  },
  fulfil: { by: 'merchant', moves: { settled_in_shop: ['settled_in_shop', 'none'] } },
  accept_proposal: { by: 'complainant', onBehalf: true, moves: { settlement_proposed: ['settled_in_shop', 'none'] } },
  reject_proposal: { by: 'complainant', onBehalf: true, moves: { settlement_proposed: ['escalated', 'accept_decision'] } },
  escalate: {
    by: 'complainant',
    onBehalf: true,
    moves: { submitted: ['escalated', 'accept_decision'], merchant_handling: ['escalated', 'accept_decision'] },
    onlyAfterDeadline: ESCALATE_TOO_EARLY,
  },
  withdraw: { by: 'complainant', onBehalf: true, moves: everyOpen(['withdrawn', 'none']) },
  rate: {
    by: 'complainant',
    moves: {
      settled_in_shop: ['settled_in_shop', 'none'],
      mediated: ['mediated', 'none'],
      mediation_failed: ['mediation_failed', 'none'],
      not_accepted: ['not_accepted', 'none'],
    },
  },
  follow_up: {
    by: ['staff', 'station'],
    moves: {
      settled_in_shop: ['settled_in_shop', 'none'],
      mediated: ['mediated', 'none'],
      mediation_failed: ['mediation_failed', 'none'],
      not_accepted: ['not_accepted', 'none'],
    },
  },
  claim: {
    by: 'staff',
    moves: { escalated: ['escalated', 'keep'], accepted: ['accepted', 'keep'], mediating: ['mediating', 'keep'] },
  },
  assign: {
    by: 'staff',
    roles: ['regulator', 'admin'],
    moves: { escalated: ['escalated', 'keep'], accepted: ['accepted', 'keep'], mediating: ['mediating', 'keep'] },
  },
  accept: { by: 'staff', roles: ['regulator', 'admin'], moves: { escalated: ['accepted', 'mediation'] } },
  not_accept: { by: 'staff', roles: ['regulator', 'admin'], moves: { escalated: ['not_accepted', 'none'] } },
  record_mediation: {
    by: 'staff',
    roles: ['mediator', 'regulator'],
    moves: { accepted: ['mediating', 'keep'], mediating: ['mediating', 'keep'] },
  },
  close_mediated: { by: 'staff', roles: ['mediator', 'regulator'], moves: { mediating: ['mediated', 'none'] } },
  end_mediation: {
    by: 'staff',
    roles: ['mediator', 'regulator'],
    moves: { accepted: ['mediation_failed', 'none'], mediating: ['mediation_failed', 'none'] },
  },
  note: {
    by: 'staff',
    moves: Object.fromEntries(COMPLAINT_STATUSES.map((status) => [status, [status, TERMINAL.includes(status) ? 'none' : 'keep']])),
  },
  record_12315: {
    by: 'staff',
    moves: {
      escalated: ['escalated', 'keep'],
      accepted: ['accepted', 'keep'],
      mediating: ['mediating', 'keep'],
      mediated: ['mediated', 'none'],
      mediation_failed: ['mediation_failed', 'none'],
      not_accepted: ['not_accepted', 'none'],
    },
  },
  // Counted again on a new calendar; what it does to the clock is pinned in calendar-recompute.test.ts.
  recompute_deadline: { by: 'system', moves: everyOpen(['submitted', 'keep']) },
  link_consumer: {
    by: 'system',
    moves: Object.fromEntries(COMPLAINT_STATUSES.map((status) => [status, [status, TERMINAL.includes(status) ? 'none' : 'keep']])),
    onlyUnclaimed: '该投诉已被认领',
  },
  expire: {
    by: 'system',
    moves: {
      submitted: ['escalated', 'accept_decision'],
      merchant_handling: ['escalated', 'accept_decision'],
      settlement_proposed: ['escalated', 'accept_decision'],
      accepted: ['mediation_failed', 'none'],
      mediating: ['mediation_failed', 'none'],
    },
    onlyAfterDeadline: EXPIRE_TOO_EARLY,
  },
};

const PROPOSAL = { outcome: 'refund', amount: '128.50', dueDate: '2026-06-20', text: '三日内全额退款' } as const;

/** One well-formed example of every command. */
const SAMPLE: { [T in CommandType]: Extract<Command, { type: T }> } = {
  reply: { type: 'reply', text: '已收到，正在核实' },
  propose: { type: 'propose', proposal: { ...PROPOSAL } },
  decline: { type: 'decline', text: '商品已超过退货期限' },
  fulfil: { type: 'fulfil', text: '已退款' },
  accept_proposal: { type: 'accept_proposal' },
  reject_proposal: { type: 'reject_proposal', text: '金额不够' },
  escalate: { type: 'escalate', text: '商家一直不回复' },
  withdraw: { type: 'withdraw', text: '已私下解决' },
  rate: { type: 'rate', rating: 'basically_satisfied', comment: '处理较及时' },
  claim: { type: 'claim' },
  assign: { type: 'assign', assigneeId: 'staff-med' },
  accept: { type: 'accept', text: '符合受理条件' },
  not_accept: { type: 'not_accept', reason: 'o121_outside_duties' },
  record_mediation: { type: 'record_mediation', text: '电话联系双方', party: 'both' },
  close_mediated: { type: 'close_mediated', text: '双方同意退款 100 元' },
  end_mediation: { type: 'end_mediation', ground: 'o121_no_agreement_possible', referral: 'arbitration', guidance: '可向仲裁委员会申请仲裁' },
  note: { type: 'note', text: '商家此前有类似投诉' },
  record_12315: { type: 'record_12315', caseNumber: '3201050020261015001' },
  follow_up: { type: 'follow_up', outcome: 'reached', rating: 'satisfied', note: '电话回访，消费者表示满意' },
  link_consumer: { type: 'link_consumer', userId: 'consumer-3' },
  expire: { type: 'expire' },
  recompute_deadline: { type: 'recompute_deadline', reason: '国务院公布2026年节假日安排' },
};

/** The running deadline every open fixture has; `BEFORE` and `AFTER` sit on either side of it. */
const DUE = iso('2026-06-12T23:59:59.999');
const BEFORE = at('2026-06-11T15:00');
const AFTER = at('2026-06-13T09:00');
const CLOSED_AT = iso('2026-06-10T11:00');

/** The clock an open complaint in each state is running, per docs/lifecycle.md. */
const RUNNING: Partial<Record<ComplaintStatus, DeadlineKind>> = {
  submitted: 'merchant_first_reply',
  merchant_handling: 'merchant_proposal',
  settlement_proposed: 'consumer_answer',
  escalated: 'accept_decision',
  accepted: 'mediation',
  mediating: 'mediation',
};

/** A complaint in `status`, as it would look having got there: no assignee, no rating, not yet fulfilled. */
function stateIn(status: ComplaintStatus, extra: Partial<LifecycleState> = {}): LifecycleState {
  const running = RUNNING[status];
  return {
    ...PARTIES,
    status,
    version: 7,
    ...(running ? { deadline: { kind: running, dueAt: DUE } } : {}),
    ...(status === 'submitted' ? {} : { firstResponseAt: iso('2026-06-08T16:00') }),
    ...(['settlement_proposed', 'settled_in_shop'].includes(status) ? { proposal: { ...PROPOSAL } } : {}),
    ...(TERMINAL.includes(status) ? { closedAt: CLOSED_AT } : {}),
    ...extra,
  };
}

const RULE_KEY: Record<DeadlineKind, keyof Omit<ClockRules, 'preset'>> = {
  merchant_first_reply: 'merchantFirstReply',
  merchant_proposal: 'merchantProposal',
  consumer_answer: 'consumerAnswer',
  accept_decision: 'acceptDecision',
  mediation: 'mediation',
};
const startedAt = (kind: DeadlineKind, now: Date, rules: ClockRules = DEFAULT_CLOCK_RULES) => ({
  kind,
  dueAt: dueAt(now, rules[RULE_KEY[kind]] as Duration).toISOString(),
  startedAt: now.toISOString(),
  duration: rules[RULE_KEY[kind]],
});

type Outcome =
  | { ok: true; to: ComplaintStatus; clock: Clock }
  | { ok: false; error: typeof Forbidden | typeof IllegalTransition; message: string; why: string };

/** What the table says happens; written without asking the module under test. */
function expectedOutcome(status: ComplaintStatus, type: CommandType, actorName: ActorName, now: Date): Outcome {
  const rule = EXPECTED[type];
  const standing = STANDING[actorName];
  const by: readonly Relation[] = typeof rule.by === 'string' ? [rule.by] : rule.by;
  const forConsumer = standing.relation === 'station' && rule.onBehalf === true;
  if (!by.includes(standing.relation) && !forConsumer) {
    return { ok: false, error: Forbidden, message: '您无权进行此操作', why: 'not theirs to issue' };
  }
  if (forConsumer) {
    return { ok: false, error: IllegalTransition, message: '消费者已在小程序中认领该投诉', why: 'claimed: the consumer speaks for themselves' };
  }
  if (rule.roles && !(standing.role && rule.roles.includes(standing.role))) {
    return { ok: false, error: Forbidden, message: '您的岗位无权进行此操作', why: 'not their role' };
  }
  const move = rule.moves[status];
  if (!move) {
    return { ok: false, error: IllegalTransition, message: `「${STATUS_LABELS[status]}」`, why: 'not from this state' };
  }
  if (rule.onlyAfterDeadline && now.getTime() <= Date.parse(DUE)) {
    return { ok: false, error: IllegalTransition, message: rule.onlyAfterDeadline, why: 'deadline not passed yet' };
  }
  if (rule.onlyUnclaimed) return { ok: false, error: IllegalTransition, message: rule.onlyUnclaimed, why: 'already claimed' };
  return { ok: true, to: move[0], clock: move[1] };
}

/** The actor as an event records it: who, never their shop list or jurisdiction. */
function summaryOf(actor: Actor): LifecycleEvent['actor'] {
  if (actor.kind === 'system') return { kind: 'system' };
  if (actor.kind === 'staff') return { kind: 'staff', userId: actor.userId, role: actor.role };
  return { kind: actor.kind, userId: actor.userId };
}

function attempt(state: LifecycleState, command: Command, actor: Actor, now: Date, rules: ClockRules = DEFAULT_CLOCK_RULES) {
  try {
    return { ok: true as const, ...transition(state, command, actor, now, rules) };
  } catch (error) {
    return { ok: false as const, error };
  }
}

/** Asserts both the error class and its exact Chinese message. */
function expectRefusal(act: () => unknown, errorClass: typeof Forbidden | typeof IllegalTransition, message: string): void {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(errorClass);
  expect((thrown as Error).message).toBe(message);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const PHASES = [
  { phase: 'before the running deadline', now: BEFORE },
  { phase: 'at the running deadline (its last millisecond, still on time)', now: new Date(Date.parse(DUE)) },
  { phase: 'after the running deadline', now: AFTER },
] as const;

/** What actually happened, in a shape that diffs readably per actor. */
function observe(input: LifecycleState, type: CommandType, actorName: ActorName, now: Date) {
  const result = attempt(input, SAMPLE[type], ACTORS[actorName], now);
  if (!result.ok) {
    const error = result.error;
    // IllegalTransition is a Conflict (409), Forbidden is 403: the two must never be confused.
    const refused =
      error instanceof IllegalTransition && !(error instanceof Forbidden)
        ? 'IllegalTransition'
        : error instanceof Forbidden && !(error instanceof Conflict)
          ? 'Forbidden'
          : `unexpected ${String(error)}`;
    return { actor: actorName, refused, code: (error as Forbidden).code, message: (error as Error).message };
  }
  const { state, event } = result;
  return { actor: actorName, status: state.status, version: state.version, deadline: state.deadline, closedAt: state.closedAt, event };
}

/** What the table says should happen, in the same shape. */
function expectation(input: LifecycleState, type: CommandType, actorName: ActorName, now: Date) {
  const expected = expectedOutcome(input.status, type, actorName, now);
  if (!expected.ok) {
    return {
      actor: actorName,
      refused: expected.error.name,
      code: expected.error === Forbidden ? 'FORBIDDEN' : 'CONFLICT',
      message: expect.stringContaining(expected.message),
    };
  }
  const { type: _type, ...data } = SAMPLE[type];
  const closes = TERMINAL.includes(expected.to) && !TERMINAL.includes(input.status);
  return {
    actor: actorName,
    status: expected.to,
    version: input.version + 1,
    deadline: expected.clock === 'none' ? undefined : expected.clock === 'keep' ? input.deadline : startedAt(expected.clock, now),
    closedAt: closes ? now.toISOString() : input.closedAt,
    event: {
      type,
      at: now.toISOString(),
      actor: summaryOf(ACTORS[actorName]),
      from: input.status,
      to: expected.to,
      visibility: ['note', 'claim', 'assign', 'follow_up'].includes(type) ? 'staff' : 'all',
      // The sweeper's move carries its own explanation for the timeline (lifecycle-messages.test.ts pins the words).
      data: type === 'expire' ? expect.objectContaining({ text: expect.stringContaining('期限') }) : data,
    },
  };
}

/** e.g. `the shop's merchant → merchant_handling (clock: merchant_proposal); all others Forbidden (not theirs to issue)`. */
function describeRow(status: ComplaintStatus, type: CommandType, now: Date): string {
  const groups = new Map<string, ActorName[]>();
  for (const actorName of ACTOR_NAMES) {
    const expected = expectedOutcome(status, type, actorName, now);
    const verdict = expected.ok
      ? `→ ${expected.to}${expected.clock === 'none' ? '' : ` (clock: ${expected.clock})`}`
      : `${expected.error.name} (${expected.why})`;
    groups.set(verdict, [...(groups.get(verdict) ?? []), actorName]);
  }
  const others = `${Forbidden.name} (not theirs to issue)`;
  const parts = [...groups].filter(([verdict]) => verdict !== others).map(([verdict, names]) => `${names.join(', ')} ${verdict}`);
  if (groups.has(others)) parts.push(`${parts.length ? 'all others' : 'everyone'} ${others}`);
  return `${status}: ${type} — ${parts.join('; ')}`;
}

/** Every command but the recount, whose outcome depends on the calendar (calendar-recompute.test.ts). */
const MATRIX_COMMANDS = COMMAND_TYPES.filter((type) => type !== 'recompute_deadline');

describe('the transition matrix: every status × command × actor', () => {
  for (const { phase, now } of PHASES) {
    describe(phase, () => {
      const rows = COMPLAINT_STATUSES.flatMap((status) =>
        MATRIX_COMMANDS.map((type) => ({ name: describeRow(status, type, now), status, type })),
      );

      it.each(rows)('$name', ({ status, type }) => {
        const input = deepFreeze(stateIn(status));
        const before = structuredClone(input);
        const observed = ACTOR_NAMES.map((actorName) => observe(input, type, actorName, now));
        expect(observed).toEqual(ACTOR_NAMES.map((actorName) => expectation(input, type, actorName, now)));
        // Frozen, so a mutation would have thrown; compared as well in case freezing is ever dropped.
        expect(input).toEqual(before);
      });
    });
  }
});

describe('allowedActions is exactly what transition accepts (the buttons the app shows)', () => {
  for (const { phase, now } of PHASES) {
    const rows = COMPLAINT_STATUSES.flatMap((status) => ACTOR_NAMES.map((actorName) => ({ status, actorName })));
    it.each(rows)(`${phase}: $status, $actorName`, ({ status, actorName }) => {
      const state = stateIn(status);
      const actor = ACTORS[actorName];
      const people = MATRIX_COMMANDS.filter((type) => type !== 'expire');
      const fromTable = people.filter((type) => expectedOutcome(status, type, actorName, now).ok);
      const accepted = people.filter((type) => attempt(state, SAMPLE[type], actor, now).ok);
      const shown = allowedActions(state, actor, now);

      // The system's commands (expire, recompute_deadline) are never buttons; the rest match the table and transition().
      expect(shown).not.toContain('expire');
      expect(shown).not.toContain('recompute_deadline');
      expect([...shown].sort()).toEqual([...fromTable].sort());
      expect([...shown].sort()).toEqual([...accepted].sort());
    });
  }

  it('the system is offered nothing, though transition accepts its expire once a deadline has passed', () => {
    const overdue = stateIn('submitted');
    expect(allowedActions(overdue, ACTORS.system, AFTER)).toEqual([]);
    expect(attempt(overdue, SAMPLE.expire, ACTORS.system, AFTER).ok).toBe(true);
  });

  it('escalate appears for the complainant one millisecond after the deadline, not at it', () => {
    const state = stateIn('merchant_handling');
    const consumer = ACTORS.complainant;
    expect(allowedActions(state, consumer, new Date(Date.parse(DUE)))).toEqual(['withdraw']);
    expect(allowedActions(state, consumer, new Date(Date.parse(DUE) + 1))).toEqual(['escalate', 'withdraw']);
  });
});

describe('relationOf', () => {
  it.each(ACTOR_NAMES)('%s', (actorName) => {
    expect(relationOf(ACTORS[actorName], PARTIES)).toBe(STANDING[actorName].relation);
  });

  it('a merchant account with no shops is nobody to the complaint', () => {
    expect(relationOf({ kind: 'merchant', userId: 'clerk-3', merchantIds: [] }, PARTIES)).toBe('none');
  });

  it('county-wide staff relate to a complaint in any town', () => {
    const staff: Actor = { kind: 'staff', userId: 's', role: 'mediator', jurisdiction: 'county' };
    expect(relationOf(staff, { ...PARTIES, townCode: 'town-anywhere' })).toBe('staff');
  });

  it('a consumer relates only through the complainant id, not through a matching merchant or town', () => {
    expect(relationOf({ kind: 'consumer', userId: 'SHOP000001' }, PARTIES)).toBe('none');
    expect(relationOf({ kind: 'consumer', userId: 'town-chengguan' }, PARTIES)).toBe('none');
  });
});

describe('versions and immutability', () => {
  it('a successful command raises the version by exactly one and leaves the input untouched', () => {
    const input = stateIn('submitted', { version: 41 });
    const snapshot = structuredClone(input);
    const { state } = transition(input, SAMPLE.reply, ACTORS["the shop's merchant"], BEFORE, DEFAULT_CLOCK_RULES);
    expect(state.version).toBe(42);
    expect(input).toEqual(snapshot);
    expect(state).not.toBe(input);
  });

  it('a refused command leaves the input untouched', () => {
    const input = stateIn('escalated');
    const snapshot = structuredClone(input);
    expect(() => transition(input, SAMPLE.reply, ACTORS["the shop's merchant"], BEFORE, DEFAULT_CLOCK_RULES)).toThrow(IllegalTransition);
    expect(input).toEqual(snapshot);
  });

  it('keeps fields it does not own (the store passes its whole record through)', () => {
    const input = { ...stateIn('submitted'), id: 'C123', description: '电饭煲坏了' };
    const { state } = transition(input, SAMPLE.reply, ACTORS["the shop's merchant"], BEFORE, DEFAULT_CLOCK_RULES);
    expect(state.id).toBe('C123');
    expect(state.description).toBe('电饭煲坏了');
  });
});

/**
 * A deadline as stored: its kind and instant, plus when the clock started and for how long (what a
 * recomputation on a new calendar counts from).
 */
const clockOf = (kind: DeadlineKind, dueAtIso: string, startedAtIso: string, duration: Duration) => ({ kind, dueAt: dueAtIso, startedAt: startedAtIso, duration });

describe('filing', () => {
  it('a filed complaint is submitted, version 1, with the merchant first-reply clock running (1 working day)', () => {
    // Monday 10:00 → end of Tuesday, Shanghai.
    const state = initialState(PARTIES, at('2026-06-08T10:00'), DEFAULT_CLOCK_RULES);
    expect(state).toEqual({
      ...PARTIES,
      status: 'submitted',
      version: 1,
      deadline: clockOf('merchant_first_reply', iso('2026-06-09T23:59:59.999'), iso('2026-06-08T10:00'), { amount: 1, unit: 'working_days' }),
    });
  });

  it('the file event opens the timeline: submitted → submitted, visible to all, by the consumer', () => {
    expect(fileEvent(ACTORS.complainant, at('2026-06-08T10:00'), { category: 'quality' })).toEqual({
      type: 'file',
      at: iso('2026-06-08T10:00'),
      actor: { kind: 'consumer', userId: 'consumer-1' },
      from: 'submitted',
      to: 'submitted',
      visibility: 'all',
      data: { category: 'quality' },
    });
  });
});

describe('deadlines along the way (Order 121 defaults, June 2026; 19 June is the Dragon Boat holiday)', () => {
  const merchant = ACTORS["the shop's merchant"];
  const consumer = ACTORS.complainant;
  const regulator = ACTORS['regulator in jurisdiction'];
  const mediator = ACTORS['mediator in jurisdiction'];
  const rules = DEFAULT_CLOCK_RULES;
  const filed = () => initialState(PARTIES, at('2026-06-08T10:00'), rules);

  it('the first reply from submitted starts the proposal clock (3 working days from the reply)', () => {
    const { state } = transition(filed(), SAMPLE.reply, merchant, at('2026-06-09T09:00'), rules);
    expect(state.deadline).toEqual(clockOf('merchant_proposal', iso('2026-06-12T23:59:59.999'), iso('2026-06-09T09:00'), rules.merchantProposal));
    expect(state.firstResponseAt).toBe(iso('2026-06-09T09:00'));
  });

  it('a second reply keeps the proposal clock and the first-response time (no extra time bought)', () => {
    const first = transition(filed(), SAMPLE.reply, merchant, at('2026-06-09T09:00'), rules).state;
    const second = transition(first, { type: 'reply', text: '补充说明' }, merchant, at('2026-06-11T09:00'), rules).state;
    expect(second.deadline).toEqual(clockOf('merchant_proposal', iso('2026-06-12T23:59:59.999'), iso('2026-06-09T09:00'), rules.merchantProposal));
    expect(second.firstResponseAt).toBe(iso('2026-06-09T09:00'));
  });

  it('a proposal starts the consumer-answer clock (3 days; ending on a Sunday moves it to Monday)', () => {
    const replied = transition(filed(), SAMPLE.reply, merchant, at('2026-06-09T09:00'), rules).state;
    const { state } = transition(replied, SAMPLE.propose, merchant, at('2026-06-11T10:00'), rules);
    expect(state.deadline).toEqual(clockOf('consumer_answer', iso('2026-06-15T23:59:59.999'), iso('2026-06-11T10:00'), rules.consumerAnswer));
    expect(state.proposal).toEqual(PROPOSAL);
  });

  it('a proposal straight from submitted counts as the first response', () => {
    const { state } = transition(filed(), SAMPLE.propose, merchant, at('2026-06-08T12:00'), rules);
    expect(state.firstResponseAt).toBe(iso('2026-06-08T12:00'));
  });

  it('escalating after the first-reply deadline starts the accept-decision clock (7 working days, skipping 19 June)', () => {
    const { state } = transition(filed(), SAMPLE.escalate, consumer, at('2026-06-10T10:00'), rules);
    expect(state.status).toBe('escalated');
    expect(state.deadline).toEqual(clockOf('accept_decision', iso('2026-06-22T23:59:59.999'), iso('2026-06-10T10:00'), rules.acceptDecision));
  });

  it('a decline starts the accept-decision clock, marks the merchant as declining and counts as first response', () => {
    const { state } = transition(filed(), SAMPLE.decline, merchant, at('2026-06-10T10:00'), rules);
    expect(state.status).toBe('escalated');
    expect(state.deadline).toEqual(clockOf('accept_decision', iso('2026-06-22T23:59:59.999'), iso('2026-06-10T10:00'), rules.acceptDecision));
    expect(state.merchantDeclined).toBe(true);
    expect(state.firstResponseAt).toBe(iso('2026-06-10T10:00'));
  });

  it('rejecting a proposal starts the accept-decision clock', () => {
    const proposed = transition(filed(), SAMPLE.propose, merchant, at('2026-06-08T12:00'), rules).state;
    const { state } = transition(proposed, SAMPLE.reject_proposal, consumer, at('2026-06-10T10:00'), rules);
    expect(state.status).toBe('escalated');
    expect(state.deadline).toEqual(clockOf('accept_decision', iso('2026-06-22T23:59:59.999'), iso('2026-06-10T10:00'), rules.acceptDecision));
  });

  it.each([
    ['samr_order_121 (60 days)', CLOCK_PRESETS.samr_order_121, iso('2026-08-10T23:59:59.999')],
    ['samr_order_20 (45 working days)', CLOCK_PRESETS.samr_order_20, iso('2026-08-14T23:59:59.999')],
  ])('acceptance starts the mediation clock: %s', (_name, preset, due) => {
    const escalated = transition(filed(), SAMPLE.decline, merchant, at('2026-06-09T10:00'), preset).state;
    const { state } = transition(escalated, SAMPLE.accept, regulator, at('2026-06-11T10:00'), preset);
    expect(state.status).toBe('accepted');
    expect(state.deadline).toEqual(clockOf('mediation', due, iso('2026-06-11T10:00'), preset.mediation));
  });

  it('recording mediation contacts keeps the mediation clock running from acceptance', () => {
    const escalated = transition(filed(), SAMPLE.decline, merchant, at('2026-06-09T10:00'), rules).state;
    const accepted = transition(escalated, SAMPLE.accept, regulator, at('2026-06-11T10:00'), rules).state;
    const first = transition(accepted, SAMPLE.record_mediation, mediator, at('2026-06-15T10:00'), rules).state;
    const second = transition(first, SAMPLE.record_mediation, mediator, at('2026-07-01T10:00'), rules).state;
    expect(first.status).toBe('mediating');
    expect(first.deadline).toEqual(accepted.deadline);
    expect(second.deadline).toEqual(accepted.deadline);
  });

  it('claim, assign and notes do not touch the running clock', () => {
    const escalated = transition(filed(), SAMPLE.decline, merchant, at('2026-06-09T10:00'), rules).state;
    const claimed = transition(escalated, SAMPLE.claim, regulator, at('2026-06-10T10:00'), rules).state;
    const assigned = transition(claimed, SAMPLE.assign, regulator, at('2026-06-10T11:00'), rules).state;
    const noted = transition(assigned, SAMPLE.note, mediator, at('2026-06-10T12:00'), rules).state;
    expect(noted.deadline).toEqual(escalated.deadline);
  });

  it('closing removes the deadline and sets closedAt; later rating and notes leave closedAt as it was', () => {
    const proposed = transition(filed(), SAMPLE.propose, merchant, at('2026-06-08T12:00'), rules).state;
    const settled = transition(proposed, SAMPLE.accept_proposal, consumer, at('2026-06-09T12:00'), rules).state;
    expect(settled.status).toBe('settled_in_shop');
    expect(settled.deadline).toBeUndefined();
    expect('deadline' in settled).toBe(false);
    expect(settled.closedAt).toBe(iso('2026-06-09T12:00'));

    const fulfilled = transition(settled, SAMPLE.fulfil, merchant, at('2026-06-10T12:00'), rules).state;
    const rated = transition(fulfilled, SAMPLE.rate, consumer, at('2026-06-11T12:00'), rules).state;
    const noted = transition(rated, SAMPLE.note, regulator, at('2026-06-12T12:00'), rules).state;
    for (const later of [fulfilled, rated, noted]) {
      expect(later.closedAt).toBe(iso('2026-06-09T12:00'));
      expect(later.deadline).toBeUndefined();
    }
    expect(fulfilled.fulfilledAt).toBe(iso('2026-06-10T12:00'));
  });

  it.each([
    ['withdraw from mediating', 'mediating', SAMPLE.withdraw, consumer, 'withdrawn'],
    ['not_accept from escalated', 'escalated', SAMPLE.not_accept, regulator, 'not_accepted'],
    ['close_mediated from mediating', 'mediating', SAMPLE.close_mediated, mediator, 'mediated'],
    ['end_mediation from accepted', 'accepted', SAMPLE.end_mediation, mediator, 'mediation_failed'],
  ] as const)('%s leaves no deadline', (_name, status, command, actor, to) => {
    const { state } = transition(stateIn(status), command, actor, BEFORE, rules);
    expect(state.status).toBe(to);
    expect(state.deadline).toBeUndefined();
    expect(state.closedAt).toBe(BEFORE.toISOString());
  });
});

describe('expire: the sweeper moves a complaint on only once its deadline has passed', () => {
  const system = ACTORS.system;
  const exactly = new Date(Date.parse(DUE));
  const justAfter = new Date(Date.parse(DUE) + 1);

  it.each(['submitted', 'merchant_handling', 'settlement_proposed', 'accepted', 'mediating'] as const)(
    'refuses %s exactly at dueAt (the last millisecond is still on time)',
    (status) => {
      expectRefusal(
        () => transition(stateIn(status), SAMPLE.expire, system, exactly, DEFAULT_CLOCK_RULES),
        IllegalTransition,
        EXPIRE_TOO_EARLY,
      );
    },
  );

  it.each(['submitted', 'merchant_handling', 'settlement_proposed'] as const)(
    'moves %s to escalated one millisecond after dueAt, starting the accept-decision clock',
    (status) => {
      const { state, event } = transition(stateIn(status), SAMPLE.expire, system, justAfter, DEFAULT_CLOCK_RULES);
      expect(state.status).toBe('escalated');
      expect(state.deadline).toEqual(startedAt('accept_decision', justAfter));
      expect(state.closedAt).toBeUndefined();
      expect(event).toMatchObject({ type: 'expire', actor: { kind: 'system' }, from: status, to: 'escalated', visibility: 'all' });
    },
  );

  it.each(['accepted', 'mediating'] as const)('moves %s to mediation_failed, closing it', (status) => {
    const { state } = transition(stateIn(status), SAMPLE.expire, system, justAfter, DEFAULT_CLOCK_RULES);
    expect(state.status).toBe('mediation_failed');
    expect(state.deadline).toBeUndefined();
    expect(state.closedAt).toBe(justAfter.toISOString());
  });

  it('refuses escalated even when the accept decision is overdue (it stays in triage as overdue)', () => {
    expect(() => transition(stateIn('escalated'), SAMPLE.expire, system, AFTER, DEFAULT_CLOCK_RULES)).toThrow(IllegalTransition);
  });

  it('refuses every terminal state', () => {
    for (const status of TERMINAL) {
      expect(() => transition(stateIn(status), SAMPLE.expire, system, AFTER, DEFAULT_CLOCK_RULES)).toThrow(IllegalTransition);
    }
  });

  it('is refused to every person, even after the deadline', () => {
    for (const actorName of ACTOR_NAMES.filter((name) => name !== 'system')) {
      expect(() => transition(stateIn('submitted'), SAMPLE.expire, ACTORS[actorName], AFTER, DEFAULT_CLOCK_RULES)).toThrow(Forbidden);
    }
  });

  it('the refusal is a Conflict, which the sweeper treats as "skip"', () => {
    expect(() => transition(stateIn('submitted'), SAMPLE.expire, system, BEFORE, DEFAULT_CLOCK_RULES)).toThrow(Conflict);
  });
});

describe('escalation by the consumer waits for the merchant deadline', () => {
  it.each(['submitted', 'merchant_handling'] as const)('in %s: refused at dueAt with the reason, allowed 1 ms later', (status) => {
    const consumer = ACTORS.complainant;
    const exactly = new Date(Date.parse(DUE));
    expectRefusal(
      () => transition(stateIn(status), SAMPLE.escalate, consumer, exactly, DEFAULT_CLOCK_RULES),
      IllegalTransition,
      ESCALATE_TOO_EARLY,
    );
    const later = new Date(Date.parse(DUE) + 1);
    expect(transition(stateIn(status), SAMPLE.escalate, consumer, later, DEFAULT_CLOCK_RULES).state.status).toBe('escalated');
  });
});

describe('once-only commands', () => {
  const consumer = ACTORS.complainant;

  it('rating twice is refused with a reason', () => {
    const rated = transition(stateIn('mediated'), SAMPLE.rate, consumer, BEFORE, DEFAULT_CLOCK_RULES).state;
    expect(rated.rating).toEqual({ rating: 'basically_satisfied', comment: '处理较及时', at: BEFORE.toISOString() });
    expectRefusal(
      () => transition(rated, { type: 'rate', rating: 'satisfied' }, consumer, AFTER, DEFAULT_CLOCK_RULES),
      IllegalTransition,
      '您已评价过该投诉',
    );
    expect(allowedActions(rated, consumer, AFTER)).not.toContain('rate');
  });

  it('a rating without comment stores no comment key', () => {
    const { state } = transition(stateIn('not_accepted'), { type: 'rate', rating: 'dissatisfied' }, consumer, BEFORE, DEFAULT_CLOCK_RULES);
    expect(state.rating).toEqual({ rating: 'dissatisfied', at: BEFORE.toISOString() });
  });

  it('a withdrawn complaint cannot be rated', () => {
    expect(() => transition(stateIn('withdrawn'), SAMPLE.rate, consumer, BEFORE, DEFAULT_CLOCK_RULES)).toThrow(IllegalTransition);
  });

  it('marking fulfilled twice is refused', () => {
    const merchant = ACTORS["the shop's merchant"];
    const once = transition(stateIn('settled_in_shop'), SAMPLE.fulfil, merchant, BEFORE, DEFAULT_CLOCK_RULES).state;
    expectRefusal(
      () => transition(once, SAMPLE.fulfil, merchant, AFTER, DEFAULT_CLOCK_RULES),
      IllegalTransition,
      '已标记为履行完毕',
    );
  });
});

describe('claim and assign', () => {
  const regulator = ACTORS['regulator in jurisdiction'];
  const mediator = ACTORS['mediator in jurisdiction'];
  const admin = ACTORS['admin in jurisdiction'];

  it('claiming makes the claimer the assignee', () => {
    const { state } = transition(stateIn('escalated'), SAMPLE.claim, mediator, BEFORE, DEFAULT_CLOCK_RULES);
    expect(state.assigneeId).toBe('staff-med');
  });

  it('a second staff member cannot claim what another has claimed', () => {
    const claimed = transition(stateIn('escalated'), SAMPLE.claim, regulator, BEFORE, DEFAULT_CLOCK_RULES).state;
    expectRefusal(
      () => transition(claimed, SAMPLE.claim, admin, BEFORE, DEFAULT_CLOCK_RULES),
      IllegalTransition,
      '该投诉已由其他工作人员认领',
    );
    expect(allowedActions(claimed, admin, BEFORE)).not.toContain('claim');
  });

  it('claiming twice by the same person is refused as already claimed', () => {
    const claimed = transition(stateIn('accepted'), SAMPLE.claim, regulator, BEFORE, DEFAULT_CLOCK_RULES).state;
    expectRefusal(
      () => transition(claimed, SAMPLE.claim, regulator, BEFORE, DEFAULT_CLOCK_RULES),
      IllegalTransition,
      '您已认领该投诉',
    );
  });

  it('assignment sets the assignee, even over a claim, and the assignee then cannot claim again', () => {
    const claimed = transition(stateIn('mediating'), SAMPLE.claim, regulator, BEFORE, DEFAULT_CLOCK_RULES).state;
    const assigned = transition(claimed, { type: 'assign', assigneeId: 'staff-med' }, admin, BEFORE, DEFAULT_CLOCK_RULES).state;
    expect(assigned.assigneeId).toBe('staff-med');
    expectRefusal(
      () => transition(assigned, SAMPLE.claim, mediator, BEFORE, DEFAULT_CLOCK_RULES),
      IllegalTransition,
      '您已认领该投诉',
    );
    expectRefusal(
      () => transition(assigned, SAMPLE.claim, regulator, BEFORE, DEFAULT_CLOCK_RULES),
      IllegalTransition,
      '该投诉已由其他工作人员认领',
    );
  });
});

describe('event visibility', () => {
  const staff = ACTORS['regulator in jurisdiction'];
  it.each([
    ['note', SAMPLE.note],
    ['claim', SAMPLE.claim],
    ['assign', SAMPLE.assign],
  ] as const)('%s events are for staff only', (_name, command) => {
    expect(transition(stateIn('escalated'), command, staff, BEFORE, DEFAULT_CLOCK_RULES).event.visibility).toBe('staff');
  });

  it('a note on a closed complaint is still staff-only', () => {
    expect(transition(stateIn('withdrawn'), SAMPLE.note, staff, BEFORE, DEFAULT_CLOCK_RULES).event.visibility).toBe('staff');
  });

  it('accept and not_accept are visible to everyone (they are decisions, not notes)', () => {
    expect(transition(stateIn('escalated'), SAMPLE.accept, staff, BEFORE, DEFAULT_CLOCK_RULES).event.visibility).toBe('all');
    expect(transition(stateIn('escalated'), SAMPLE.not_accept, staff, BEFORE, DEFAULT_CLOCK_RULES).event.visibility).toBe('all');
  });
});

describe('error classes', () => {
  it('IllegalTransition is a Conflict (HTTP 409) named IllegalTransition', () => {
    const error = new IllegalTransition('x');
    expect(error).toBeInstanceOf(Conflict);
    expect(error.name).toBe('IllegalTransition');
    expect(error.code).toBe('CONFLICT');
  });
});
