import { invocation } from '../../observability/invocation';
import { logger } from '../../observability/log';
import { continueAssessments } from '../../use-cases/assessment';
import { warnIfCalendarMissing } from '../../use-cases/calendar-watch';
import { recomputeDeadlines, type RecountResult } from '../../use-cases/recompute-deadlines';
import { applyRetention, type RetentionResult } from '../../use-cases/retention';
import { sweepDeadlines } from '../../use-cases/sweep-deadlines';
import { keepSmsLinksReady } from '../../use-cases/url-links';
import { sms } from '../../clients';

/**
 * Scheduled (every 15 minutes): moves overdue complaints on, counts deadlines again after the office entered a
 * year of the calendar (a bounded batch per run), warns once a day when next year's calendar is missing, and
 * carries on the year's assessment (scorecards still to compute, badges still to give), keeps the links
 * an SMS falls back on ready, and removes the photos and masks the phone numbers of complaints closed longer
 * than the retention period (a bounded batch per run; docs/privacy.md).
 * Safe to run twice or concurrently.
 */
export const handler = invocation(
  'schedule sweepDeadlines',
  async (): Promise<{ moved: number; skipped: number; recount: RecountResult; calendarWarning: boolean; assessment: { computed: number; awarded: number }; smsLinks?: { ready: number; failed: number }; retention: RetentionResult }> => {
    const now = new Date();
    const result = await sweepDeadlines(now);
    logger.info('deadline sweep', result);
    const recount = await recomputeDeadlines(now);
    const calendarWarning = await warnIfCalendarMissing(now);
    // A large county's assessment is computed, and its badges given, a bounded batch per run.
    const assessment = await continueAssessments(now, 30_000);
    // The links an SMS falls back on, minted before WeChat has a bad day (only where SMS is configured).
    const smsLinks = sms() ? await keepSmsLinksReady(now) : undefined;
    if (smsLinks?.failed) logger.warn('sms links not ready', smsLinks);
    const retention = await applyRetention(now);
    return { ...result, recount, calendarWarning, assessment, ...(smsLinks ? { smsLinks } : {}), retention };
  },
);
