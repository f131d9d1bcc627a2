import fc from 'fast-check';
import { DEFAULT_CLOCK_RULES } from '../src/domain/clock';
import { addDays, shanghaiToday } from '../src/domain/shanghai-date';
import { Forbidden } from '../src/domain/errors';
import { COUNTER_NAMES, FILED_COUNTERS, FIRST_RESPONSE_BUCKETS, counterDeltas, type Counters } from '../src/domain/indicators';
import {
  COMMAND_TYPES,
  COMPLAINT_STATUSES,
  IllegalTransition,
  allowedActions,
  fileEvent,
  initialState,
  isTerminal,
  transition,
  type Actor,
  type Command,
  type CommandType,
  type ComplaintStatus,
  type LifecycleEvent,
  type LifecycleState,
  unclaimedConsumerId,
} from '../src/domain/lifecycle';

/**
 * Random runs of the lifecycle: from a filed complaint, a sequence of (command, actor, time passing) is applied,
 * refused commands ignored. Whatever the order, the complaint's history must stay a consistent chain and its
 * counters must add up.
 */

const DAY_MS = 86_400_000;
const PARTIES = { consumerId: 'consumer-1', merchantId: 'SHOP000001', townCode: 'town-chengguan', stationId: 'STN0001' } as const;

const POOL: readonly Actor[] = [
  { kind: 'consumer', userId: 'consumer-1' },
  { kind: 'consumer', userId: 'consumer-2' },
  { kind: 'merchant', userId: 'clerk-1', merchantIds: ['SHOP000001'] },
  { kind: 'merchant', userId: 'clerk-2', merchantIds: ['SHOP000009'] },
  { kind: 'staff', userId: 'staff-reg', role: 'regulator', jurisdiction: ['town-chengguan'] },
  { kind: 'staff', userId: 'staff-reg-2', role: 'regulator', jurisdiction: 'county' },
  { kind: 'staff', userId: 'staff-med', role: 'mediator', jurisdiction: 'county' },
  { kind: 'staff', userId: 'staff-adm', role: 'admin', jurisdiction: ['town-x', 'town-chengguan'] },
  { kind: 'staff', userId: 'staff-far', role: 'admin', jurisdiction: ['town-x'] },
  { kind: 'station', userId: 'station-1', stationId: 'STN0001' },
  { kind: 'station', userId: 'station-2', stationId: 'STN0002' },
  { kind: 'system' },
];
const SYSTEM = POOL.length - 1;

const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
const ASSIGNEES = ['staff-reg', 'staff-reg-2', 'staff-med'] as const;

/** A well-formed command of a type; `pick` varies the arguments that matter (rating, assignee). */
function commandOf(type: CommandType, pick: number, now: Date): Command {
  switch (type) {
    case 'reply':
      return { type, text: '正在核实' };
    case 'propose':
      // Due a week after the step's moment: a settlement is something still to do (the domain refuses a past date).
      return { type, proposal: { outcome: 'refund', amount: '10.00', dueDate: addDays(shanghaiToday(now), 7), text: '退款' } };
    case 'decline':
      return { type, text: '不同意' };
    case 'fulfil':
      return { type };
    case 'accept_proposal':
    case 'claim':
    case 'expire':
      return { type };
    case 'reject_proposal':
    case 'escalate':
    case 'withdraw':
    case 'accept':
      return { type };
    case 'rate':
      return { type, rating: RATINGS[pick % RATINGS.length]! };
    case 'assign':
      return { type, assigneeId: ASSIGNEES[pick % ASSIGNEES.length]! };
    case 'not_accept':
      return { type, reason: 'o121_already_handled' };
    case 'record_mediation':
      return { type, text: '电话联系', party: 'both' };
    case 'close_mediated':
      return { type, text: '达成协议' };
    case 'end_mediation':
      return { type, ground: 'o121_party_absent', referral: 'litigation', guidance: '可向人民法院起诉' };
    case 'note':
      return { type, text: '备注' };
    case 'record_12315':
      return { type, caseNumber: '3201050020261015001' };
    case 'recompute_deadline':
      return { type, reason: '节假日安排更新' };
    case 'follow_up':
      return pick % 2 === 0 ? { type, outcome: 'reached', rating: RATINGS[pick % RATINGS.length]! } : { type, outcome: 'no_answer' };
    case 'link_consumer':
      return { type, userId: 'consumer-1' };
  }
}

