import {
  CalendarYearInput,
  addDays,
  formatShanghaiTime,
  scheduleProblems,
  weekdayOfIsoDate,
  type CalendarOverview,
  type CalendarYearView
} from '@fangxin/shared'

/**
 * The pure half of the holiday-calendar page (admin/pages/calendar): the State Council's notice is read
 * festival by festival — 「春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。」 — so
 * the county office enters it the same way, one row per festival, and this module turns the rows into the
 * per-day schedule the API takes, and every problem (the contract's and the domain's `scheduleProblems`)
 * back onto the row it came from. No Taro here, so unit tests can run it.
 */

/** The festivals every year's notice lists, in its order; `code` names the row's class for styles and tests. */
export const FESTIVALS = [
  { code: 'new_year', name: '元旦' },
  { code: 'spring', name: '春节' },
  { code: 'qingming', name: '清明节' },
  { code: 'labour', name: '劳动节' },
  { code: 'dragon_boat', name: '端午节' },
  { code: 'mid_autumn', name: '中秋节' },
  { code: 'national', name: '国庆节' }
] as const

/** The row's class suffix: the festival's code, or `other` for a name typed in. */
export const festivalCode = (name: string): string => FESTIVALS.find((festival) => festival.name === name.trim())?.code ?? 'other'

/** One festival as the notice gives it, as typed: the texts are kept as written until the form is checked. */
export interface FestivalRow {
  key: string
  name: string
  /** First holiday date, e.g. 「2月15日」 or 「2027-02-15」. */
  from: string
  /** Last holiday date; empty for a single day, a bare day (「23日」) stays in `from`'s month. */
  to: string
  /** The 调休 working days, as listed in the notice: 「2月14日（周六）、2月28日（周六）」. */
  makeUp: string
}

/** The notice the year comes from, as typed. */
export interface EntrySource {
  title: string
  publishedOn: string | undefined
}

/** What is wrong with an entry, where the person must correct it. */
export interface EntryProblems {
  /** By row key, each message once. */
  rows: Record<string, string[]>
  title?: string
  publishedOn?: string
  /** About the year as a whole (no holidays at all, too many days). */
  general: string[]
}

/** Which row each day of the schedule came from, so a problem at `holidays.3.date` finds its row. */
export interface DayOrigins {
  holidays: string[]
  makeUpWorkdays: string[]
}

const pad2 = (n: number) => String(n).padStart(2, '0')

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

/** The title every year's notice has: a fine first value for the field. */
export const noticeTitleOf = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`

function realDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${pad2(month)}-${pad2(day)}`
}

/** Full-width digits and punctuation folded, weekdays in brackets (「（星期六）」) and spaces dropped. */
const tidy = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')

/**
 * A date as people copy it from the notice, in `year`: 「2月15日」, 「2-15」, 「2027-02-15」, 「2027年2月15日」,
 * or a bare day (「23日」) in `month`. A full date keeps the year written (a wrong year is a problem to show,
 * not to correct silently). Undefined when it is not a date.
 */
