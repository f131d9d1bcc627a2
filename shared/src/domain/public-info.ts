import { COUNTY, TOWNS } from '../catalogue/county';
import { SECTORS } from '../catalogue/sectors';
import { formatRate, indicatorsOf, type Counters, type Rate } from './indicators';
import { toCsv } from './csv';
import { sumCounters } from './track-record';
import { codeTable } from '../catalogue/code-table';

/**
 * The public side of the campaign: 3·15 banners, 维权知识 articles, recall notices, and the public
 * statistics with their open-data file. Plain functions; definitions in docs/campaign.md ("Public
 * statistics") and docs/content.md.
 */

// — banners —

/** A banner shows from its first day to its last day inclusive, by the Shanghai calendar date (YYYY-MM-DD). */
export function bannerActive(banner: { from: string; to: string; published: boolean }, today: string): boolean {
  return banner.published && banner.from <= today && today <= banner.to;
}

// — recall notices —

export const RECALL_KINDS = codeTable({
  recall: '缺陷产品召回',
  delisting: '不合格商品退市',
} as const);
export type RecallKind = keyof typeof RECALL_KINDS;
export const RECALL_KIND_CODES = Object.keys(RECALL_KINDS) as [RecallKind, ...RecallKind[]];

/**
 * Whether a recall notice may be shown to the public: published (not withdrawn) and its text passed the
 * content check, or a reviewer released it. Held or unchecked text waits for a reviewer.
 */
export function recallPublic(recall: { state: 'published' | 'withdrawn'; moderation: { state: string } }): boolean {
  return recall.state === 'published' && (recall.moderation.state === 'pass' || recall.moderation.state === 'released');
}

// — public statistics —

/**
 * Below this many in the denominator a public rate is worded as a small sample, not as a bare percentage.
 * (The shop page's own summary uses its track record's threshold, on the number of complaints.)
 */
export const PUBLIC_SMALL_SAMPLE = 10;

/**
 * A rate for the public: 「—」 with nothing to divide by; 「样本较少（n=…），仅供参考」 when fewer than
 * `PUBLIC_SMALL_SAMPLE` were counted (a percentage of 3 ratings says little and would mislead); the percentage
 * otherwise (one decimal, rounded half up on the exact fraction, as everywhere).
 */
export function publicRateText(rate: Pick<Rate, 'numerator' | 'denominator'>): string {
  if (rate.denominator <= 0) return '—';
  if (rate.denominator < PUBLIC_SMALL_SAMPLE) return `样本较少（n=${rate.denominator}），仅供参考`;
  return formatRate(rate);
}

export interface PublicRate {
  numerator: number;
  denominator: number;
  /** The words to show (see `publicRateText`). */
  text: string;
  /** True when fewer than `PUBLIC_SMALL_SAMPLE` were counted (the text says so). */
  smallSample: boolean;
}

const publicRate = (rate: Rate): PublicRate => ({
  numerator: rate.numerator,
  denominator: rate.denominator,
  text: publicRateText(rate),
  smallSample: rate.denominator > 0 && rate.denominator < PUBLIC_SMALL_SAMPLE,
});

/** One period of one scope, as the public page shows it. */
export interface PublicFigures {
  /** Complaints received (filed in the period: the cohort). */
  received: number;
  /** Handled to an end, of those received (any end, withdrawn included). */
  handled: number;
  /** 处理率: handled ÷ received. */
  handlingRate: PublicRate;
  /** Settled in the shop (消费纠纷不出店门). */
  settledInShop: number;
  /** settled in the shop ÷ disputes concluded (handled other than by withdrawal). */
  inShopShare: PublicRate;
  /** How many rated the outcome. */
  rated: number;
  /** 满意率: (满意 + 基本满意) ÷ rated. */
  satisfactionRate: PublicRate;
}

/** The public figures from a scope's counters (docs/campaign.md, "Public statistics"). */
export function publicFiguresOf(counters: Counters): PublicFigures {
  const indicators = indicatorsOf(counters);
  return {
    received: counters.received ?? 0,
    handled: counters.closed ?? 0,
    handlingRate: publicRate(indicators.handlingRate),
    settledInShop: counters.settledInShop ?? 0,
    inShopShare: publicRate(indicators.inShopShare),
    rated: counters.rated ?? 0,
    satisfactionRate: publicRate(indicators.satisfactionRate),
  };
}

export { sumCounters };

/** The scopes the public statistics are published for: each town and each sector (and the county). */
export type PublicScopeKind = 'county' | 'town' | 'sector';

export function publicScopeLabel(kind: PublicScopeKind, code: string): string | undefined {
  if (kind === 'county') return code === COUNTY.code ? COUNTY.name : undefined;
  if (kind === 'town') return (TOWNS as Record<string, string>)[code];
  return (SECTORS as Record<string, string>)[code];
}

/** The months of `year` up to `today`'s month (all twelve for a past year, none for a future one). */
export function monthsOfYearUpTo(year: number, today: string): string[] {
  const [thisYear, thisMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const last = year < thisYear ? 12 : year === thisYear ? thisMonth : 0;
  return Array.from({ length: last }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
}

/** One row of the open-data file: a month of one town or one sector. */
export interface OpenDataRow {
  month: string;
  kind: 'town' | 'sector';
  code: string;
  counters: Counters;
}

export const OPEN_DATA_HEADER = [
  '月份',
  '统计维度',
  '代码',
  '名称',
  '受理投诉数',
  '办结数',
  '处理率',
  '店内和解数',
  '办结争议数（不含撤回）',
  '店内和解占比',
  '评价数',
  '满意及基本满意数',
  '满意率',
  '说明',
] as const;

const KIND_LABEL = { town: '乡镇（街道）', sector: '行业' } as const;

/**
 * The open-data file: monthly aggregates per town and per sector, from the counters only — counts and the
 * rates divided from them, no complaint, person, phone or shop. UTF-8 with a BOM, every cell quoted and
 * formula-safe (`toCsv`). A rate is written as the public page shows it (`publicRateText`): with fewer than
 * `PUBLIC_SMALL_SAMPLE` in its denominator, 「样本较少」 instead of a percentage (the counts are beside it), and
 * the note names which; empty is 「—」.
 */
export function openDataCsv(rows: readonly OpenDataRow[]): string {
  const body = rows.map(({ month, kind, code, counters }) => {
    const figures = publicFiguresOf(counters);
    const concluded = (counters.closed ?? 0) - (counters.withdrawn ?? 0);
    const satisfied = (counters.satisfied ?? 0) + (counters.basicallySatisfied ?? 0);
    const small = (
      [
        ['处理率', figures.handlingRate],
        ['店内和解占比', figures.inShopShare],
        ['满意率', figures.satisfactionRate],
      ] as const
    ).flatMap(([name, rate]) => (rate.smallSample ? [name] : []));
    return [
      month,
      KIND_LABEL[kind],
      code,
      publicScopeLabel(kind, code) ?? code,
      figures.received,
      figures.handled,
      figures.handlingRate.text,
      figures.settledInShop,
      concluded,
      figures.inShopShare.text,
      figures.rated,
      satisfied,
      figures.satisfactionRate.text,
      small.length > 0 ? `${small.join('、')}样本较少（少于${PUBLIC_SMALL_SAMPLE}），不计算比率` : '',
    ];
  });
  return toCsv([[...OPEN_DATA_HEADER], ...body]);
}
