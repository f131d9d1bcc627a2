import { DEFAULT_CLOCK_RULES } from '../src/domain/clock';
import {
  COUNTER_NAMES,
  FILED_COUNTERS,
  FIRST_RESPONSE_BUCKETS,
  INDICATOR_TARGETS,
  commitmentDeltas,
  counterDeltas,
  formatRate,
  indicatorsOf,
  INDICATOR_KEYS,
  meetsTarget,
  rateOf,
  type Counters,
  type Rate,
} from '../src/domain/indicators';
import {
  transition,
  type Actor,
  type Command,
  type ComplaintStatus,
  type LifecycleEvent,
  type LifecycleState,
} from '../src/domain/lifecycle';

/**
 * The plan's indicators (the campaign's four targets, README) are kept as counters that each event adds to, and divided
 * on the dashboard. These tests pin what each event adds and the three formulas.
 */

const at = (shanghaiLocal: string): Date => new Date(`${shanghaiLocal}+08:00`);
const NOW = at('2026-06-10T10:00');

/** A bare event; counters look only at type, from, to, at and a rating's data. */
function event(type: LifecycleEvent['type'], from: ComplaintStatus, to: ComplaintStatus, data: Record<string, unknown> = {}): LifecycleEvent {
  return { type, at: NOW.toISOString(), actor: { kind: 'consumer', userId: 'consumer-1' }, from, to, visibility: 'all', data };
}

const PARTIES = { consumerId: 'consumer-1', merchantId: 'SHOP000001', townCode: 'town-chengguan' } as const;
const ACTORS = {
  consumer: { kind: 'consumer', userId: 'consumer-1' },
  merchant: { kind: 'merchant', userId: 'clerk-1', merchantIds: ['SHOP000001'] },
  regulator: { kind: 'staff', userId: 'staff-reg', role: 'regulator', jurisdiction: 'county' },
  system: { kind: 'system' },
} as const satisfies Record<string, Actor>;

/** The event a real transition produces, so the counters are tested against what the lifecycle emits. */
function eventOf(status: ComplaintStatus, command: Command, actor: Actor, extra: Partial<LifecycleState> = {}): LifecycleEvent {
  const state: LifecycleState = {
    ...PARTIES,
    status,
    version: 3,
    deadline: { kind: 'merchant_first_reply', dueAt: at('2026-06-01T23:59:59.999').toISOString() },
    ...extra,
  };
  return transition(state, command, actor, NOW, DEFAULT_CLOCK_RULES).event;
}