const stepArb = fc.record({
  /** Mostly pick among what the actor may do now, so runs get deep; sometimes anything at all. */
  fromAllowed: fc.nat({ max: 9 }).map((n) => n < 8),
  actor: fc.nat({ max: POOL.length - 1 }),
  command: fc.nat({ max: COMMAND_TYPES.length - 1 }),
  pick: fc.nat({ max: 1000 }),
  advanceMs: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 2 * DAY_MS }),
    fc.integer({ min: 0, max: 12 * DAY_MS }),
    fc.integer({ min: 0, max: 70 * DAY_MS }),
  ),
});
const runArb = fc.record({
  // Taken in at a station for the consumer and not claimed yet (the station answers for them until it is).
  unclaimed: fc.boolean(),
  // Years the holiday calendar knows, and a little beyond.
  filedAt: fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-10-01T00:00:00Z') }),
  steps: fc.array(stepArb, { maxLength: 40, size: 'max' }),
});
type Run = typeof runArb extends fc.Arbitrary<infer R> ? R : never;

interface Trace {
  state: LifecycleState;
  events: LifecycleEvent[];
  accepted: CommandType[];
  /** Status after each accepted command (the file event's included). */
  statuses: ComplaintStatus[];
  counters: Counters;
  /** Command types accepted after the complaint was closed, with the status it was in. */
  afterClose: { type: CommandType; status: ComplaintStatus }[];
  firstClosedAt?: string;
}

const addCounters = (into: Counters, deltas: Counters) => {
  for (const [name, by] of Object.entries(deltas) as [keyof Counters, number][]) into[name] = (into[name] ?? 0) + by;
};

/** Plays a run, checking the per-step invariants as it goes. */
function play({ filedAt, steps, unclaimed }: Run, onStep?: (state: LifecycleState, now: Date) => void): Trace {
  let now = new Date(filedAt);
  const trace: Trace = {
    state: initialState({ ...PARTIES, consumerId: unclaimed ? unclaimedConsumerId('C1') : PARTIES.consumerId }, now, DEFAULT_CLOCK_RULES),
    events: [fileEvent(POOL[0]!, now)],
    accepted: [],
    statuses: ['submitted'],
    counters: { ...FILED_COUNTERS },
    afterClose: [],
  };
  onStep?.(trace.state, now);

  for (const step of steps) {
    now = new Date(now.getTime() + step.advanceMs);
    const actor = POOL[step.actor]!;
    let choices: CommandType[] = step.fromAllowed ? allowedActions(trace.state, actor, now) : [];
    if (step.fromAllowed && step.actor === SYSTEM) choices.push('expire', 'link_consumer');
    // Withdrawing ends most runs early; offer it less often so runs also reach mediation.
    if (step.pick % 6 !== 0) choices = choices.filter((choice) => choice !== 'withdraw');
    const type = choices.length > 0 ? choices[step.pick % choices.length]! : COMMAND_TYPES[step.command]!;

    let result: ReturnType<typeof transition<LifecycleState>>;
    try {
      result = transition(trace.state, commandOf(type, step.pick, now), actor, now, DEFAULT_CLOCK_RULES);
    } catch (error) {
      // Refusals are expected and ignored; anything else is a bug.
      if (!(error instanceof Forbidden || error instanceof IllegalTransition)) throw error;
      continue;
    }
    const previous = trace.state;
    const { state, event } = result;
    const firstResponse = previous.firstResponseAt === undefined && state.firstResponseAt !== undefined;
    addCounters(trace.counters, counterDeltas(event, firstResponse ? { filedAt: new Date(filedAt).toISOString() } : undefined));
    if (isTerminal(previous.status)) trace.afterClose.push({ type, status: previous.status });
    trace.state = state;
    trace.events.push(event);
    trace.accepted.push(type);
    trace.statuses.push(state.status);
    trace.firstClosedAt ??= state.closedAt;
    onStep?.(state, now);
  }
  return trace;
}

const OPEN_STATUSES = COMPLAINT_STATUSES.filter((status) => !isTerminal(status));

