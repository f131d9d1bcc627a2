import {
  LIBRARY_CALENDAR,
  calendarCoverage,
  isWorkingDate,
  knowsYear,
  mergeCalendar,
  scheduleProblems,
  staffYear,
  type CalendarYear,
} from '../src/domain/calendar';
import { computeDeadline, dueAt } from '../src/domain/clock';
import { DEFAULT_CLOCK_RULES } from '../src/domain/clock-rules';
import { deadlineFrom } from '../src/domain/lifecycle';
import chineseDays from 'chinese-days/dist/chinese-days.json';

/** An instant given as Shanghai wall-clock time. */
const at = (shanghaiLocal: string): Date => new Date(`${shanghaiLocal}+08:00`);
const endOf = (day: string) => at(`${day}T23:59:59.999`);

/**
 * A test schedule for 2027, shaped like a State Council notice (元旦 1 January; 春节 with weekend 调休). It is
 * not the real 2027 schedule — staff enter that when it is published.
 */
const TEST_2027 = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, name: '春节' })),
  ],
  makeUpWorkdays: [
    { date: '2027-01-09', name: '元旦' }, // a Saturday
    { date: '2027-02-14', name: '春节' }, // a Sunday
  ],
};
const staff2027: CalendarYear = staffYear(2027, TEST_2027, { version: 1, source: { title: '测试用2027年节假日安排', publishedOn: '2026-11-20' } });
const merged = mergeCalendar([staff2027]);

describe('the merged working-day calendar', () => {
  it('knows what the library knows, and a staff year on top of it', () => {
    expect(knowsYear(LIBRARY_CALENDAR, 2026)).toBe(true);
    expect(knowsYear(LIBRARY_CALENDAR, 2027)).toBe(false);
    expect(knowsYear(merged, 2026)).toBe(true);
    expect(knowsYear(merged, 2027)).toBe(true);
    expect(knowsYear(merged, 2028)).toBe(false);
  });

  it('reads the library’s holidays and 调休 days for a year staff did not enter (2026)', () => {
    expect(isWorkingDate(merged, '2026-01-01')).toBe(false); // 元旦
    expect(isWorkingDate(merged, '2026-01-04')).toBe(true); // a Sunday worked in lieu
    expect(isWorkingDate(merged, '2026-02-16')).toBe(false); // 春节
    expect(isWorkingDate(merged, '2026-03-02')).toBe(true); // an ordinary Monday
  });

  it('reads the staff year for 2027: holidays off, make-up weekends on', () => {
    expect(isWorkingDate(merged, '2027-01-01')).toBe(false); // a Friday holiday
    expect(isWorkingDate(merged, '2027-01-09')).toBe(true); // a Saturday worked in lieu
    expect(isWorkingDate(merged, '2027-02-08')).toBe(false); // a Monday of 春节
    expect(isWorkingDate(merged, '2027-01-04')).toBe(true); // an ordinary Monday
  });

  it('a year nobody knows is plain Monday–Friday', () => {
    expect(isWorkingDate(LIBRARY_CALENDAR, '2027-01-01')).toBe(true); // 元旦 on a Friday counts as working: an estimate
    expect(isWorkingDate(merged, '2028-01-01')).toBe(false); // a Saturday
    expect(isWorkingDate(merged, '2028-01-03')).toBe(true); // a Monday
  });

  it('reads each year out of the library’s table whole: every holiday and 调休 day, under its Chinese name, and no other', () => {
    const table = { holidays: chineseDays.holidays as Record<string, string>, makeUpWorkdays: chineseDays.workdays as Record<string, string> };
    const years = new Set(Object.keys({ ...table.holidays, ...table.makeUpWorkdays }).map((date) => Number(date.slice(0, 4))));
    expect(years.size).toBeGreaterThan(20);
    for (const year of years) {
      const entries = (kind: keyof typeof table) =>
        Object.fromEntries(Object.entries(table[kind]).filter(([date]) => date.startsWith(`${year}-`)).map(([date, entry]) => [date, entry.split(',')[1]]));
      // Asked twice: the second answer is the one kept from the first.
      for (let ask = 0; ask < 2; ask++) {
        expect(LIBRARY_CALENDAR.year(year)).toEqual({ year, holidays: entries('holidays'), makeUpWorkdays: entries('makeUpWorkdays'), origin: 'library' });
      }
    }
    expect(LIBRARY_CALENDAR.year(Math.min(...years) - 1)).toBeUndefined();
    expect(LIBRARY_CALENDAR.year(Math.max(...years) + 1)).toBeUndefined();
    expect(LIBRARY_CALENDAR.year(2026)?.holidays['2026-02-17']).toBe('春节');
  });

  it('a staff year replaces the library’s year whole (a correction removes a day the library had)', () => {
    const corrected = staffYear(2026, { holidays: [{ date: '2026-01-01', name: '元旦' }], makeUpWorkdays: [] }, { version: 3, source: { title: '更正', publishedOn: '2026-01-01' } });
    const calendar = mergeCalendar([corrected]);
    expect(isWorkingDate(calendar, '2026-01-02')).toBe(true); // the library's holiday, gone
    expect(isWorkingDate(calendar, '2026-01-04')).toBe(false); // its make-up Sunday, gone
    expect(isWorkingDate(calendar, '2026-01-01')).toBe(false);
  });
});

