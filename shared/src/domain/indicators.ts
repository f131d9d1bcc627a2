import type { RatingCode } from '../catalogue/complaints';
import type { ComplaintStatus, LifecycleEvent } from './lifecycle';

/**
 * Indicator counters. Each lifecycle event adds to a few named counters; the dashboard divides them.
 * Counters are kept per scope (county, town, sector, area type, shop) and period (month, year) — the period
 * the complaint was *received* in (its cohort) — and are applied from the event after its commit, exactly
 * once, so neither the dashboard's cost nor a filing's success depends on how many complaints there are.
 * Definitions, and where they come from: docs/campaign.md.
 */
export const COUNTER_NAMES = [
  'received',
  'closed',
  'withdrawn',
  'settledInShop',
  'escalated',
  'mediated',
  'mediationFailed',
  'notAccepted',
  'rated',
  // Of `rated`: the satisfaction the consumer stated on a 回访 call (shown as the indicator's source).
  'ratedByFollowUp',
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
  // The awareness quiz (知晓率): counted attempts and passes.
  'quizRespondents',
  'quizPassed',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Partial<Record<CounterName, number>>;

const CLOSING: Partial<Record<ComplaintStatus, CounterName>> = {
  settled_in_shop: 'settledInShop',
  mediated: 'mediated',
  mediation_failed: 'mediationFailed',
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
  // A rating the consumer gave in the app, or stated on a 回访 call that reached them: one per complaint.
  const rating = event.type === 'rate' || event.type === 'follow_up' ? (event.data.rating as RatingCode | undefined) : undefined;
  if (rating) {
    add('rated');
    add(RATING_COUNTER[rating]);
    if (event.type === 'follow_up') add('ratedByFollowUp');
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

/** The campaign's four indicators (the plan's targets: docs/campaign.md). */
export const INDICATOR_KEYS = ['handlingRate', 'satisfactionRate', 'settlementRate', 'awarenessRate'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_LABELS: Record<IndicatorKey, string> = {
  handlingRate: '投诉处理率',
  satisfactionRate: '投诉处理满意率',
  settlementRate: '消费纠纷和解率',
  awarenessRate: '法律法规知晓率',
};

/** The plan's targets; a county admin may set each year's own. */
export const INDICATOR_TARGETS: Readonly<Record<IndicatorKey, number>> = { handlingRate: 0.98, satisfactionRate: 0.9, settlementRate: 0.85, awarenessRate: 0.82 };

/** A rate as the dashboard shows it: the fraction, and the two numbers it came from (so nobody has to trust a percentage). */
export interface Rate {
  numerator: number;
  denominator: number;
  /** null when there is nothing to divide by: shown as 「—」, never as 0% or 100%. */
  value: number | null;
}

export const rateOf = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
});

/**
 * A rate in words: a percentage to one decimal, rounded half up on the exact fraction (integer arithmetic, so
 * 98.25% is 98.3%, not 98.2% by a float's whim); 「—」 when there is nothing to divide by.
 */
export function formatRate(rate: Pick<Rate, 'numerator' | 'denominator'>): string {
  if (rate.denominator <= 0) return '—';
  const tenths = Math.floor((2 * rate.numerator * 1000 + rate.denominator) / (2 * rate.denominator));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** Whether a rate meets its target; null when there is no rate. Compared on the exact fraction, not on the rounded words. */
export function meetsTarget(rate: Rate, target: number): boolean | null {
  if (rate.denominator <= 0) return null;
  return rate.numerator >= target * rate.denominator - 1e-9;
}

export interface Indicators {
  /** 投诉处理率: complaints handled to an end ÷ complaints received (same cohort). Target ≥ 98%. */
  handlingRate: Rate;
  /** 投诉处理满意率: (满意 + 基本满意) ÷ rated (including satisfaction stated in a follow-up call). Target ≥ 90%. */
  satisfactionRate: Rate;
  /** 消费纠纷和解率: settled in the shop or by mediation ÷ disputes concluded (handled, withdrawn excluded). Target ≥ 85%. */
  settlementRate: Rate;
  /** 法律法规知晓率: quiz respondents who passed ÷ counted respondents. Target ≥ 82%. */
  awarenessRate: Rate;
  /** Not a target: the share of concluded disputes settled in the shop itself (消费纠纷不出店门). */
  inShopShare: Rate;
}

/** The plan's indicators from counters; each rate says what it was divided from. */
export function indicatorsOf(counters: Counters): Indicators {
  const n = (name: CounterName) => counters[name] ?? 0;
  const concluded = n('closed') - n('withdrawn');
  return {
    handlingRate: rateOf(n('closed'), n('received')),
    satisfactionRate: rateOf(n('satisfied') + n('basicallySatisfied'), n('rated')),
    settlementRate: rateOf(n('settledInShop') + n('mediated'), concluded),
    awarenessRate: rateOf(n('quizPassed'), n('quizRespondents')),
    inShopShare: rateOf(n('settledInShop'), concluded),
  };
}
