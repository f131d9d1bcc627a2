import * as z from 'zod/mini';
import { FIRST_RESPONSE_BUCKETS, formatRate, indicatorsOf, INDICATOR_TARGETS, type Counters } from './indicators';
import type { InspectionFacts } from './inspection';
import { codeTable } from '../catalogue/code-table';

/**
 * The annual assessment (考核验收, plan 四（三）): each participating shop's scorecard for a year, computed from
 * its counters, its inspections and its rectification orders; bottom lines that fail a shop outright whatever
 * its points; bonus items; a pass mark. Staff may override an item with a reason; a confirmed assessment
 * awards 放心消费示范企业(个体户) to the shops that passed. Pure: the same inputs, standard and overrides always
 * give the same scorecard, so every score and award can be reproduced from what is stored.
 */

// ---------------------------------------------------------------------------------------------------------------
// The standard

/** The base items (100 points by default) and how each is scored. */
export const BASE_ITEMS = codeTable({
  commitments_published: { label: '公开承诺', defaultPoints: 10 },
  handling_rate: { label: '投诉处理率', defaultPoints: 20 },
  settlement_rate: { label: '店内和解率', defaultPoints: 20 },
  satisfaction: { label: '投诉处理满意率', defaultPoints: 15 },
  first_response: { label: '首次响应时间', defaultPoints: 10 },
  inspections_passed: { label: '明查暗访合格', defaultPoints: 15 },
  rectifications_in_time: { label: '整改按期完成', defaultPoints: 10 },
} as const);
export type BaseItemCode = keyof typeof BASE_ITEMS;
export const BASE_ITEM_CODES = Object.keys(BASE_ITEMS) as [BaseItemCode, ...BaseItemCode[]];

/** Bonus items (加分项): commitments beyond the usual, each worth its points, capped together. */
export const BONUS_ITEMS = codeTable({
  offline_no_reason_return: { label: '承诺线下无理由退货', commitment: 'offline_no_reason_return', defaultPoints: 5 },
  advance_compensation: { label: '承诺先行赔付', commitment: 'advance_compensation', defaultPoints: 5 },
  defect_recall: { label: '承诺缺陷产品召回', commitment: 'defect_recall', defaultPoints: 5 },
} as const);
export type BonusItemCode = keyof typeof BONUS_ITEMS;
export const BONUS_ITEM_CODES = Object.keys(BONUS_ITEMS) as [BonusItemCode, ...BonusItemCode[]];

/** Bottom lines (一票否决): any one fails the shop, whatever its points. */
export const BOTTOM_LINES = codeTable({
  credit_flag: '有经查实的违法违规记录（联合惩戒名单）',
  not_active: '已被暂停或摘牌',
  inspection_bottom_line: '明查暗访发现重大安全隐患或虚假、不兑现的承诺',
  rectification_overdue: '整改逾期未答复',
} as const);
export type BottomLineCode = keyof typeof BOTTOM_LINES;
export const BOTTOM_LINE_CODES = Object.keys(BOTTOM_LINES) as [BottomLineCode, ...BottomLineCode[]];

const points = (label: string) =>
  z.number({ error: `${label}应为数字` }).check(
      z.int({ error: `${label}应为整数` }),
      z.gte(0, { error: `${label}不能为负` }),
      z.lte(100, { error: `${label}最多 100 分` }),
    );

const threshold = (label: string) =>
  z.number({ error: `${label}应为 0 到 1 之间的小数` }).check(z.gte(0, { error: `${label}不能为负` }), z.lte(1, { error: `${label}不能超过 100%` }));

/**
 * A year's standard: points per item, the bonus cap, the bottom lines in force, the pass mark, and the rates at
 * which a shop earns full points (the year's targets when it was opened; the plan's when the standard is older).
 * Configurable per year.
 */
