import {
  COUNTY,
  Forbidden,
  Invalid,
  calendarCoverage,
  isCountyAdmin,
  scheduleProblems,
  shanghaiToday,
  type CalendarOverview,
  type CalendarYearInput,
  type CalendarYearView,
  type WorkingCalendar,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { listEnteredYears, listRecomputeJobs, saveEnteredYear, workingCalendar, type StoredCalendarYear } from '../store/calendar';

const daysOf = (days: Readonly<Record<string, string>>) =>
  Object.entries(days)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => ({ date, name }));

function yearView(year: number, calendar: WorkingCalendar, entered: StoredCalendarYear | undefined): CalendarYearView {
  if (entered) {
    return {
      year,
      origin: 'staff',
      version: entered.version,
      source: entered.source,
      holidays: entered.holidays,
      makeUpWorkdays: entered.makeUpWorkdays,
      updatedAt: entered.updatedAt,
    };
  }
  const known = calendar.year(year);
  return known
    ? { year, origin: 'library', version: 0, holidays: daysOf(known.holidays), makeUpWorkdays: daysOf(known.makeUpWorkdays) }
    : { year, origin: 'estimated', version: 0, holidays: [], makeUpWorkdays: [] };
}

/** The calendar as staff see it: whether next year is covered (the admin banner), the years near now, recounts under way. */
export async function calendarOverview(now: Date): Promise<CalendarOverview> {
  const [entered, jobs] = await Promise.all([listEnteredYears(true), listRecomputeJobs()]);
  const calendar = await workingCalendar(now.getTime(), { fresh: true });
  const coverage = calendarCoverage(calendar, shanghaiToday(now));
  const years = [...new Set([coverage.currentYear, coverage.nextYear, ...entered.map((year) => year.year)])].sort((a, b) => a - b);
  return {
    coverage,
    years: years.map((year) => {
      const { holidays, makeUpWorkdays, ...view } = yearView(year, calendar, entered.find((entry) => entry.year === year));
      return { ...view, holidayDays: holidays.length, makeUpDays: makeUpWorkdays.length };
    }),
    recomputations: jobs.map(({ year, version, state, checked, moved }) => ({ year, version, state, checked, moved })),
  };
}

/** One year in full: the office's entry, else the library's, else nothing yet (estimated). */
export async function calendarYear(year: number, now: Date): Promise<CalendarYearView> {
  const entered = (await listEnteredYears(true)).find((entry) => entry.year === year);
  return yearView(year, await workingCalendar(now.getTime(), { fresh: true }), entered);
}

/**
 * A county admin enters (or corrects) a year's schedule from the State Council's notice. Checked whole before
 * anything is written; kept with its history, audited, and followed by a recount of open deadlines.
 */
export async function enterCalendarYear(year: number, input: CalendarYearInput, principal: Principal, now: Date): Promise<CalendarYearView> {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden('只有县级管理员可以录入节假日安排');
  const [problem] = scheduleProblems(year, input);
  if (problem) throw new Invalid(problem.message, problem.field);
  const saved = await saveEnteredYear({
    year,
    input,
    staff: { userId: principal.userId, role: staff.role },
    at: now.toISOString(),
    reason: `${COUNTY.name}录入${year}年节假日安排（${input.source.title}）`,
  });
  return yearView(year, await workingCalendar(now.getTime(), { fresh: true }), saved);
}
