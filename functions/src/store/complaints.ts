import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { BatchGetCommand, execute as executeBatchGet } from 'dynamodb-toolbox/table/actions/batchGet';
import { FollowUpEntity } from './station.entities';
import type { FollowUpRecord } from './stations';
import type { ExecuteTransactWriteInput, ExecuteTransactWriteOptions } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { execute } from './transact';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $remove, $set } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import { Conflict, type LifecycleEvent, type LifecycleState, type NotificationIntent, type WaitingPlace } from '@fangxin/shared';
import { ulid } from 'ulid';
import { ComplaintEntity, ComplaintEventEntity, eventSeq, merchantQueueSortOf } from './complaint.entity';
import { moderationTaskWrite, type ModerationTask, type TextModeration } from './moderation';
import { PartyNoticeEntity } from './party-notice.entity';
import { partyNoticeWrite, toNoticeRecord, type PartyNoticeRecord } from './party-notices';
import { AuditEntity, OutboxEntity } from './support.entities';
import { claimWrite, claimedResult, type IdempotencyClaim } from './idempotency';
import { encodeCursor, readPage, type Page, type PageRequest, type ShopList } from './cursor';
import { FangxinTable } from './table';
import { COMPLAINT_KEY, MERCHANT_QUEUE_KEY, CONSUMER_KEY, RETENTION_DUE_PARTITION, TRIAGE_KEY, TRIAGE_SORT } from './keys';

/** A complaint as the use cases know it: the lifecycle state plus the facts filed. */
export interface ComplaintRecord extends LifecycleState {
  id: string;
  merchantName: string;
  sector: string;
  /** The shop's area type when filed (商圈, 景区…): a counter scope. Absent on complaints filed before it was kept. */
  areaType?: string;
  category: string;
  breachedCommitment?: { key: string; title: string };
  commitmentsInForce: Array<{ key: string; title: string }>;
  /** The shop's commitments version in force when this complaint was filed. */
  commitmentsVersion?: number;
  description: string;
  /** The description's content-security state; absent on complaints filed before texts were checked (shown as clean). */
  descriptionModeration?: TextModeration;
  purchaseDate: string;
  amount?: string;
  wantedOutcome: string;
  photos: string[];
  phone?: string;
  sharePhoneWithMerchant: boolean;
  filedAt: string;
  /** How it came in; absent means the mini-program (complaints filed before stations existed). */
  channel?: string;
  /** A station filing for a consumer: the consumer's name, and that they consented aloud to the processing. */
  consumerName?: string;
  spokenConsent?: boolean;
  /** The hash of the claim code in force (store/stations.ts), so a new code replaces it. */
  claimCodeHash?: string;
  /** When the retention period's removal was done: photos deleted, phone and name masked (use-cases/retention.ts). */
  retentionAppliedAt?: string;
}

/** A counter addition: a county/town/sector/area counter, or one in the shop's own partition. */
export type CounterWrite =
  | { kind: 'scope'; scope: string; period: string; deltas: Record<string, number> }
  | { kind: 'merchant'; merchantId: string; counterKey: string; deltas: Record<string, number> }
  /** A survey's tally of one question in one scope (`<scope>#<questionId>`): option id → how many chose it. */
  | { kind: 'survey'; period: string; tally: string; deltas: Record<string, number> };

/** The writes that go with a state change, in the same transaction. */
export interface SideEffects {
  counters: CounterWrite[];
  notifications: NotificationIntent[];
  /** Staff and station actions are audited under the person who acted. */
  audit?: { staffUserId: string; role: string };
  /** Texts that were not clean when written: their recheck / review tasks (store/moderation.ts). */
  moderation?: ModerationTask[];
  /** The written notice to the parties a refusal or the end of mediation issues (store/party-notices.ts). */
  notice?: PartyNoticeRecord;
  /** Other items of the same change: a station's ledger line and claim code, the 回访 due (store/stations.ts). */
  writes?: readonly TransactWrite[];
}

/** A transaction item built by another store module for the complaint's transaction. */
export type TransactWrite = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>;

