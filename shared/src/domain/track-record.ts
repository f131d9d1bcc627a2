import { FIRST_RESPONSE_BUCKETS, type CounterName, type Counters } from './indicators';

/** A shop's record as the public sees it on its page, from monthly counters (never from complaints). */
export interface TrackRecord {
  /** Complaints filed in the last 12 months. */
  complaints: number;
  /** Share of concluded complaints (excluding withdrawn) settled in the shop, 0..1; null when none concluded. */
  settledInShopShare: number | null;
  /** Bucket label of the median first response, e.g. 「4 小时内」; null without responses. */
  medianFirstResponse: string | null;
  /** (满意 + 基本满意) ÷ rated; null when nobody rated. */
  satisfaction: number | null;
  rated: number;
  perCommitment: Array<{ key: string; invoked: number; honoured: number }>;
  /** One honest sentence, e.g. 「近12个月暂无投诉」 or 「近12个月 3 件投诉，样本较少，仅供参考」. */
  summary: string;
}

/** Below this many complaints the rates are shown with a caution: three complaints make no statistics. */
export const SMALL_SAMPLE = 5;

export function sumCounters(months: readonly Counters[]): Counters {
  const total: Counters = {};
  for (const month of months) {
    for (const [name, value] of Object.entries(month) as Array<[CounterName, number]>) {
      total[name] = (total[name] ?? 0) + value;
    }
  }
  return total;
}

/** The median bucket of the first-response histogram. */
export function medianBucket(counters: Counters): string | null {
  const total = FIRST_RESPONSE_BUCKETS.reduce((sum, bucket) => sum + (counters[bucket.counter] ?? 0), 0);
  if (total === 0) return null;
  let seen = 0;
  for (const bucket of FIRST_RESPONSE_BUCKETS) {
    seen += counters[bucket.counter] ?? 0;
    if (seen * 2 >= total) return bucket.label;
  }
  return null;
}

export function trackRecordOf(
  months: readonly Counters[],
  commitments: ReadonlyArray<{ key: string; invoked?: number; honoured?: number }>,
): TrackRecord {
  const total = sumCounters(months);
  const n = (name: CounterName) => total[name] ?? 0;
  const concluded = n('closed') - n('withdrawn');
  const complaints = n('received');
  const perKey = new Map<string, { invoked: number; honoured: number }>();
  for (const entry of commitments) {
    const current = perKey.get(entry.key) ?? { invoked: 0, honoured: 0 };
    perKey.set(entry.key, { invoked: current.invoked + (entry.invoked ?? 0), honoured: current.honoured + (entry.honoured ?? 0) });
  }
  const summary =
    complaints === 0
      ? '近12个月暂无投诉'
      : complaints < SMALL_SAMPLE
        ? `近12个月 ${complaints} 件投诉，样本较少，比例仅供参考`
        : `近12个月 ${complaints} 件投诉`;
  return {
    complaints,
    settledInShopShare: concluded > 0 ? n('settledInShop') / concluded : null,
    medianFirstResponse: medianBucket(total),
    satisfaction: n('rated') > 0 ? (n('satisfied') + n('basicallySatisfied')) / n('rated') : null,
    rated: n('rated'),
    perCommitment: [...perKey].map(([key, value]) => ({ key, ...value })),
    summary,
  };
}

/** The 12 month keys (YYYY-MM) ending with the month of `today` (YYYY-MM-DD, Shanghai). */
export function last12Months(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
