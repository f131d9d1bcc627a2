import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../observability/log';
import { applyCounts, applyCountsTogether, describeSource, listUncounted } from '../store/counting';
import { newCountable } from '../store/event-stream-record';

/**
 * The indicator counters follow from countable items — the lifecycle's events, counted quiz attempts and
 * survey responses — off the write path (docs/campaign.md): the table's stream applies each new item's counts
 * within seconds, and a schedule applies whatever the stream did not (a failed batch, a Lambda that gave up)
 * once it is a minute old. Both go through `applyCounts`, which adds each item exactly once.
 */

/**
 * Applies the counts of the stream records that are new events, a batch in as few transactions as fit (they
 * mostly add to the same county counters); answers the sequence numbers that failed, for Lambda to redeliver.
 */
export async function countStreamRecords(records: readonly DynamoDBRecord[], now: () => Date = () => new Date()): Promise<string[]> {
  const events = records.flatMap((record) => {
    const event = newCountable(record);
    return event ? [{ event, sequenceNumber: record.dynamodb?.SequenceNumber }] : [];
  });
  if (events.length === 0) return [];
  try {
    await applyCountsTogether(events.map(({ event }) => event), now());
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
  const events = await listUncounted(before, options.limit ?? 200);
  const result: CatchUpResult = { examined: events.length, counted: 0, already: 0, failed: 0 };
  for (const event of events) {
    try {
      result[await applyCounts(event, now)]++;
    } catch (error) {
      result.failed++;
      logger.error('counters.catch_up.apply_failed', { item: describeSource(event.source), error: (error as Error).name });
    }
  }
  return result;
}