/** An event as written, with the content-security state of its text when it has one of its author's own. */
export type EventToWrite = LifecycleEvent & { moderation?: TextModeration };

type StoredComplaint = Parameters<PutTransaction<typeof ComplaintEntity>['item']>[0];

function toStored(record: ComplaintRecord): StoredComplaint {
  const { id, ...rest } = record;
  return { ...rest, complaintId: id } as StoredComplaint;
}

/** Attributes the table keeps for its indexes and the toolbox, not part of the record. */
const STORAGE_ONLY = ['record', 'merchantQueueKey', 'merchantQueueSort', 'consumerKey', 'consumerSort', 'triageOrRetentionKey', 'triageOrRetentionSort', 'entity'];

function fromStored(item: Record<string, unknown>): ComplaintRecord {
  const { complaintId, ...rest } = item as Record<string, unknown> & { complaintId: string };
  for (const key of STORAGE_ONLY) delete rest[key];
  return { ...(rest as unknown as Omit<ComplaintRecord, 'id'>), id: complaintId };
}

function sideEffectWrites(record: ComplaintRecord, event: LifecycleEvent, version: number, effects: SideEffects) {
  // Counters are not written here: they travel on the event (eventWrite) and are applied from the stream.
  const writes = [];
  for (const intent of effects.notifications) {
    writes.push(
      OutboxEntity.build(PutTransaction)
        .item({
          outboxId: ulid(),
          state: 'pending',
          dueAt: event.at,
          attempts: 0,
          complaintId: record.id,
          townCode: record.townCode,
          merchantId: record.merchantId,
          merchantName: record.merchantName,
          createdAt: event.at,
          recipient: intent.recipient,
          headline: intent.headline,
          status: intent.status,
          ...(intent.notice ? { notice: intent.notice } : {}),
        })
        .options({ condition: { attr: 'outboxId', exists: false } }),
    );
  }
  if (effects.audit) {
    writes.push(
      AuditEntity.build(PutTransaction).item({
        staffUserId: effects.audit.staffUserId,
        entry: `${event.at}#${record.id}#${eventSeq(version)}`,
        action: event.type,
        role: effects.audit.role,
        subjectType: 'complaint',
        subjectId: record.id,
        ...auditDetailOf(event.data),
        at: event.at,
      }),
    );
  }
  for (const task of effects.moderation ?? []) writes.push(moderationTaskWrite(task));
  if (effects.notice) writes.push(partyNoticeWrite(effects.notice));
  return [...writes, ...(effects.writes ?? [])];
}

/** What the staff member gave with the action — the grounds, the note, the assignee, the 12315 number — as on the event. */
function auditDetailOf(data: Record<string, unknown>): { detail?: string } {
  return Object.keys(data).length > 0 ? { detail: JSON.stringify(data).slice(0, 2000) } : {};
}

/**
 * The event, carrying the counter additions it causes: they are applied exactly once after the commit
 * (store/counting.ts), so the county's shared counter items are never part of a complaint's transaction —
 * two filings in one county never conflict, and a busy day never refuses a complaint.
 */
function eventWrite(complaintId: string, version: number, event: EventToWrite, counts: readonly CounterWrite[]) {
  const applicable = counts.filter((count) => Object.keys(count.deltas).length > 0);
  return ComplaintEventEntity.build(PutTransaction)
    .item({ complaintId, seq: eventSeq(version), ...event, ...(applicable.length ? { counts: applicable } : {}) })
    .options({ condition: { attr: 'seq', exists: false } });
}

export type CreateOutcome = { kind: 'created' } | { kind: 'replayed'; complaintId: string; requestHash: string };

/**
 * Files a complaint: the complaint, its first event (with the counts it adds), its idempotency claim and
 * the merchant's notification — one transaction of the complaint's own items only. If the key was claimed
 * (a retry, a double tap, a concurrent twin), nothing is written and the existing complaint id is returned instead.
 */