export function parseDay(text: string, year: number, month?: number): string | undefined {
  const value = tidy(text)
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(value)
  if (full) return realDate(Number(full[1]), Number(full[2]), Number(full[3]))
  const monthDay = /^(\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(value)
  if (monthDay) return realDate(year, Number(monthDay[1]), Number(monthDay[2]))
  const dayOnly = /^(\d{1,2})[日号]?$/.exec(value)
  if (dayOnly && month !== undefined) return realDate(year, month, Number(dayOnly[1]))
  return undefined
}

/** The dates in a list as the notice writes it (「2月14日（周六）、2月28日（周六）上班」), one text per date. */
export function splitDayList(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/上班|调休|和|及/g, '、')
    .split(/[、,，;；\s]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
}

/** Every date from `from` to `to`, both included (none when `to` comes first). */
export function expandRange(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

/** 「2月15日」: the year is the page's. */
export function formatDay(iso: string): string {
  const [, month, day] = iso.split('-').map(Number) as [number, number, number]
  return `${month}月${day}日`
}

/** 「2月15日（周一）」. */
export const formatDayWithWeekday = (iso: string) => `${formatDay(iso)}（${WEEKDAYS[weekdayOfIsoDate(iso)]}）`

/** A row's days, or why they cannot be read (in the words the person will see under the row). */
export function daysOfRow(row: FestivalRow, year: number): { holidays: string[]; makeUp: string[]; problems: string[] } {
  const problems: string[] = []
  const example = `请写作 1月1日 或 ${year}-01-01`
  let holidays: string[] = []
  const fromText = row.from.trim()
  const toText = row.to.trim()
  const from = fromText ? parseDay(fromText, year) : undefined
  if (!fromText) problems.push('请填写放假开始日期（如 1月1日），没有这个节日请删除这一行')
  else if (!from) problems.push(`放假开始日期「${fromText}」无法识别，${example}`)
  if (from) {
    const to = toText ? parseDay(toText, year, Number(from.slice(5, 7))) : from
    if (!to) problems.push(`放假结束日期「${toText}」无法识别，${example}`)
    else if (to < from) problems.push(`放假结束日期 ${to} 早于开始日期 ${from}`)
    else holidays = expandRange(from, to)
  }
  const makeUp: string[] = []
  for (const piece of splitDayList(row.makeUp)) {
    const day = parseDay(piece, year)
    if (day) makeUp.push(day)
    else problems.push(`调休上班日期「${piece}」无法识别，${example}`)
  }
  return { holidays, makeUp, problems }
}

/** In words under the row, once its dates read: 「放假 3 天：1月1日（周五）至1月3日（周日）；调休上班：1月4日（周一）」. */
export function rowSummary(row: FestivalRow, year: number): string | undefined {
  const { holidays, makeUp, problems } = daysOfRow(row, year)
  if (problems.length > 0 || holidays.length === 0) return undefined
  const first = holidays[0]!
  const last = holidays[holidays.length - 1]!
  const span = first === last ? formatDayWithWeekday(first) : `${formatDayWithWeekday(first)}至${formatDayWithWeekday(last)}`
  const work = makeUp.length > 0 ? `；调休上班：${makeUp.map(formatDayWithWeekday).join('、')}` : ''
  return `放假 ${holidays.length} 天：${span}${work}`
}

/** The request the rows make, unchecked, with where each day came from and what could not be read. */
export function draftOf(year: number, rows: readonly FestivalRow[], source: EntrySource, version: number) {
  const origins: DayOrigins = { holidays: [], makeUpWorkdays: [] }
  const holidays: { date: string; name: string }[] = []
  const makeUpWorkdays: { date: string; name: string }[] = []
  const unreadable: Record<string, string[]> = {}
  for (const row of rows) {
    const days = daysOfRow(row, year)
    if (days.problems.length > 0) unreadable[row.key] = days.problems
    const name = row.name.trim()
    for (const date of days.holidays) {
      holidays.push({ date, name })
      origins.holidays.push(row.key)
    }
    for (const date of days.makeUp) {
      makeUpWorkdays.push({ date, name })
      origins.makeUpWorkdays.push(row.key)
    }
  }
  const input = {
    version,
    source: { title: source.title.trim(), ...(source.publishedOn ? { publishedOn: source.publishedOn } : {}) },
    holidays,
    makeUpWorkdays
  }
  return { input, origins, unreadable }
}

const emptyProblems = (): EntryProblems => ({ rows: {}, general: [] })

/**
 * Puts one problem where it belongs: a day's (`holidays.3.date`, `makeUpWorkdays.0.name`) under the row it
 * came from, the notice's under its field, anything else on the year. Used for the checks before sending
 * and for the field the server names in a 400.
 */
export function placeProblem(problems: EntryProblems, origins: DayOrigins, field: string | undefined, message: string): void {
  const [list, index] = (field ?? '').split('.')
  const rowKey = list === 'holidays' || list === 'makeUpWorkdays' ? origins[list][Number(index)] : undefined
  if (rowKey !== undefined && index !== undefined && index !== '') {
    const messages = (problems.rows[rowKey] ??= [])
    if (!messages.includes(message)) messages.push(message)
  } else if (field === 'source.title') {
    problems.title ??= message
  } else if (field === 'source.publishedOn') {
    problems.publishedOn ??= message
  } else if (!problems.general.includes(message)) {
    problems.general.push(message)
  }
}

export const hasProblems = (problems: EntryProblems) =>
  Object.keys(problems.rows).length > 0 || problems.title !== undefined || problems.publishedOn !== undefined || problems.general.length > 0

/**
 * The entry checked whole before anything is sent: dates that cannot be read, the contract's rules (names,
 * the notice's title and date, how many days) and the domain's (`scheduleProblems`: dates in the year, none
 * twice, 调休 on weekends, some holidays) — every problem at once, each at its row or field.
 */
export function checkEntry(
  year: number,
  rows: readonly FestivalRow[],
  source: EntrySource,
  version: number
): { ok: true; input: CalendarYearInput; origins: DayOrigins } | { ok: false; problems: EntryProblems } {
  const { input, origins, unreadable } = draftOf(year, rows, source, version)
  const problems = emptyProblems()
  for (const [key, messages] of Object.entries(unreadable)) problems.rows[key] = [...messages]
  const parsed = CalendarYearInput.safeParse(input)
  if (!parsed.success) for (const issue of parsed.error.issues) placeProblem(problems, origins, issue.path.join('.'), issue.message)
  for (const problem of scheduleProblems(year, input)) placeProblem(problems, origins, problem.field, problem.message)
  if (hasProblems(problems) || !parsed.success) return { ok: false, problems }
  return { ok: true, input: parsed.data, origins }
}

/** A problem the server named (400), placed like the ones found before sending. */
export function problemsFromServer(origins: DayOrigins, field: string | undefined, message: string): EntryProblems {
  const problems = emptyProblems()
  placeProblem(problems, origins, field, message)
  return problems
}

/**
 * A year as rows to correct: consecutive holiday dates of one festival make a row, each 调休 day joins its
 * festival's row. A year nobody has entered yet opens with the seven festivals, dates blank.
 */
export function rowsOfYear(view: Pick<CalendarYearView, 'holidays' | 'makeUpWorkdays'>, newKey: () => string): FestivalRow[] {
  if (view.holidays.length === 0 && view.makeUpWorkdays.length === 0) {
    return FESTIVALS.map((festival) => ({ key: newKey(), name: festival.name, from: '', to: '', makeUp: '' }))
  }
  const spans: { name: string; from: string; to: string; makeUp: string[] }[] = []
  for (const day of [...view.holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = spans[spans.length - 1]
    if (last && last.name === day.name && addDays(last.to, 1) === day.date) last.to = day.date
    else spans.push({ name: day.name, from: day.date, to: day.date, makeUp: [] })
  }
  for (const day of [...view.makeUpWorkdays].sort((a, b) => a.date.localeCompare(b.date))) {
    const span = spans.find((candidate) => candidate.name === day.name)
    if (span) span.makeUp.push(day.date)
    else spans.push({ name: day.name, from: '', to: '', makeUp: [day.date] })
  }
  return spans.map((span) => ({
    key: newKey(),
    name: span.name,
    from: span.from ? formatDay(span.from) : '',
    to: span.to && span.to !== span.from ? formatDay(span.to) : '',
    makeUp: span.makeUp.map(formatDay).join('、')
  }))
}

type YearSummary = CalendarOverview['years'][number]

/** Where a year's schedule comes from, as the page tags it (the description says more). */
export const ORIGIN_LABELS: Record<YearSummary['origin'], string> = {
  library: '库内置',
  staff: '已录入',
  estimated: '未公布'
}

/** A year in the overview, in words: its origin, the notice and version it was entered from, how many days. */
export function describeYear(year: YearSummary): string {
  const days = `放假 ${year.holidayDays} 天，调休上班 ${year.makeUpDays} 天`
  if (year.origin === 'estimated') return '未公布，按周一至周五估算：录入后，未办结投诉的期限自动重新计算'
  if (year.origin === 'library') return `节假日数据库内置 · ${days}`
  const when = year.updatedAt ? `，${formatShanghaiTime(year.updatedAt)} 录入` : ''
  const source = year.source ? `${year.source.title}，` : ''
  return `${source}第 ${year.version} 版${when} · ${days}`
}

/** A recount of open deadlines after an entry, in words. */
export function describeRecomputation(job: CalendarOverview['recomputations'][number]): string {
  return job.state === 'pending'
    ? `正在重新计算未办结投诉的期限：已检查 ${job.checked} 件，已调整 ${job.moved} 件`
    : `${job.year}年安排（第 ${job.version} 版）录入后的期限重新计算已完成：共检查 ${job.checked} 件，调整 ${job.moved} 件`
}

/** The year a coverage warning is about: this year when even it is unknown, else next year. */
export const missingYearOf = (coverage: Pick<CalendarOverview['coverage'], 'currentYear' | 'currentYearKnown' | 'nextYear'>) =>
  coverage.currentYearKnown ? coverage.nextYear : coverage.currentYear
