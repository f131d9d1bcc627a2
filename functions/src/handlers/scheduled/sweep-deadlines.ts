import { invocation } from '../../observability/invocation';
import { logger } from '../../observability/log';
import { sweepDeadlines } from '../../use-cases/sweep-deadlines';

/** Scheduled (every 15 minutes): moves overdue complaints on. Safe to run twice or concurrently. */
export const handler = invocation('schedule sweepDeadlines', async (): Promise<{ moved: number; skipped: number }> => {
  const result = await sweepDeadlines(new Date());
  logger.info('deadline sweep', result);
  return result;
});
