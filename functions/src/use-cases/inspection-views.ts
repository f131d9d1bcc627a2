import {
  COUNTY,
  FINDING_RESULT_LABELS,
  INSPECTION_CATEGORIES,
  INSPECTION_MODE_LABELS,
  NotFound,
  RECTIFICATION_STATUS_LABELS,
  allowedRectificationActions,
  answeredInTime,
  checklistItem,
  checklistOf,
  currentRound,
  CURRENT_CHECKLIST_VERSION,
  describeItem,
  isRectificationOverdue,
  summariseInspection,
  waitingFor,
  type Actor,
  type ChecklistView,
  type InspectionSummaryView,
  type InspectionView,
  type RectificationSummary,
  type RectificationView,
  type StaffRole,
} from '@fangxin/shared';
import type { InspectionRecord, RectificationRecord } from '../store/inspections';
import { presignPhotoView } from '../store/photos';

/** The views of inspections and rectification orders (shared/src/contract/inspection.ts), built from records. */

const ROLE_LABELS: Record<StaffRole, string> = { regulator: '市场监管所', mediator: '消费者协会', admin: '联席会议办公室' };

const photos = (keys: readonly string[]) => Promise.all(keys.map(async (key) => ({ key, url: await presignPhotoView(key) })));

/** The checklist of a version (the current one by default), as the app shows it. */
export function checklistView(version: number = CURRENT_CHECKLIST_VERSION): ChecklistView {
  const checklist = checklistOf(version);
  if (!checklist) throw new NotFound('没有该版本的检查表');
  return {
    version: checklist.version,
    current: checklist.version === CURRENT_CHECKLIST_VERSION,
    effectiveFrom: checklist.effectiveFrom,
    categories: Object.entries(INSPECTION_CATEGORIES).map(([code, label]) => ({ code: code as keyof typeof INSPECTION_CATEGORIES, label })),
    items: checklist.items.map((item) => ({
      code: item.code,
      category: item.category,
      categoryLabel: INSPECTION_CATEGORIES[item.category],
      label: item.label,
      lookFor: item.lookFor,
      bottomLine: item.bottomLine,
      basis: item.basis,
      ...(item.sectors ? { sectors: [...item.sectors] } : {}),
    })),
  };
}

/**
 * An order in a list. `viewer` 'shop': overdue only while the order waits for the shop's answer — an order the
 * shop answered waits for staff, and its lateness is staff's to see (their triage), not the shop's fault.
 */
export function toRectificationSummary(record: RectificationRecord, now: Date, viewer: 'shop' | 'staff' = 'staff'): RectificationSummary {
  const item = describeItem(record.checklistVersion, record.itemCode);
  const round = currentRound(record);
  const waiting = waitingFor(record);
  return {
    id: record.id,
    inspectionId: record.inspectionId,
    merchant: { id: record.merchantId, name: record.merchantName },
    townCode: record.townCode,
    itemCode: record.itemCode,
    itemLabel: item.label,
    categoryLabel: item.categoryLabel,
    bottomLine: item.bottomLine,
    inspectedOn: record.inspectedOn,
    status: record.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[record.status],
    ...(waiting ? { waitingFor: waiting } : {}),
    round: round.round,
    deadline: round.deadline,
    overdue: isRectificationOverdue(record, now) && (viewer === 'staff' || record.status === 'issued'),
    ...(record.closedAt ? { closedAt: record.closedAt } : {}),
    ...(record.closedInTime !== undefined ? { closedInTime: record.closedInTime } : {}),
  };
}

/** An order in full for the shop or for staff, with the moves `actor` may make now. No person's id is shown. */
export async function toRectificationView(record: RectificationRecord, actor: Actor, now: Date): Promise<RectificationView> {
  return {
    ...toRectificationSummary(record, now, actor.kind === 'merchant' ? 'shop' : 'staff'),
    version: record.version,
    mode: record.mode,
    modeLabel: INSPECTION_MODE_LABELS[record.mode],
    issuer: `${COUNTY.name}市场监督管理局`,
    finding: { ...(record.finding.note ? { note: record.finding.note } : {}), photos: await photos(record.finding.photos) },
    lookFor: checklistItem(record.checklistVersion, record.itemCode)?.lookFor ?? '',
    rounds: await Promise.all(
      record.rounds.map(async (round) => ({
        round: round.round,
        issuedAt: round.issuedAt,
        requirements: round.requirements,
        deadline: round.deadline,
        ...(round.answer
          ? { answer: { text: round.answer.text, photos: await photos(round.answer.photos), at: round.answer.at, inTime: answeredInTime(round) === true } }
          : {}),
        ...(round.recheck
          ? {
              recheck: {
                result: round.recheck.result,
                resultLabel: round.recheck.result === 'pass' ? '复查通过' : '复查未通过',
                ...(round.recheck.note ? { note: round.recheck.note } : {}),
                photos: await photos(round.recheck.photos),
                at: round.recheck.at,
              },
            }
          : {}),
      })),
    ),
    allowedActions: allowedRectificationActions(record, actor),
  };
}

export function toInspectionSummary(record: InspectionRecord): InspectionSummaryView {
  const summary = summariseInspection(record.findings, record.checklistVersion);
  return {
    id: record.id,
    merchant: { id: record.merchantId, name: record.merchantName },
    townCode: record.townCode,
    mode: record.mode,
    modeLabel: INSPECTION_MODE_LABELS[record.mode],
    inspectedOn: record.inspectedOn,
    checklistVersion: record.checklistVersion,
    checked: summary.checked,
    passed: summary.passed,
    failed: summary.failed,
    notApplicable: summary.notApplicable,
    bottomLineFailures: summary.bottomLineFailures,
    rectifications: record.rectificationCodes.length,
    recordedAt: record.recordedAt,
  };
}

/** An inspection in full, for staff: every finding in words, and its orders as they stand now. */
export async function toInspectionView(record: InspectionRecord, rectifications: readonly RectificationRecord[], now: Date): Promise<InspectionView> {
  const role = record.inspectorRole as StaffRole;
  return {
    ...toInspectionSummary(record),
    inspector: { userId: record.inspectorId, role: record.inspectorRole, roleLabel: ROLE_LABELS[role] ?? '监管部门' },
    ...(record.remarks ? { remarks: record.remarks } : {}),
    findings: await Promise.all(
      record.findings.map(async (finding) => {
        const item = describeItem(record.checklistVersion, finding.code);
        return {
          code: finding.code,
          label: item.label,
          category: item.category,
          categoryLabel: item.categoryLabel,
          bottomLine: item.bottomLine,
          result: finding.result,
          resultLabel: FINDING_RESULT_LABELS[finding.result],
          ...(finding.note ? { note: finding.note } : {}),
          photos: await photos(finding.photos),
        };
      }),
    ),
    bottomLineCodes: summariseInspection(record.findings, record.checklistVersion).bottomLineCodes,
    rectificationOrders: [...rectifications].sort((a, b) => a.itemCode.localeCompare(b.itemCode)).map((order) => toRectificationSummary(order, now)),
  };
}
