// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { isCountyAdmin, routes, type CalendarOverview, type CalendarYearView } from '@fangxin/shared'
import { call, toApiError, type ApiError } from '@/api/client'
import { Choices } from '@/components/choices'
import { DateField } from '@/components/date-field'
import { ErrorView, FieldError, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import {
  FESTIVALS,
  ORIGIN_LABELS,
  checkEntry,
  describeRecomputation,
  describeYear,
  festivalCode,
  missingYearOf,
  noticeTitleOf,
  problemsFromServer,
  rowSummary,
  rowsOfYear,
  type EntryProblems,
  type FestivalRow
} from '@/lib/calendar-entry'
import { decodedParam } from '@/lib/decode'
import { afterFailedLoad, beforeReload } from '@/lib/load-state'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { addDays, shanghaiToday } from '@/lib/time'
import { tellReloadFailed } from '@/lib/use-load'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

type Loadable<T> = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; value: T }

const ORIGIN_COLORS: Record<CalendarYearView['origin'], string> = {
  library: '#666666',
  staff: '#1b7d3a',
  estimated: '#a66a00'
}

let rowSerial = 0
/** A key per festival row, stable while the person edits (problems are kept by it). */
const newRowKey = () => `row-${++rowSerial}`

/**
 * 节假日安排: the working-day calendar the statutory clocks count on. Every staff member sees whether next
 * year is covered, each year's origin (the holiday library, the office's entry with its notice and version,
 * or an estimate on Monday–Friday) and the recounts of open deadlines an entry started. County admins enter
 * or correct a year from the State Council's notice, festival by festival; everything is checked before it
 * is sent, and an entry made meanwhile by someone else is never overwritten (409, reload).
 */
export default function CalendarPage() {
  const session = useRequiredSession()
  const { params } = useRouter()
  const askedYear = Number(decodedParam(params.year)) || undefined
  const [overview, setOverview] = useState<Loadable<CalendarOverview>>({ kind: 'loading' })
  const [year, setYear] = useState<number | undefined>(askedYear)
  const [notice, setNotice] = useState<Notice>()
  const staffSignedIn = isStaffUser(session?.user)
  const shownOverview = useRef(overview)
  shownOverview.current = overview

  // A failed refresh (pull-down, or after a save) keeps the page — and the year being typed in under it —
  // and says so in a toast; only a failed first load shows the error, and 重试 there shows loading again.
  const loadOverview = useCallback(async () => {
    setOverview(beforeReload)
    try {
      setOverview({ kind: 'loaded', value: await call(routes.calendar, {}) })
    } catch (raw) {
      const error = toApiError(raw)
      if (shownOverview.current.kind === 'loaded') tellReloadFailed(error)
      setOverview((previous) => afterFailedLoad(previous, error))
    }
  }, [])

  useEffect(() => {
    if (staffSignedIn) void loadOverview()
  }, [staffSignedIn, loadOverview])

  usePullDownRefresh(() => {
    void loadOverview().finally(() => Taro.stopPullDownRefresh())
  })

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看节假日安排。' />
  if (overview.kind === 'loading') return <LoadingView text='正在加载节假日安排…' />
  if (overview.kind === 'failed') return <ErrorView error={overview.error} onRetry={() => void loadOverview()} />

  const { coverage, years, recomputations } = overview.value
  const mayEnter = isCountyAdmin(session.user.roles.staff)
  // Opened without a year: the one the warning is about, if any.
  const editing = year ?? (coverage.warn ? missingYearOf(coverage) : undefined)
  const choosable = [...new Set([...years.map((entry) => entry.year), ...(askedYear ? [askedYear] : [])])].sort((a, b) => a - b)

  return (
    <View className='page calendar-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className={`page-intro ${coverage.warn ? 'page-intro--warn' : ''}`}>
        <Text className='page-intro-text calendar-coverage-text'>
          {coverage.warn && coverage.message
            ? coverage.message
            : `法定期限按国务院公布的节假日安排（含调休）计算。${coverage.currentYear}年和${coverage.nextYear}年的安排均已具备。`}
        </Text>
      </View>

      {recomputations.length > 0 ? (
        <View className='calendar-recomputations'>
          {recomputations.map((job) => (
            <Text key={`${job.year}-${job.version}`} className={`calendar-recomputation calendar-recomputation--${job.state}`}>
              {describeRecomputation(job)}
            </Text>
          ))}
        </View>
      ) : null}

      <CellGroup title='各年份节假日安排' className='calendar-years'>
        {years.map((entry) => (
          <Cell
            key={entry.year}
            className={`calendar-year calendar-year-${entry.year} calendar-year--${entry.origin}`}
            title={
              <View className='calendar-year-title small-tags'>
                <Text className='calendar-year-number'>{entry.year}年</Text>
                <Tag className='calendar-year-origin' background={ORIGIN_COLORS[entry.origin]}>
                  {ORIGIN_LABELS[entry.origin]}
                </Tag>
              </View>
            }
            description={describeYear(entry)}
            {...(mayEnter ? { clickable: true, extra: entry.origin === 'estimated' ? '录入' : '更正', onClick: () => setYear(entry.year) } : {})}
          />
        ))}
      </CellGroup>

      {mayEnter ? (
        <View className='calendar-entry'>
          <Text className='calendar-section-title'>录入或更正</Text>
          <View className='calendar-year-choice field-block'>
            <Text className='field-label'>年份</Text>
            <Choices
              options={choosable.map((option) => ({ value: String(option), label: `${option}年` }))}
              value={editing ? String(editing) : undefined}
              onChange={(picked) => setYear(Number(picked))}
            />
          </View>
          {editing ? (
            <YearEditor
              key={editing}
              year={editing}
              onNotice={setNotice}
              onSaved={(saved) => {
                setNotice({
                  kind: 'success',
                  text: `已保存${saved.year}年节假日安排（第 ${saved.version} 版）。未办结投诉的期限将按新安排重新计算。`
                })
                void loadOverview()
                void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
              }}
            />
          ) : (
            <Text className='calendar-hint'>请选择要录入或更正的年份。</Text>
          )}
        </View>
      ) : (
        <View className='page-intro calendar-readonly'>
          <Text className='page-intro-text calendar-readonly-note'>只有县级管理员可以录入或更正节假日安排。如发现有误，请联系联席会议办公室。</Text>
        </View>
      )}
    </View>
  )
}

