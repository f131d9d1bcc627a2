import {
  COUNTY,
  Invalid,
  SECTORS,
  TOWNS,
  monthsOfYearUpTo,
  openDataCsv,
  publicFiguresOf,
  publicScopeLabel,
  shanghaiToday,
  sumCounters,
  type OpenDataRow,
  type PublicScopeKind,
  type PublicStatisticsView,
} from '@fangxin/shared';
import { countersOfScopeMonths, monthlyCounters } from '../store/counters';
import { counterScope } from '../store/keys';

/**
 * Public statistics (docs/campaign.md, "Public statistics"): a scope's monthly figures from the counters,
 * never from complaints — one Query for a page, one BatchGetItem per 100 (scope, month) for the open-data
 * file, whatever the number of complaints. No complaint, person or shop appears in either.
 */

const scopeKey = (kind: PublicScopeKind, code: string) =>
  kind === 'county' ? counterScope.county(code) : kind === 'town' ? counterScope.town(code) : counterScope.sector(code);

const yearOf = (asked: number | undefined, today: string) => asked ?? Number(today.slice(0, 4));

export async function publicStatistics(query: { year?: number | undefined; scope: string }, now: Date): Promise<PublicStatisticsView> {
  const today = shanghaiToday(now);
  const year = yearOf(query.year, today);
  const [kind, code = COUNTY.code] = query.scope.split(':') as [PublicScopeKind, string?];
  const label = publicScopeLabel(kind, code);
  if (!label) throw new Invalid(kind === 'town' ? '未知的乡镇（街道）' : '未知的行业', 'scope');
  const byMonth = await monthlyCounters(scopeKey(kind, code), year);
  const months = monthsOfYearUpTo(year, today);
  return {
    scope: { kind, code, label },
    year,
    total: publicFiguresOf(sumCounters(months.map((month) => byMonth.get(month) ?? {}))),
    months: months.map((month) => ({ month, ...publicFiguresOf(byMonth.get(month) ?? {}) })),
    towns: Object.entries(TOWNS).map(([townCode, townLabel]) => ({ code: townCode, label: townLabel })),
    sectors: Object.entries(SECTORS).map(([sectorCode, sectorLabel]) => ({ code: sectorCode, label: sectorLabel })),
  };
}

/** The open-data file of a year: every month so far × every town, then every sector. */
export async function openData(query: { year?: number | undefined }, now: Date): Promise<string> {
  const today = shanghaiToday(now);
  const months = monthsOfYearUpTo(yearOf(query.year, today), today);
  const scopes: Array<{ kind: 'town' | 'sector'; code: string }> = [
    ...Object.keys(TOWNS).map((code) => ({ kind: 'town' as const, code })),
    ...Object.keys(SECTORS).map((code) => ({ kind: 'sector' as const, code })),
  ];
  const keys = months.flatMap((month) => scopes.map((scope) => ({ month, ...scope })));
  const counters = await countersOfScopeMonths(keys.map(({ month, kind, code }) => ({ month, scope: scopeKey(kind, code) })));
  const rows: OpenDataRow[] = keys.map((key, index) => ({ ...key, counters: counters[index] ?? {} }));
  return openDataCsv(rows);
}