describe('random lifecycles', () => {
  it('the generator reaches every status and issues every command (otherwise the properties below prove little)', () => {
    const seenStatuses = new Set<ComplaintStatus>();
    const seenCommands = new Set<CommandType>();
    for (const run of fc.sample(runArb, { numRuns: 500, seed: 20260315 })) {
      const trace = play(run);
      for (const status of trace.statuses) seenStatuses.add(status);
      for (const type of trace.accepted) seenCommands.add(type);
    }
    expect([...seenStatuses].sort()).toEqual([...COMPLAINT_STATUSES].sort());
    // A recount is refused unless the calendar changed, which a single run never does (calendar-recompute.test.ts).
    expect([...seenCommands].sort()).toEqual(COMMAND_TYPES.filter((type) => type !== 'recompute_deadline').sort());
  });

  it('status is always a known status, and the version counts the events exactly (none lost or duplicated)', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const trace = play(run, (state) => {
          expect(COMPLAINT_STATUSES).toContain(state.status);
        });
        expect(trace.state.version).toBe(1 + trace.accepted.length);
        expect(trace.events.length - 1).toBe(trace.accepted.length);
        expect(trace.events.slice(1).map((event) => event.type)).toEqual(trace.accepted);
      }),
      { numRuns: 400 },
    );
  });

  it('events form a chain: each starts where the previous one ended, and the last ends at the current status', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const { events, state } = play(run);
        expect(events[0]).toMatchObject({ type: 'file', from: 'submitted', to: 'submitted' });
        for (let i = 1; i < events.length; i++) expect(events[i]!.from).toBe(events[i - 1]!.to);
        expect(events.at(-1)!.to).toBe(state.status);
        for (let i = 1; i < events.length; i++) expect(Date.parse(events[i]!.at)).toBeGreaterThanOrEqual(Date.parse(events[i - 1]!.at));
      }),
      { numRuns: 300 },
    );
  });

  it('once closed the status never changes again; only rating (in the app or on a 回访 call), notes, the 12315 number, marking fulfilled and the consumer’s claim are accepted', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const trace = play(run);
        const closedIndex = trace.statuses.findIndex((status) => isTerminal(status));
        if (closedIndex < 0) return;
        expect(new Set(trace.statuses.slice(closedIndex))).toEqual(new Set([trace.statuses[closedIndex]]));
        for (const { type, status } of trace.afterClose) {
          expect(['rate', 'follow_up', 'note', 'fulfil', 'record_12315', 'link_consumer']).toContain(type);
          if (type === 'fulfil') expect(status).toBe('settled_in_shop');
          if (type === 'rate') expect(status).not.toBe('withdrawn');
        }
        // closedAt is set once, on closing, and never moves.
        expect(trace.state.closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(trace.state.closedAt).toBe(trace.firstClosedAt);
      }),
      { numRuns: 300 },
    );
  });

  it('a deadline runs exactly while the complaint is open; closedAt exists exactly when it is closed', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        play(run, (state) => {
          const open = OPEN_STATUSES.includes(state.status);
          expect({ status: state.status, hasDeadline: state.deadline !== undefined }).toEqual({ status: state.status, hasDeadline: open });
          expect({ status: state.status, hasClosedAt: state.closedAt !== undefined }).toEqual({ status: state.status, hasClosedAt: !open });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('allowedActions never offers a command that transition then refuses, for any actor', () => {
    fc.assert(
      fc.property(runArb, fc.nat({ max: 1000 }), (run, pick) => {
        play(run, (state, now) => {
          for (const actor of POOL) {
            for (const type of allowedActions(state, actor, now)) {
              expect(() => transition(state, commandOf(type, pick, now), actor, now, DEFAULT_CLOCK_RULES)).not.toThrow();
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the counters of one complaint add up: closed at most once, rated at most once, each closing counted in one way, one response bucket', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const { counters: c, state, statuses } = play(run);
        const n = (name: (typeof COUNTER_NAMES)[number]) => c[name] ?? 0;
        expect(n('received')).toBe(1);
        expect(n('closed')).toBeLessThanOrEqual(1);
        expect(n('closed')).toBe(isTerminal(state.status) ? 1 : 0);
        expect(n('rated')).toBeLessThanOrEqual(1);
        expect(n('rated')).toBe(state.rating ? 1 : 0);
        expect(n('satisfied') + n('basicallySatisfied') + n('dissatisfied')).toBe(n('rated'));
        expect(n('ratedByFollowUp')).toBe(state.rating?.source === 'follow_up' ? 1 : 0);
        expect(n('escalated')).toBeLessThanOrEqual(1);
        expect(n('escalated')).toBe(statuses.includes('escalated') ? 1 : 0);
        const mediationFailed = state.status === 'mediation_failed' ? 1 : 0;
        expect(n('settledInShop') + n('mediated') + n('notAccepted') + n('withdrawn') + mediationFailed).toBe(n('closed'));
        expect(n('firstResponses')).toBe(state.firstResponseAt ? 1 : 0);
        const buckets = FIRST_RESPONSE_BUCKETS.reduce((sum, bucket) => sum + n(bucket.counter), 0);
        expect(buckets).toBe(n('firstResponses'));
        expect(n('firstResponseMinutesTotal')).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
