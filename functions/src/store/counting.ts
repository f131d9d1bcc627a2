import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add, $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { string } from 'dynamodb-toolbox/schema/string';
import { ComplaintEventEntity } from './complaint.entity';
import type { CounterWrite } from './complaints';
import { EVENTS_UNCOUNTED_PARTITION } from './keys';
import { QuizAttemptEntity, SurveyResponseEntity, SurveyTallyEntity } from './quiz.entities';
import { CounterEntity, MerchantCounterEntity } from './support.entities';
import { FangxinTable } from './table';

/**
 * Applies a countable item's counter additions to the shared counters, exactly once: in one transaction with
 * an update of the item that marks it counted — conditioned on it not being counted yet — so a stream record
 * delivered twice, the scheduled catch-up and the stream racing each other, or a retry after a lost answer
 * all add once. Counter items are hot (every complaint of the county adds to them), so this transaction can
 * meet another in flight (TransactionConflict): it is tried again after a jittered pause. None of this is on
 * a person's request path.
 *
 * Countable items are of three kinds, written by their own use cases with the `counts` they add: lifecycle
 * events (in a complaint's partition), counted quiz attempts and survey responses (one per person per period).
 * Everything below is the same for all three except the update that marks one counted.
 */

/** Which item carries the counts. */
export type CountableSource =
  | { kind: 'event'; complaintId: string; seq: string }
  /** `key` is `<period>#<userId>` (keys.ts `personInPeriod`). */
  | { kind: 'quiz_attempt'; key: string }
  | { kind: 'survey_response'; key: string };

export interface Countable {
  source: CountableSource;
  counts: CounterWrite[];
}

export type CountOutcome = 'counted' | 'already';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Adds up the counts of several events per counter item, so one update per item carries them all. */
function mergeCounts(counts: readonly CounterWrite[]): CounterWrite[] {
  const merged = new Map<string, CounterWrite>();
  for (const count of counts) {
    const key =
      count.kind === 'scope' ? `s|${count.scope}|${count.period}` : count.kind === 'merchant' ? `m|${count.merchantId}|${count.counterKey}` : `t|${count.period}|${count.tally}`;
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
  return mergeCounts(counts).flatMap((count): unknown[] => {
    const additions = Object.fromEntries(Object.entries(count.deltas).map(([name, by]) => [name, $add(by)]));
    if (Object.keys(additions).length === 0) return [];
    switch (count.kind) {
      case 'scope':
        return [CounterEntity.build(UpdateTransaction).item({ scope: count.scope, period: count.period, ...additions })];
      case 'merchant':
        return [MerchantCounterEntity.build(UpdateTransaction).item({ merchantId: count.merchantId, counterKey: count.counterKey, ...additions })];
      case 'survey':
        return [SurveyTallyEntity.build(UpdateTransaction).item({ period: count.period, tally: count.tally, ...additions })];
    }
  });
}

const countedNow = (now: Date) => ({ countedAt: now.toISOString(), uncountedKey: $remove(), uncountedSort: $remove() });

/** The update that marks one item counted, conditioned on it existing and not being counted yet. */
function markCounted({ source }: Countable, now: Date) {
  switch (source.kind) {
    case 'event':
      return ComplaintEventEntity.build(UpdateTransaction)
        .item({ complaintId: source.complaintId, seq: source.seq, ...countedNow(now) } as never)
        .options({ condition: { and: [{ attr: 'complaintId', exists: true }, { attr: 'countedAt', exists: false }] } });
    case 'quiz_attempt':
      return QuizAttemptEntity.build(UpdateTransaction)
        .item({ key: source.key, ...countedNow(now) } as never)
        .options({ condition: { and: [{ attr: 'key', exists: true }, { attr: 'countedAt', exists: false }] } });
    case 'survey_response':
      return SurveyResponseEntity.build(UpdateTransaction)
        .item({ key: source.key, ...countedNow(now) } as never)
        .options({ condition: { and: [{ attr: 'key', exists: true }, { attr: 'countedAt', exists: false }] } });
  }
}

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

export async function applyCounts(item: Countable, now: Date, options: ApplyOptions = {}): Promise<CountOutcome> {
  const outcome = await withBackoff([markCounted(item, now), ...counterUpdates(item.counts)], options);
  return outcome === 'done' ? 'counted' : 'already';
}

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Several items at once (a stream batch): their counts added up per counter item, all marked counted, in as
 * few transactions as fit — far fewer writes to the hot counter items than one transaction per item. If any
 * of a group was counted already (a redelivered record), that group falls back to one item at a time.
 */
export async function applyCountsTogether(events: readonly Countable[], now: Date, options: ApplyOptions = {}): Promise<Record<CountOutcome, number>> {
  const tally: Record<CountOutcome, number> = { counted: 0, already: 0 };
  let group: Countable[] = [];
  const flush = async () => {
    if (group.length === 0) return;
    const members = group;
    group = [];
    const together = await withBackoff([...members.map((event) => markCounted(event, now)), ...counterUpdates(members.flatMap((event) => event.counts))], options);
    if (together === 'done') {
      tally.counted += members.length;
      return;
    }
    for (const event of members) tally[await applyCounts(event, now, options)]++;
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

/**
 * Access pattern `events-uncounted`: countable items (events, quiz attempts, survey responses) whose counts
 * are not applied yet, oldest first (sparse index).
 */
const uncountedItems = FangxinTable.build(AccessPattern)
  .entities(ComplaintEventEntity, QuizAttemptEntity, SurveyResponseEntity)
  .schema(string())
  .pattern((writtenBefore) => ({ index: 'gsi2', partition: EVENTS_UNCOUNTED_PARTITION, range: { lt: writtenBefore } }))
  .meta({ title: 'events-uncounted' });

/** Items written before `before` (ISO) whose counts are not applied yet: what the stream path has not done (yet). */
export async function listUncounted(before: string, limit: number): Promise<Countable[]> {
  const { Items = [] } = await uncountedItems.query(before).options({ limit, showEntityAttr: true }).send();
  return Items.map((item): Countable => {
    const counts = (item.counts ?? []) as CounterWrite[];
    if (item.entity === QuizAttemptEntity.entityName) return { source: { kind: 'quiz_attempt', key: (item as { key: string }).key }, counts };
    if (item.entity === SurveyResponseEntity.entityName) return { source: { kind: 'survey_response', key: (item as { key: string }).key }, counts };
    const event = item as { complaintId: string; seq: string };
    return { source: { kind: 'event', complaintId: event.complaintId, seq: event.seq }, counts };
  });
}

/** A countable item's name in logs. */
export const describeSource = (source: CountableSource): string =>
  source.kind === 'event' ? `event ${source.complaintId}/${source.seq}` : `${source.kind} ${source.key.split('#')[0]}`;