describe('counterDeltas: what each event adds', () => {
  it('filing adds one received complaint and nothing else', () => {
    expect(FILED_COUNTERS).toEqual({ received: 1 });
  });

  it.each<[string, LifecycleEvent, Counters]>([
    ['accepting a proposal closes as settled in shop', eventOf('settlement_proposed', { type: 'accept_proposal' }, ACTORS.consumer), { closed: 1, settledInShop: 1 }],
    ['withdrawing closes as withdrawn', eventOf('mediating', { type: 'withdraw' }, ACTORS.consumer), { closed: 1, withdrawn: 1 }],
    ['closing mediation closes as mediated', eventOf('mediating', { type: 'close_mediated', text: '达成协议' }, ACTORS.regulator), { closed: 1, mediated: 1 }],
    [
      'not accepting closes as not accepted',
      eventOf('escalated', { type: 'not_accept', reason: 'o121_already_handled' }, ACTORS.regulator),
      { closed: 1, notAccepted: 1 },
    ],
    [
      'ending mediation closes it as a failed mediation',
      eventOf('accepted', { type: 'end_mediation', ground: 'o121_no_agreement_possible', referral: 'arbitration', guidance: '申请仲裁' }, ACTORS.regulator),
      { closed: 1, mediationFailed: 1 },
    ],
    ['expiry of mediation closes like ending it', eventOf('mediating', { type: 'expire' }, ACTORS.system), { closed: 1, mediationFailed: 1 }],
    ['a consumer escalating counts one escalation', eventOf('submitted', { type: 'escalate' }, ACTORS.consumer), { escalated: 1 }],
    ['a merchant declining counts one escalation', eventOf('merchant_handling', { type: 'decline', text: '不同意' }, ACTORS.merchant), { escalated: 1 }],
    ['rejecting a proposal counts one escalation', eventOf('settlement_proposed', { type: 'reject_proposal' }, ACTORS.consumer), { escalated: 1 }],
    ['the sweeper escalating counts one escalation', eventOf('submitted', { type: 'expire' }, ACTORS.system), { escalated: 1 }],
    ['a reply changes no counter (first response is passed separately)', eventOf('submitted', { type: 'reply', text: '好的' }, ACTORS.merchant), {}],
    ['accepting for mediation changes no counter', eventOf('escalated', { type: 'accept' }, ACTORS.regulator), {}],
    ['an internal note changes no counter', eventOf('settled_in_shop', { type: 'note', text: '备注' }, ACTORS.regulator), {}],
    ['marking fulfilled (a closed complaint) does not close it again', eventOf('settled_in_shop', { type: 'fulfil' }, ACTORS.merchant), {}],
  ])('%s', (_name, e, expected) => {
    expect(counterDeltas(e)).toEqual(expected);
  });

  it.each([
    ['satisfied', { rated: 1, satisfied: 1 }],
    ['basically_satisfied', { rated: 1, basicallySatisfied: 1 }],
    ['dissatisfied', { rated: 1, dissatisfied: 1 }],
  ] as const)('a %s rating counts one rating of that kind and does not close anything again', (rating, expected) => {
    const rated = eventOf('mediated', { type: 'rate', rating }, ACTORS.consumer);
    expect(rated.from).toBe(rated.to);
    expect(counterDeltas(rated)).toEqual(expected);
  });

  it('a first response adds one response, the minutes since filing, and one histogram bucket', () => {
    const reply = event('reply', 'submitted', 'merchant_handling');
    const filedAt = at('2026-06-09T08:30').toISOString(); // 25 h 30 min before NOW
    expect(counterDeltas(reply, { filedAt })).toEqual({
      firstResponses: 1,
      firstResponseMinutesTotal: 25 * 60 + 30,
      firstResponseWithin72h: 1,
    });
  });

  const minutesBefore = (minutes: number) => ({ filedAt: new Date(NOW.getTime() - minutes * 60_000).toISOString() });
  const BUCKET_NAMES = ['firstResponseWithin1h', 'firstResponseWithin4h', 'firstResponseWithin24h', 'firstResponseWithin72h', 'firstResponseOver72h'];

  it.each([
    [0, 'firstResponseWithin1h'],
    [60, 'firstResponseWithin1h'],
    [61, 'firstResponseWithin4h'],
    [240, 'firstResponseWithin4h'],
    [241, 'firstResponseWithin24h'],
    [1440, 'firstResponseWithin24h'],
    [1441, 'firstResponseWithin72h'],
    [4320, 'firstResponseWithin72h'],
    [4321, 'firstResponseOver72h'],
    [60 * 24 * 40, 'firstResponseOver72h'],
  ])('a first response after %i minutes lands in %s, and in no other bucket', (minutes, bucket) => {
    const deltas = counterDeltas(event('propose', 'submitted', 'settlement_proposed'), minutesBefore(minutes));
    expect(BUCKET_NAMES.filter((name) => (deltas as Record<string, number>)[name])).toEqual([bucket]);
    expect((deltas as Record<string, number>)[bucket]).toBe(1);
  });

  it('the histogram buckets are ordered, end open, and are all known counters', () => {
    expect(FIRST_RESPONSE_BUCKETS.map((bucket) => bucket.counter)).toEqual(BUCKET_NAMES);
    const limits = FIRST_RESPONSE_BUCKETS.map((bucket) => bucket.maxMinutes);
    expect([...limits].sort((a, b) => a - b)).toEqual(limits);
    expect(limits.at(-1)).toBe(Number.POSITIVE_INFINITY);
    for (const name of BUCKET_NAMES) expect(COUNTER_NAMES).toContain(name);
  });

  it('without a first response no response counter moves', () => {
    const deltas = counterDeltas(event('reply', 'merchant_handling', 'merchant_handling'));
    for (const name of ['firstResponses', 'firstResponseMinutesTotal', ...BUCKET_NAMES]) expect(deltas).not.toHaveProperty(name);
  });

  it('first-response minutes round to the nearest minute', () => {
    const reply = event('reply', 'submitted', 'merchant_handling');
    expect(counterDeltas(reply, { filedAt: new Date(NOW.getTime() - 89_000).toISOString() }).firstResponseMinutesTotal).toBe(1);
    expect(counterDeltas(reply, { filedAt: new Date(NOW.getTime() - 91_000).toISOString() }).firstResponseMinutesTotal).toBe(2);
  });

  it('a first response that is also a closing move counts both (a decline escalates and responds)', () => {
    const decline = event('decline', 'submitted', 'escalated');
    expect(counterDeltas(decline, { filedAt: at('2026-06-10T09:00').toISOString() })).toEqual({
      escalated: 1,
      firstResponses: 1,
      firstResponseMinutesTotal: 60,
      firstResponseWithin1h: 1,
    });
  });

  it('clock skew never makes response time negative', () => {
    const reply = event('reply', 'submitted', 'merchant_handling');
    expect(counterDeltas(reply, { filedAt: new Date(NOW.getTime() + 120_000).toISOString() }).firstResponseMinutesTotal).toBe(0);
  });

  it('only names known counters', () => {
    const all = [
      counterDeltas(event('accept_proposal', 'settlement_proposed', 'settled_in_shop')),
      counterDeltas(event('rate', 'settled_in_shop', 'settled_in_shop', { rating: 'satisfied' })),
      counterDeltas(event('decline', 'submitted', 'escalated'), { filedAt: NOW.toISOString() }),
    ];
    for (const deltas of all) for (const name of Object.keys(deltas)) expect(COUNTER_NAMES).toContain(name);
  });
});

