import { formatShanghaiDate, type Counters } from '@fangxin/shared';

/**
 * Where a complaint's counters are kept: the county, its town, its sector and its shop, each by month and
 * by year (Shanghai calendar). The dashboard reads these items, never the complaints.
 */
export function counterWrites(
  complaint: { townCode: string; sector: string; merchantId: string },
  at: string,
  deltas: Counters,
): Array<{ scope: string; period: string; deltas: Counters }> {
  if (Object.keys(deltas).length === 0) return [];
  const day = formatShanghaiDate(new Date(at));
  const periods = [`M#${day.slice(0, 7)}`, `Y#${day.slice(0, 4)}`];
  const scopes = ['county#all', `town#${complaint.townCode}`, `sector#${complaint.sector}`, `merchant#${complaint.merchantId}`];
  return scopes.flatMap((scope) => periods.map((period) => ({ scope, period, deltas })));
}
