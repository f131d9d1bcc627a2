import { formatShanghaiDate, type Counters } from '@fangxin/shared';
import type { CounterWrite } from '../store/complaints';


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
    for (const scope of ['county#all', `town#${complaint.townCode}`, `sector#${complaint.sector}`]) {
      for (const period of [`M#${month}`, `Y#${day.slice(0, 4)}`]) writes.push({ kind: 'scope', scope, period, deltas: deltas as Record<string, number> });
    }
    writes.push({ kind: 'merchant', merchantId: complaint.merchantId, counterKey: `M#${month}`, deltas: deltas as Record<string, number> });
  }
  if (complaint.breachedCommitment && Object.keys(commitment).length > 0) {
    writes.push({ kind: 'merchant', merchantId: complaint.merchantId, counterKey: `M#${month}#C#${complaint.breachedCommitment.key}`, deltas: commitment as Record<string, number> });
  }
  return writes;
}
