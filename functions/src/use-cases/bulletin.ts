import {
  COUNTY,
  Forbidden,
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  PUBLIC_SMALL_SAMPLE,
  TOWNS,
  formatRate,
  indicatorsOf,
  meetsTarget,
  scorecardOf,
  shanghaiToday,
  type BulletinView,
  type Counters,
  type IndicatorTargets,
  type Rate,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { findAssessment, listScorecards } from '../store/assessments';
import { monthCounters, yearlyCounters } from '../store/counters';
import { counterScope } from '../store/keys';
import { assessmentOverview } from './assessment';
import { targetsFor } from './dashboard';
import { yearTasks } from './tasks';

const rateView = (rate: Rate, target: number | undefined) => ({ ...rate, text: formatRate(rate), meets: target === undefined ? null : meetsTarget(rate, target) });

function ratesOf(counters: Counters, targets: IndicatorTargets) {
  const indicators = indicatorsOf(counters);
  return {
    handlingRate: rateView(indicators.handlingRate, targets.handlingRate),
    satisfactionRate: rateView(indicators.satisfactionRate, targets.satisfactionRate),
    settlementRate: rateView(indicators.settlementRate, targets.settlementRate),
    awarenessRate: rateView(indicators.awarenessRate, targets.awarenessRate),
    inShopShare: rateView(indicators.inShopShare, undefined),
  };
}

/**
 * The office's bulletin (创建工作情况通报, plan 五（四）) for a month or a year: the county's indicators against
 * the year's targets, each town's figures and tasks, the year's awards once confirmed, and commendations and
 * criticisms drawn from the numbers. County-wide staff (the office publishes it for the whole county).
 */
export async function bulletin(period: string, principal: Principal, now: Date): Promise<BulletinView> {
  const staff = principal.roles.staff;
  if (!staff || staff.jurisdiction !== 'county') throw new Forbidden('通报由县联席会议办公室编发，仅县级工作人员可查看');
  const annual = period.length === 4;
  const year = Number(period.slice(0, 4));
  const towns = Object.keys(TOWNS);
  const scopes = [counterScope.county(COUNTY.code), ...towns.map((town) => counterScope.town(town))];
  const [{ targets }, counters, tasks, record] = await Promise.all([
    targetsFor(year, now),
    annual ? yearlyCounters(scopes, year) : monthCounters(scopes, period),
    yearTasks(year, principal, now),
    findAssessment(year),
  ]);
  const [county = {}, ...byTown] = counters;
  const lines = towns.map((town, index) => {
    const townCounters = byTown[index] ?? {};
    const rates = ratesOf(townCounters, targets);
    const withData = INDICATOR_KEYS.filter((key) => rates[key].meets !== null);
    const townTasks = tasks.tasks.filter((task) => task.assignee.kind === 'town' && task.assignee.code === town);
    const progress = townTasks.map((task) => task.progress);
    return {
      code: town,
      name: (TOWNS as Readonly<Record<string, string>>)[town] ?? town,
      received: townCounters.received ?? 0,
      rates,
      meetsTargets: withData.every((key) => rates[key].meets === true),
      tasks: { total: townTasks.length, complete: progress.filter((p) => p.complete).length, behind: progress.filter((p) => p.behind).length },
      shortfalls: withData.filter((key) => rates[key].meets === false).map((key) => `${INDICATOR_LABELS[key]} ${rates[key].text}`),
      judged: withData.filter((key) => rates[key].meets === false && rates[key].denominator >= PUBLIC_SMALL_SAMPLE).map((key) => `${INDICATOR_LABELS[key]} ${rates[key].text}`),
    };
  });
  // The awards of a confirmed year, and the proposals for trades and towns.
  const awards = { shops: [] as Array<{ id: string; name: string; townName: string }>, sectors: [] as string[], towns: [] as string[] };
  if (annual && record?.state === 'confirmed') {
    const overview = await assessmentOverview(year, principal, now);
    for (const card of await listScorecards(year)) {
      if (scorecardOf(card.inputs, record.standard, card.overrides).passed) awards.shops.push({ id: card.merchantId, name: card.name, townName: (TOWNS as Readonly<Record<string, string>>)[card.townCode] ?? card.townCode });
    }
    awards.sectors = overview.sectors.filter((sector) => sector.proposed).map((sector) => sector.label);
    awards.towns = overview.towns.filter((town) => town.proposed).map((town) => town.label);
  }
  const label = annual ? `${year}年` : `${year}年${Number(period.slice(5))}月`;
  const active = lines.filter((line) => line.received > 0);
  // A criticism is an official finding: only on a period that is over (its complaints may still be within
  // their time limits until then) and on rates of enough cases to mean something, as the public figures are.
  const ended = shanghaiToday(now).slice(0, annual ? 4 : 7) > period;
  const criticised = ended ? active.map((line) => ({ ...line, shortfalls: line.judged })).filter((line) => line.shortfalls.length > 0) : [];
  const spared = active.some((line) => line.shortfalls.length > (ended ? line.judged.length : 0));
  const notes = spared
    ? [
        ended
          ? `受理或评价少于 ${PUBLIC_SMALL_SAMPLE} 件的指标，样本较少，不作通报批评`
          : `本期尚未结束，部分投诉仍在处理时限内，各乡镇（街道）指标仅供参考，期满后再作通报批评`,
      ]
    : [];
  return {
    period,
    kind: annual ? 'annual' : 'monthly',
    title: `${COUNTY.name}放心消费创建工作${label}${annual ? '度' : ''}通报`,
    issuer: `${COUNTY.name}消费者权益保护工作联席会议办公室`,
    issuedOn: shanghaiToday(now),
    targets,
    county: { received: county.received ?? 0, handled: county.closed ?? 0, rates: ratesOf(county, targets) },
    towns: lines.map(({ shortfalls: _shortfalls, judged: _judged, ...line }) => line),
    awards,
    commendations: [
      ...active.filter((line) => line.meetsTargets).map((line) => `${line.name}投诉处理各项指标均达到目标`),
      ...lines.filter((line) => line.tasks.total > 0 && line.tasks.complete === line.tasks.total).map((line) => `${line.name}已完成全部${year}年度创建任务`),
    ],
    criticisms: [
      ...criticised.map((line) => `${line.name}未达目标：${line.shortfalls.join('，')}`),
      ...lines.filter((line) => line.tasks.behind > 0).map((line) => `${line.name}有 ${line.tasks.behind} 项创建任务进度落后`),
    ],
    ...(notes.length > 0 ? { notes } : {}),
  };
}
