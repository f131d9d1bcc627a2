import { COUNTY, formatShanghaiDate, type Counters } from '@fangxin/shared';
import type { CounterWrite } from '../store/complaints';
import { counterPeriod, counterScope, merchantCounterKey } from '../store/keys';

/**
 * Where a complaint's counters are kept: the county, its town, its sector, its shop's area type, the channel
 * it came in by and the station that took it in (if any), by month
 * and by year (the dashboard), and the shop by month in its own partition (its public record), plus the
 * breached commitment's invoked/honoured counts. Nothing reads complaints to count them.
 *
 * Every contribution goes to the period the complaint was **received** in (its cohort), whatever the month
 * of the event: March's handling rate is March's complaints handled ÷ March's complaints received, and can
 * never exceed 100% (docs/campaign.md).
 */
export function counterWrites(
  complaint: {
    townCode: string;
    sector: string;
    areaType?: string;
    merchantId: string;
    filedAt: string;
    breachedCommitment?: { key: string };
    channel?: string;
    stationId?: string;
  },
  deltas: Counters,
  commitment: { invoked?: number; honoured?: number } = {},
): CounterWrite[] {
  const day = formatShanghaiDate(new Date(complaint.filedAt));
  const month = day.slice(0, 7);
  const writes: CounterWrite[] = [];
  if (Object.keys(deltas).length > 0) {
    const scopes = [
      counterScope.county(COUNTY.code),
      counterScope.town(complaint.townCode),
      counterScope.sector(complaint.sector),
      ...(complaint.areaType ? [counterScope.area(complaint.areaType)] : []),
      counterScope.channel(complaint.channel ?? 'mini_program'),
      ...(complaint.stationId ? [counterScope.station(complaint.stationId)] : []),
    ];
    for (const scope of scopes) {
      for (const period of [counterPeriod.month(month), counterPeriod.year(day.slice(0, 4))]) writes.push({ kind: 'scope', scope, period, deltas: deltas as Record<string, number> });
    }
    writes.push({ kind: 'merchant', merchantId: complaint.merchantId, counterKey: merchantCounterKey.month(month), deltas: deltas as Record<string, number> });
  }
  if (complaint.breachedCommitment && Object.keys(commitment).length > 0) {
    writes.push({ kind: 'merchant', merchantId: complaint.merchantId, counterKey: merchantCounterKey.commitment(month, complaint.breachedCommitment.key), deltas: commitment as Record<string, number> });
  }
  return writes;
}
