// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { isCountyAdmin, routes, type AssessmentView } from '@fangxin/shared'
import type { z } from 'zod/mini'
import { call, toApiError } from '@/api/client'
import { Choices, type ChoiceOption } from '@/components/choices'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime, shanghaiToday } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import { CsvExportActions } from '../../components/csv-export-actions'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'
import './index.css'

type Summary = z.output<typeof routes.scorecards.response>['items'][number]
type ResultFilter = 'all' | 'passed' | 'failed'
const RESULT_FILTERS: ChoiceOption<ResultFilter>[] = [
  { value: 'all', label: '全部', code: 'result-all' },
  { value: 'passed', label: '达标', code: 'result-passed' },
  { value: 'failed', label: '未达标', code: 'result-failed' }
]
const STATE_LABELS: Record<AssessmentView['state'], string> = {
  none: '尚未开启',
  computing: '正在计算评分',
  open: '审核中（可调整评分）',
  confirmed: '已确认，示范称号已授予'
}

/**
 * 考核验收 of a year: county admins open it with the default standard (modelled on the plan), staff review the
 * scorecards (tap one to read it; admins may override an item with a reason), admins confirm once — the shops
 * that passed become 放心消费示范 for the year. The roll-ups propose 示范行业 and 示范镇; the shops that failed
 * or are on the 联合惩戒 list are exported as the list not to be put forward for 文明单位 and similar honours.
 */