const PUBLISHED_QUICK = [
  { code: 'today', label: '今天', offset: 0 },
  { code: 'yesterday', label: '昨天', offset: -1 }
] as const

/**
 * One year's schedule as rows to edit — loaded from what the server has (the office's entry, else the
 * library's, else the seven festivals blank) — the notice it comes from, and 保存 with the version read.
 * Every problem shows at once next to its row; once the person has tried to save, they are checked again
 * as they type, so each disappears when fixed.
 */
function YearEditor({
  year,
  onNotice,
  onSaved
}: {
  year: number
  onNotice: (notice: Notice | undefined) => void
  onSaved: (saved: CalendarYearView) => void
}) {
  const [loaded, setLoaded] = useState<Loadable<CalendarYearView>>({ kind: 'loading' })
  const [rows, setRows] = useState<FestivalRow[]>([])
  const [title, setTitle] = useState('')
  const [publishedOn, setPublishedOn] = useState<string>()
  const [tried, setTried] = useState(false)
  const [serverProblems, setServerProblems] = useState<EntryProblems>()
  const [saving, setSaving] = useState(false)

  const show = (view: CalendarYearView) => {
    setLoaded({ kind: 'loaded', value: view })
    setRows(rowsOfYear(view, newRowKey))
    setTitle(view.source?.title ?? noticeTitleOf(year))
    setPublishedOn(view.source?.publishedOn)
    setTried(false)
    setServerProblems(undefined)
  }

  const load = useCallback(async () => {
    setLoaded({ kind: 'loading' })
    try {
      show(await call(routes.calendarYear, { params: { year } }))
    } catch (error) {
      setLoaded({ kind: 'failed', error: toApiError(error) })
    }
  }, [year])

  useEffect(() => {
    void load()
  }, [load])

  if (loaded.kind === 'loading') return <LoadingView text={`正在读取${year}年安排…`} />
  if (loaded.kind === 'failed') return <ErrorView error={loaded.error} onRetry={() => void load()} />
  const view = loaded.value

  const source = { title, publishedOn }
  const checked = tried ? checkEntry(year, rows, source, view.version) : undefined
  const problems = serverProblems ?? (checked && !checked.ok ? checked.problems : undefined)

  const edit = (change: () => void) => {
    change()
    setServerProblems(undefined)
  }
  const setRow = (key: string, patch: Partial<FestivalRow>) =>
    edit(() => setRows((previous) => previous.map((row) => (row.key === key ? { ...row, ...patch } : row))))
  const removeRow = (key: string) => edit(() => setRows((previous) => previous.filter((row) => row.key !== key)))
  const addRow = (name: string) => edit(() => setRows((previous) => [...previous, { key: newRowKey(), name, from: '', to: '', makeUp: '' }]))

  const save = async () => {
    if (saving) return
    setTried(true)
    setServerProblems(undefined)
    onNotice(undefined)
    const result = checkEntry(year, rows, source, view.version)
    if (!result.ok) {
      onNotice({ kind: 'error', text: '还有需要修改的地方，请按各项下方的提示修改后再保存' })
      return
    }
    setSaving(true)
    try {
      const saved = await call(routes.putCalendarYear, { params: { year }, body: result.input })
      show(saved)
      onSaved(saved)
    } catch (error) {
      const failure = toApiError(error)
      if (failure.code === 'CONFLICT') {
        // Someone else saved this year since it was read: show theirs rather than overwrite it.
        onNotice({ kind: 'error', text: failure.message })
        await load()
      } else if (failure.code === 'INVALID') {
        setServerProblems(problemsFromServer(result.origins, failure.field, failure.message))
      } else {
        onNotice({ kind: 'error', text: failure.message })
      }
    } finally {
      setSaving(false)
    }
  }

  const today = shanghaiToday(new Date())
  const earliest = `${year - 2}-01-01`
  const unused = FESTIVALS.filter((festival) => !rows.some((row) => row.name.trim() === festival.name))

  return (
    <View className='calendar-editor form-page'>
      <View className='page-intro'>
        <Text className='page-intro-text calendar-editor-state'>
          {view.origin === 'staff'
            ? `${year}年已录入（第 ${view.version} 版），可以更正。`
            : view.origin === 'library'
              ? `${year}年目前使用节假日数据库内置的安排，已填入下方，可按国务院通知核对更正。`
              : `${year}年尚未录入，期限暂按周一至周五估算。`}
          按国务院办公厅通知逐个节日填写放假起止日期和调休上班日期；日期可写作「1月1日」或「{year}-01-01」。
        </Text>
      </View>

      <LineField
        className='field-source-title'
        label='通知标题'
        required
        value={title}
        maxLength={100}
        placeholder={noticeTitleOf(year)}
        clearable
        onChange={(value) => edit(() => setTitle(value))}
        error={problems?.title}
      />
      <View className='field-block field-source-published'>
        <Text className='field-label field-label--required'>通知发布日期</Text>
        <DateField
          title='通知发布日期'
          value={publishedOn}
          onChange={(value) => edit(() => setPublishedOn(value))}
          today={today}
          quick={PUBLISHED_QUICK}
          min={earliest < today ? earliest : addDays(today, -365)}
          max={today}
        />
        <FieldError message={problems?.publishedOn} />
      </View>

      <Text className='calendar-section-title'>各节日放假安排</Text>
      {rows.map((row) => (
        <FestivalRowEditor
          key={row.key}
          row={row}
          year={year}
          problems={problems?.rows[row.key] ?? []}
          onChange={(patch) => setRow(row.key, patch)}
          onRemove={() => removeRow(row.key)}
        />
      ))}

      <View className='calendar-add-festival small-tags'>
        <Text className='field-label'>添加节日</Text>
        <View className='calendar-add-tags'>
          {unused.map((festival) => (
            <Tag key={festival.code} className={`add-festival add-festival-${festival.code}`} plain type='primary' onClick={() => addRow(festival.name)}>
              {festival.name}
            </Tag>
          ))}
          <Tag className='add-festival add-festival-other' plain type='primary' onClick={() => addRow('')}>
            其他节日
          </Tag>
        </View>
      </View>

      {problems && problems.general.length > 0 ? (
        <View className='form-error calendar-form-problems'>
          {problems.general.map((message) => (
            <Text key={message} className='form-error-text'>
              {message}
            </Text>
          ))}
        </View>
      ) : null}

      <View className='form-actions'>
        <Text className='calendar-save-note'>保存后，未办结投诉中尚未到期的期限将按新安排重新计算；已经到期的不再变动。</Text>
        <Button className='save-calendar' type='primary' block loading={saving} onClick={() => void save()}>
          保存{year}年安排
        </Button>
      </View>
    </View>
  )
}

