import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add, $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { string } from 'dynamodb-toolbox/schema/string';
import { ComplaintEventEntity } from './complaint.entity';
import type { CounterWrite } from './complaints';
import { EVENTS_UNCOUNTED_PARTITION } from './keys';
import { CounterEntity, MerchantCounterEntity } from './support.entities';
import { FangxinTable } from './table';

/**
 * Applies an event's counter additions to the shared counters, exactly once: in one transaction with an
 * update of the event that marks it counted — conditioned on it not being counted yet — so a stream record
 * delivered twice, the scheduled catch-up and the stream racing each other, or a retry after a lost answer
 * all add once. Counter items are hot (every complaint of the county adds to them), so this transaction can
 * meet another in flight (TransactionConflict): it is tried again after a jittered pause. None of this is on
 * a person's request path.
 */

export interface UncountedEvent {
  complaintId: string;
  seq: string;
  counts: CounterWrite[];
}

export type CountOutcome = 'counted' | 'already';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Adds up the counts of several events per counter item, so one update per item carries them all. */
function mergeCounts(counts: readonly CounterWrite[]): CounterWrite[] {
  const merged = new Map<string, CounterWrite>();
  for (const count of counts) {
    const key = count.kind === 'scope' ? `s|${count.scope}|${count.period}` : `m|${count.merchantId}|${count.counterKey}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...count, deltas: { ...count.deltas } });
      continue;
    }
    for (const [name, by] of Object.entries(count.deltas)) existing.deltas[name] = (existing.deltas[name] ?? 0) + by;
  }
  return [...merged.values()];
}

function counterUpdates(counts: readonly CounterWrite[]) {
  return mergeCounts(counts).flatMap((count) => {
    const additions = Object.fromEntries(Object.entries(count.deltas).map(([name, by]) => [name, $add(by)]));
    if (Object.keys(additions).length === 0) return [];
    return [
      count.kind === 'scope'
        ? CounterEntity.build(UpdateTransaction).item({ scope: count.scope, period: count.period, ...additions })
        : MerchantCounterEntity.build(UpdateTransaction).item({ merchantId: count.merchantId, counterKey: count.counterKey, ...additions }),
    ];
  });
}

const markCounted = (event: UncountedEvent, now: Date) =>
  ComplaintEventEntity.build(UpdateTransaction)
    .item({ complaintId: event.complaintId, seq: event.seq, countedAt: now.toISOString(), uncountedKey: $remove(), uncountedSort: $remove() } as never)
    .options({ condition: { and: [{ attr: 'complaintId', exists: true }, { attr: 'countedAt', exists: false }] } });

const reasonCodes = (error: TransactionCanceledException) => (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');

type Attempt = 'done' | 'already' | 'contended';

async function attempt(writes: unknown[]): Promise<Attempt> {
  try {
    await execute(...(writes as Parameters<typeof execute>));
    return 'done';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const codes = reasonCodes(error);
    if (codes.includes('ConditionalCheckFailed')) return 'already';
    if (codes.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError')) return 'contended';
    throw error;
  }
}

export interface ApplyOptions {
  attempts?: number;
  random?: () => number;
}

async function withBackoff(writes: unknown[], options: ApplyOptions): Promise<'done' | 'already'> {
  const attempts = options.attempts ?? 8;
  const random = options.random ?? Math.random;
  for (let tried = 1; ; tried++) {
    const outcome = await attempt(writes);
    if (outcome !== 'contended') return outcome;
    if (tried >= attempts) throw new Error(`counter transaction still contended after ${attempts} attempts`);
    // Back off with jitter so the contenders for the same counter items spread out.
    await sleep(Math.min(2_000, 25 * 2 ** tried) * (0.5 + random()));
  }
}

export async function applyEventCounts(event: UncountedEvent, now: Date, options: ApplyOptions = {}): Promise<CountOutcome> {
  const outcome = await withBackoff([markCounted(event, now), ...counterUpdates(event.counts)], options);
  return outcome === 'done' ? 'counted' : 'already';
}

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Several events at once (a stream batch): their counts added up per counter item, all marked counted, in as
 * few transactions as fit — far fewer writes to the hot counter items than one transaction per event. If any
 * of a group was counted already (a redelivered record), that group falls back to one event at a time.
 */
export async function applyEventCountsTogether(events: readonly UncountedEvent[], now: Date, options: ApplyOptions = {}): Promise<Record<CountOutcome, number>> {
  const tally: Record<CountOutcome, number> = { counted: 0, already: 0 };
  let group: UncountedEvent[] = [];
  const flush = async () => {
    if (group.length === 0) return;
    const members = group;
    group = [];
    const together = await withBackoff([...members.map((event) => markCounted(event, now)), ...counterUpdates(members.flatMap((event) => event.counts))], options);
    if (together === 'done') {
      tally.counted += members.length;
      return;
    }
    for (const event of members) tally[await applyEventCounts(event, now, options)]++;
  };
  for (const event of events) {
    const candidate = [...group, event];
    const items = candidate.length + mergeCounts(candidate.flatMap((member) => member.counts)).length;
    if (items > MAX_TRANSACTION_ITEMS) await flush();
    group.push(event);
  }
  await flush();
  return tally;
}

/** Access pattern `events-uncounted`: events whose counts are not applied yet, oldest first (sparse index). */
const uncountedEvents = FangxinTable.build(AccessPattern)
  .entities(ComplaintEventEntity)
  .schema(string())
  .pattern((writtenBefore) => ({ index: 'gsi2', partition: EVENTS_UNCOUNTED_PARTITION, range: { lt: writtenBefore } }))
  .meta({ title: 'events-uncounted' });

/** Events written before `before` (ISO) whose counts are not applied yet: what the stream path has not done (yet). */
export async function listUncountedEvents(before: string, limit: number): Promise<UncountedEvent[]> {
  const { Items = [] } = await uncountedEvents.query(before).options({ limit }).send();
  return Items.map((item) => ({ complaintId: item.complaintId, seq: item.seq, counts: (item.counts ?? []) as CounterWrite[] }));
}
