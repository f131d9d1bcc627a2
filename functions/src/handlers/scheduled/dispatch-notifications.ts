import { invocation } from '../../observability/invocation';
import { logger } from '../../observability/log';
import { dispatchDue, type DispatchSummary } from '../../use-cases/deliver-notifications';

/**
 * Scheduled (every minute): delivers outbox items that are due — retries whose backoff ended, and any
 * new item the stream path missed. Runs safely beside the stream function and beside itself.
 */
export const handler = invocation('schedule dispatchNotifications', async (_event: unknown, run): Promise<DispatchSummary> => {
  const summary = await dispatchDue({ budgetMs: 45_000, ...(run.endsAt === undefined ? {} : { runEndsAt: run.endsAt }) });
  if (summary.examined > 0) logger.info('outbox.dispatch', { ...summary });
  return summary;
});
