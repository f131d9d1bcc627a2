import {
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  type DashboardRow,
  type IndicatorKey,
  type IndicatorTargets,
  type RateView
} from '@fangxin/shared'
import { monthLabel } from '../lib/dates-in-words'

/**
 * The campaign office's pages, the pure part: how figures are worded, what the charts are given and what the
 * tables export. The numbers themselves come from the server (docs/campaign.md); nothing here computes a rate.
 */

/** The indicators' short names, for table headings. */
export const SHORT_LABELS: Readonly<Record<IndicatorKey, string>> = {
  handlingRate: '处理率',
  satisfactionRate: '满意率',
  settlementRate: '和解率',
  awarenessRate: '知晓率'
}

/** 「≥ 98%」: a target as the plan writes it (a fraction of 1 in the contract). */
export function targetText(target: number): string {
  return `≥ ${formatPercent(target * 100)}%`
}

/** A percentage with at most one decimal and no trailing `.0` (98 → 「98」, 82.5 → 「82.5」). */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1)
}

/** 「196 / 200」, or 「—」 when there is nothing to divide by (an empty period). */
export function fractionText(rate: Pick<RateView, 'numerator' | 'denominator'>): string {
  return rate.denominator > 0 ? `${rate.numerator} / ${rate.denominator}` : '—'
}

/** A rate against its target, in words: 达标, 未达标, or 暂无数据 for an empty period. */
export function verdictText(rate: Pick<RateView, 'meets'>): string {
  if (rate.meets === null) return '暂无数据'
  return rate.meets ? '达标' : '未达标'
}

/** Class suffix for a rate's verdict (`met`, `short`, `empty`), for colour and for tests. */
export function verdictClass(rate: Pick<RateView, 'meets'>): 'met' | 'short' | 'empty' {
  if (rate.meets === null) return 'empty'
  return rate.meets ? 'met' : 'short'
}

/** The rate as a chart value in percent (one decimal), or null when the period is empty — a gap, never 0. */
export function chartValue(rate: Pick<RateView, 'value'>): number | null {
  return rate.value === null ? null : Math.round(rate.value * 1000) / 10
}

/** One series of a chart: its name and one value (or a gap) per category. */
export interface ChartSeries {
  name: string
  data: Array<number | null>
  /** Drawn as a dashed reference line (a target). */
  dashed?: boolean
}

/** What a chart draws: categories along the x axis and its series. */
export interface ChartData {
  categories: string[]
  series: ChartSeries[]
}

/** Whether a chart has anything to draw (every value a gap means an empty period: say so instead). */
export const hasChartData = (chart: ChartData): boolean => chart.series.some((series) => !series.dashed && series.data.some((value) => value !== null))

/**
 * The monthly trend of one indicator: its value per month (gaps for months with nothing to divide by) and its
 * target as a dashed line across the year.
 */
export function trendChart(months: readonly DashboardRow[], key: IndicatorKey, targets: IndicatorTargets): ChartData {
  return {
    categories: months.map((row) => monthLabel(row.code)),
    series: [
      { name: INDICATOR_LABELS[key], data: months.map((row) => chartValue(row.rates[key])) },
      { name: `目标 ${targetText(targets[key])}`, data: months.map(() => Math.round(targets[key] * 1000) / 10), dashed: true }
    ]
  }
}

/** Complaints received per month (a bar per month). */
export function receivedChart(months: readonly DashboardRow[]): ChartData {
  return {
    categories: months.map((row) => monthLabel(row.code)),
    series: [
      { name: '受理投诉', data: months.map((row) => row.received) },
      { name: '已处理', data: months.map((row) => row.handled) }
    ]
  }
}

/** A breakdown (by town or by sector) as bars: one indicator's rate per place, gaps where it has no data. */
export function breakdownChart(rows: readonly DashboardRow[], key: IndicatorKey): ChartData {
  return {
    categories: rows.map((row) => row.label),
    series: [{ name: INDICATOR_LABELS[key], data: rows.map((row) => chartValue(row.rates[key])) }]
  }
}

/** The header of every breakdown table and its CSV. */
export function breakdownHeader(first: string): string[] {
  return [first, '受理投诉', '已处理', ...INDICATOR_KEYS.flatMap((key) => [INDICATOR_LABELS[key], `${INDICATOR_LABELS[key]}（分子/分母）`]), '店内和解占比']
}

/** One row of a breakdown table as the CSV has it: every rate with what it was divided from, 「—」 when empty. */
export function breakdownCsvRow(row: DashboardRow): string[] {
  return [
    row.label,
    String(row.received),
    String(row.handled),
    ...INDICATOR_KEYS.flatMap((key) => [row.rates[key].text, fractionText(row.rates[key])]),
    row.rates.inShopShare.text
  ]
}

/** A whole breakdown (months, towns, sectors) as CSV rows, header first. */
export function breakdownCsv(first: string, rows: readonly DashboardRow[], label: (row: DashboardRow) => string = (row) => row.label): string[][] {
  return [breakdownHeader(first), ...rows.map((row) => breakdownCsvRow({ ...row, label: label(row) }))]
}

/** A task's progress as a share of 100 for a progress bar (never above 100, 0 without a target). */
export function progressPercent(progress: { target: number; done: number }): number {
  if (progress.target <= 0) return progress.done > 0 ? 100 : 0
  return Math.min(100, Math.floor((progress.done / progress.target) * 100))
}

/** Targets as the form edits them (percent strings) and back; undefined with the field's problem. */
export function targetsFromPercentTexts(texts: Readonly<Record<IndicatorKey, string>>): { targets?: IndicatorTargets; errors: Partial<Record<IndicatorKey, string>> } {
  const errors: Partial<Record<IndicatorKey, string>> = {}
  const targets: Partial<Record<IndicatorKey, number>> = {}
  for (const key of INDICATOR_KEYS) {
    const text = texts[key].trim().replace(/[%％]$/, '')
    const value = Number(text)
    if (!text || !Number.isFinite(value)) errors[key] = `请填写${INDICATOR_LABELS[key]}的目标（百分数，如 98）`
    else if (value < 0 || value > 100) errors[key] = '目标应在 0 到 100 之间'
    else targets[key] = Math.round(value * 10) / 1000
  }
  return Object.keys(errors).length > 0 ? { errors } : { targets: targets as IndicatorTargets, errors }
}

export function percentTextsOf(targets: IndicatorTargets): Record<IndicatorKey, string> {
  return Object.fromEntries(INDICATOR_KEYS.map((key) => [key, formatPercent(targets[key] * 100)])) as Record<IndicatorKey, string>
}
