import { calendarCoverage, shanghaiToday } from '@fangxin/shared';
import { logger } from '../observability/log';
import { workingCalendar } from '../store/calendar';
import { claimDailyNotice } from '../store/settings';

/**
 * The scheduled reminder that the calendar is running out: from 1 November without next year's schedule
 * (or any day without this year's), one warning line a day across all runs and containers, for the
 * operators' alarms. Admins see the same on their workbench.
 */
export async function warnIfCalendarMissing(now: Date): Promise<boolean> {
  const today = shanghaiToday(now);
  const coverage = calendarCoverage(await workingCalendar(now.getTime()), today);
  if (!coverage.warn || !(await claimDailyNotice('calendar-coverage-warning', today))) return false;
  logger.warn('calendar.year_missing', { currentYear: coverage.currentYear, currentYearKnown: coverage.currentYearKnown, nextYear: coverage.nextYear, nextYearKnown: coverage.nextYearKnown });
  return true;
}