export async function createComplaint(
  record: ComplaintRecord,
  event: EventToWrite,
  effects: SideEffects,
  idempotency: Omit<IdempotencyClaim, 'resultId' | 'operation'> & { operation?: string },
): Promise<CreateOutcome> {
  const claim: IdempotencyClaim = { operation: 'fileComplaint', ...idempotency, resultId: record.id };
  const writes = [
    claimWrite(claim, event.at),
    ComplaintEntity.build(PutTransaction)
      .item(toStored(record))
      .options({ condition: { attr: 'complaintId', exists: false } }),
    eventWrite(record.id, record.version, event, effects.counters),
    ...sideEffectWrites(record, event, record.version, effects),
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      await execute(...writes);
      return { kind: 'created' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      // Every item here is the complaint's own, so the only contender is a twin with the same key (a double tap):
      // while it is in flight this transaction is cancelled as a conflict; once it committed, by the condition.
      // Try again briefly, then read what the twin stored.
      if (isOnlyContention(error) && attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, 40 * attempt * (0.5 + Math.random())));
        continue;
      }
      break;
    }
  }
  const claimed = await claimedResult(claim);
  return { kind: 'replayed', complaintId: claimed.resultId, requestHash: claimed.requestHash };
}

/** Cancelled only because another transaction held an item (or the store throttled), not because a condition failed. */
function isOnlyContention(error: TransactionCanceledException): boolean {
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError') && !codes.includes('ConditionalCheckFailed');
}

/**
 * Writes a transition: the complaint conditioned on the version it was read at, the event (never
 * overwritten, carrying its counts), outbox items and the audit entry — all or nothing. A concurrent writer that got
 * there first makes this fail with `Conflict`; nothing is written.
 *
 * The complaint is rewritten whole, so it is also conditioned on the description's moderation state it
 * read: a recheck or a reviewer's decision (which change that state without a new version) committed in
 * between would otherwise be undone by this write.
 */
export async function saveTransition(readVersion: number, record: ComplaintRecord, event: EventToWrite, effects: SideEffects): Promise<void> {
  const moderationAsRead = record.descriptionModeration
    ? ({ attr: 'descriptionModeration.state', eq: record.descriptionModeration.state } as const)
    : ({ attr: 'descriptionModeration', exists: false } as const);
  // Likewise the claim code of a case a station filed: a reissue moves the complaint to a new code without a new
  // version, and a write read before it would point the complaint back at the deleted code. (A claim drops the
  // code from the record it writes; it is held by its own conditional delete of the code it read.)
  const claimCodeAsRead = record.claimCodeHash ? [{ attr: 'claimCodeHash', eq: record.claimCodeHash } as const] : [];
  // And the retention period's masking (saveRetention, no new version either): a write read before it would
  // bring back the phone, the name and the photos' keys.
  const retentionAsRead = record.retentionAppliedAt
    ? ({ attr: 'retentionAppliedAt', eq: record.retentionAppliedAt } as const)
    : ({ attr: 'retentionAppliedAt', exists: false } as const);
  try {
    await execute(
      ComplaintEntity.build(PutTransaction)
        .item(toStored(record))
        .options({ condition: { and: [{ attr: 'version', eq: readVersion }, moderationAsRead, retentionAsRead, ...claimCodeAsRead] } }),
      eventWrite(record.id, record.version, event, effects.counters),
      ...sideEffectWrites(record, event, record.version, effects),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new Conflict('该投诉刚刚被他人更新，请刷新后再操作');
    }
    throw error;
  }
}

export interface StoredEvent extends LifecycleEvent {
  seq: string;
  moderation?: TextModeration;
}

/** Access pattern `complaint-with-events`: the state and every event, one strongly consistent Query on the complaint's partition. */
const complaintWithEvents = FangxinTable.build(AccessPattern)
  .entities(ComplaintEntity, ComplaintEventEntity, PartyNoticeEntity, FollowUpEntity)
  .schema(string().transform(COMPLAINT_KEY))
  .pattern((partition) => ({ partition }))
  .options({ consistent: true, showEntityAttr: true, maxPages: 10 })
  .meta({ title: 'complaint-with-events' });

