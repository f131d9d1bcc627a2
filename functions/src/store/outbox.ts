import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add, $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { string } from 'dynamodb-toolbox/schema/string';
import { FangxinTable } from './table';
import { OutboxEntity } from './support.entities';
import { readPage, type Page, type PageRequest } from './cursor';
import { OUTBOX_DUE_PARTITION, OUTBOX_ATTENTION_PARTITION } from './keys';

/**
 * The outbox's own writes: claim, acknowledge, reschedule, settle. Each is one conditional UpdateItem, so
 * two dispatchers can never both hold an item, and nothing one of them learnt is overwritten by the other.
 * The sparse index keys (gsi1 due, gsi2 attention) are set and removed here explicitly with the state:
 * toolbox links only compute them on puts.
 */

export interface OutboxItem {
  outboxId: string;
  state: 'pending' | 'delivered' | 'undeliverable' | 'dead';
  dueAt: string;
  attempts: number;
  /** The complaint it is about; absent on items about a rectification order (`subject`). */
  complaintId?: string;
  subject?: 'rectification';
  rectificationId?: string;
  recipient: { kind: string; userId?: string; merchantId?: string; townCode?: string };
  headline: string;
  status: string;
  notice?: 'refusal' | 'termination';
  townCode?: string;
  merchantId?: string;
  merchantName?: string;
  createdAt?: string;
  claimToken?: string;
  claimedUntil?: string;
  sentTo: Set<string>;
  refusedBy: Set<string>;
  smsSentTo?: string;
  lastError?: string;
  settledAt?: string;
}

/** What an item is about, and that thing's id: a complaint (every lifecycle item) or a rectification order. */
export function subjectOf(item: Pick<OutboxItem, 'complaintId' | 'subject' | 'rectificationId'>): { subject: 'complaint' | 'rectification'; id: string } {
  return item.subject === 'rectification' ? { subject: 'rectification', id: item.rectificationId ?? '' } : { subject: 'complaint', id: item.complaintId ?? '' };
}

function fromStored(item: Record<string, unknown>): OutboxItem {
  const stored = item as Omit<OutboxItem, 'sentTo' | 'refusedBy'> & { sentTo?: Set<string>; refusedBy?: Set<string> };
  const { dueKey: _a, dueSort: _b, attentionKey: _c, attentionSort: _d, record: _e, entity: _f, ...rest } = stored as typeof stored & Record<string, unknown>;
  return { ...(rest as unknown as OutboxItem), sentTo: new Set(stored.sentTo ?? []), refusedBy: new Set(stored.refusedBy ?? []) };
}

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

export async function readOutboxItem(outboxId: string): Promise<OutboxItem | undefined> {
  const { Item } = await OutboxEntity.build(GetItemCommand).key({ outboxId }).options({ consistent: true }).send();
  return Item ? fromStored(Item as Record<string, unknown>) : undefined;
}

/**
 * Takes the item for one attempt: only if it is pending, due, and nobody else holds an unexpired claim.
 * Returns the item with the claim, or undefined when another dispatcher has it (or it is settled or not
 * yet due) — the caller then leaves it alone.
 */
