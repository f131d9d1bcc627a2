// The holiday library's table (chinese-days), generated into a compact form by scripts/calendar/holiday-table.ts.
// Not the library's query functions: those parse 'YYYY-MM-DD' as UTC midnight and then read local-time
// fields, so in any zone west of UTC they answer wrongly. Reading the table and doing the weekday arithmetic
// ourselves keeps every answer independent of the machine's time zone.
import { HOLIDAY_TABLE } from './holiday-table';

/**
 * The working-day calendar the statutory clocks count on: the State Council's holidays and 调休 make-up
 * working days, year by year. Two sources, merged: the holiday library (chinese-days, which knows the years
 * published before its release) and the schedules the county office enters itself when the State Council
 * publishes next year's (each November or December) — a staff year replaces the library's year whole.
 *
 * A year neither source knows is *estimated*: plain Monday–Friday. Deadlines that fall in or run through
 * such a year say so (clock.ts), and the office is warned from 1 November when next year is missing.
 *
 * Pure: no reads, no clock. The functions build one calendar per container and cache it (store/calendar.ts).
 */

/** One year's schedule: holiday dates and make-up working days (both `YYYY-MM-DD` → the festival's name). */
export interface CalendarYear {
  year: number;
  holidays: Readonly<Record<string, string>>;
  makeUpWorkdays: Readonly<Record<string, string>>;
  /** `library`: chinese-days; `staff`: entered by the county office (then `version` and the notice it came from). */
  origin: 'library' | 'staff';
  version?: number;
  source?: { title: string; publishedOn: string };
}

export interface WorkingCalendar {
  /** The schedule the calendar holds for `year`; undefined when neither source knows the year. */
  year(year: number): CalendarYear | undefined;
}

const DAY_MS = 86_400_000;

/** `名称 MMDD[-MMDD] …; 名称 …` (holiday-table.ts) → `YYYY-MM-DD` → 名称, every day of every span. */
function expandDays(year: number, encoded: string): Record<string, string> {
  const days: Record<string, string> = {};
  const dayOf = (monthDay: string) => Date.UTC(year, Number(monthDay.slice(0, 2)) - 1, Number(monthDay.slice(2)));
  for (const group of encoded.split('; ')) {
    const [name, ...spans] = group.split(' ');
    if (!name) continue;
    for (const span of spans) {
      const [from, to = from] = span.split('-') as [string, string?];
      for (let day = dayOf(from); day <= dayOf(to); day += DAY_MS) days[new Date(day).toISOString().slice(0, 10)] = name;
    }
  }
  return days;
}

/** One year of the library's table, or undefined when the library has no entry in that year. */
function libraryYear(year: number): CalendarYear | undefined {
  const entry = HOLIDAY_TABLE[year];
  if (!entry) return undefined;
  return { year, holidays: expandDays(year, entry[0]), makeUpWorkdays: expandDays(year, entry[1]), origin: 'library' };
}

/**
 * The library's calendar. A year is read out of the table the first time something asks for it, then kept:
 * a function counts deadlines in this year and the next, and has no use for the other twenty it would
 * otherwise build on every cold start.
 */
function libraryCalendar(): WorkingCalendar {
  const years = new Map<number, CalendarYear | undefined>();
  return {
    year(year) {
      if (!years.has(year)) years.set(year, libraryYear(year));
      return years.get(year);
    },
  };
}

/** The library's calendar alone (holiday-table.ts says which release: chinese-days 1.5.7 knows 2004–2026). */
// Marked pure so bundlers drop the table from code that never counts working days (the app's main package).
export const LIBRARY_CALENDAR: WorkingCalendar = /*#__PURE__*/ Object.freeze(/*#__PURE__*/ libraryCalendar());

/** The library's calendar with the office's years laid over it: a staff year replaces the library's whole. */
export function mergeCalendar(staffYears: readonly CalendarYear[], base: WorkingCalendar = LIBRARY_CALENDAR): WorkingCalendar {
  const staff = new Map(staffYears.map((year) => [year.year, year]));
  return { year: (year) => staff.get(year) ?? base.year(year) };
}

