import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from './transact';
import { claimWasTaken, claimWrite, claimedResult, type IdempotencyClaim } from './idempotency';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import {
  Conflict,
  INSPECTABLE_STATUSES,
  type Finding,
  type InspectionMode,
  type NotificationIntent,
  type RectificationEvent,
  type RectificationState,
} from '@fangxin/shared';
import { ulid } from 'ulid';
import { readPage, type Page, type PageRequest, type ShopList } from './cursor';
import { InspectionEntity, RectificationEntity, shopRectificationSortOf } from './inspection.entities';
import { INSPECTION_KEY, RECTIFICATIONS_OPEN_PARTITION, SHOP_INSPECTIONS_KEY, SHOP_RECTIFICATIONS_KEY, TOWN_INSPECTIONS_KEY, rectificationId, townInspectionsOf } from './keys';
import { MerchantEntity } from './merchant.entity';
import { AuditEntity, OutboxEntity } from './support.entities';
import { FangxinTable } from './table';

/** An inspection as the use cases know it. */
export interface InspectionRecord {
  id: string;
  merchantId: string;
  merchantName: string;
  townCode: string;
  mode: InspectionMode;
  inspectedOn: string;
  checklistVersion: number;
  inspectorId: string;
  inspectorRole: string;
  findings: Finding[];
  rectificationCodes: string[];
  remarks?: string;
  recordedAt: string;
}

/** A rectification order as the use cases know it: the state the rules move, plus what it copies from its inspection. */
export interface RectificationRecord extends RectificationState {
  /** `<inspectionId>-<itemCode>` */
  id: string;
  inspectionId: string;
  itemCode: string;
  merchantName: string;
  mode: InspectionMode;
  inspectedOn: string;
  checklistVersion: number;
  finding: { note?: string; photos: string[] };
}

/** A staff action's audit entry, written in the action's transaction. */
export interface InspectionAudit {
  staffUserId: string;
  role: string;
  action: string;
  detail?: string;
}

// — mapping —

const INSPECTION_STORAGE_ONLY = ['record', 'shopKey', 'shopSort', 'townKey', 'townSort', 'entity'];
const RECTIFICATION_STORAGE_ONLY = ['openKey', 'openSort', 'shopKey', 'shopSort', 'deadline', 'entity'];

function toInspection(item: Record<string, unknown>): InspectionRecord {
  const { inspectionId, ...rest } = item as Record<string, unknown> & { inspectionId: string };
  for (const key of INSPECTION_STORAGE_ONLY) delete rest[key];
  return { ...(rest as unknown as Omit<InspectionRecord, 'id'>), id: inspectionId };
}

function toRectification(item: Record<string, unknown>): RectificationRecord {
  const rest = { ...item } as Record<string, unknown> & { inspectionId: string; itemCode: string };
  for (const key of RECTIFICATION_STORAGE_ONLY) delete rest[key];
  return { ...(rest as unknown as Omit<RectificationRecord, 'id'>), id: rectificationId.of(rest.inspectionId, rest.itemCode) };
}

type StoredInspection = Parameters<PutTransaction<typeof InspectionEntity>['item']>[0];
type StoredRectification = Parameters<PutTransaction<typeof RectificationEntity>['item']>[0];

function inspectionItem(record: InspectionRecord): StoredInspection {
  const { id, ...rest } = record;
  return { ...rest, inspectionId: id } as StoredInspection;
}

function rectificationItem(record: RectificationRecord): StoredRectification {
  const { id: _id, ...rest } = record;
  void _id;
  const deadline = record.rounds[record.rounds.length - 1]!.deadline;
  return { ...rest, deadline } as StoredRectification;
}

// — writes —

const outboxWrite = (intent: NotificationIntent, order: Pick<RectificationRecord, 'id' | 'merchantId' | 'merchantName' | 'townCode'>, at: string) =>
  OutboxEntity.build(PutTransaction)
    .item({
      outboxId: ulid(),
      state: 'pending',
      dueAt: at,
      attempts: 0,
      subject: 'rectification',
      rectificationId: order.id,
      townCode: order.townCode,
      merchantId: order.merchantId,
      merchantName: order.merchantName,
      createdAt: at,
      recipient: intent.recipient,
      headline: intent.headline,
      status: intent.status,
    })
    .options({ condition: { attr: 'outboxId', exists: false } });

const auditWrite = (audit: InspectionAudit, subjectId: string, at: string, seq: string) =>
  AuditEntity.build(PutTransaction).item({
    staffUserId: audit.staffUserId,
    entry: `${at}#${subjectId}#${seq}`,
    action: audit.action,
    role: audit.role,
    subjectType: 'inspection',
    subjectId,
    ...(audit.detail ? { detail: audit.detail } : {}),
    at,
  });

const cancelled = (error: unknown): error is TransactionCanceledException => error instanceof TransactionCanceledException;