export async function loadComplaint(
  complaintId: string,
): Promise<{ record: ComplaintRecord; events: StoredEvent[]; notice?: PartyNoticeRecord; followUp?: FollowUpRecord } | undefined> {
  const { Items = [] } = await complaintWithEvents.query(complaintId).send();
  let record: ComplaintRecord | undefined;
  let notice: PartyNoticeRecord | undefined;
  let followUp: FollowUpRecord | undefined;
  const events: StoredEvent[] = [];
  for (const item of Items as Array<Record<string, unknown> & { entity: string }>) {
    if (item.entity === 'Complaint') record = fromStored(item);
    else if (item.entity === 'PartyNotice') notice = toNoticeRecord(item);
    else if (item.entity === 'FollowUp') {
      const { entity: _entity, dueKey: _k, dueSort: _s, stationKey: _sk, stationSort: _ss, record: _r, ...rest } = item as Record<string, unknown>;
      followUp = rest as unknown as FollowUpRecord;
    }
    else if (item.entity === 'ComplaintEvent') {
      const { complaintId: _id, entity: _entity, ...event } = item;
      void _id;
      void _entity;
      events.push(event as unknown as StoredEvent);
    }
  }
  return record ? { record, events, ...(notice ? { notice } : {}), ...(followUp ? { followUp } : {}) } : undefined;
}

/** Several complaints' current state by id (BatchGetItem, 100 at a time), in the order asked; missing ones left out. */
export async function findComplaintRecords(ids: readonly string[]): Promise<ComplaintRecord[]> {
  const distinct = [...new Set(ids)];
  const found = new Map<string, ComplaintRecord>();
  for (let start = 0; start < distinct.length; start += 100) {
    const chunk = distinct.slice(start, start + 100);
    const command = FangxinTable.build(BatchGetCommand).requests(...chunk.map((complaintId) => ComplaintEntity.build(BatchGetRequest).key({ complaintId })));
    const { Responses } = await executeBatchGet({ maxAttempts: 5 }, command);
    const [items = []] = Responses as unknown as Array<Array<Record<string, unknown> | undefined>>;
    for (const item of items) if (item) found.set(String(item.complaintId), fromStored(item));
  }
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}

/** Access pattern `complaints-of-consumer`: newest first. */
const complaintsOfConsumer = FangxinTable.build(AccessPattern)
  .entities(ComplaintEntity)
  .schema(string().transform(CONSUMER_KEY))
  .pattern((partition) => ({ index: 'gsi2', partition }))
  .options({ reverse: true })
  .meta({ title: 'complaints-of-consumer' });

/**
 * Access pattern `merchant-queue`: with the shop by deadline first, then with the bureau, then closed; `after`
 * (a sort key) starts after that place, for reading several shops' queues as one.
 */
const merchantQueue = FangxinTable.build(AccessPattern)
  .entities(ComplaintEntity)
  .schema(map({ merchantId: string().transform(MERCHANT_QUEUE_KEY), after: string().optional() }))
  .pattern(({ merchantId, after }) => ({ index: 'gsi1', partition: merchantId, ...(after ? { range: { gt: after } } : {}) }))
  .meta({ title: 'merchant-queue' });

/**
 * Access pattern `triage`: open complaints waiting in one place, by deadline (sort keys are `<dueAt>#<id>`);
 * `dueBefore` keeps the late ones, `dueFrom` those due from an instant on (the calendar recount).
 */
const triage = FangxinTable.build(AccessPattern)
  .entities(ComplaintEntity)
  .schema(map({ place: string().transform(TRIAGE_KEY), dueBefore: string().optional(), dueFrom: string().optional() }))
  .pattern(({ place, dueBefore, dueFrom }) => ({
    index: 'gsi3',
    partition: place,
    ...(dueBefore ? { range: { lt: dueBefore } } : dueFrom ? { range: { gte: dueFrom } } : {}),
  }))
  .meta({ title: 'triage' });

const asRecords = (page: Page<unknown>): Page<ComplaintRecord> => ({
  ...page,
  items: page.items.map((item) => fromStored(item as Record<string, unknown>)),
});

