import {
  AREA_TYPES,
  COUNTY,
  Forbidden,
  INDICATOR_TARGETS,
  INTAKE_CHANNELS,
  Invalid,
  SECTORS,
  TOWNS,
  WAITING_PLACES,
  coversTown,
  formatRate,
  indicatorsOf,
  isCountyAdmin,
  medianBucket,
  meetsTarget,
  shanghaiToday,
  type Counters,
  type DashboardRow,
  type DashboardView,
  type IndicatorTargets,
  type Rate,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { listTriage } from '../store/complaints';
import { monthlyCounters, yearlyCounters } from '../store/counters';
import { counterScope } from '../store/keys';
import { getYearTargets, saveYearTargets } from '../store/settings';

type ScopeKind = DashboardView['scope']['kind'];

/** How far the overdue figure counts (per waiting place) before it says “more”. */
const OVERDUE_BOUND = 100;

function rateView(rate: Rate, target: number | undefined) {
  return { ...rate, text: formatRate(rate), meets: target === undefined ? null : meetsTarget(rate, target) };
}

function rowOf(code: string, label: string, counters: Counters, targets: IndicatorTargets): DashboardRow {
  const indicators = indicatorsOf(counters);
  return {
    code,
    label,
    received: counters.received ?? 0,
    handled: counters.closed ?? 0,
    rates: {
      handlingRate: rateView(indicators.handlingRate, targets.handlingRate),
      satisfactionRate: rateView(indicators.satisfactionRate, targets.satisfactionRate),
      settlementRate: rateView(indicators.settlementRate, targets.settlementRate),
      awarenessRate: rateView(indicators.awarenessRate, targets.awarenessRate),
      inShopShare: rateView(indicators.inShopShare, undefined),
    },
  };
}

const label = (labels: Readonly<Record<string, string>>, code: string) => labels[code] ?? code;

/** The scope asked for, checked against who is asking: town staff see their own towns only. */
function resolveScope(asked: string | undefined, jurisdiction: 'county' | readonly string[]): { kind: ScopeKind; code: string; key: string; label: string } {
  const scope = asked ?? (jurisdiction === 'county' ? 'county' : `town:${jurisdiction[0]}`);
  const [kind, code = ''] = scope.split(':') as [ScopeKind, string?];
  if (kind === 'county') {
    if (jurisdiction !== 'county') throw new Forbidden('您的辖区为部分乡镇，请选择辖区内的乡镇查看');
    return { kind, code: COUNTY.code, key: counterScope.county(COUNTY.code), label: COUNTY.name };
  }
  if (kind === 'town') {
    if (!(code in TOWNS)) throw new Invalid('未知的乡镇（街道）', 'scope');
    if (!coversTown(jurisdiction, code)) throw new Forbidden('该乡镇不在您的辖区');
    return { kind, code, key: counterScope.town(code), label: label(TOWNS, code) };
  }
  // Sectors and area types cut across towns: county-wide staff only.
  if (jurisdiction !== 'county') throw new Forbidden('您的辖区为部分乡镇，请选择辖区内的乡镇查看');
  if (kind === 'sector') {
    if (!(code in SECTORS)) throw new Invalid('未知的行业', 'scope');
    return { kind, code, key: counterScope.sector(code), label: label(SECTORS, code) };
  }
  if (!(code in AREA_TYPES)) throw new Invalid('未知的区域类型', 'scope');
  return { kind, code, key: counterScope.area(code), label: label(AREA_TYPES, code) };
}

/** The year's targets: the office's own if it set them, else the plan's; `fresh` skips the container's cache. */
export async function targetsFor(year: number, now: Date, fresh = false): Promise<{ targets: IndicatorTargets; source: 'plan' | 'office'; version: number }> {
  const office = await getYearTargets(year, now.getTime(), fresh);
  return office ? { targets: office.targets, source: 'office', version: office.version } : { targets: { ...INDICATOR_TARGETS }, source: 'plan', version: 0 };
}

/**
 * The campaign office's dashboard: each indicator against its target for a year and a scope, month by month,
 * broken down by town, sector and area type, with the overdue count. Read from counters only, in a fixed
 * number of requests (one Query for the months, one BatchGetItem for every breakdown's year, the targets, and
 * one bounded Query per waiting place for the overdue figure), whatever the number of complaints.
 */
export async function dashboard(principal: Principal, query: { year?: number; scope?: string }, now: Date): Promise<DashboardView> {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('只有监管部门工作人员可以查看');
  const year = query.year ?? Number(shanghaiToday(now).slice(0, 4));
  const scope = resolveScope(query.scope, staff.jurisdiction);
  const countyWide = scope.kind === 'county';
  const towns = (Object.keys(TOWNS) as string[]).filter((town) => coversTown(staff.jurisdiction, town));
  const sectors = countyWide ? Object.keys(SECTORS) : [];
  const areas = countyWide ? Object.keys(AREA_TYPES) : [];
  const channels = countyWide ? Object.keys(INTAKE_CHANNELS) : [];
  const breakdownKeys = [
    scope.key,
    ...towns.map((town) => counterScope.town(town)),
    ...sectors.map((sector) => counterScope.sector(sector)),
    ...areas.map((area) => counterScope.area(area)),
    ...channels.map((channel) => counterScope.channel(channel)),
  ];

  const nowIso = now.toISOString();
  const [{ targets }, months, yearly, overduePages] = await Promise.all([
    targetsFor(year, now),
    monthlyCounters(scope.key, year),
    yearlyCounters(breakdownKeys, year),
    Promise.all(WAITING_PLACES.map((place) => listTriage(place, { limit: OVERDUE_BOUND }, nowIso))),
  ]);
  const [total = {}, ...rest] = yearly;
  const townRows = towns.map((town, index) => rowOf(town, label(TOWNS, town), rest[index] ?? {}, targets));
  const sectorRows = sectors.map((sector, index) => rowOf(sector, label(SECTORS, sector), rest[towns.length + index] ?? {}, targets));
  const areaRows = areas.map((area, index) => rowOf(area, label(AREA_TYPES, area), rest[towns.length + sectors.length + index] ?? {}, targets));
  const channelOffset = towns.length + sectors.length + areas.length;
  const channelRows = channels.map((channel, index) => rowOf(channel, label(INTAKE_CHANNELS, channel), rest[channelOffset + index] ?? {}, targets));

  const inScope = (record: { townCode: string; sector: string; areaType?: string }) =>
    coversTown(staff.jurisdiction, record.townCode) &&
    (scope.kind === 'county' ||
      (scope.kind === 'town' && record.townCode === scope.code) ||
      (scope.kind === 'sector' && record.sector === scope.code) ||
      (scope.kind === 'area' && record.areaType === scope.code));
  const overdue = overduePages.flatMap((page) => page.items).filter(inScope).length;

  return {
    year,
    scope: { kind: scope.kind, code: scope.code, label: scope.label },
    targets,
    total: { ...rowOf(scope.code, scope.label, total, targets), rated: total.rated ?? 0, medianFirstResponse: medianBucket(total) },
    months: Array.from({ length: 12 }, (_, index) => {
      const month = `${year}-${String(index + 1).padStart(2, '0')}`;
      return rowOf(month, `${index + 1}月`, months.get(month) ?? {}, targets);
    }),
    byTown: townRows,
    bySector: sectorRows,
    byArea: areaRows,
    byChannel: channelRows,
    ratedByFollowUp: total.ratedByFollowUp ?? 0,
    overdue: { count: overdue, more: overduePages.some((page) => page.nextCursor !== undefined) },
  };
}

/** The targets page reads them fresh: an admin about to change them must see the version they change. */
export async function yearTargets(year: number, now: Date) {
  return { year, ...(await targetsFor(year, now, true)) };
}

/** A county admin sets a year's targets (audited) on the version they saw; each is a fraction 0–1. */
export async function setYearTargets(year: number, input: IndicatorTargets & { version: number }, principal: Principal, now: Date) {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden('只有县级管理员可以设定年度目标');
  const { version: seen, ...targets } = input;
  const version = await saveYearTargets(year, targets, seen, { userId: principal.userId, role: staff.role }, now.toISOString());
  return { year, targets, source: 'office' as const, version };
}

