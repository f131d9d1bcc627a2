import { invocation } from '../../observability/invocation';
import { logger } from '../../observability/log';
import { recheckContent, type RecheckResult } from '../../use-cases/recheck-content';

/**
 * Scheduled (every 5 minutes): asks WeChat again about texts it could not check when they were written;
 * after repeated failures they go to the bureau's reviewers. Safe to run twice or concurrently.
 */
export const handler = invocation('schedule recheckContent', async (): Promise<RecheckResult> => {
  const result = await recheckContent(new Date());
  if (result.passed + result.held + result.retrying + result.skipped > 0) logger.info('content recheck', { ...result });
  return result;
});
