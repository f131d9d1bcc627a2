// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { INDICATOR_KEYS, INDICATOR_LABELS, TOWNS, routes, type DashboardView, type IndicatorKey } from '@fangxin/shared'
import { call } from '@/api/client'
import { Choices, type ChoiceOption } from '@/components/choices'
import { ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { monthLabel } from '@/lib/dates-in-words'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { shanghaiToday } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import { breakdownChart, fractionText, receivedChart, targetText, trendChart, verdictClass, verdictText } from '../../campaign'
import { BreakdownTable } from '../../components/breakdown-table'
import { Chart } from '../../components/chart'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'

const INDICATOR_OPTIONS: ChoiceOption<IndicatorKey>[] = INDICATOR_KEYS.map((key) => ({ value: key, label: INDICATOR_LABELS[key] }))
const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code

/**
 * 指标看板: the four indicators of the plan against the year's targets (「—」 for a period with nothing to
 * divide by), the monthly trend, the year by town and by sector (charts and tables, each exportable as CSV),
 * complaints received, overdue (one tap to the overdue triage list) and the median first response. Figures come
 * from the server's counters (docs/campaign.md); the page only shows them.
 */
export default function DashboardPage() {
  const session = useRequiredSession()
  const thisYear = Number(shanghaiToday(new Date()).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const staff = session?.user.roles.staff
  const towns = !staff || staff.jurisdiction === 'county' ? [] : staff.jurisdiction
  const [scope, setScope] = useState<string>()
  const effectiveScope = scope ?? (towns.length > 0 ? `town:${towns[0]}` : 'county')
  const [trendKey, setTrendKey] = useState<IndicatorKey>('handlingRate')
  const [breakdownKey, setBreakdownKey] = useState<IndicatorKey>('handlingRate')
  const [notice, setNotice] = useState<Notice>()

  const { state, reload } = useLoad<DashboardView>(
    () => call(routes.dashboard, { query: { year, scope: effectiveScope } }),
    `${session?.user.id ?? ''}|${year}|${effectiveScope}`,
    isStaffUser(session?.user)
  )

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看指标看板。' />

  const yearOptions: ChoiceOption<string>[] = [thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年`, code: `year-${y}` }))
  const scopeOptions: ChoiceOption<string>[] = [
    ...(towns.length === 0 ? [{ value: 'county', label: '全县', code: 'scope-county' }] : []),
    ...(towns.length === 0 ? Object.keys(TOWNS) : towns).map((code) => ({ value: `town:${code}`, label: townName(code), code: `scope-${code}` }))
  ]
  const fileDate = () => shanghaiToday(new Date())

  return (
    <View className='campaign-page dashboard-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='filter-row dashboard-year'>
        <Choices options={yearOptions} value={String(year)} onChange={(value) => setYear(Number(value))} />
      </View>
      <View className='filter-row dashboard-scope'>
        <Choices options={scopeOptions} value={effectiveScope} onChange={setScope} />
      </View>

      {state.kind === 'loading' ? <LoadingView text='正在加载指标…' /> : null}
      {state.kind === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' ? (
        <DashboardBody
          view={state.value}
          trendKey={trendKey}
          onTrendKey={setTrendKey}
          breakdownKey={breakdownKey}
          onBreakdownKey={setBreakdownKey}
          fileDate={fileDate}
          onNotice={setNotice}
        />
      ) : null}
    </View>
  )
}

function DashboardBody({
  view,
  trendKey,
  onTrendKey,
  breakdownKey,
  onBreakdownKey,
  fileDate,
  onNotice
}: {
  view: DashboardView
  trendKey: IndicatorKey
  onTrendKey: (key: IndicatorKey) => void
  breakdownKey: IndicatorKey
  onBreakdownKey: (key: IndicatorKey) => void
  fileDate: () => string
  onNotice: (notice: Notice | undefined) => void
}) {
  const { total } = view
  const scopeName = view.scope.label
  return (
    <View className='dashboard-body'>
      <Text className='section-title'>
        {view.year}年 · {scopeName} · 四项指标
      </Text>
      <View className='indicator-cards'>
        {INDICATOR_KEYS.map((key) => {
          const rate = total.rates[key]
          return (
            <View key={key} className={`indicator-card indicator-${key} indicator-card--${verdictClass(rate)}`}>
              <Text className='indicator-label'>{INDICATOR_LABELS[key]}</Text>
              <Text className='indicator-value'>{rate.text}</Text>
              <Text className='indicator-fraction'>{fractionText(rate)}</Text>
              <Text className='indicator-target'>目标 {targetText(view.targets[key])}</Text>
              <Text className='indicator-verdict'>{verdictText(rate)}</Text>
            </View>
          )
        })}
      </View>
      <Text className='section-hint'>
        按投诉受理月份统计；「—」表示该期间没有可计算的数据（不是 0%）。店内和解占比 {total.rates.inShopShare.text}（消费纠纷不出店门，不作考核目标）。
      </Text>
      <Text className='section-hint rated-by-follow-up'>
        已评价 {total.rated} 件，其中 {view.ratedByFollowUp} 件的满意度来源为「电话回访」（办结后消费者未评价、工作人员或投诉站电话询问所得）。
      </Text>

      <View className='figure-row'>
        <View className='figure figure-received'>
          <Text className='figure-value'>{total.received}</Text>
          <Text className='figure-label'>受理投诉</Text>
        </View>
        <View
          className='figure figure--link figure-overdue'
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.triage, { view: 'overdue' }) })}
        >
          <Text className='figure-value'>
            {view.overdue.count}
            {view.overdue.more ? '+' : ''}
          </Text>
          <Text className='figure-label'>当前超期</Text>
          <Text className='figure-go'>查看超期投诉 ›</Text>
        </View>
        <View className='figure figure-first-response'>
          <Text className='figure-value'>{total.medianFirstResponse ?? '—'}</Text>
          <Text className='figure-label'>首次响应中位数</Text>
        </View>
      </View>

      <Text className='section-title'>月度趋势</Text>
      <View className='filter-row trend-indicator'>
        <Choices options={INDICATOR_OPTIONS} value={trendKey} onChange={onTrendKey} optionClassPrefix='trend-' />
      </View>
      <Chart className='chart-trend' kind='line' data={trendChart(view.months, trendKey, view.targets)} unit='%' max={100} />
      <Chart className='chart-received' kind='column' data={receivedChart(view.months)} height={360} />
      <BreakdownTable
        rows={view.months}
        first='月份'
        label={(row) => `${view.year}年${monthLabel(row.code)}`}
        className='table-months'
        exportClass='export-months'
        fileName={() => `指标-月度-${scopeName}-${view.year}-${fileDate()}.csv`}
        onNotice={onNotice}
      />

      <Text className='section-title'>分乡镇（街道）、分行业</Text>
      <View className='filter-row breakdown-indicator'>
        <Choices options={INDICATOR_OPTIONS} value={breakdownKey} onChange={onBreakdownKey} optionClassPrefix='breakdown-' />
      </View>
      {view.byTown.length > 0 ? (
        <>
          <Chart className='chart-towns' kind='column' data={breakdownChart(view.byTown, breakdownKey)} unit='%' max={100} height={380} />
          <BreakdownTable
            rows={view.byTown}
            first='乡镇（街道）'
            className='table-towns'
            exportClass='export-towns'
            fileName={() => `指标-分乡镇-${view.year}-${fileDate()}.csv`}
            onNotice={onNotice}
          />
        </>
      ) : null}
      {view.bySector.length > 0 ? (
        <>
          <Chart className='chart-sectors' kind='column' data={breakdownChart(view.bySector, breakdownKey)} unit='%' max={100} height={420} />
          <BreakdownTable
            rows={view.bySector}
            first='行业'
            className='table-sectors'
            exportClass='export-sectors'
            fileName={() => `指标-分行业-${view.year}-${fileDate()}.csv`}
            onNotice={onNotice}
          />
        </>
      ) : null}
      {view.byChannel.length > 0 ? (
        <>
          <Text className='section-title'>分受理渠道（小程序 / 投诉站现场 / 投诉站电话）</Text>
          <BreakdownTable
            rows={view.byChannel}
            first='受理渠道'
            className='table-channels'
            exportClass='export-channels'
            fileName={() => `指标-分受理渠道-${view.year}-${fileDate()}.csv`}
            onNotice={onNotice}
          />
        </>
      ) : null}
      {view.byArea.length > 0 ? (
        <BreakdownTable
          rows={view.byArea}
          first='重点区域'
          className='table-areas'
          exportClass='export-areas'
          fileName={() => `指标-分区域-${view.year}-${fileDate()}.csv`}
          onNotice={onNotice}
        />
      ) : null}
    </View>
  )
}
