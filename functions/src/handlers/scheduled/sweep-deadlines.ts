import { log } from '../../http/log';
import { sweepDeadlines } from '../../use-cases/sweep-deadlines';

/** Scheduled (every 15 minutes): moves overdue complaints on. Safe to run twice or concurrently. */
export const handler = async (): Promise<{ moved: number; skipped: number }> => {
  const result = await sweepDeadlines(new Date());
  log('info', 'deadline sweep', result);
  return result;
};
