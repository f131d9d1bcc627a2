import { invocation } from '../../observability/invocation';
import { logger } from '../../observability/log';
import { warnIfCalendarMissing } from '../../use-cases/calendar-watch';
import { recomputeDeadlines, type RecountResult } from '../../use-cases/recompute-deadlines';
import { sweepDeadlines } from '../../use-cases/sweep-deadlines';

/**
 * Scheduled (every 15 minutes): moves overdue complaints on, counts deadlines again after the office entered a
 * year of the calendar (a bounded batch per run), and warns once a day when next year's calendar is missing.
 * Safe to run twice or concurrently.
 */
export const handler = invocation(
  'schedule sweepDeadlines',
  async (): Promise<{ moved: number; skipped: number; recount: RecountResult; calendarWarning: boolean }> => {
    const now = new Date();
    const result = await sweepDeadlines(now);
    logger.info('deadline sweep', result);
    const recount = await recomputeDeadlines(now);
    const calendarWarning = await warnIfCalendarMissing(now);
    return { ...result, recount, calendarWarning };
  },
);