describe('the case that started it: a complaint escalated on 2026-12-30 (accept decision, 3 working days)', () => {
  const escalatedAt = at('2026-12-30T10:00');
  const threeWorkingDays = { amount: 3, unit: 'working_days' } as const;

  it('before 2027 is entered: counted Monday–Friday through 元旦, and flagged as an estimate', () => {
    const counted = computeDeadline(escalatedAt, threeWorkingDays, LIBRARY_CALENDAR);
    // 31 Dec, then 1 Jan (元旦, unknown so counted) and 4 Jan.
    expect(counted.dueAt).toEqual(endOf('2027-01-04'));
    expect(counted.estimatedYears).toEqual([2027]);
  });

  it('after a 2027 schedule is entered: 元旦 and its weekend skipped, not an estimate', () => {
    const counted = computeDeadline(escalatedAt, threeWorkingDays, merged);
    // 31 Dec, 4 Jan, 5 Jan.
    expect(counted.dueAt).toEqual(endOf('2027-01-05'));
    expect(counted.estimatedYears).toEqual([]);
  });

  it('the lifecycle’s own clock (7 working days, Order 121) carries the estimate and what it was counted from', () => {
    const before = deadlineFrom('accept_decision', escalatedAt, DEFAULT_CLOCK_RULES);
    expect(before).toEqual({
      kind: 'accept_decision',
      dueAt: endOf('2027-01-08').toISOString(),
      startedAt: escalatedAt.toISOString(),
      duration: { amount: 7, unit: 'working_days' },
      estimatedYears: [2027],
    });
    const after = deadlineFrom('accept_decision', escalatedAt, DEFAULT_CLOCK_RULES, merged);
    // 31 Dec, 4–8 Jan, and Saturday 9 Jan worked in lieu: the seventh working day.
    expect(after.dueAt).toBe(endOf('2027-01-09').toISOString());
    expect(after.estimatedYears).toBeUndefined();
  });
});

describe('estimated deadlines', () => {
  it('a deadline that runs through an unknown year is flagged, even if it ends in a known one', () => {
    const calendar = mergeCalendar([staffYear(2028, { holidays: [{ date: '2028-01-01', name: '元旦' }], makeUpWorkdays: [] }, { version: 1, source: { title: 't', publishedOn: '2027-11-01' } })]);
    // 60 natural days from 1 December 2027 end in January 2028 (known) but run through unknown December 2027.
    expect(computeDeadline(at('2027-12-01T10:00'), { amount: 60, unit: 'days' }, calendar).estimatedYears).toEqual([2027]);
  });

  it('a deadline entirely inside known years is not flagged; hours never depend on the calendar', () => {
    expect(computeDeadline(at('2026-06-08T10:00'), { amount: 45, unit: 'working_days' }).estimatedYears).toEqual([]);
    expect(computeDeadline(at('2026-12-31T10:00'), { amount: 48, unit: 'hours' }).estimatedYears).toEqual([]);
  });

  it('dueAt is computeDeadline’s instant', () => {
    expect(dueAt(at('2026-12-30T10:00'), { amount: 3, unit: 'working_days' }, merged)).toEqual(endOf('2027-01-05'));
  });
});

describe('coverage warning', () => {
  it('from 1 November, next year unknown → warn; entered → no warning', () => {
    expect(calendarCoverage(LIBRARY_CALENDAR, '2026-10-31').warn).toBe(false);
    const november = calendarCoverage(LIBRARY_CALENDAR, '2026-11-01');
    expect(november).toMatchObject({ currentYear: 2026, nextYear: 2027, nextYearKnown: false, warn: true });
    expect(november.message).toContain('2027');
    expect(calendarCoverage(merged, '2026-11-29')).toEqual({ currentYear: 2026, currentYearKnown: true, nextYear: 2027, nextYearKnown: true, warn: false });
  });

  it('the current year unknown → warn at once, whatever the month', () => {
    const january = calendarCoverage(LIBRARY_CALENDAR, '2027-01-10');
    expect(january).toMatchObject({ currentYearKnown: false, warn: true });
    expect(january.message).toContain('2027');
  });
});

describe('an entered schedule is checked before it is kept', () => {
  it('a clean schedule has no problems', () => {
    expect(scheduleProblems(2027, TEST_2027)).toEqual([]);
  });

  it.each([
    ['a year with no holidays', { holidays: [], makeUpWorkdays: [] }, { field: 'holidays', message: '请填写2027年的法定节假日放假日期（一年的安排不会没有节假日）' }],
    ['a date of another year', { holidays: [{ date: '2026-10-01', name: '国庆节' }], makeUpWorkdays: [] }, { field: 'holidays.0.date', message: '2026-10-01 不在2027年内' }],
    ['a date twice in the holidays', { holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [] }, { field: 'holidays.1.date', message: '2027-01-01 已填写过（放假日期），同一天只能填写一次' }],
    ['a date both off and worked', { holidays: [{ date: '2027-01-02', name: '元旦' }], makeUpWorkdays: [{ date: '2027-01-02', name: '元旦' }] }, { field: 'makeUpWorkdays.0.date', message: '2027-01-02 已填写过（放假日期），同一天只能填写一次' }],
    ['a make-up working day on a weekday', { holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [{ date: '2027-01-05', name: '元旦' }] }, { field: 'makeUpWorkdays.0.date', message: '调休上班日应为周六或周日，2027-01-05 是周二' }],
  ])('%s', (_name, schedule, first) => {
    expect(scheduleProblems(2027, schedule)[0]).toEqual(first);
  });
});
