import * as z from 'zod/mini';
import './zod-chinese';
import { TOWN_CODES } from '../catalogue/county';
import { AssessmentStandard, OVERRIDABLE_ITEMS } from '../domain/assessment';
import { MerchantId } from './merchant';
import { Cursor, PageLimit, SeenVersion } from './complaint';
import { multiLineText } from './text';

export const AssessmentYearParam = z.object({
  year: z.coerce.number({ error: '年份应为数字' }).check(
      z.int({ error: '年份应为整数' }),
      z.gte(2000, { error: '年份应在 2000 到 2100 之间' }),
      z.lte(2100, { error: '年份应在 2000 到 2100 之间' }),
    ),
});
export const ScorecardParams = z.extend(AssessmentYearParam, { merchantId: MerchantId });

/** Opening a year's assessment: the standard to apply (the default when omitted). */
export const OpenAssessment = z.object({ standard: z.optional(AssessmentStandard) });

export const OverrideInput = z.object({
  item: z.enum(OVERRIDABLE_ITEMS, { error: '未知的考核项目' }),
  points: z.number({ error: '分数应为数字' }).check(z.int({ error: '分数应为整数' }), z.gte(0, { error: '分数不能为负' }), z.lte(100, { error: '分数最多 100' })),
  reason: multiLineText('调整理由', 4, 300),
  /** The scorecard version read: two staff overriding at once — one wins, the other gets 409. */
  version: SeenVersion(),
});
export type OverrideInput = z.infer<typeof OverrideInput>;

const ItemScoreView = z.object({
  code: z.string(),
  label: z.string(),
  max: z.number(),
  points: z.number(),
  basis: z.string(),
  override: z.optional(z.object({ computed: z.number(), reason: z.string(), by: z.string(), at: z.string() })),
});

export const ScorecardView = z.object({
  year: z.number().check(z.int()),
  merchant: z.object({ id: z.string(), name: z.string(), townCode: z.string(), townName: z.string(), sector: z.string(), sectorLabel: z.string() }),
  version: z.number().check(z.int()),
  base: z.array(ItemScoreView),
  bonus: z.array(ItemScoreView),
  bonusTotal: z.number(),
  total: z.number(),
  bottomLines: z.array(z.object({ code: z.string(), label: z.string(), evidence: z.string() })),
  passMark: z.number(),
  passed: z.boolean(),
  verdict: z.string(),
  /** `live`: computed now from today's data (what a shop sees before the assessment); `assessment`: the stored one. */
  source: z.enum(['live', 'assessment']),
  /** For the stored one: whether it can still change (overrides) or the assessment is confirmed. */
  state: z.optional(z.enum(['open', 'confirmed'])),
});
export type ScorecardView = z.infer<typeof ScorecardView>;

export const ScorecardSummary = z.extend(z.pick(ScorecardView, { merchant: true, total: true, passed: true, verdict: true, version: true }), {
  overridden: z.boolean(),
  bottomLines: z.number().check(z.int()),
});
export const ScorecardPage = z.object({ items: z.array(ScorecardSummary), nextCursor: z.optional(z.string()) });

export const ScorecardQuery = z.object({
  town: z.optional(z.enum(TOWN_CODES, { error: '未知的乡镇（街道）' })),
  result: z.optional(z.enum(['passed', 'failed'], { error: '未知的筛选' })),
  cursor: z.optional(Cursor),
  limit: PageLimit(),
});

const Rollup = z.object({
  code: z.string(),
  label: z.string(),
  assessed: z.number().check(z.int()),
  passed: z.number().check(z.int()),
  passShare: z.nullable(z.number()),
  indicatorsMet: z.boolean(),
  proposed: z.boolean(),
  reason: z.string(),
});

export const AssessmentView = z.object({
  year: z.number().check(z.int()),
  /** `none`: not opened; `computing`: scorecards still being computed (the schedule finishes them); `open`: under review; `confirmed`: awards made. */
  state: z.enum(['none', 'computing', 'open', 'confirmed']),
  standard: AssessmentStandard,
  shops: z.object({ total: z.number().check(z.int()), computed: z.number().check(z.int()), passed: z.number().check(z.int()), failed: z.number().check(z.int()) }),
  openedAt: z.optional(z.string()),
  confirmedAt: z.optional(z.string()),
  /** 示范行业(市场) and 示范镇(街道、景区) proposals (the joint meeting decides). */
  sectors: z.array(Rollup),
  towns: z.array(Rollup),
});
export type AssessmentView = z.infer<typeof AssessmentView>;
