import {
  checkEntry,
  describeRecomputation,
  describeYear,
  draftOf,
  expandRange,
  festivalCode,
  missingYearOf,
  parseDay,
  problemsFromServer,
  rowSummary,
  rowsOfYear,
  splitDayList,
  type FestivalRow
} from '../src/lib/calendar-entry'

const YEAR = 2027
const SOURCE = { title: '国务院办公厅关于2027年部分节假日安排的通知', publishedOn: '2026-11-20' }

let serial = 0
const key = () => `k${++serial}`
const row = (fields: Partial<FestivalRow> & { key: string }): FestivalRow => ({ name: '', from: '', to: '', makeUp: '', ...fields })

describe('parseDay: dates as people copy them from the State Council notice', () => {
  it('reads month and day in the page’s year, in the notice’s and the ISO forms', () => {
    expect(parseDay('2月15日', YEAR)).toBe('2027-02-15')
    expect(parseDay('2-15', YEAR)).toBe('2027-02-15')
    expect(parseDay('２月１５日', YEAR)).toBe('2027-02-15')
    expect(parseDay(' 1月4日（星期一） ', YEAR)).toBe('2027-01-04')
    expect(parseDay('2027年2月15日', YEAR)).toBe('2027-02-15')
    expect(parseDay('2027-02-15', YEAR)).toBe('2027-02-15')
  })

  it('keeps a year written out, even another one (the check says it is outside the year)', () => {
    expect(parseDay('2026-12-31', YEAR)).toBe('2026-12-31')
  })

  it('reads a bare day in the month it is given (「2月15日至23日」), and nothing else', () => {
    expect(parseDay('23日', YEAR, 2)).toBe('2027-02-23')
    expect(parseDay('23', YEAR, 2)).toBe('2027-02-23')
    expect(parseDay('23日', YEAR)).toBeUndefined()
    expect(parseDay('2月30日', YEAR)).toBeUndefined()
    expect(parseDay('春节', YEAR)).toBeUndefined()
    expect(parseDay('', YEAR)).toBeUndefined()
  })
})

describe('splitDayList', () => {
  it('splits the notice’s list of 调休 days, dropping weekdays in brackets and the word 上班', () => {
    expect(splitDayList('2月14日（星期六）、2月28日（星期六）上班')).toEqual(['2月14日', '2月28日'])
    expect(splitDayList('1月9日, 1月10日')).toEqual(['1月9日', '1月10日'])
    expect(splitDayList('  ')).toEqual([])
  })
})