export const knowsYear = (calendar: WorkingCalendar, year: number): boolean => calendar.year(year) !== undefined;

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` date (UTC arithmetic: no time zone involved). */
export function weekdayOfIsoDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * A working day per the calendar: a 调休 make-up day (even a weekend) is one, a statutory holiday is not,
 * otherwise Monday–Friday — which is also the whole answer for a year the calendar does not know.
 */
export function isWorkingDate(calendar: WorkingCalendar, iso: string): boolean {
  const year = calendar.year(Number(iso.slice(0, 4)));
  if (year?.makeUpWorkdays[iso] !== undefined) return true;
  if (year?.holidays[iso] !== undefined) return false;
  const weekday = weekdayOfIsoDate(iso);
  return weekday >= 1 && weekday <= 5;
}

/** Whether next year's schedule is known, and whether the office should be warned now (from 1 November). */
export interface CalendarCoverage {
  currentYear: number;
  currentYearKnown: boolean;
  nextYear: number;
  nextYearKnown: boolean;
  /** Shown to admins, logged by the sweeper: this year unknown, or next year unknown from 1 November. */
  warn: boolean;
  /** In words, for the banner; absent when there is nothing to warn about. */
  message?: string;
}

/** `today` is the Shanghai date `YYYY-MM-DD`. */
export function calendarCoverage(calendar: WorkingCalendar, today: string): CalendarCoverage {
  const currentYear = Number(today.slice(0, 4));
  const nextYear = currentYear + 1;
  const currentYearKnown = knowsYear(calendar, currentYear);
  const nextYearKnown = knowsYear(calendar, nextYear);
  const lateInYear = today.slice(5) >= '11-01';
  const missing = !currentYearKnown ? currentYear : lateInYear && !nextYearKnown ? nextYear : undefined;
  return {
    currentYear,
    currentYearKnown,
    nextYear,
    nextYearKnown,
    warn: missing !== undefined,
    ...(missing !== undefined
      ? { message: `尚未录入${missing}年节假日安排：跨入${missing}年的法定期限暂按周一至周五估算。国务院公布后，请在「节假日安排」中录入。` }
      : {}),
  };
}

/** How an estimated deadline says so to people. */
export const estimatedDeadlineNote = (years: readonly number[]) => `预计，待国务院公布${years.join('、')}年节假日安排后更新`;

/** A problem with an entered schedule, at the field a person must correct (e.g. `makeUpWorkdays.1.date`). */
export interface ScheduleProblem {
  field: string;
  message: string;
}

const WEEKDAY_WORDS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/**
 * What is wrong with a year's schedule as entered, first problem first (the API reports the first, the admin
 * page all of them): dates outside the year, a date entered twice (in either list), a make-up working day that
 * is not a Saturday or Sunday (the State Council only ever moves weekends), a year without holidays.
 */
export function scheduleProblems(
  year: number,
  schedule: { holidays: ReadonlyArray<{ date: string }>; makeUpWorkdays: ReadonlyArray<{ date: string }> },
): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (schedule.holidays.length === 0) {
    problems.push({ field: 'holidays', message: `请填写${year}年的法定节假日放假日期（一年的安排不会没有节假日）` });
  }
  const seen = new Map<string, string>();
  const check = (list: 'holidays' | 'makeUpWorkdays', index: number, date: string) => {
    const field = `${list}.${index}.date`;
    if (Number(date.slice(0, 4)) !== year) {
      problems.push({ field, message: `${date} 不在${year}年内` });
      return;
    }
    const earlier = seen.get(date);
    if (earlier) {
      problems.push({ field, message: `${date} 已填写过（${earlier}），同一天只能填写一次` });
      return;
    }
    seen.set(date, list === 'holidays' ? '放假日期' : '调休上班日');
    if (list === 'makeUpWorkdays') {
      const weekday = weekdayOfIsoDate(date);
      if (weekday !== 0 && weekday !== 6) problems.push({ field, message: `调休上班日应为周六或周日，${date} 是${WEEKDAY_WORDS[weekday]}` });
    }
  };
  schedule.holidays.forEach((day, index) => check('holidays', index, day.date));
  schedule.makeUpWorkdays.forEach((day, index) => check('makeUpWorkdays', index, day.date));
  return problems;
}

/** A staff year from its entered days. */
export function staffYear(
  year: number,
  schedule: { holidays: ReadonlyArray<{ date: string; name: string }>; makeUpWorkdays: ReadonlyArray<{ date: string; name: string }> },
  extra: { version: number; source: { title: string; publishedOn: string } },
): CalendarYear {
  return {
    year,
    holidays: Object.fromEntries(schedule.holidays.map((day) => [day.date, day.name])),
    makeUpWorkdays: Object.fromEntries(schedule.makeUpWorkdays.map((day) => [day.date, day.name])),
    origin: 'staff',
    version: extra.version,
    source: extra.source,
  };
}