export async function claimOutboxItem(outboxId: string, now: Date, leaseMs: number): Promise<OutboxItem | undefined> {
  const nowIso = now.toISOString();
  const claimToken = randomUUID();
  try {
    const { Attributes } = await OutboxEntity.build(UpdateItemCommand)
      .item({
        outboxId,
        claimToken,
        claimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: $add(1),
      })
      .options({
        condition: {
          and: [
            { attr: 'state', eq: 'pending' },
            { attr: 'dueAt', lte: nowIso },
            { or: [{ attr: 'claimedUntil', exists: false }, { attr: 'claimedUntil', lt: nowIso }] },
          ],
        },
        returnValues: 'ALL_NEW',
      })
      .send();
    return Attributes ? fromStored(Attributes as Record<string, unknown>) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Records that WeChat accepted a message for this person. Not conditioned on the claim: it is a fact
 * whoever learnt it, and losing it is exactly what would cause a duplicate.
 */
export async function recordSent(outboxId: string, openid: string): Promise<void> {
  await persistently(() =>
    OutboxEntity.build(UpdateItemCommand)
      .item({ outboxId, sentTo: $add(new Set([openid])) })
      .options({ condition: { attr: 'outboxId', exists: true } })
      .send(),
  );
}

/** Records a final refusal for this person (43101 and other errors WeChat marks final). */
export async function recordRefused(outboxId: string, openid: string, reason: string): Promise<void> {
  await persistently(() =>
    OutboxEntity.build(UpdateItemCommand)
      .item({ outboxId, refusedBy: $add(new Set([openid])), lastError: reason })
      .options({ condition: { attr: 'outboxId', exists: true } })
      .send(),
  );
}

export async function recordSmsSent(outboxId: string, maskedPhone: string): Promise<void> {
  await persistently(() =>
    OutboxEntity.build(UpdateItemCommand)
      .item({ outboxId, smsSentTo: maskedPhone })
      .options({ condition: { attr: 'outboxId', exists: true } })
      .send(),
  );
}

/** Throttling and 5xx answers: the write did not happen (or did, and repeating it changes nothing). */
const isTransientStoreError = (error: unknown) => {
  const e = error as { name?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  return (
    e?.name === 'ThrottlingException' ||
    e?.name === 'ProvisionedThroughputExceededException' ||
    e?.name === 'RequestLimitExceeded' ||
    e?.$retryable !== undefined ||
    (e?.$metadata?.httpStatusCode ?? 0) >= 500
  );
};

/**
 * An acknowledgement that is not stored is a message sent again later, so these writes keep trying past
 * the SDK's own retries (each repeat is idempotent: adding to a set), within the lease's reserve.
 */
async function persistently<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isTransientStoreError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

/** Ends this attempt: back to pending for a later try. False when the claim was lost meanwhile. */
export async function rescheduleOutboxItem(item: OutboxItem, dueAt: Date, lastError: string): Promise<boolean> {
  const due = dueAt.toISOString();
  return settleWithClaim(item, {
    state: 'pending',
    dueAt: due,
    lastError,
    dueKey: OUTBOX_DUE_PARTITION,
    dueSort: `${due}#${item.outboxId}`,
  });
}

/**
 * Ends the item for good: delivered, undeliverable (refused, nobody to send to) or dead (retries ran
 * out). Undeliverable and dead items enter the staff follow-up index.
 */
export async function settleOutboxItem(
  item: OutboxItem,
  state: 'delivered' | 'undeliverable' | 'dead',
  now: Date,
  lastError?: string,
): Promise<boolean> {
  const settledAt = now.toISOString();
  const attention = state !== 'delivered';
  return settleWithClaim(item, {
    state,
    settledAt,
    ...(lastError ? { lastError } : {}),
    dueKey: $remove(),
    dueSort: $remove(),
    ...(attention ? { attentionKey: OUTBOX_ATTENTION_PARTITION, attentionSort: `${settledAt}#${item.outboxId}` } : {}),
  });
}

async function settleWithClaim(item: OutboxItem, changes: Record<string, unknown>): Promise<boolean> {
  try {
    await OutboxEntity.build(UpdateItemCommand)
      .item({ outboxId: item.outboxId, ...changes, claimToken: $remove(), claimedUntil: $remove() } as never)
      .options({ condition: { attr: 'claimToken', eq: item.claimToken ?? '-' } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Access pattern `outbox-due`: pending items due by a moment (sort keys are `<dueAt>#<id>`), oldest first. */
const outboxDue = FangxinTable.build(AccessPattern)
  .entities(OutboxEntity)
  .schema(string())
  .pattern((dueBy) => ({ index: 'gsi1', partition: OUTBOX_DUE_PARTITION, range: { lte: `${dueBy}#~` } }))
  .meta({ title: 'outbox-due' });

/** Access pattern `outbox-attention`: items that failed for good, newest first, for staff to follow up. */
const outboxAttention = FangxinTable.build(AccessPattern)
  .entities(OutboxEntity)
  .pattern(() => ({ index: 'gsi2', partition: OUTBOX_ATTENTION_PARTITION }))
  .options({ reverse: true })
  .meta({ title: 'outbox-attention' });

/** The ids of pending items due by `now`, a bounded batch at a time (the dispatcher's own cursor). */
export async function listDueOutboxIds(now: Date, limit: number, cursor?: Record<string, unknown>) {
  const { Items = [], LastEvaluatedKey } = await outboxDue
    .query(now.toISOString())
    .options({ limit, ...(cursor ? { exclusiveStartKey: cursor } : {}) })
    .send();
  return { ids: Items.map((item) => item.outboxId), next: LastEvaluatedKey };
}

export async function listAttentionItems(page: PageRequest): Promise<Page<OutboxItem>> {
  const read = await readPage(outboxAttention.query(undefined), page);
  return { ...read, items: read.items.map((item) => fromStored(item as Record<string, unknown>)) };
}
