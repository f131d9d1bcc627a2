import {
  Conflict,
  Forbidden,
  INSPECTION_MODE_LABELS,
  MERCHANT_STATUS_LABELS,
  NotFound,
  checkInspection,
  coversTown,
  inspectionRelationOf,
  issueRectification,
  mayBeInspected,
  rectificationNotifications,
  shanghaiToday,
  summariseInspection,
  type Actor,
  type Finding,
  type InspectionPage,
  type InspectionView,
  type RecordInspectionRequest,
} from '@fangxin/shared';
import { ulid } from 'ulid';
import type * as z from 'zod/mini';
import type { Principal } from '../auth/token';
import { findInspection, listShopInspections, listTownInspections, saveInspection, type InspectionRecord, type RectificationRecord } from '../store/inspections';
import { rectificationId } from '../store/keys';
import { requestHashOf, requireSameRequest } from '../store/idempotency';
import { findMerchant } from '../store/merchants';
import { toInspectionSummary, toInspectionView } from './inspection-views';
import { checkOwnPhotos } from './photo-ownership';

/**
 * Inspections (明查暗访, docs/inspections.md): staff record them, with rectification orders for failed items,
 * and read them by shop or by town and year. Who may: regulators in their towns and county-wide admins record
 * and read; mediators (消协) read; anyone else meets the staff-only edge (403), and staff outside the shop's
 * town get 404 — the same answer as for a shop or inspection that does not exist.
 */

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** The caller as bureau staff (the edge admits only staff to these routes). */
export function staffActor(principal: Principal): StaffActor {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('只有监管部门工作人员可以使用此功能');
  return { kind: 'staff', userId: principal.userId, role: staff.role, jurisdiction: staff.jurisdiction };
}

/** A shop as the inspection rules see it. */
export const shopSubject = (merchant: { id: string; townCode: string }) => ({ merchantId: merchant.id, townCode: merchant.townCode });

export const shopNotFound = () => new NotFound('未找到该店铺，或不在您的辖区');
const inspectionNotFound = () => new NotFound('未找到该检查记录，或不在您的辖区');


/**
 * Records an inspection of a shop with its rectification orders: checked whole (the domain's
 * `checkInspection`) before one transaction writes the inspection, the orders, a message per order to the
 * shop's people and the audit entry. A pending, rejected or revoked shop is not inspected (409), nor one that
 * leaves the campaign while this is written (the transaction's condition on the shop).
 */
export async function recordInspection(
  input: z.output<typeof RecordInspectionRequest>,
  principal: Principal,
  idempotencyKey: string,
  now: Date,
): Promise<InspectionView> {
  const actor = staffActor(principal);
  const merchant = await findMerchant(input.merchantId);
  if (!merchant) throw shopNotFound();
  const relation = inspectionRelationOf(actor, shopSubject(merchant));
  if (relation === 'none') throw shopNotFound();
  if (relation !== 'inspector') throw new Forbidden('您的岗位可以查看检查记录，但不能录入检查');
  if (!mayBeInspected(merchant.status)) {
    throw new Conflict(`该店铺当前状态为「${MERCHANT_STATUS_LABELS[merchant.status]}」，不在放心消费创建范围内，不能录入检查`);
  }
  input.findings.forEach((finding, index) => checkOwnPhotos(finding.photos, principal, `findings.${index}.photos`));
  checkInspection(input, now);

  const id = ulid(now.getTime());
  const at = now.toISOString();
  const findings: Finding[] = input.findings.map((finding) => ({
    code: finding.code,
    result: finding.result,
    ...(finding.note ? { note: finding.note } : {}),
    photos: finding.photos,
  }));
  const inspection: InspectionRecord = {
    id,
    merchantId: merchant.id,
    merchantName: merchant.name,
    townCode: merchant.townCode,
    mode: input.mode,
    inspectedOn: input.inspectedOn,
    checklistVersion: input.checklistVersion,
    inspectorId: actor.userId,
    inspectorRole: actor.role,
    findings,
    rectificationCodes: input.rectifications.map((order) => order.code),
    ...(input.remarks ? { remarks: input.remarks } : {}),
    recordedAt: at,
  };
  const rectifications = input.rectifications.map((order) => {
    const finding = findings.find((candidate) => candidate.code === order.code)!;
    const { state, event } = issueRectification({ merchantId: merchant.id, townCode: merchant.townCode }, order, actor.userId, now);
    const record: RectificationRecord = {
      ...state,
      id: rectificationId.of(id, order.code),
      inspectionId: id,
      itemCode: order.code,
      merchantName: merchant.name,
      mode: input.mode,
      inspectedOn: input.inspectedOn,
      checklistVersion: input.checklistVersion,
      finding: { ...(finding.note ? { note: finding.note } : {}), photos: finding.photos },
    };
    return { record, notifications: rectificationNotifications(event, state) };
  });
  const summary = summariseInspection(findings, input.checklistVersion);
  const requestHash = requestHashOf(input);
  const outcome = await saveInspection({
    claim: { userId: actor.userId, operation: 'recordInspection', key: idempotencyKey, requestHash, resultId: id },
    inspection,
    rectifications,
    audit: {
      staffUserId: actor.userId,
      role: actor.role,
      action: 'record_inspection',
      detail: `${INSPECTION_MODE_LABELS[input.mode]} ${merchant.name}（${input.inspectedOn}）：合格 ${summary.passed} 项，不合格 ${summary.failed} 项（底线项 ${summary.bottomLineFailures} 项），下达整改通知 ${rectifications.length} 份`,
    },
  });
  if (outcome.kind === 'created') return toInspectionView(inspection, rectifications.map(({ record }) => record), now);
  requireSameRequest(outcome, requestHash, '检查记录');
  const first = await findInspection(outcome.inspectionId);
  if (!first) throw new Conflict('检查记录正在保存，请稍后在检查列表中查看');
  return toInspectionView(first.inspection, first.rectifications, now);
}

/** One inspection with its orders as they stand: staff whose jurisdiction covers the shop's town. */
export async function getInspection(inspectionId: string, principal: Principal, now: Date): Promise<InspectionView> {
  const actor = staffActor(principal);
  const found = await findInspection(inspectionId);
  if (!found || inspectionRelationOf(actor, found.inspection) === 'none') throw inspectionNotFound();
  return toInspectionView(found.inspection, found.rectifications, now);
}

export interface InspectionListFilters {
  merchantId?: string | undefined;
  town?: string | undefined;
  year?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * A shop's inspections (newest first, of one year when `year` is given; 404 for a shop outside the caller's towns), or a town's inspections of a
 * year (this year by default; 403 for a town outside them, as the registry's town filter answers).
 */
export async function listInspections(filters: InspectionListFilters, principal: Principal, now: Date): Promise<InspectionPage> {
  const actor = staffActor(principal);
  const page = { cursor: filters.cursor, limit: filters.limit };
  let read;
  if (filters.merchantId) {
    const merchant = await findMerchant(filters.merchantId);
    if (!merchant || inspectionRelationOf(actor, shopSubject(merchant)) === 'none') throw shopNotFound();
    read = await listShopInspections(merchant.id, page, filters.year);
  } else {
    const town = filters.town ?? '';
    if (!coversTown(actor.jurisdiction, town)) throw new Forbidden('该乡镇（街道）不在您的辖区');
    read = await listTownInspections(town, filters.year ?? Number(shanghaiToday(now).slice(0, 4)), page);
  }
  return { items: read.items.map(toInspectionSummary), ...(read.nextCursor ? { nextCursor: read.nextCursor } : {}) };
}
