import * as z from 'zod';
// The holiday library's own published data (built by its release script), not its query functions: those
// parse 'YYYY-MM-DD' as UTC midnight and then read local-time fields, and they build their lookup table at
// load time the same way, so in any zone west of UTC (e.g. TZ=America/New_York) `isWorkday('2027-02-06')`
// (a Saturday) answers true and `isWorkday('2027-01-04')` (a Monday) answers false. Reading the table and
// doing the weekday arithmetic ourselves keeps every answer independent of the machine's time zone.
import chineseDays from 'chinese-days/dist/chinese-days.json';
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

export const DURATION_UNITS = ['working_days', 'days', 'hours'] as const;

/** A length of time a party has to act, as an admin configures it. */
export const Duration = z.object({
  amount: z
    .number({ error: '期限请填写数字' })
    .int({ error: '期限须为整数' })
    .min(1, { error: '期限至少为 1' })
    .max(365, { error: '期限最多为 365' }),
  unit: z.enum(DURATION_UNITS, { error: '期限单位须为工作日、自然日或小时' }),
});
export type Duration = z.infer<typeof Duration>;

/**
 * The clocks of one county. Every number is editable by an admin; the presets below say where the defaults
 * come from.
 */
export const ClockRules = z.object({
  /** Which preset these rules started from (e.g. `samr_order_121`), kept so the admin page can say so. */
  preset: z.string({ error: '请选择规则来源' }).trim().min(1, { error: '请选择规则来源' }),
  /**
   * Merchant's first reply to a new complaint. The county's own choice (not statute), default 1 working day;
   * for comparison, 12315's ODR in-shop channel allows 10 working days and WeChat's transaction complaints 48 h.
   */
  merchantFirstReply: Duration,
  /** Merchant's settlement proposal, counted from its first reply. The county's own choice, default 3 working days. */
  merchantProposal: Duration,
  /**
   * Consumer's answer to a proposal; silence counts as rejection and escalates. The county's own choice,
   * default 3 (calendar) days.
   */
  consumerAnswer: Duration,
  /**
   * Bureau's accept / not-accept decision, counted from receipt (= escalation). Statutory: 7 working days under
   * both SAMR orders (Order 20 art. 14: 自收到投诉之日起七个工作日内).
   */
  acceptDecision: Duration,
  /**
   * Mediation ends if no agreement is reached within this time from acceptance. Statutory: 45 working days under
   * Order 20 (art. 21); 60 days under Order 121.
   */
  mediation: Duration,
});
export type ClockRules = z.infer<typeof ClockRules>;

/** The county's in-shop deadlines, the same whichever SAMR order is in force (PRODUCT.md §5). */
const COUNTY_IN_SHOP = {
  merchantFirstReply: { amount: 1, unit: 'working_days' },
  merchantProposal: { amount: 3, unit: 'working_days' },
  consumerAnswer: { amount: 3, unit: 'days' },
} as const satisfies Pick<ClockRules, 'merchantFirstReply' | 'merchantProposal' | 'consumerAnswer'>;

/**
 * Shipped rule sets. Deep-frozen so no caller can change the defaults for everyone by mutating a preset;
 * admin edits produce new objects.
 */
export const CLOCK_PRESETS = deepFreeze({
  /**
   * 《市场监督管理投诉举报处理办法》(国家市场监督管理总局令第121号), which sources say applies from 2026-04-15:
   * accept decision within 7 working days of receipt; mediation ends after 60 days without agreement
   * (counted in calendar days). Numbers as reported by those sources — check them against the published text.
   */
  samr_order_121: {
    preset: 'samr_order_121',
    ...COUNTY_IN_SHOP,
    acceptDecision: { amount: 7, unit: 'working_days' },
    mediation: { amount: 60, unit: 'days' },
  },
  /**
   * 《市场监督管理投诉举报处理暂行办法》(2019, 国家市场监督管理总局令第20号): art. 14 accept decision within 7 working
   * days of receipt; art. 21 mediation ends if no agreement within 45 working days of acceptance.
   */
  samr_order_20: {
    preset: 'samr_order_20',
    ...COUNTY_IN_SHOP,
    acceptDecision: { amount: 7, unit: 'working_days' },
    mediation: { amount: 45, unit: 'working_days' },
  },
} as const satisfies Record<string, ClockRules>);
export type ClockPresetName = keyof typeof CLOCK_PRESETS;

