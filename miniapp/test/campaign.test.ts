import { toCsv, type DashboardRow, type RateView } from '@fangxin/shared'
import {
  breakdownCsv,
  chartValue,
  formatPercent,
  fractionText,
  hasChartData,
  progressPercent,
  targetText,
  targetsFromPercentTexts,
  trendChart,
  verdictText
} from '../src/admin/campaign'

const rate = (numerator: number, denominator: number, meets: boolean | null = null): RateView => ({
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
  text: denominator > 0 ? `${formatPercent((numerator / denominator) * 100)}%` : '—',
  meets: denominator > 0 ? meets : null
})

const row = (code: string, label: string, received: number, handled: number): DashboardRow => ({
  code,
  label,
  received,
  handled,
  rates: {
    handlingRate: rate(handled, received, received > 0 ? handled / received >= 0.98 : null),
    satisfactionRate: rate(0, 0),
    settlementRate: rate(0, 0),
    awarenessRate: rate(0, 0),
    inShopShare: rate(0, 0)
  }
})

describe('the campaign pages word their figures', () => {
  it('writes targets as the plan does', () => {
    expect(targetText(0.98)).toBe('≥ 98%')
    expect(targetText(0.825)).toBe('≥ 82.5%')
  })

  it('shows an empty period as 「—」, never 0 / 0, and says there is no data rather than a verdict', () => {
    const empty = rate(0, 0)
    expect(fractionText(empty)).toBe('—')
    expect(verdictText(empty)).toBe('暂无数据')
    expect(fractionText(rate(196, 200))).toBe('196 / 200')
    expect(verdictText(rate(196, 200, true))).toBe('达标')
    expect(verdictText(rate(150, 200, false))).toBe('未达标')
  })

  it('gives charts a gap (null) for an empty period and percent with one decimal otherwise', () => {
    expect(chartValue(rate(0, 0))).toBeNull()
    expect(chartValue(rate(393, 400))).toBe(98.3)
    expect(chartValue(rate(1, 3))).toBe(33.3)
  })
})

describe('the monthly trend chart', () => {
  const months = [row('2026-01', '1月', 0, 0), row('2026-02', '2月', 10, 9), row('2026-03', '3月', 0, 0)]
  const targets = { handlingRate: 0.98, satisfactionRate: 0.9, settlementRate: 0.85, awarenessRate: 0.82 }

  it('draws the indicator with gaps for empty months, and the target as a dashed line', () => {
    const chart = trendChart(months, 'handlingRate', targets)
    expect(chart.categories).toEqual(['1月', '2月', '3月'])
    expect(chart.series[0]).toEqual({ name: '投诉处理率', data: [null, 90, null] })
    expect(chart.series[1]).toMatchObject({ data: [98, 98, 98], dashed: true })
    expect(hasChartData(chart)).toBe(true)
  })

  it('has nothing to draw when every month is empty (the target line alone is not data)', () => {
    expect(hasChartData(trendChart([row('2026-01', '1月', 0, 0)], 'handlingRate', targets))).toBe(false)
  })
})

describe('breakdown tables as CSV', () => {
  it('has a header, one line per row, and every rate with what it was divided from', () => {
    const rows = breakdownCsv('乡镇（街道）', [row('chengguan', '城关镇', 200, 196), row('shiqiao', '石桥乡', 0, 0)])
    expect(rows[0]?.slice(0, 5)).toEqual(['乡镇（街道）', '受理投诉', '已处理', '投诉处理率', '投诉处理率（分子/分母）'])
    expect(rows[1]?.slice(0, 5)).toEqual(['城关镇', '200', '196', '98%', '196 / 200'])
    expect(rows[2]?.slice(3, 5)).toEqual(['—', '—'])
  })

  it('neutralises a label that a spreadsheet would run as a formula, with a BOM first', () => {
    const csv = toCsv(breakdownCsv('行业', [row('evil', '=HYPERLINK("http://x")', 1, 1)]))
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
  })
})

describe('task progress and target entry', () => {
  it('caps a progress bar at 100 and copes with a zero target', () => {
    expect(progressPercent({ target: 10, done: 3 })).toBe(30)
    expect(progressPercent({ target: 10, done: 15 })).toBe(100)
    expect(progressPercent({ target: 0, done: 0 })).toBe(0)
    expect(progressPercent({ target: 0, done: 2 })).toBe(100)
  })

  it('reads percent texts into fractions and names the field at fault', () => {
    expect(targetsFromPercentTexts({ handlingRate: '98', satisfactionRate: '90%', settlementRate: '85', awarenessRate: '82.5' }).targets).toEqual({
      handlingRate: 0.98,
      satisfactionRate: 0.9,
      settlementRate: 0.85,
      awarenessRate: 0.825
    })
    const bad = targetsFromPercentTexts({ handlingRate: '', satisfactionRate: '120', settlementRate: '85', awarenessRate: '82' })
    expect(bad.targets).toBeUndefined()
    expect(bad.errors.handlingRate).toContain('投诉处理率')
    expect(bad.errors.satisfactionRate).toBe('目标应在 0 到 100 之间')
  })
})