/**
 * Records an inspection: the inspection, its rectification orders, a message to the shop per order and the
 * inspector's audit entry — all or nothing, and only while the shop is still active or suspended (a
 * condition on its profile, so a shop revoked a moment ago is not inspected after all). At most one order
 * per failed item and 40 items (the contract): 4 + 2 × 40 = 84 writes, inside a transaction's 100. The
 * idempotency claim rides in the same transaction: a retried submission records nothing twice and gets the
 * first try's inspection back.
 */
export async function saveInspection(write: {
  inspection: InspectionRecord;
  rectifications: Array<{ record: RectificationRecord; notifications: NotificationIntent[] }>;
  audit: InspectionAudit;
  claim: IdempotencyClaim;
}): Promise<{ kind: 'created' } | { kind: 'replayed'; inspectionId: string; requestHash: string }> {
  const { inspection, rectifications, audit, claim } = write;
  const at = inspection.recordedAt;
  try {
    await execute(
      claimWrite(claim, at),
      MerchantEntity.build(ConditionCheck)
        .key({ merchantId: inspection.merchantId })
        .condition({ attr: 'status', in: [...INSPECTABLE_STATUSES] }),
      InspectionEntity.build(PutTransaction)
        .item(inspectionItem(inspection))
        .options({ condition: { attr: 'inspectionId', exists: false } }),
      ...rectifications.flatMap(({ record, notifications }) => [
        RectificationEntity.build(PutTransaction)
          .item(rectificationItem(record))
          .options({ condition: { attr: 'inspectionId', exists: false } }),
        ...notifications.map((intent) => outboxWrite(intent, record, at)),
      ]),
      auditWrite(audit, inspection.id, at, 'record'),
    );
    return { kind: 'created' };
  } catch (error) {
    if (!cancelled(error)) throw error;
    if (claimWasTaken(error, 0)) {
      const claimed = await claimedResult(claim);
      return { kind: 'replayed', inspectionId: claimed.resultId, requestHash: claimed.requestHash };
    }
    const shopChanged = error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed';
    throw new Conflict(shopChanged ? '该店铺的状态刚刚发生变化，请刷新后再录入检查' : '检查记录保存冲突，请稍后重试');
  }
}

/**
 * One move of an order: the order conditioned on the version read (a concurrent answer or re-check makes
 * this 409 and nothing is lost), its messages, and for staff the audit entry — all or nothing.
 */
export async function saveRectificationMove(
  readVersion: number,
  record: RectificationRecord,
  event: RectificationEvent,
  effects: { notifications: NotificationIntent[]; audit?: InspectionAudit },
): Promise<void> {
  try {
    await execute(
      RectificationEntity.build(PutTransaction)
        .item(rectificationItem(record))
        .options({ condition: { attr: 'version', eq: readVersion } }),
      ...effects.notifications.map((intent) => outboxWrite(intent, record, event.at)),
      ...(effects.audit ? [auditWrite(effects.audit, record.id, event.at, String(record.version).padStart(6, '0'))] : []),
    );
  } catch (error) {
    if (cancelled(error)) throw new Conflict('该整改通知刚刚被他人更新，请刷新后再操作');
    throw error;
  }
}

// — reads —

/** Access pattern `inspection-with-rectifications`: the inspection and its orders, one strongly consistent Query. */
const inspectionWithRectifications = FangxinTable.build(AccessPattern)
  .entities(InspectionEntity, RectificationEntity)
  .schema(string().transform(INSPECTION_KEY))
  .pattern((partition) => ({ partition }))
  .options({ consistent: true, showEntityAttr: true, maxPages: 3 })
  .meta({ title: 'inspection-with-rectifications' });

export async function findInspection(inspectionId: string): Promise<{ inspection: InspectionRecord; rectifications: RectificationRecord[] } | undefined> {
  const { Items = [] } = await inspectionWithRectifications.query(inspectionId).send();
  let inspection: InspectionRecord | undefined;
  const rectifications: RectificationRecord[] = [];
  for (const item of Items as Array<Record<string, unknown> & { entity: string }>) {
    if (item.entity === 'Inspection') inspection = toInspection(item);
    else if (item.entity === 'Rectification') rectifications.push(toRectification(item));
  }
  return inspection ? { inspection, rectifications } : undefined;
}

/** An order by its id (one strongly consistent GetItem); undefined for an id that names nothing. */
export async function findRectification(id: string): Promise<RectificationRecord | undefined> {
  const { inspectionId, itemCode } = rectificationId.parse(id);
  if (!inspectionId || !itemCode) return undefined;
  const { Item } = await RectificationEntity.build(GetItemCommand).key({ inspectionId, itemCode }).options({ consistent: true }).send();
  return Item ? toRectification(Item as Record<string, unknown>) : undefined;
}