export const listConsumerComplaints = async (userId: string, page: PageRequest) => asRecords(await readPage(complaintsOfConsumer.query(userId), page));

export const listMerchantQueue = async (merchantId: string, page: PageRequest) => asRecords(await readPage(merchantQueue.query({ merchantId }), page));

/** The merchant queue as one shop's list, so a person's several shops can be read as one queue. */
export const merchantQueueList: ShopList<ComplaintRecord> = {
  readAfter: async (merchantId, after, limit) => {
    const page = asRecords(await readPage(merchantQueue.query({ merchantId, ...(after ? { after } : {}) }), { limit }));
    return { items: page.items, more: Boolean(page.nextCursor) };
  },
  sortKey: (record) => merchantQueueSortOf({ ...record, complaintId: record.id }),
};

export const listTriage = async (place: WaitingPlace, page: PageRequest, dueBefore?: string) =>
  asRecords(await readPage(triage.query({ place, ...(dueBefore ? { dueBefore } : {}) }), page));

/**
 * Where a triage read should start after `record` (its next page's cursor): the key the triage index holds it
 * under, as DynamoDB's LastEvaluatedKey would give it. For lists that merge several places and stop part-way.
 */
export function triageCursorAfter(record: Pick<ComplaintRecord, 'id' | 'status' | 'deadline' | 'filedAt'>, place: WaitingPlace): string {
  return encodeCursor({ pk: COMPLAINT_KEY.encode(record.id), sk: 'PROFILE', gsi3pk: TRIAGE_KEY.encode(place), gsi3sk: TRIAGE_SORT(record.deadline?.dueAt ?? record.filedAt, record.id) })!;
}

/** Open complaints in one place whose deadline is at or after `dueFrom`, a page at a time. */
export const listDueFrom = async (place: WaitingPlace, dueFrom: string, page: PageRequest) =>
  asRecords(await readPage(triage.query({ place, dueFrom }), page));

/**
 * Access pattern `retention-due`: closed complaints still holding a phone number, a name or photos, closed
 * before `closedBefore`, oldest first (sparse: they leave the partition once done). Eventually consistent, as
 * every index read: the job checks each item again and its write is conditioned.
 */
const retentionDue = FangxinTable.build(AccessPattern)
  .entities(ComplaintEntity)
  .schema(string())
  .pattern((closedBefore) => ({ index: 'gsi3', partition: RETENTION_DUE_PARTITION, range: { lt: closedBefore } }))
  .meta({ title: 'retention-due' });

/** Up to `limit` complaints closed before `closedBefore` whose personal data the retention period removes. */
export const listRetentionDue = async (closedBefore: string, limit: number) =>
  (await readPage(retentionDue.query(closedBefore), { limit })).items.map((item) => fromStored(item as Record<string, unknown>));

/**
 * Records the retention period's removal on the complaint (`after`: the masked phone and name, no photos, when):
 * only those attributes, and the complaint leaves the `retention-due` index. Conditioned on the version read
 * and on not being done already, so a move in between (a late rating) or a second run is a `Conflict`, never a
 * double write. The version is not moved: this is not a lifecycle step, and no event is written for it.
 */
export async function saveRetention(
  read: Pick<ComplaintRecord, 'id' | 'version'>,
  after: Pick<ComplaintRecord, 'phone' | 'consumerName' | 'photos'> & { retentionAppliedAt: string },
): Promise<void> {
  try {
    await ComplaintEntity.build(UpdateItemCommand)
      .item({
        complaintId: read.id,
        ...(after.phone ? { phone: after.phone } : {}),
        ...(after.consumerName ? { consumerName: after.consumerName } : {}),
        photos: $set(after.photos),
        retentionAppliedAt: after.retentionAppliedAt,
        triageOrRetentionKey: $remove(),
        triageOrRetentionSort: $remove(),
      })
      .options({ condition: { and: [{ attr: 'version', eq: read.version }, { attr: 'retentionAppliedAt', exists: false }] } })
      .send();
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') throw new Conflict('该投诉刚刚被他人更新');
    throw error;
  }
}

export { ComplaintEntity };
