import { formatShanghaiDate, type Counters } from '@fangxin/shared';
import type { CounterWrite } from '../store/complaints';
import { counterScope, counterPeriod, merchantCounterKey } from '../store/keys';



/**
 * Where a complaint's counters are kept: the county, its town and its sector by month and by year (the
 * dashboard), and the shop by month in its own partition (its public track record), plus the breached
 * commitment's invoked/honoured counts. Nothing reads complaints to count them.
 */
export function counterWrites(
  complaint: { townCode: string; sector: string; merchantId: string; breachedCommitment?: { key: string } },
  at: string,
  deltas: Counters,
  commitment: { invoked?: number; honoured?: number } = {},
): CounterWrite[] {
  const day = formatShanghaiDate(new Date(at));
  const month = day.slice(0, 7);
  const writes: CounterWrite[] = [];
  if (Object.keys(deltas).length > 0) {
    for (const scope of [counterScope.county(), counterScope.town(complaint.townCode), counterScope.sector(complaint.sector)]) {
      for (const period of [counterPeriod.month(month), counterPeriod.year(day.slice(0, 4))]) writes.push({ kind: 'scope', scope, period, deltas: deltas as Record<string, number> });
    }
    writes.push({ kind: 'merchant', merchantId: complaint.merchantId, counterKey: merchantCounterKey.month(month), deltas: deltas as Record<string, number> });
  }
  if (complaint.breachedCommitment && Object.keys(commitment).length > 0) {
    writes.push({ kind: 'merchant', merchantId: complaint.merchantId, counterKey: merchantCounterKey.commitment(month, complaint.breachedCommitment.key), deltas: commitment as Record<string, number> });
  }
  return writes;
}