describe('expandRange', () => {
  it('gives one date per day, both ends included, across a month’s end', () => {
    expect(expandRange('2027-01-30', '2027-02-02')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02'])
    expect(expandRange('2027-01-01', '2027-01-01')).toEqual(['2027-01-01'])
    expect(expandRange('2027-01-03', '2027-01-01')).toEqual([])
  })
})

describe('festival rows → the schedule the API takes', () => {
  const NEW_YEAR = row({ key: 'new-year', name: '元旦', from: '1月1日', to: '3日', makeUp: '1月9日（周六）' })
  const SPRING = row({ key: 'spring', name: '春节', from: '2月6日', to: '2月13日', makeUp: '1月31日、2月20日' })

  it('expands each holiday range into one day per date and lists the make-up days, each under its festival', () => {
    const { input, origins, unreadable } = draftOf(YEAR, [NEW_YEAR, SPRING], SOURCE, 0)
    expect(input.holidays).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
      ...['06', '07', '08', '09', '10', '11', '12', '13'].map((day) => ({ date: `2027-02-${day}`, name: '春节' }))
    ])
    expect(input.makeUpWorkdays).toEqual([
      { date: '2027-01-09', name: '元旦' },
      { date: '2027-01-31', name: '春节' },
      { date: '2027-02-20', name: '春节' }
    ])
    expect(origins.holidays).toEqual([...Array(3).fill('new-year'), ...Array(8).fill('spring')])
    expect(origins.makeUpWorkdays).toEqual(['new-year', 'spring', 'spring'])
    expect(unreadable).toEqual({})
  })

  it('checks a good entry whole and returns the request, with the version read', () => {
    const checked = checkEntry(YEAR, [NEW_YEAR, SPRING], SOURCE, 3)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.input.version).toBe(3)
    expect(checked.input.source).toEqual(SOURCE)
    expect(checked.input.holidays).toHaveLength(11)
    expect(checked.input.makeUpWorkdays).toHaveLength(3)
  })

  it('takes an empty 放假结束 as a single day', () => {
    const { input } = draftOf(YEAR, [row({ key: 'a', name: '清明节', from: '4月5日' })], SOURCE, 0)
    expect(input.holidays).toEqual([{ date: '2027-04-05', name: '清明节' }])
  })

  it('shows every problem at once, each at the row (or field) it belongs to', () => {
    const rows = [
      // A make-up day on a Monday.
      row({ key: 'weekday-makeup', name: '元旦', from: '1月1日', to: '1月3日', makeUp: '1月4日' }),
      // A date already entered above.
      row({ key: 'twice', name: '春节', from: '1月3日', to: '1月3日' }),
      // Dates that cannot be read.
      row({ key: 'unreadable', name: '清明节', from: '4月31日', makeUp: '下周六' }),
      // A date in another year, and the end before the start.
      row({ key: 'other-year', name: '劳动节', from: '2026-12-31' }),
      row({ key: 'backwards', name: '国庆节', from: '10月7日', to: '10月1日' }),
      // No name.
      row({ key: 'nameless', name: ' ', from: '6月1日' })
    ]
    const checked = checkEntry(YEAR, rows, { title: '通知', publishedOn: undefined }, 0)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.problems.rows).toEqual({
      'weekday-makeup': ['调休上班日应为周六或周日，2027-01-04 是周一'],
      twice: ['2027-01-03 已填写过（放假日期），同一天只能填写一次'],
      unreadable: ['放假开始日期「4月31日」无法识别，请写作 1月1日 或 2027-01-01', '调休上班日期「下周六」无法识别，请写作 1月1日 或 2027-01-01'],
      'other-year': ['2026-12-31 不在2027年内'],
      backwards: ['放假结束日期 2027-10-01 早于开始日期 2027-10-07'],
      nameless: ['请填写节日名称']
    })
    expect(checked.problems.title).toBe('通知标题至少 4 个字')
    expect(checked.problems.publishedOn).toBe('请选择通知发布日期')
    expect(checked.problems.general).toEqual([])
  })

  it('says so on the year when nothing is entered at all', () => {
    const checked = checkEntry(YEAR, [], SOURCE, 0)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.problems.rows).toEqual({})
    expect(checked.problems.general).toEqual(['请填写2027年的法定节假日放假日期（一年的安排不会没有节假日）'])
  })

  it('puts the field the server names (400) at the row the day came from', () => {
    const { origins } = draftOf(YEAR, [NEW_YEAR, SPRING], SOURCE, 0)
    expect(problemsFromServer(origins, 'makeUpWorkdays.1.date', '不对')).toEqual({ rows: { spring: ['不对'] }, general: [] })
    expect(problemsFromServer(origins, 'holidays.0.name', '不对')).toEqual({ rows: { 'new-year': ['不对'] }, general: [] })
    expect(problemsFromServer(origins, 'source.title', '不对')).toEqual({ rows: {}, title: '不对', general: [] })
    expect(problemsFromServer(origins, 'version', '请刷新')).toEqual({ rows: {}, general: ['请刷新'] })
    expect(problemsFromServer(origins, undefined, '有误')).toEqual({ rows: {}, general: ['有误'] })
  })

  it('sums a row up in words once its dates read', () => {
    expect(rowSummary(NEW_YEAR, YEAR)).toBe('放假 3 天：1月1日（周五）至1月3日（周日）；调休上班：1月9日（周六）')
    expect(rowSummary(row({ key: 'x', name: '清明节', from: '4月5日' }), YEAR)).toBe('放假 1 天：4月5日（周一）')
    expect(rowSummary(row({ key: 'x', name: '清明节', from: '4月' }), YEAR)).toBeUndefined()
  })

  it('names the row’s class after the festival, or `other`', () => {
    expect(festivalCode('春节')).toBe('spring')
    expect(festivalCode(' 国庆节 ')).toBe('national')
    expect(festivalCode('抗战胜利纪念日')).toBe('other')
  })
})

