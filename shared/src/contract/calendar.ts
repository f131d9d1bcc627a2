import * as z from 'zod/mini';
import './zod-chinese';
import { IsoDate, SeenVersion } from './complaint';
import { singleLineText } from './text';

/** A year on the working-day calendar, as a path parameter. */
export const CalendarYearParam = z.object({
  year: z.coerce
    .number({ error: '年份应为数字' }).check(
        z.int({ error: '年份应为整数' }),
        z.gte(2000, { error: '年份应在 2000 到 2100 之间' }),
        z.lte(2100, { error: '年份应在 2000 到 2100 之间' }),
      ),
});

/** One day of a schedule: its date and the festival it belongs to (元旦, 春节…). */
export const CalendarDay = z.object({
  date: IsoDate('日期'),
  name: singleLineText('节日名称', 1, 20),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/**
 * A year's schedule as the county office enters it from the State Council's notice (国务院办公厅关于YYYY年部分
 * 节假日安排的通知): every holiday date and every 调休 make-up working day, with the notice it comes from. The
 * year-dependent checks (dates in the year, no date twice, make-up days on weekends, at least one holiday)
 * are the domain's (calendar.ts `scheduleProblems`), so the API and the admin page say the same.
 */
export const CalendarYearInput = z.object({
  /** The version read (0 when the county has not entered this year yet): a concurrent edit gets 409, never lost. */
  version: SeenVersion(0),
  source: z.object({
    title: singleLineText('通知标题', 4, 100),
    publishedOn: IsoDate('通知发布日期'),
  }),
  holidays: z.array(CalendarDay).check(z.maxLength(60, { error: '放假日期最多 60 天' })),
  makeUpWorkdays: z.array(CalendarDay).check(z.maxLength(20, { error: '调休上班日最多 20 天' })),
});
export type CalendarYearInput = z.infer<typeof CalendarYearInput>;

export const CalendarCoverageView = z.object({
  currentYear: z.number().check(z.int()),
  currentYearKnown: z.boolean(),
  nextYear: z.number().check(z.int()),
  nextYearKnown: z.boolean(),
  /** True when admins should be warned (this year unknown, or next year unknown from 1 November). */
  warn: z.boolean(),
  message: z.optional(z.string()),
});

/** A year as staff read it: where it comes from, and (for the office's own years) which notice and version. */
export const CalendarYearView = z.object({
  year: z.number().check(z.int()),
  /** `library`: the holiday library's data; `staff`: entered by the office; `estimated`: unknown, Monday–Friday. */
  origin: z.enum(['library', 'staff', 'estimated']),
  version: z.number().check(z.int()),
  source: z.optional(z.object({ title: z.string(), publishedOn: z.string() })),
  holidays: z.array(CalendarDay),
  makeUpWorkdays: z.array(CalendarDay),
  updatedAt: z.optional(z.string()),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const CalendarOverview = z.object({
  coverage: CalendarCoverageView,
  /** The current and next year, and every year the office entered. */
  years: z.array(z.extend(z.pick(CalendarYearView, { year: true, origin: true, version: true, source: true, updatedAt: true }), {
    holidayDays: z.number().check(z.int()),
    makeUpDays: z.number().check(z.int()),
  })),
  /** Deadlines being counted again after an entry (in batches, by the scheduled sweeper). */
  recomputations: z.array(
    z.object({ year: z.number().check(z.int()), version: z.number().check(z.int()), state: z.enum(['pending', 'done']), checked: z.number().check(z.int()), moved: z.number().check(z.int()) }),
  ),
});
export type CalendarOverview = z.infer<typeof CalendarOverview>;