describe('commitmentDeltas: a named commitment is invoked on filing and honoured when the shop makes good', () => {
  it('filing invokes it', () => {
    expect(commitmentDeltas('filed')).toEqual({ invoked: 1 });
  });

  it.each<[string, LifecycleEvent, { invoked?: number; honoured?: number }]>([
    ['settled in the shop: honoured', event('accept_proposal', 'settlement_proposed', 'settled_in_shop'), { honoured: 1 }],
    ['mediated: honoured', event('close_mediated', 'mediating', 'mediated'), { honoured: 1 }],
    ['not accepted: not honoured', event('not_accept', 'escalated', 'not_accepted'), {}],
    ['mediation failed: not honoured', event('end_mediation', 'mediating', 'mediation_failed'), {}],
    ['withdrawn: not honoured', event('withdraw', 'submitted', 'withdrawn'), {}],
    ['escalated: nothing yet', event('decline', 'submitted', 'escalated'), {}],
    ['a later rating of a settled complaint does not honour it again', event('rate', 'settled_in_shop', 'settled_in_shop', { rating: 'satisfied' }), {}],
    ['marking fulfilled does not honour it again', event('fulfil', 'settled_in_shop', 'settled_in_shop'), {}],
  ])('%s', (_name, e, expected) => {
    expect(commitmentDeltas(e)).toEqual(expected);
  });
});

