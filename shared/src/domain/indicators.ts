import type { RatingCode } from '../catalogue/complaints';
import type { ComplaintStatus, LifecycleEvent } from './lifecycle';

/**
 * Indicator counters. Each lifecycle event adds to a few named counters; the dashboard divides them.
 * Counters are kept per scope (county, town, sector, merchant) and period (month, year) and written in the
 * same transaction as the event, so the dashboard's cost does not grow with the number of complaints.
 */
export const COUNTER_NAMES = [
  'received',
  'closed',
  'withdrawn',
  'settledInShop',
  'escalated',
  'mediated',
  'notAccepted',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'firstResponses',
  'firstResponseMinutesTotal',
  // A histogram of first-response times, so a median can be read from counters (track record).
  'firstResponseWithin1h',
  'firstResponseWithin4h',
  'firstResponseWithin24h',
  'firstResponseWithin72h',
  'firstResponseOver72h',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Partial<Record<CounterName, number>>;

const CLOSING: Partial<Record<ComplaintStatus, CounterName>> = {
  settled_in_shop: 'settledInShop',
  mediated: 'mediated',
  not_accepted: 'notAccepted',
  withdrawn: 'withdrawn',
};

const RATING_COUNTER: Record<RatingCode, CounterName> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basicallySatisfied',
  dissatisfied: 'dissatisfied',
};

const TERMINAL: ReadonlySet<ComplaintStatus> = new Set(['settled_in_shop', 'mediated', 'mediation_failed', 'not_accepted', 'withdrawn']);

/** What filing a complaint adds. */
export const FILED_COUNTERS: Counters = { received: 1 };

/**
 * What one event adds. `firstResponseAt`/`filedAt` are given when this event is the merchant's first
 * response, so the median-free average response time can be kept as a sum and a count.
 */
export function counterDeltas(event: LifecycleEvent, firstResponse?: { filedAt: string }): Counters {
  const deltas: Counters = {};
  const add = (name: CounterName, by = 1) => (deltas[name] = (deltas[name] ?? 0) + by);
  if (event.from !== event.to) {
    if (TERMINAL.has(event.to) && !TERMINAL.has(event.from)) add('closed');
    const closing = CLOSING[event.to];
    if (closing) add(closing);
    if (event.to === 'escalated') add('escalated');
  }
  if (event.type === 'rate') {
    add('rated');
    add(RATING_COUNTER[event.data.rating as RatingCode]);
  }
  if (firstResponse) {
    const minutes = Math.max(0, Math.round((Date.parse(event.at) - Date.parse(firstResponse.filedAt)) / 60_000));
    add('firstResponses');
    add('firstResponseMinutesTotal', minutes);
    add(FIRST_RESPONSE_BUCKETS.find((bucket) => minutes <= bucket.maxMinutes)?.counter ?? 'firstResponseOver72h');
  }
  return deltas;
}

/** First-response histogram buckets, in order; the last one is open-ended. */
export const FIRST_RESPONSE_BUCKETS: ReadonlyArray<{ counter: CounterName; maxMinutes: number; label: string }> = [
  { counter: 'firstResponseWithin1h', maxMinutes: 60, label: '1 小时内' },
  { counter: 'firstResponseWithin4h', maxMinutes: 240, label: '4 小时内' },
  { counter: 'firstResponseWithin24h', maxMinutes: 1440, label: '24 小时内' },
  { counter: 'firstResponseWithin72h', maxMinutes: 4320, label: '3 天内' },
  { counter: 'firstResponseOver72h', maxMinutes: Number.POSITIVE_INFINITY, label: '超过 3 天' },
];

/**
 * Per-commitment counters: a complaint that names a breached commitment counts as `invoked` when filed and
 * as `honoured` when it ends settled in the shop or by mediation (the shop made good on its promise).
 */
export function commitmentDeltas(event: LifecycleEvent | 'filed'): { invoked?: number; honoured?: number } {
  if (event === 'filed') return { invoked: 1 };
  if (event.from !== event.to && (event.to === 'settled_in_shop' || event.to === 'mediated')) return { honoured: 1 };
  return {};
}

export interface Indicators {
  /** 投诉处理率: closed ÷ received. Target ≥ 98%. */
  handlingRate: number | null;
  /** 投诉处理满意率: (满意 + 基本满意) ÷ rated. Target ≥ 90%. */
  satisfactionRate: number | null;
  /** 消费纠纷和解率: settled in shop ÷ closed complaints excluding withdrawn. Target ≥ 85%. */
  settlementRate: number | null;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** The plan's indicators from counters; null where there is nothing to divide by (shown as 「暂无数据」). */
export function indicatorsOf(counters: Counters): Indicators {
  const n = (name: CounterName) => counters[name] ?? 0;
  return {
    handlingRate: ratio(n('closed'), n('received')),
    satisfactionRate: ratio(n('satisfied') + n('basicallySatisfied'), n('rated')),
    settlementRate: ratio(n('settledInShop'), n('closed') - n('withdrawn')),
  };
}

export const INDICATOR_TARGETS = { handlingRate: 0.98, satisfactionRate: 0.9, settlementRate: 0.85, awarenessRate: 0.82 } as const;