export const AssessmentStandard = z
  .object({
    items: z.object(Object.fromEntries(BASE_ITEM_CODES.map((code) => [code, points(BASE_ITEMS[code].label)])) as Record<BaseItemCode, ReturnType<typeof points>>),
    bonuses: z.object(Object.fromEntries(BONUS_ITEM_CODES.map((code) => [code, points(BONUS_ITEMS[code].label)])) as Record<BonusItemCode, ReturnType<typeof points>>),
    bonusCap: points('加分上限').check(z.lte(15, { error: '加分上限最多 15 分' })),
    bottomLines: z.array(z.enum(BOTTOM_LINE_CODES, { error: '未知的否决项' })).check(z.maxLength(BOTTOM_LINE_CODES.length)),
    passMark: points('合格分数线'),
    thresholds: z.optional(
      z.object({ handlingRate: threshold('投诉处理率满分线'), settlementRate: threshold('店内和解率满分线'), satisfactionRate: threshold('满意率满分线') }),
    ),
    /**
     * Which scoring rules the year was opened under. 2: the settlement item counts the shop's own settlements
     * (店内和解), and first responses need more than half within the time. Absent: the rules of standards saved
     * before (和解率 with mediations, half is enough), so a year scored then reads the same today.
     */
    rules: z.optional(z.literal(2)),
  }).check(z.superRefine((standard, ctx) => {
    const total = BASE_ITEM_CODES.reduce((sum, code) => sum + standard.items[code], 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['items'], message: `基础项合计应为 100 分，现为 ${total} 分` });
  }));
export type AssessmentStandard = z.infer<typeof AssessmentStandard>;

/** The default standard, modelled on the plan: 100 base points, bonus up to 15, every bottom line, pass at 80. */
export const DEFAULT_STANDARD: AssessmentStandard = {
  items: Object.fromEntries(BASE_ITEM_CODES.map((code) => [code, BASE_ITEMS[code].defaultPoints])) as Record<BaseItemCode, number>,
  bonuses: Object.fromEntries(BONUS_ITEM_CODES.map((code) => [code, BONUS_ITEMS[code].defaultPoints])) as Record<BonusItemCode, number>,
  bonusCap: 15,
  bottomLines: [...BOTTOM_LINE_CODES],
  passMark: 80,
  rules: 2,
};

// ---------------------------------------------------------------------------------------------------------------
// The inputs