export default function AssessmentPage() {
  const session = useRequiredSession()
  const thisYear = Number(shanghaiToday(new Date()).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [filter, setFilter] = useState<ResultFilter>('all')
  const [notice, setNotice] = useState<Notice>()
  const [busy, setBusy] = useState(false)
  const enabled = isStaffUser(session?.user)
  const assessment = useLoad<AssessmentView>(() => call(routes.assessment, { params: { year } }), `${session?.user.id ?? ''}|${year}`, enabled)
  const ready = assessment.state.kind === 'loaded' && (assessment.state.value.state === 'open' || assessment.state.value.state === 'confirmed' || assessment.state.value.state === 'computing')
  const cards = usePagedList<Summary & { id: string }>(
    async (cursor) => {
      const page = await call(routes.scorecards, { params: { year }, query: { ...pageQuery(cursor), ...(filter !== 'all' ? { result: filter } : {}) } })
      return { ...page, items: page.items.map((item) => ({ ...item, id: item.merchant.id })) }
    },
    `${session?.user.id ?? ''}|${year}|${filter}|${assessment.state.kind === 'loaded' ? assessment.state.value.state : ''}`,
    enabled && ready
  )

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看考核验收。' />
  const admin = isCountyAdmin(session.user.roles.staff)

  const open = async () => {
    if (busy) return
    setBusy(true)
    setNotice(undefined)
    try {
      assessment.set(await call(routes.openAssessment, { params: { year }, body: {} }))
      setNotice({ kind: 'success', text: `已开启${year}年度考核，正在按默认标准计算各店铺评分` })
      void cards.refresh()
    } catch (error) {
      const failure = toApiError(error)
      setNotice({ kind: 'error', text: failure.message })
      if (failure.code === 'CONFLICT') void assessment.reload()
    } finally {
      setBusy(false)
    }
  }

  const confirm = async (view: AssessmentView) => {
    if (busy) return
    const answer = await Taro.showModal({
      title: `确认${year}年度考核结果？`,
      content: `达标的 ${view.shops.passed} 家店铺将获得「${year}年度放心消费示范企业（个体户）」称号。确认后不能再调整评分，也不能撤销。`,
      confirmText: '确认授予',
      cancelText: '再看看'
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    setBusy(true)
    setNotice(undefined)
    try {
      assessment.set(await call(routes.confirmAssessment, { params: { year } }))
      setNotice({ kind: 'success', text: `${year}年度考核已确认，示范称号已授予` })
    } catch (error) {
      const failure = toApiError(error)
      setNotice({
        kind: 'error',
        text: failure.code === 'CONFLICT' ? `${failure.message}（该年度考核可能已由他人确认，已刷新）` : failure.message
      })
      if (failure.code === 'CONFLICT') void assessment.reload()
    } finally {
      setBusy(false)
    }
  }

  const yearOptions: ChoiceOption<string>[] = [thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年度`, code: `year-${y}` }))

  return (
    <View className='campaign-page assessment-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='filter-row assessment-year'>
        <Choices options={yearOptions} value={String(year)} onChange={(value) => setYear(Number(value))} />
      </View>
      {assessment.state.kind === 'loading' ? <LoadingView text='正在加载考核…' /> : null}
      {assessment.state.kind === 'failed' ? <ErrorView error={assessment.state.error} onRetry={() => void assessment.reload()} /> : null}
      {assessment.state.kind === 'loaded'
        ? (() => {
            const view = assessment.state.value
            return (
              <>
                <View className={`card assessment-summary assessment-state--${view.state}`}>
                  <Text className='card-title'>{view.year}年度考核验收</Text>
                  <Text className='assessment-line assessment-state'>状态：{STATE_LABELS[view.state]}</Text>
                  {view.state !== 'none' ? (
                    <Text className='assessment-line assessment-counts'>
                      参评 {view.shops.total} 家，已计算 {view.shops.computed} 家：达标 {view.shops.passed}，未达标 {view.shops.failed}
                    </Text>
                  ) : null}
                  <Text className='assessment-line'>
                    标准：基本项目 100 分，加分最多 {view.standard.bonusCap} 分，合格线 {view.standard.passMark} 分；触及底线一票否决
                  </Text>
                  {view.openedAt ? <Text className='assessment-line'>开启于 {formatShanghaiTime(view.openedAt)}</Text> : null}
                  {view.confirmedAt ? <Text className='assessment-line'>确认于 {formatShanghaiTime(view.confirmedAt)}</Text> : null}
                  <View className='card-actions'>
                    {view.state === 'none' && admin ? (
                      <Button className='open-assessment' type='primary' size='small' loading={busy} onClick={() => void open()}>
                        按默认标准开启考核
                      </Button>
                    ) : null}
                    {view.state === 'computing' ? (
                      <Button className='refresh-assessment' size='small' fill='outline' onClick={() => void assessment.reload()}>
                        刷新计算进度
                      </Button>
                    ) : null}
                    {view.state === 'open' && admin ? (
                      <Button className='confirm-assessment' type='primary' size='small' loading={busy} onClick={() => void confirm(view)}>
                        确认考核结果
                      </Button>
                    ) : null}
                  </View>
                  {view.state === 'none' && !admin ? <Text className='assessment-line'>由县联席会议办公室管理员开启考核。</Text> : null}
                </View>

                {view.state !== 'none' ? (
                  <>
                    <Rollups title='示范行业（市场）建议' rows={view.sectors} className='rollup-sectors' />
                    <Rollups title='示范镇（街道、景区）建议' rows={view.towns} className='rollup-towns' />
                    <View className='page-intro'>
                      <Text className='page-intro-text'>
                        未达标或列入联合惩戒名单的店铺，不得推荐参评文明单位、文明市场、文明诚信经营户、守合同重信用。
                      </Text>
                      <CsvExportActions
                        route={routes.exclusionsCsv}
                        params={{ year: String(year) }}
                        fileName={() => `不得推荐名单-${year}-${shanghaiToday(new Date())}.csv`}
                        className='export-exclusions'
                        label='导出不得推荐名单（CSV）'
                        onNotice={setNotice}
                      />
                    </View>
                    <Text className='section-title'>店铺评分</Text>
                    <View className='filter-row scorecard-filter'>
                      <Choices options={RESULT_FILTERS} value={filter} onChange={setFilter} />
                    </View>
                    <PagedListView list={cards} className='scorecard-list' loadingText='正在加载评分…' emptyTitle='暂无评分' emptyDescription='评分计算完成后显示在这里'>
                      {(items) =>
                        items.map((item) => (
                          <View
                            key={item.id}
                            className={`card scorecard-item scorecard-item--${item.merchant.id}`}
                            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.scorecard, { year: String(year), merchantId: item.merchant.id }) })}
                          >
                            <View className='card-head small-tags'>
                              <Text className='card-title'>{item.merchant.name}</Text>
                              <Tag background={item.passed ? '#1b7d3a' : '#d93026'}>{item.passed ? '达标' : '未达标'}</Tag>
                            </View>
                            <Text className='assessment-line'>
                              {item.merchant.townName} · {item.merchant.sectorLabel} · 总分 {item.total}
                              {item.overridden ? ' · 有调整' : ''}
                              {item.bottomLines > 0 ? ` · 触及底线 ${item.bottomLines} 项` : ''}
                            </Text>
                          </View>
                        ))
                      }
                    </PagedListView>
                  </>
                ) : null}
              </>
            )
          })()
        : null}
    </View>
  )
}

function Rollups({ title, rows, className }: { title: string; rows: AssessmentView['towns']; className: string }) {
  if (rows.length === 0) return null
  return (
    <View className={`card rollups ${className}`}>
      <Text className='card-title'>{title}</Text>
      {rows.map((row) => (
        <View key={row.code} className={`rollup rollup--${row.code} ${row.proposed ? 'rollup--proposed' : ''}`}>
          <Text className='assessment-line rollup-head'>
            {row.proposed ? '【建议】' : ''}
            {row.label}：参评 {row.assessed} 家，达标 {row.passed} 家
          </Text>
          <Text className='assessment-line rollup-reason'>{row.reason}</Text>
        </View>
      ))}
      <Text className='assessment-line'>以上为系统依据评分和指标提出的建议，由联席会议研究决定。</Text>
    </View>
  )
}