/** Access pattern `shop-inspections`: a shop's inspections, newest first; `year` keeps one year's. */
const shopInspections = FangxinTable.build(AccessPattern)
  .entities(InspectionEntity)
  .schema(map({ merchantId: string().transform(SHOP_INSPECTIONS_KEY), year: string().optional() }))
  .pattern(({ merchantId, year }) => ({ index: 'gsi1', partition: merchantId, ...(year ? { range: { beginsWith: `${year}-` } } : {}) }))
  .options({ reverse: true })
  .meta({ title: 'shop-inspections' });

/** Access pattern `town-inspections`: a town's inspections of a year, newest first. */
const townInspections = FangxinTable.build(AccessPattern)
  .entities(InspectionEntity)
  .schema(map({ townCode: string(), year: string() }))
  .pattern(({ townCode, year }) => ({ index: 'gsi2', partition: TOWN_INSPECTIONS_KEY.encode(townInspectionsOf(townCode, year)) }))
  .options({ reverse: true })
  .meta({ title: 'town-inspections' });

/** Access pattern `rectifications-open`: open orders by deadline; `dueBefore` (a date) keeps the overdue ones. */
const openRectifications = FangxinTable.build(AccessPattern)
  .entities(RectificationEntity)
  .schema(map({ dueBefore: string().optional() }))
  .pattern(({ dueBefore }) => ({ index: 'gsi3', partition: RECTIFICATIONS_OPEN_PARTITION, ...(dueBefore ? { range: { lt: dueBefore } } : {}) }))
  .meta({ title: 'rectifications-open' });

/**
 * Access pattern `shop-rectifications`: a shop's orders, open by deadline first, then closed; `after` (a sort
 * key) starts after that place, for reading several shops' orders as one.
 */
const shopRectifications = FangxinTable.build(AccessPattern)
  .entities(RectificationEntity)
  .schema(map({ merchantId: string().transform(SHOP_RECTIFICATIONS_KEY), after: string().optional() }))
  .pattern(({ merchantId, after }) => ({ index: 'gsi1', partition: merchantId, ...(after ? { range: { gt: after } } : {}) }))
  .meta({ title: 'shop-rectifications' });

const inspectionsPage = (page: Page<unknown>): Page<InspectionRecord> => ({ ...page, items: page.items.map((item) => toInspection(item as Record<string, unknown>)) });
const rectificationsPage = (page: Page<unknown>): Page<RectificationRecord> => ({
  ...page,
  items: page.items.map((item) => toRectification(item as Record<string, unknown>)),
});

/** A shop's inspections, newest first (of one year when given). */
export const listShopInspections = async (merchantId: string, page: PageRequest, year?: number) =>
  inspectionsPage(await readPage(shopInspections.query({ merchantId, ...(year ? { year: String(year) } : {}) }), page));

export const listTownInspections = async (townCode: string, year: number, page: PageRequest) =>
  inspectionsPage(await readPage(townInspections.query({ townCode, year: String(year) }), page));

/** Open orders by deadline; with `dueBefore` (YYYY-MM-DD, today in Shanghai) only those past their deadline. */
export const listOpenRectifications = async (page: PageRequest, dueBefore?: string) =>
  rectificationsPage(await readPage(openRectifications.query(dueBefore ? { dueBefore } : {}), page));

export const listShopRectifications = async (merchantId: string, page: PageRequest) => rectificationsPage(await readPage(shopRectifications.query({ merchantId }), page));

/** A shop's orders as one shop's list, so a person's several shops can be read as one list. */
export const shopRectificationList: ShopList<RectificationRecord> = {
  readAfter: async (merchantId, after, limit) => {
    const page = rectificationsPage(await readPage(shopRectifications.query({ merchantId, ...(after ? { after } : {}) }), { limit }));
    return { items: page.items, more: Boolean(page.nextCursor) };
  },
  sortKey: (order) => shopRectificationSortOf(rectificationItem(order)),
};

/**
 * Everything the annual assessment reads of one shop: its inspections of the year (one Query on `shop-inspections`)
 * and all its orders (one Query on `shop-rectifications`) — two requests per shop whatever the number of
 * inspections, more only if a shop's items pass 1 MB (hundreds of inspections; bounded at 10 pages each).
 */
export async function readShopInspectionHistory(merchantId: string, year: number): Promise<{ inspections: InspectionRecord[]; rectifications: RectificationRecord[] }> {
  const [inspections, rectifications] = await Promise.all([
    shopInspections.query({ merchantId, year: String(year) }).options({ maxPages: 10 }).send(),
    shopRectifications.query({ merchantId }).options({ maxPages: 10 }).send(),
  ]);
  return {
    inspections: (inspections.Items ?? []).map((item) => toInspection(item as Record<string, unknown>)),
    rectifications: (rectifications.Items ?? []).map((item) => toRectification(item as Record<string, unknown>)),
  };
}
