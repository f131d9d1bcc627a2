import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { invocation } from '../../observability/invocation';
import { countStreamRecords } from '../../use-cases/count-events';

/**
 * The table's stream (new images), filtered to new lifecycle events: applies each event's counter additions
 * exactly once, within seconds. A record that failed is reported and redelivered; the scheduled catch-up
 * (count-events) applies it anyway.
 */
export const handler = invocation('stream counters', async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const failures = await countStreamRecords(event.Records);
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
});
