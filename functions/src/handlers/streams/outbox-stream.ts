import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { invocation } from '../../observability/invocation';
import { logger } from '../../observability/log';
import { deliverOutboxItem } from '../../use-cases/deliver-notifications';
import { newOutboxItemId } from '../../store/outbox-stream-record';

/**
 * The table's stream (new images): a new outbox item is delivered at once, so a merchant hears about a
 * complaint within seconds. The event-source filter in serverless.yml already keeps only new outbox
 * items; `newOutboxItemId` tests again because the local runner feeds records unfiltered.
 *
 * A record whose delivery threw (the store unreachable, say) is reported as failed and redelivered by
 * Lambda; the scheduled dispatcher would pick the item up anyway.
 */
export const handler = invocation('stream outbox', async (event: DynamoDBStreamEvent, run): Promise<DynamoDBBatchResponse> => {
  // The items of one batch are independent (each has its own claim), so they are delivered side by side.
  const failures = await Promise.all(
    event.Records.map(async (record) => {
      const outboxId = newOutboxItemId(record);
      if (!outboxId) return undefined;
      try {
        // An item left unclaimed as the invocation ends is the scheduled dispatcher's.
        await deliverOutboxItem(outboxId, run.endsAt === undefined ? {} : { runEndsAt: run.endsAt });
        return undefined;
      } catch (error) {
        logger.error('outbox.stream.delivery_failed', { outboxId, error: (error as Error).name });
        return record.dynamodb?.SequenceNumber;
      }
    }),
  );
  return { batchItemFailures: failures.flatMap((sequenceNumber) => (sequenceNumber ? [{ itemIdentifier: sequenceNumber }] : [])) };
});
