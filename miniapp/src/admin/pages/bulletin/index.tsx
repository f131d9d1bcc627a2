// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { INDICATOR_KEYS, INDICATOR_LABELS, routes, type BulletinView } from '@fangxin/shared'
import { call } from '@/api/client'
import { Choices, type ChoiceOption } from '@/components/choices'
import { ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { chineseDate } from '@/lib/dates-in-words'
import { addDays, shanghaiToday } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import { SHORT_LABELS, fractionText, targetText, verdictText } from '../../campaign'
import { CsvExportActions } from '../../components/csv-export-actions'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'
import './index.css'

/** The bulletin as CSV: the county line, then a line per town (figures, targets met, tasks). */
function bulletinCsv(view: BulletinView): string[][] {
  const rates = (line: BulletinView['county']['rates']) => INDICATOR_KEYS.map((key) => line[key].text)
  return [
    [view.title],
    [`${view.issuer}  ${chineseDate(view.issuedOn)}`],
    ['范围', '受理投诉', ...INDICATOR_KEYS.map((key) => INDICATOR_LABELS[key]), '指标达标', '任务完成', '任务落后'],
    ['全县', String(view.county.received), ...rates(view.county.rates), '', '', ''],
    ...view.towns.map((town) => [
      town.name,
      String(town.received),
      ...rates(town.rates),
      town.meetsTargets ? '是' : '否',
      `${town.tasks.complete}/${town.tasks.total}`,
      String(town.tasks.behind)
    ]),
    [],
    ['表扬', ...view.commendations],
    ['批评', ...view.criticisms],
    ...(view.notes ? [['说明', ...view.notes]] : []),
    ['示范单位', ...view.awards.shops.map((shop) => `${shop.name}（${shop.townName}）`)]
  ]
}

/**
 * 创建工作通报: the monthly or annual bulletin — the county's indicators against the year's targets, each town's
 * figures and task progress, the year's awards, commendations and criticisms drawn from the numbers. Printable
 * from H5 (a print layout without the app's controls) and exportable as CSV.
 */
export default function BulletinPage() {
  const session = useRequiredSession()
  const today = shanghaiToday(new Date())
  const thisMonth = today.slice(0, 7)
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7)
  const year = today.slice(0, 4)
  const periods: ChoiceOption<string>[] = [
    { value: thisMonth, label: `${Number(thisMonth.slice(5))}月（本月）`, code: 'period-this-month' },
    { value: lastMonth, label: `${Number(lastMonth.slice(5))}月`, code: 'period-last-month' },
    { value: year, label: `${year}年度`, code: 'period-year' },
    { value: String(Number(year) - 1), label: `${Number(year) - 1}年度`, code: 'period-last-year' }
  ]
  const [period, setPeriod] = useState(thisMonth)
  const [notice, setNotice] = useState<Notice>()
  const { state, reload } = useLoad<BulletinView>(() => call(routes.bulletin, { params: { period } }), `${session?.user.id ?? ''}|${period}`, isStaffUser(session?.user))
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看通报。' />

  return (
    <View className='campaign-page bulletin-page'>
      <View className='no-print'>
        <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
        <View className='filter-row bulletin-period'>
          <Choices options={periods} value={period} onChange={setPeriod} />
        </View>
      </View>
      {state.kind === 'loading' ? <LoadingView text='正在生成通报…' /> : null}
      {state.kind === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' ? (
        <>
          <View className='table-actions no-print bulletin-actions'>
            {process.env.TARO_ENV === 'h5' ? (
              <Button className='print-bulletin' size='small' fill='outline' onClick={() => window.print()}>
                打印通报
              </Button>
            ) : null}
            <CsvExportActions
              rows={() => bulletinCsv(state.value)}
              fileName={() => `通报-${state.value.period}.csv`}
              className='export-bulletin'
              label='导出通报（CSV）'
              onNotice={setNotice}
            />
          </View>
          <Bulletin view={state.value} />
        </>
      ) : null}
    </View>
  )
}

function Bulletin({ view }: { view: BulletinView }) {
  return (
    <View className='bulletin'>
      <Text className='bulletin-title'>{view.title}</Text>
      <Text className='bulletin-issuer'>
        {view.issuer} · {chineseDate(view.issuedOn)}
      </Text>
      <Text className='bulletin-heading'>一、全县指标完成情况</Text>
      <Text className='bulletin-text'>本期受理投诉 {view.county.received} 件，已处理 {view.county.handled} 件。</Text>
      {INDICATOR_KEYS.map((key) => (
        <Text key={key} className={`bulletin-text bulletin-rate-${key}`}>
          {INDICATOR_LABELS[key]} {view.county.rates[key].text}（{fractionText(view.county.rates[key])}），目标 {targetText(view.targets[key])}，
          {verdictText(view.county.rates[key])}。
        </Text>
      ))}
      <Text className='bulletin-heading'>二、各乡镇（街道）情况</Text>
      <View className='table-wrap bulletin-towns'>
        <View className='table-row table-row--head'>
          <Text className='table-cell table-cell--name'>乡镇（街道）</Text>
          <Text className='table-cell'>受理</Text>
          {INDICATOR_KEYS.map((key) => (
            <Text key={key} className='table-cell'>
              {SHORT_LABELS[key]}
            </Text>
          ))}
          <Text className='table-cell'>任务</Text>
        </View>
        {view.towns.map((town) => (
          <View key={town.code} className={`table-row bulletin-town bulletin-town--${town.code}`}>
            <Text className='table-cell table-cell--name'>{town.name}</Text>
            <Text className='table-cell'>{town.received}</Text>
            {INDICATOR_KEYS.map((key) => (
              <Text key={key} className={`table-cell ${town.rates[key].meets === false ? 'table-cell--short' : ''}`}>
                {town.rates[key].text}
              </Text>
            ))}
            <Text className='table-cell'>
              {town.tasks.complete}/{town.tasks.total}
              {town.tasks.behind > 0 ? `（落后 ${town.tasks.behind}）` : ''}
            </Text>
          </View>
        ))}
      </View>
      {view.kind === 'annual' ? (
        <>
          <Text className='bulletin-heading'>三、放心消费示范单位</Text>
          {view.awards.shops.length === 0 ? <Text className='bulletin-text'>本年度考核尚未确认。</Text> : null}
          {view.awards.shops.map((shop) => (
            <Text key={shop.id} className='bulletin-text bulletin-award'>
              {shop.name}（{shop.townName}）
            </Text>
          ))}
          {view.awards.sectors.length > 0 ? <Text className='bulletin-text'>建议示范行业（市场）：{view.awards.sectors.join('、')}</Text> : null}
          {view.awards.towns.length > 0 ? <Text className='bulletin-text'>建议示范镇（街道、景区）：{view.awards.towns.join('、')}</Text> : null}
        </>
      ) : null}
      <Text className='bulletin-heading'>{view.kind === 'annual' ? '四' : '三'}、表扬与批评</Text>
      {view.commendations.length === 0 && view.criticisms.length === 0 ? <Text className='bulletin-text'>本期无。</Text> : null}
      {view.commendations.map((text) => (
        <Text key={text} className='bulletin-text bulletin-commendation'>
          表扬：{text}
        </Text>
      ))}
      {view.criticisms.map((text) => (
        <Text key={text} className='bulletin-text bulletin-criticism'>
          批评：{text}
        </Text>
      ))}
      {(view.notes ?? []).map((text) => (
        <Text key={text} className='bulletin-text bulletin-note'>
          说明：{text}
        </Text>
      ))}
    </View>
  )
}
