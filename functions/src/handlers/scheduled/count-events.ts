import { invocation } from '../../observability/invocation';
import { logger } from '../../observability/log';
import { countPendingEvents, type CatchUpResult } from '../../use-cases/count-events';

/** Scheduled (every 5 minutes): applies the counts of events the stream path has not applied after a minute. */
export const handler = invocation('schedule countEvents', async (): Promise<CatchUpResult> => {
  const result = await countPendingEvents(new Date());
  if (result.examined > 0) logger.info('counters.catch_up', { ...result });
  return result;
});
