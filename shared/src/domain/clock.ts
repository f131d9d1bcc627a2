import { LIBRARY_CALENDAR, isWorkingDate, knowsYear, type WorkingCalendar } from './calendar';
import { Invalid } from './errors';

/**
 * Statutory and in-shop clocks for complaints, in Asia/Shanghai time.
 *
 * Pure: no env, no `Date.now()`; every "now" is passed in. Shanghai is UTC+8 with no daylight saving, so all
 * arithmetic uses a fixed +8 h offset and UTC getters, never the machine's zone.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'] as const;

export * from './clock-rules';
export { formatShanghaiDate, shanghaiToday } from './shanghai-date';
import { Duration } from './clock-rules';

// ---------------------------------------------------------------------------------------------------------------
// Shanghai calendar days, as whole days since 1970-01-01 (Shanghai). Only UTC getters are used below.

function shanghaiDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 23:59:59.999 Shanghai on that day. */
function endOfShanghaiDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

/** Whether the Shanghai calendar day containing `instant` is a working day (by the library's calendar unless given one). */
export function isShanghaiWorkingDay(instant: Date, calendar: WorkingCalendar = LIBRARY_CALENDAR): boolean {
  return isWorkingDate(calendar, dayNumberToIso(shanghaiDayNumber(instant)));
}

/** Whether the holiday library alone has the State Council's schedule for `year` (see calendar.ts for the merged view). */
export function calendarKnowsYear(year: number): boolean {
  return knowsYear(LIBRARY_CALENDAR, year);
}

function assertValidInstant(d: Date, field: string): void {
  if (Number.isNaN(d.getTime())) throw new Invalid('时间无效，请刷新后重试', field);
}

/** A computed deadline, and the years it counted on Monday–Friday because the calendar did not know them. */
export interface ComputedDeadline {
  dueAt: Date;
  /** Empty when every day counted is known; else the unknown years the count ran through (the deadline is an estimate). */
  estimatedYears: number[];
}

/**
 * The deadline for acting within `duration` of `from`, following the Chinese convention that the day an
 * interval starts is not counted (期间开始的当日不计入):
 * - `working_days` N: the end (23:59:59.999 Shanghai) of the Nth working day after `from`'s Shanghai day.
 * - `days` N: the end of `from`'s Shanghai day + N; when that last day is a rest day (holiday or a weekend that
 *   is not a 调休 working day) it moves to the end of the next working day (民法典第二百零三条).
 * - `hours` N: exactly N hours after `from`.
 * Working days follow `calendar` (the library's unless the county's merged one is given). A count that falls in
 * or runs through a year the calendar does not know is reported as estimated (Monday–Friday in that year).
 */
export function computeDeadline(from: Date, duration: Duration, calendar: WorkingCalendar = LIBRARY_CALENDAR): ComputedDeadline {
  assertValidInstant(from, 'from');
  const parsed = Duration.safeParse(duration);
  if (!parsed.success) throw new Invalid(parsed.error.issues[0]?.message ?? '期限无效', 'duration');
  const { amount, unit } = parsed.data;

  if (unit === 'hours') return { dueAt: new Date(from.getTime() + amount * HOUR_MS), estimatedYears: [] };

  const start = shanghaiDayNumber(from);
  let day = start;
  const workingDay = (d: number) => isWorkingDate(calendar, dayNumberToIso(d));
  if (unit === 'days') {
    day += amount;
    while (!workingDay(day)) day += 1;
  } else {
    let remaining = amount;
    while (remaining > 0) {
      day += 1;
      if (workingDay(day)) remaining -= 1;
    }
  }
  const estimatedYears: number[] = [];
  for (let year = Number(dayNumberToIso(start + 1).slice(0, 4)); year <= Number(dayNumberToIso(day).slice(0, 4)); year++) {
    if (!knowsYear(calendar, year)) estimatedYears.push(year);
  }
  return { dueAt: endOfShanghaiDay(day), estimatedYears };
}

/** `computeDeadline`'s instant alone. */
export function dueAt(from: Date, duration: Duration, calendar: WorkingCalendar = LIBRARY_CALENDAR): Date {
  return computeDeadline(from, duration, calendar).dueAt;
}

/** Whether the deadline has passed. Acting at the very last millisecond is still on time. */
export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() > due.getTime();
}

export type DeadlineDescription = {
  /** e.g. `10月9日（周五）24:00 前，还剩 2 天` */
  text: string;
  overdue: boolean;
  /** `due - now`; negative once overdue. */
  remainingMs: number;
};

/**
 * Chinese words for a deadline, in Shanghai time. A deadline at the end of a day reads `24:00` of that day;
 * the year is shown only when it differs from `now`'s. Remaining time is counted in Shanghai calendar days
 * (`今天到期` on the last day); overdue time in whole days, else whole hours, else minutes.
 */
export function describeDeadline(due: Date, now: Date): DeadlineDescription {
  assertValidInstant(due, 'due');
  assertValidInstant(now, 'now');
  const remainingMs = due.getTime() - now.getTime();
  const overdue = isOverdue(due, now);
  const when = `${formatDeadlineMoment(due, now)} 前`;

  if (overdue) {
    const late = -remainingMs;
    const amount =
      late >= DAY_MS
        ? `${Math.floor(late / DAY_MS)} 天`
        : late >= HOUR_MS
          ? `${Math.floor(late / HOUR_MS)} 小时`
          : `${Math.max(1, Math.floor(late / 60_000))} 分钟`;
    return { text: `${when}，已超期 ${amount}`, overdue, remainingMs };
  }
  const daysLeft = shanghaiDayNumber(due) - shanghaiDayNumber(now);
  const tail = daysLeft === 0 ? '今天到期' : `还剩 ${daysLeft} 天`;
  return { text: `${when}，${tail}`, overdue, remainingMs };
}

function formatDeadlineMoment(due: Date, now: Date): string {
  // An end-of-day deadline (23:59:59.999) reads as 24:00 of its own day, as people say it.
  const endOfDay = (due.getTime() + SHANGHAI_OFFSET_MS + 1) % DAY_MS === 0;
  const local = new Date(due.getTime() + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const yearPart = year === new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear() ? '' : `${year}年`;
  const time = endOfDay
    ? '24:00'
    : `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
  return `${yearPart}${local.getUTCMonth() + 1}月${local.getUTCDate()}日（周${WEEKDAY_NAMES[local.getUTCDay()]}）${time}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