describe('a year read back as rows', () => {
  it('opens a year nobody has entered with the seven festivals, dates blank', () => {
    const rows = rowsOfYear({ holidays: [], makeUpWorkdays: [] }, key)
    expect(rows.map((entry) => entry.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'])
    expect(rows.every((entry) => entry.from === '' && entry.to === '' && entry.makeUp === '')).toBe(true)
  })

  it('groups consecutive days of a festival into one row, with its make-up days, and reproduces the same schedule', () => {
    const view = {
      holidays: [
        { date: '2024-02-10', name: '春节' },
        { date: '2024-02-11', name: '春节' },
        { date: '2024-02-12', name: '春节' },
        { date: '2024-01-01', name: '元旦' },
        { date: '2024-04-04', name: '清明节' }
      ],
      makeUpWorkdays: [
        { date: '2024-02-18', name: '春节' },
        { date: '2024-02-04', name: '春节' }
      ]
    }
    const rows = rowsOfYear(view, key)
    expect(rows.map(({ name, from, to, makeUp }) => ({ name, from, to, makeUp }))).toEqual([
      { name: '元旦', from: '1月1日', to: '', makeUp: '' },
      { name: '春节', from: '2月10日', to: '2月12日', makeUp: '2月4日、2月18日' },
      { name: '清明节', from: '4月4日', to: '', makeUp: '' }
    ])
    const checked = checkEntry(2024, rows, { title: '国务院办公厅关于2024年部分节假日安排的通知', publishedOn: '2023-10-25' }, 1)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    const byDate = (days: readonly { date: string }[]) => [...days].sort((a, b) => a.date.localeCompare(b.date))
    expect(byDate(checked.input.holidays)).toEqual(byDate(view.holidays))
    expect(byDate(checked.input.makeUpWorkdays)).toEqual(byDate(view.makeUpWorkdays))
  })
})

describe('the overview in words', () => {
  it('says where each year comes from', () => {
    expect(describeYear({ year: 2026, origin: 'library', version: 0, holidayDays: 33, makeUpDays: 6 })).toBe('节假日数据库内置 · 放假 33 天，调休上班 6 天')
    expect(describeYear({ year: 2027, origin: 'estimated', version: 0, holidayDays: 0, makeUpDays: 0 })).toBe(
      '未公布，按周一至周五估算：录入后，未办结投诉的期限自动重新计算'
    )
    expect(
      describeYear({ year: 2027, origin: 'staff', version: 2, source: SOURCE, updatedAt: '2026-11-29T02:00:00.000Z', holidayDays: 11, makeUpDays: 3 })
    ).toBe('国务院办公厅关于2027年部分节假日安排的通知，第 2 版，2026-11-29 10:00 录入 · 放假 11 天，调休上班 3 天')
  })

  it('counts a recount in progress, and says when it is done', () => {
    expect(describeRecomputation({ year: 2027, version: 1, state: 'pending', checked: 12, moved: 3 })).toBe('正在重新计算未办结投诉的期限：已检查 12 件，已调整 3 件')
    expect(describeRecomputation({ year: 2027, version: 1, state: 'done', checked: 40, moved: 7 })).toBe(
      '2027年安排（第 1 版）录入后的期限重新计算已完成：共检查 40 件，调整 7 件'
    )
  })
})

describe('missingYearOf', () => {
  it('names this year when even it is unknown, else next year', () => {
    expect(missingYearOf({ currentYear: 2026, currentYearKnown: true, nextYear: 2027 })).toBe(2027)
    expect(missingYearOf({ currentYear: 2027, currentYearKnown: false, nextYear: 2028 })).toBe(2027)
  })
})
