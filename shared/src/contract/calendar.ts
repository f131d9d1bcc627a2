import * as z from 'zod';
import './zod-chinese';
import { IsoDate } from './complaint';
import { singleLineText } from './text';

/** A year on the working-day calendar, as a path parameter. */
export const CalendarYearParam = z.object({
  year: z.coerce
    .number({ error: '年份应为数字' })
    .int({ error: '年份应为整数' })
    .min(2000, { error: '年份应在 2000 到 2100 之间' })
    .max(2100, { error: '年份应在 2000 到 2100 之间' }),
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
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int().min(0),
  source: z.object({
    title: singleLineText('通知标题', 4, 100),
    publishedOn: IsoDate('通知发布日期'),
  }),
  holidays: z.array(CalendarDay).max(60, { error: '放假日期最多 60 天' }),
  makeUpWorkdays: z.array(CalendarDay).max(20, { error: '调休上班日最多 20 天' }),
});
export type CalendarYearInput = z.infer<typeof CalendarYearInput>;

export const CalendarCoverageView = z.object({
  currentYear: z.number().int(),
  currentYearKnown: z.boolean(),
  nextYear: z.number().int(),
  nextYearKnown: z.boolean(),
  /** True when admins should be warned (this year unknown, or next year unknown from 1 November). */
  warn: z.boolean(),
  message: z.string().optional(),
});

/** A year as staff read it: where it comes from, and (for the office's own years) which notice and version. */
export const CalendarYearView = z.object({
  year: z.number().int(),
  /** `library`: the holiday library's data; `staff`: entered by the office; `estimated`: unknown, Monday–Friday. */
  origin: z.enum(['library', 'staff', 'estimated']),
  version: z.number().int(),
  source: z.object({ title: z.string(), publishedOn: z.string() }).optional(),
  holidays: z.array(CalendarDay),
  makeUpWorkdays: z.array(CalendarDay),
  updatedAt: z.string().optional(),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const CalendarOverview = z.object({
  coverage: CalendarCoverageView,
  /** The current and next year, and every year the office entered. */
  years: z.array(CalendarYearView.pick({ year: true, origin: true, version: true, source: true, updatedAt: true }).extend({
    holidayDays: z.number().int(),
    makeUpDays: z.number().int(),
  })),
  /** Deadlines being counted again after an entry (in batches, by the scheduled sweeper). */
  recomputations: z.array(
    z.object({ year: z.number().int(), version: z.number().int(), state: z.enum(['pending', 'done']), checked: z.number().int(), moved: z.number().int() }),
  ),
});
export type CalendarOverview = z.infer<typeof CalendarOverview>;