describe('indicatorsOf: the plan’s four indicators, each from the counters it names', () => {
  const value = (rate: Rate) => rate.value;

  it('uses the plan’s targets: 处理率 ≥ 98%, 满意率 ≥ 90%, 和解率 ≥ 85%, 知晓率 ≥ 82%', () => {
    expect(INDICATOR_TARGETS).toEqual({ handlingRate: 0.98, satisfactionRate: 0.9, settlementRate: 0.85, awarenessRate: 0.82 });
  });

  it('处理率 = handled ÷ received, and says what it divided', () => {
    expect(indicatorsOf({ received: 200, closed: 196 }).handlingRate).toEqual({ numerator: 196, denominator: 200, value: 0.98 });
    expect(value(indicatorsOf({ received: 200, closed: 195 }).handlingRate)).toBeCloseTo(0.975, 12);
  });

  it('满意率 = (满意 + 基本满意) ÷ rated; 不满意 counts only in the denominator', () => {
    expect(indicatorsOf({ rated: 40, satisfied: 30, basicallySatisfied: 6, dissatisfied: 4 }).satisfactionRate).toEqual({ numerator: 36, denominator: 40, value: 0.9 });
  });

  it('和解率 = (settled in the shop + mediated) ÷ (handled − withdrawn): refused and failed mediations stay in the denominator', () => {
    const counters = { received: 130, closed: 125, withdrawn: 5, settledInShop: 102, mediated: 10, notAccepted: 5, mediationFailed: 8 };
    expect(indicatorsOf(counters).settlementRate).toEqual({ numerator: 112, denominator: 120, value: 112 / 120 });
    // The in-shop share alone (消费纠纷不出店门) is reported beside it, not as the target.
    expect(indicatorsOf(counters).inShopShare).toEqual({ numerator: 102, denominator: 120, value: 102 / 120 });
  });

  it('知晓率 = quiz respondents who passed ÷ counted respondents', () => {
    expect(indicatorsOf({ quizRespondents: 50, quizPassed: 41 }).awarenessRate).toEqual({ numerator: 41, denominator: 50, value: 0.82 });
  });

  it('the indicators read different counters (a satisfied rating does not move 处理率 or 和解率)', () => {
    const base: Counters = { received: 10, closed: 8, withdrawn: 1, settledInShop: 6, rated: 4, satisfied: 3, dissatisfied: 1 };
    const after = indicatorsOf({ ...base, rated: 5, satisfied: 4 });
    expect(after.handlingRate).toEqual(indicatorsOf(base).handlingRate);
    expect(after.settlementRate).toEqual(indicatorsOf(base).settlementRate);
    expect(value(after.satisfactionRate)).toBeCloseTo(0.8, 12);
  });

  it('null, not 0 or NaN, when there is nothing to divide by — shown as 「—」', () => {
    const empty = indicatorsOf({});
    for (const key of INDICATOR_KEYS) {
      expect(empty[key].value).toBeNull();
      expect(formatRate(empty[key])).toBe('—');
      expect(meetsTarget(empty[key], INDICATOR_TARGETS[key])).toBeNull();
    }
  });

  it('和解率 is null when every handled complaint was withdrawn', () => {
    expect(value(indicatorsOf({ received: 2, closed: 2, withdrawn: 2 }).settlementRate)).toBeNull();
  });

  it('0 (not null) when there is a denominator but nothing in the numerator', () => {
    expect(value(indicatorsOf({ received: 4, closed: 0 }).handlingRate)).toBe(0);
    expect(value(indicatorsOf({ rated: 2, dissatisfied: 2 }).satisfactionRate)).toBe(0);
    expect(value(indicatorsOf({ closed: 3, notAccepted: 3 }).settlementRate)).toBe(0);
  });

  it('a cohort can never exceed 100%: handled counts only complaints received in the same period', () => {
    // Counters are kept per receiving month (counter-scopes.ts), so handled ≤ received by construction.
    expect(value(indicatorsOf({ received: 3, closed: 3 }).handlingRate)).toBe(1);
  });
});

describe('rates in words and against targets', () => {
  it.each([
    [196, 200, '98.0%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [393, 400, '98.3%'], // 98.25%: half up, on the exact fraction
    [1, 8, '12.5%'],
    [1, 1, '100.0%'],
    [0, 7, '0.0%'],
    [5, 0, '—'],
  ])('%i ÷ %i reads %s', (numerator, denominator, words) => {
    expect(formatRate({ numerator, denominator })).toBe(words);
  });

  it('meets a target on the exact fraction, not on the rounded words', () => {
    expect(meetsTarget(rateOf(98, 100), 0.98)).toBe(true);
    expect(meetsTarget(rateOf(979, 1000), 0.98)).toBe(false); // reads 97.9%
    expect(meetsTarget(rateOf(9799, 10000), 0.98)).toBe(false); // reads 98.0%, yet short of it
    expect(meetsTarget(rateOf(41, 50), 0.82)).toBe(true);
  });
});

describe('counters of a whole complaint feed the indicators', () => {
  it('filed → proposed → accepted → rated satisfied gives 100% on all three', () => {
    let state: LifecycleState = {
      ...PARTIES,
      status: 'submitted',
      version: 1,
      deadline: { kind: 'merchant_first_reply', dueAt: at('2026-06-11T23:59:59.999').toISOString() },
    };
    const totals: Counters = { ...FILED_COUNTERS };
    const steps: [Command, Actor][] = [
      [{ type: 'propose', proposal: { outcome: 'refund', dueDate: '2026-06-20', text: '退款' } }, ACTORS.merchant],
      [{ type: 'accept_proposal' }, ACTORS.consumer],
      [{ type: 'rate', rating: 'satisfied' }, ACTORS.consumer],
    ];
    for (const [command, actor] of steps) {
      const result = transition(state, command, actor, NOW, DEFAULT_CLOCK_RULES);
      for (const [name, by] of Object.entries(counterDeltas(result.event)) as [keyof Counters, number][]) {
        totals[name] = (totals[name] ?? 0) + by;
      }
      state = result.state;
    }
    expect(totals).toEqual({ received: 1, closed: 1, settledInShop: 1, rated: 1, satisfied: 1 });
    const indicators = indicatorsOf(totals);
    expect([indicators.handlingRate.value, indicators.satisfactionRate.value, indicators.settlementRate.value]).toEqual([1, 1, 1]);
  });
});