/** What the scorecard is computed from, as stored with it (so it can be computed again and give the same). */
export interface ScorecardInputs {
  year: number;
  shop: {
    id: string;
    name: string;
    status: string;
    townCode: string;
    sector: string;
    /** Catalogue codes of its commitments in force, and how many it has in all (custom ones included). */
    commitmentCodes: string[];
    commitments: number;
    creditFlags: number;
  };
  /** The shop's complaint counters for the year (cohort of the year's complaints). */
  counters: Counters;
  inspections: Pick<
    InspectionFacts,
    'inspections' | 'inspectionsWithoutFailures' | 'bottomLineFailures' | 'bottomLines' | 'rectificationsIssued' | 'rectificationsClosedInTime' | 'rectificationsOverdue'
  > &
    // Absent from scorecards stored before it was counted: every order issued was then taken as due.
    Partial<Pick<InspectionFacts, 'rectificationsDue'>>;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

export interface ItemScore {
  code: string;
  label: string;
  max: number;
  points: number;
  /** How the points were reached, in words with the numbers (shown to staff and to the shop). */
  basis: string;
  /** A staff override in force: the computed points it replaced, and why. */
  override?: { computed: number; reason: string; by: string; at: string };
}

export interface Scorecard {
  year: number;
  base: ItemScore[];
  bonus: ItemScore[];
  bonusTotal: number;
  total: number;
  bottomLines: Array<{ code: BottomLineCode; label: string; evidence: string }>;
  passMark: number;
  passed: boolean;
  /** 「合格」「不合格：…」 in words. */
  verdict: string;
}

export interface Override {
  item: string;
  points: number;
  reason: string;
  by: string;
  at: string;
}

/**
 * Points for a rate: full at or above the target, nothing at or below the floor, in proportion between, whole
 * points rounded down. Integer arithmetic on the exact fraction (thousandths for the target and floor), so a
 * rate exactly halfway earns exactly half.
 */
function ratePoints(max: number, numerator: number, denominator: number, target: number, floor: number): number {
  if (denominator <= 0) return max;
  const t = Math.round(target * 1000);
  const f = Math.round(floor * 1000);
  const scaled = 1000 * numerator;
  if (scaled >= t * denominator) return max;
  if (scaled <= f * denominator) return 0;
  return Math.floor((max * (scaled - f * denominator)) / ((t - f) * denominator));
}

function baseScores(inputs: ScorecardInputs, standard: AssessmentStandard): ItemScore[] {
  const { counters, shop, inspections } = inputs;
  const rates = indicatorsOf(counters);
  const current = standard.rules === 2;
  const item = (code: BaseItemCode, earned: number, basis: string): ItemScore => ({
    code,
    label: code === 'settlement_rate' && !current ? '消费纠纷和解率' : BASE_ITEMS[code].label,
    max: standard.items[code],
    points: Math.max(0, Math.min(standard.items[code], earned)),
    basis,
  });
  const max = standard.items;
  const full = {
    handlingRate: standard.thresholds?.handlingRate ?? INDICATOR_TARGETS.handlingRate,
    settlementRate: standard.thresholds?.settlementRate ?? INDICATOR_TARGETS.settlementRate,
    satisfactionRate: standard.thresholds?.satisfactionRate ?? INDICATOR_TARGETS.satisfactionRate,
  };
  // A year's target below a floor would leave no range to earn points in: the floor gives way.
  const floorUnder = (floor: number, target: number) => Math.min(floor, target - 0.01);
  const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
  const noComplaints = (counters.received ?? 0) === 0;
  const responses = counters.firstResponses ?? 0;
  const within24h = FIRST_RESPONSE_BUCKETS.filter((bucket) => bucket.maxMinutes <= 1440).reduce((sum, bucket) => sum + (counters[bucket.counter] ?? 0), 0);
  const within72h = within24h + (counters.firstResponseWithin72h ?? 0);
  const due = inspections.rectificationsDue ?? inspections.rectificationsIssued;
  const settled = current ? rates.inShopShare : rates.settlementRate;
  const moreThanHalf = (count: number) => (current ? count * 2 > responses : count * 2 >= responses);
  return [
    item(
      'commitments_published',
      shop.commitments >= 3 ? max.commitments_published : shop.commitments >= 1 ? Math.floor(max.commitments_published / 2) : 0,
      `公开承诺 ${shop.commitments} 项（3 项及以上得满分，1–2 项得一半）`,
    ),
    item(
      'handling_rate',
      ratePoints(max.handling_rate, rates.handlingRate.numerator, rates.handlingRate.denominator, full.handlingRate, floorUnder(0.8, full.handlingRate)),
      noComplaints
        ? '本年度无投诉'
        : `处理率 ${formatRate(rates.handlingRate)}（${rates.handlingRate.numerator}/${rates.handlingRate.denominator}；达到 ${percent(full.handlingRate)} 得满分，${percent(floorUnder(0.8, full.handlingRate))} 及以下不得分）`,
    ),
    item(
      'settlement_rate',
      // The shop's own settlements (消费纠纷不出店门): a dispute the bureau had to mediate is not one.
      ratePoints(max.settlement_rate, settled.numerator, settled.denominator, full.settlementRate, floorUnder(0.6, full.settlementRate)),
      settled.denominator === 0
        ? '本年度无办结的纠纷'
        : `${current ? '店内和解' : '和解率'} ${formatRate(settled)}（${settled.numerator}/${settled.denominator}；达到 ${percent(full.settlementRate)} 得满分，${percent(floorUnder(0.6, full.settlementRate))} 及以下不得分）`,
    ),
    item(
      'satisfaction',
      ratePoints(max.satisfaction, rates.satisfactionRate.numerator, rates.satisfactionRate.denominator, full.satisfactionRate, floorUnder(0.7, full.satisfactionRate)),
      rates.satisfactionRate.denominator === 0
        ? '本年度无评价'
        : `满意率 ${formatRate(rates.satisfactionRate)}（${rates.satisfactionRate.numerator}/${rates.satisfactionRate.denominator}；达到 ${percent(full.satisfactionRate)} 得满分，${percent(floorUnder(0.7, full.satisfactionRate))} 及以下不得分）`,
    ),
    item(
      'first_response',
      responses === 0 ? max.first_response : moreThanHalf(within24h) ? max.first_response : moreThanHalf(within72h) ? Math.floor(max.first_response / 2) : 0,
      responses === 0 ? '本年度无需响应的投诉' : `${responses} 件中 ${within24h} 件 24 小时内首次响应（过半得满分；过半在 3 天内得一半）`,
    ),
    item(
      'inspections_passed',
      inspections.inspections === 0 ? max.inspections_passed : Math.floor((max.inspections_passed * inspections.inspectionsWithoutFailures) / inspections.inspections),
      inspections.inspections === 0 ? '本年度未被检查' : `检查 ${inspections.inspections} 次，其中 ${inspections.inspectionsWithoutFailures} 次全部合格`,
    ),
    item(
      'rectifications_in_time',
      due === 0 ? max.rectifications_in_time : Math.floor((max.rectifications_in_time * inspections.rectificationsClosedInTime) / due),
      inspections.rectificationsIssued === 0
        ? '本年度无整改要求'
        : due === 0
          ? `整改 ${inspections.rectificationsIssued} 项，均未到期或待复查`
          : `整改 ${inspections.rectificationsIssued} 项，已到期 ${due} 项，按期完成 ${inspections.rectificationsClosedInTime} 项`,
    ),
  ];
}

function bonusScores(inputs: ScorecardInputs, standard: AssessmentStandard): ItemScore[] {
  return BONUS_ITEM_CODES.map((code) => {
    const has = inputs.shop.commitmentCodes.includes(BONUS_ITEMS[code].commitment);
    return { code, label: BONUS_ITEMS[code].label, max: standard.bonuses[code], points: has ? standard.bonuses[code] : 0, basis: has ? '已公开承诺' : '未承诺' };
  });
}

function bottomLinesOf(inputs: ScorecardInputs, standard: AssessmentStandard): Scorecard['bottomLines'] {
  const found: Scorecard['bottomLines'] = [];
  const enabled = new Set(standard.bottomLines);
  if (enabled.has('credit_flag') && inputs.shop.creditFlags > 0) found.push({ code: 'credit_flag', label: BOTTOM_LINES.credit_flag, evidence: `违法违规记录 ${inputs.shop.creditFlags} 条` });
  if (enabled.has('not_active') && inputs.shop.status !== 'active') found.push({ code: 'not_active', label: BOTTOM_LINES.not_active, evidence: `当前状态：${inputs.shop.status === 'suspended' ? '已暂停' : inputs.shop.status === 'revoked' ? '已摘牌' : inputs.shop.status}` });
  if (enabled.has('inspection_bottom_line') && inputs.inspections.bottomLineFailures > 0) {
    found.push({
      code: 'inspection_bottom_line',
      label: BOTTOM_LINES.inspection_bottom_line,
      evidence: inputs.inspections.bottomLines.map((line) => `${line.inspectedOn} ${line.label}`).join('；') || `${inputs.inspections.bottomLineFailures} 项`,
    });
  }
  if (enabled.has('rectification_overdue') && inputs.inspections.rectificationsOverdue > 0) {
    found.push({ code: 'rectification_overdue', label: BOTTOM_LINES.rectification_overdue, evidence: `逾期未答复的整改 ${inputs.inspections.rectificationsOverdue} 项` });
  }
  return found;
}

/**
 * The scorecard: the base items and bonuses as computed, with any override in force applied (an override of an
 * item replaces its points, within 0 and its maximum), the bonus capped, the bottom lines — one of which fails
 * the shop whatever its points — and the verdict against the pass mark.
 */
export function scorecardOf(inputs: ScorecardInputs, standard: AssessmentStandard, overrides: readonly Override[] = []): Scorecard {
  const latest = new Map(overrides.map((override) => [override.item, override]));
  const apply = (score: ItemScore): ItemScore => {
    const override = latest.get(score.code);
    if (!override) return score;
    return { ...score, points: Math.max(0, Math.min(score.max, override.points)), override: { computed: score.points, reason: override.reason, by: override.by, at: override.at } };
  };
  const base = baseScores(inputs, standard).map(apply);
  const bonus = bonusScores(inputs, standard).map(apply);
  const bonusTotal = Math.min(standard.bonusCap, bonus.reduce((sum, score) => sum + score.points, 0));
  const total = base.reduce((sum, score) => sum + score.points, 0) + bonusTotal;
  const bottomLines = bottomLinesOf(inputs, standard);
  const passed = bottomLines.length === 0 && total >= standard.passMark;
  const verdict = passed
    ? '合格'
    : bottomLines.length > 0
      ? `不合格：${bottomLines.map((line) => line.label).join('；')}`
      : `不合格：得分 ${total}，低于合格线 ${standard.passMark} 分`;
  return { year: inputs.year, base, bonus, bonusTotal, total, bottomLines, passMark: standard.passMark, passed, verdict };
}

/** Every item a staff member may override: the base items and the bonuses. */
export const OVERRIDABLE_ITEMS: readonly string[] = [...BASE_ITEM_CODES, ...BONUS_ITEM_CODES];

// ---------------------------------------------------------------------------------------------------------------
// Roll-ups: 示范行业(市场) and 示范镇(街道、景区)

export interface RollupCandidate {
  code: string;
  assessed: number;
  passed: number;
  /** passed ÷ assessed. */
  passShare: number | null;
  /** The area's own complaint indicators for the year meet their targets (handling, satisfaction, settlement). */
  indicatorsMet: boolean;
  proposed: boolean;
  reason: string;
}

/** The share of a trade's or a town's assessed shops that must pass for it to be proposed. */
export const ROLLUP_PASS_SHARE = 0.6;
/** Below this many assessed shops a trade or town is not proposed: too few to stand for it. */
export const ROLLUP_MIN_SHOPS = 3;

/**
 * A trade or a town is proposed as 示范 when enough of its assessed shops passed and its own indicators for the
 * year meet the targets. Staff see the reason either way; proposing is not awarding — the joint meeting decides.
 */
export function rollupCandidate(code: string, results: ReadonlyArray<{ passed: boolean }>, counters: Counters, targets = INDICATOR_TARGETS): RollupCandidate {
  const assessed = results.length;
  const passed = results.filter((result) => result.passed).length;
  const passShare = assessed > 0 ? passed / assessed : null;
  const rates = indicatorsOf(counters);
  const met = (rate: { numerator: number; denominator: number }, target: number) => rate.denominator === 0 || rate.numerator >= target * rate.denominator - 1e-9;
  const indicatorsMet = met(rates.handlingRate, targets.handlingRate) && met(rates.satisfactionRate, targets.satisfactionRate) && met(rates.settlementRate, targets.settlementRate);
  const enough = assessed >= ROLLUP_MIN_SHOPS;
  const proposed = enough && passShare !== null && passShare >= ROLLUP_PASS_SHARE && indicatorsMet;
  const reason = !enough
    ? `参评商户 ${assessed} 家，少于 ${ROLLUP_MIN_SHOPS} 家`
    : passShare !== null && passShare < ROLLUP_PASS_SHARE
      ? `合格 ${passed}/${assessed} 家，未达 ${Math.round(ROLLUP_PASS_SHARE * 100)}%`
      : !indicatorsMet
        ? '投诉处理指标未全部达标'
        : `合格 ${passed}/${assessed} 家，投诉处理指标全部达标`;
  return { code, assessed, passed, passShare, indicatorsMet, proposed, reason };
}
