import * as z from 'zod/mini';
import './zod-chinese';
import { INDICATOR_KEYS } from '../domain/indicators';
import { SeenVersion } from './complaint';

/**
 * What the campaign office's dashboard asks for: a year and a scope — the county, one town, one sector or
 * one area type (`town:chengguan`, `sector:retail`…). Town staff may ask only for their own towns.
 */
export const DashboardQuery = z.object({
  year: z.optional(z.coerce.number({ error: '年份应为数字' }).check(
      z.int({ error: '年份应为整数' }),
      z.gte(2000, { error: '年份应在 2000 到 2100 之间' }),
      z.lte(2100, { error: '年份应在 2000 到 2100 之间' }),
    )),
  scope: z.optional(z.string().check(z.regex(/^(county|(town|sector|area):[a-z0-9_]{1,40})$/, { error: '统计范围格式不正确' }))),
});

/** A rate with what it was divided from, in words, and against its target. */
export const RateView = z.object({
  numerator: z.number().check(z.int()),
  denominator: z.number().check(z.int()),
  /** null when there is nothing to divide by. */
  value: z.nullable(z.number()),
  /** 「98.2%」, or 「—」 when there is nothing to divide by. */
  text: z.string(),
  /** Whether it meets its target; null without a target or without a rate. */
  meets: z.nullable(z.boolean()),
});
export type RateView = z.infer<typeof RateView>;

export const IndicatorRates = z.object({
  handlingRate: RateView,
  satisfactionRate: RateView,
  settlementRate: RateView,
  awarenessRate: RateView,
  /** Not a target: settled in the shop itself ÷ concluded disputes. */
  inShopShare: RateView,
});

/** One row of a breakdown table (a town, a sector, an area type, a month). */
export const DashboardRow = z.object({
  code: z.string(),
  label: z.string(),
  received: z.number().check(z.int()),
  handled: z.number().check(z.int()),
  rates: IndicatorRates,
});
export type DashboardRow = z.infer<typeof DashboardRow>;

export const IndicatorTargets = z.object(
  Object.fromEntries(
    INDICATOR_KEYS.map((key) => [
      key,
      z.number({ error: '目标值应为数字' }).check(z.gte(0, { error: '目标值应在 0 到 1 之间' }), z.lte(1, { error: '目标值应在 0 到 1 之间' })),
    ]),
  ) as Record<(typeof INDICATOR_KEYS)[number], z.ZodMiniNumber>,
);
export type IndicatorTargets = z.infer<typeof IndicatorTargets>;

export const TargetsYearParam = z.object({
  year: z.coerce.number({ error: '年份应为数字' }).check(
      z.int({ error: '年份应为整数' }),
      z.gte(2000, { error: '年份应在 2000 到 2100 之间' }),
      z.lte(2100, { error: '年份应在 2000 到 2100 之间' }),
    ),
});

export const TargetsView = z.object({
  year: z.number().check(z.int()),
  targets: IndicatorTargets,
  /** `plan`: the county plan's own numbers; `office`: set by the office for this year. */
  source: z.enum(['plan', 'office']),
  /** The office's saved version (0 while the plan's apply): sent back with a change, which a stale one loses (409). */
  version: z.number().check(z.int()),
});

/** A year's targets as a county admin saves them, with the version they saw. */
export const TargetsInput = z.extend(IndicatorTargets, { version: SeenVersion(0) });

export const DashboardView = z.object({
  year: z.number().check(z.int()),
  scope: z.object({ kind: z.enum(['county', 'town', 'sector', 'area']), code: z.string(), label: z.string() }),
  targets: IndicatorTargets,
  /** The year's totals for the scope. */
  total: z.extend(DashboardRow, {
    rated: z.number().check(z.int()),
    /** Median first response of the shops, as a bucket (「4 小时内」); null without responses. */
    medianFirstResponse: z.nullable(z.string()),
  }),
  /** January to December (months not yet come are present, empty). */
  months: z.array(DashboardRow),
  /** The year by town (only towns the viewer covers), by sector and by area type (county scope only). */
  byTown: z.array(DashboardRow),
  bySector: z.array(DashboardRow),
  byArea: z.array(DashboardRow),
  /** The year by intake channel (小程序 / 现场受理 / 电话受理; county scope only), and the satisfaction stated on 回访 calls. */
  byChannel: z._default(z.array(DashboardRow), []),
  /** Of the rated complaints, how many were rated on a 回访 call (the 满意率's source). */
  ratedByFollowUp: z._default(z.number().check(z.int()), 0),
  /** Open complaints past their deadline now, counted up to a bound (`more` when there are more). */
  overdue: z.object({ count: z.number().check(z.int()), more: z.boolean() }),
});
export type DashboardView = z.infer<typeof DashboardView>;
