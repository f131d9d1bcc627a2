import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../observability/log';
import { applyEventCounts, applyEventCountsTogether, listUncountedEvents } from '../store/counting';
import { newEventCounts } from '../store/event-stream-record';

/**
 * The indicator counters follow from the lifecycle's events, off the write path (docs/campaign.md): the
 * table's stream applies each new event's counts within seconds, and a schedule applies whatever the stream
 * did not (a failed batch, a Lambda that gave up) once it is a minute old. Both go through
 * `applyEventCounts`, which adds each event exactly once.
 */

/**
 * Applies the counts of the stream records that are new events, a batch in as few transactions as fit (they
 * mostly add to the same county counters); answers the sequence numbers that failed, for Lambda to redeliver.
 */
export async function countStreamRecords(records: readonly DynamoDBRecord[], now: () => Date = () => new Date()): Promise<string[]> {
  const events = records.flatMap((record) => {
    const event = newEventCounts(record);
    return event ? [{ event, sequenceNumber: record.dynamodb?.SequenceNumber }] : [];
  });
  if (events.length === 0) return [];
  try {
    await applyEventCountsTogether(events.map(({ event }) => event), now());
    return [];
  } catch (error) {
    // Still contended after the retries: the whole batch again later (already-counted events add nothing).
    logger.warn('counters.stream.batch_deferred', { events: events.length, error: (error as Error).message });
    return events.flatMap(({ sequenceNumber }) => (sequenceNumber ? [sequenceNumber] : []));
  }
}

export interface CatchUpResult {
  examined: number;
  counted: number;
  already: number;
  failed: number;
}

/** The scheduled catch-up: events older than `graceMs` still uncounted, a bounded batch per run. */
export async function countPendingEvents(now: Date, options: { graceMs?: number; limit?: number } = {}): Promise<CatchUpResult> {
  const before = new Date(now.getTime() - (options.graceMs ?? 60_000)).toISOString();
  const events = await listUncountedEvents(before, options.limit ?? 200);
  const result: CatchUpResult = { examined: events.length, counted: 0, already: 0, failed: 0 };
  for (const event of events) {
    try {
      result[await applyEventCounts(event, now)]++;
    } catch (error) {
      result.failed++;
      logger.error('counters.catch_up.apply_failed', { complaintId: event.complaintId, seq: event.seq, error: (error as Error).name });
    }
  }
  return result;
}