/** Order 121 is the default (PRODUCT.md §5). */
export const DEFAULT_CLOCK_RULES: ClockRules = CLOCK_PRESETS.samr_order_121;

// ---------------------------------------------------------------------------------------------------------------
// Shanghai calendar days, as whole days since 1970-01-01 (Shanghai). Only UTC getters are used below.

function shanghaiDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** 23:59:59.999 Shanghai on that day. */
function endOfShanghaiDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

const HOLIDAYS: Readonly<Record<string, string>> = chineseDays.holidays;
const MAKE_UP_WORKDAYS: Readonly<Record<string, string>> = chineseDays.workdays;
const KNOWN_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(HOLIDAYS), ...Object.keys(MAKE_UP_WORKDAYS)].map((iso) => Number(iso.slice(0, 4))),
);

/**
 * Whether the holiday library has the State Council's schedule for `year` (published each winter for the next
 * year; chinese-days 1.5.7 knows 2004–2026). For any other year the library has no entries and silently answers
 * "Monday to Friday are working days" — statutory holidays and 调休 are missing, so deadlines may land on a
 * holiday. The app should warn admins when this is false for the current or next year (time to upgrade the
 * library).
 */
export function calendarKnowsYear(year: number): boolean {
  return KNOWN_YEARS.has(year);
}

/**
 * A working day per the official calendar: a 调休 make-up day (even a weekend) is one, a statutory holiday is
 * not, otherwise Monday–Friday. In years the library does not know this is plain Monday–Friday.
 */
function isWorkingDay(day: number): boolean {
  const iso = dayNumberToIso(day);
  if (MAKE_UP_WORKDAYS[iso] !== undefined) return true;
  if (HOLIDAYS[iso] !== undefined) return false;
  const weekday = weekdayOf(day);
  return weekday >= 1 && weekday <= 5;
}

/** Whether the Shanghai calendar day containing `instant` is a working day. */
export function isShanghaiWorkingDay(instant: Date): boolean {
  return isWorkingDay(shanghaiDayNumber(instant));
}

function assertValidInstant(d: Date, field: string): void {
  if (Number.isNaN(d.getTime())) throw new Invalid('时间无效，请刷新后重试', field);
}

/**
 * The deadline for acting within `duration` of `from`, following the Chinese convention that the day an
 * interval starts is not counted (期间开始的当日不计入):
 * - `working_days` N: the end (23:59:59.999 Shanghai) of the Nth working day after `from`'s Shanghai day.
 * - `days` N: the end of `from`'s Shanghai day + N; when that last day is a rest day (holiday or a weekend that
 *   is not a 调休 working day) it moves to the end of the next working day (民法典第二百零三条).
 * - `hours` N: exactly N hours after `from`.
 * Years the holiday library does not know fall back to Monday–Friday; see {@link calendarKnowsYear}.
 */
export function dueAt(from: Date, duration: Duration): Date {
  assertValidInstant(from, 'from');
  const parsed = Duration.safeParse(duration);
  if (!parsed.success) throw new Invalid(parsed.error.issues[0]?.message ?? '期限无效', 'duration');
  const { amount, unit } = parsed.data;

  if (unit === 'hours') return new Date(from.getTime() + amount * HOUR_MS);

  let day = shanghaiDayNumber(from);
  if (unit === 'days') {
    day += amount;
    while (!isWorkingDay(day)) day += 1;
    return endOfShanghaiDay(day);
  }
  let remaining = amount;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDay(day)) remaining -= 1;
  }
  return endOfShanghaiDay(day);
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

/** The Shanghai calendar date of an instant, as `YYYY-MM-DD`. */
export function formatShanghaiDate(d: Date): string {
  assertValidInstant(d, 'date');
  return dayNumberToIso(shanghaiDayNumber(d));
}

/**
 * Today in Shanghai as `YYYY-MM-DD` (purchase dates are checked against it). ISO dates compare correctly as
 * strings, so `purchaseDate <= shanghaiToday(now)` is enough.
 */
export function shanghaiToday(now: Date): string {
  return formatShanghaiDate(now);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