/** One festival: its name, the holiday's first and last day, its 调休 working days, and what they add up to. */
function FestivalRowEditor({
  row,
  year,
  problems,
  onChange,
  onRemove
}: {
  row: FestivalRow
  year: number
  problems: readonly string[]
  onChange: (patch: Partial<FestivalRow>) => void
  onRemove: () => void
}) {
  const summary = rowSummary(row, year)
  return (
    <View className={`festival-row festival-row--${festivalCode(row.name)} ${problems.length > 0 ? 'festival-row--problem' : ''}`}>
      <View className='festival-row-head'>
        <LineField
          className='field-festival-name'
          label='节日'
          required
          value={row.name}
          maxLength={20}
          placeholder='如 春节'
          onChange={(name) => onChange({ name })}
          error={undefined}
        />
        <Button className='remove-festival' size='small' fill='none' type='danger' onClick={onRemove}>
          删除
        </Button>
      </View>
      <View className='festival-row-dates'>
        <LineField
          className='field-festival-from'
          label='放假开始'
          required
          value={row.from}
          maxLength={20}
          placeholder='如 2月15日'
          onChange={(from) => onChange({ from })}
          error={undefined}
        />
        <LineField
          className='field-festival-to'
          label='放假结束'
          value={row.to}
          maxLength={20}
          placeholder='如 2月23日；只放一天可不填'
          onChange={(to) => onChange({ to })}
          error={undefined}
        />
      </View>
      <LineField
        className='field-festival-makeup'
        label='调休上班日期'
        value={row.makeUp}
        maxLength={100}
        placeholder='如 2月14日、2月28日；没有可不填'
        onChange={(makeUp) => onChange({ makeUp })}
        error={undefined}
      />
      {summary ? <Text className='festival-row-summary'>{summary}</Text> : null}
      {problems.map((message) => (
        <Text key={message} className='field-error festival-row-problem'>
          {message}
        </Text>
      ))}
    </View>
  )
}
