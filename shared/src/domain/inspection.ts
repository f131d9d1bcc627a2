import { INSPECTION_CATEGORIES, checklistOf, type Checklist, type ChecklistItem } from '../catalogue/inspection-checklist';
import { Conflict, Forbidden, Invalid } from './errors';
import { coversTown, type StaffRole } from './jurisdiction';
import type { Actor } from './lifecycle';
import type { NotificationIntent } from './notifications';
import type { MerchantStatus } from '../contract/merchant';
import { addDays, formatShanghaiDate } from './shanghai-date';

/**
 * Inspections (明查暗访) and the rectification orders (整改通知) they issue — docs/inspections.md. Pure: the
 * use cases pass `now` (and "today" in Shanghai is derived from it here), the store writes what these
 * functions return.
 *
 * An inspection is a fact recorded once: a shop, open (明查) or mystery (暗访), a date, the inspector, and per
 * checklist item pass / fail / not applicable with a note and photos. A failed item may get a rectification
 * order with a deadline; the order then moves through the table `RECTIFICATION_RULES` (the shape of
 * lifecycle.ts): the shop answers, staff re-check, and it closes — in time or late — or is issued again.
 */

// ---------------------------------------------------------------------------------------------------
// Inspections

export const INSPECTION_MODES = ['open', 'mystery'] as const;
export type InspectionMode = (typeof INSPECTION_MODES)[number];
export const INSPECTION_MODE_LABELS: Record<InspectionMode, string> = { open: '明查', mystery: '暗访' };

export const FINDING_RESULTS = ['pass', 'fail', 'not_applicable'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];
export const FINDING_RESULT_LABELS: Record<FindingResult, string> = { pass: '合格', fail: '不合格', not_applicable: '不适用' };

/** One checklist item as the inspector found it. */
export interface Finding {
  code: string;
  result: FindingResult;
  note?: string;
  /** Upload keys (POST /uploads). */
  photos: string[];
}

/** What an inspection found, in numbers: the list pages and the assessment read these. */
export interface InspectionSummary {
  /** Items recorded (an inspection need not cover the whole checklist: a 暗访 may test prices only). */
  checked: number;
  passed: number;
  failed: number;
  notApplicable: number;
  /** Failed items whose failure is a bottom line of the annual assessment. */
  bottomLineFailures: number;
  failedCodes: string[];
  bottomLineCodes: string[];
}

/** Who may record inspections and re-check rectifications: regulators in their towns, admins. */
export const INSPECTING_ROLES: readonly StaffRole[] = ['regulator', 'admin'];

/**
 * How a person stands to a shop's inspections and rectifications. Staff by jurisdiction (`coversTown`, the
 * one rule): regulators and admins inspect and re-check, mediators (消协) only read. A merchant by the shops
 * in their token — the use cases add the live membership check. `none`: it does not exist for them (404).
 */
export type InspectionRelation = 'inspector' | 'reader' | 'merchant' | 'none';

export function inspectionRelationOf(actor: Actor, subject: { merchantId: string; townCode: string }): InspectionRelation {
  switch (actor.kind) {
    case 'staff':
      if (!coversTown(actor.jurisdiction, subject.townCode)) return 'none';
      return INSPECTING_ROLES.includes(actor.role) ? 'inspector' : 'reader';
    case 'merchant':
      return actor.merchantIds.includes(subject.merchantId) ? 'merchant' : 'none';
    default:
      return 'none';
  }
}

/**
 * Shops that may be inspected: those in the campaign (参创), suspended ones included (a suspension is often what an
 * inspection follows up). Pending, rejected and revoked shops are not in the campaign.
 */
export const INSPECTABLE_STATUSES = ['active', 'suspended'] as const satisfies readonly MerchantStatus[];
export const mayBeInspected = (status: MerchantStatus) => (INSPECTABLE_STATUSES as readonly MerchantStatus[]).includes(status);

/** How far back an inspection may be entered: staff on the road enter it within days, not months later. */
export const INSPECTION_ENTRY_WINDOW_DAYS = 30;
/** The longest a rectification order may run. */
export const MAX_RECTIFICATION_DAYS = 90;

/** What the inspector sends: the findings and the orders for failed items. */
export interface InspectionInput {
  mode: InspectionMode;
  inspectedOn: string;
  checklistVersion: number;
  findings: Finding[];
  rectifications: Array<{ code: string; requirements: string; deadline: string }>;
}

/** Why a deadline cannot be set (today or later, at most 90 days), or undefined. */
export function deadlineProblem(deadline: string, today: string): string | undefined {
  if (deadline < today) return '整改期限不能早于今天';
  const latest = addDays(today, MAX_RECTIFICATION_DAYS);
  if (deadline > latest) return `整改期限最长 ${MAX_RECTIFICATION_DAYS} 天（不晚于 ${latest}）`;
  return undefined;
}

/** The checklist an inspection was recorded against; throws Invalid (naming `checklistVersion`) for a version that never existed. */
export function checklistFor(version: number): Checklist {
  const checklist = checklistOf(version);
  if (!checklist) throw new Invalid('检查表版本不存在，请刷新检查表后重新填写', 'checklistVersion');
  return checklist;
}

/**
 * Checks an inspection as a whole before anything is written, each refusal naming the field at fault: the
 * checklist version exists, the date is not in the future nor older than the entry window, every item is on
 * that version's list and appears once, a failed item says what was wrong, and each order is for a failed
 * item of this inspection (once) with a deadline from today to 90 days on.
 */
export function checkInspection(input: InspectionInput, now: Date): Checklist {
  const checklist = checklistFor(input.checklistVersion);
  const today = formatShanghaiDate(now);
  if (input.inspectedOn > today) throw new Invalid('检查日期不能晚于今天', 'inspectedOn');
  if (input.inspectedOn < addDays(today, -INSPECTION_ENTRY_WINDOW_DAYS)) {
    throw new Invalid(`只能录入 ${INSPECTION_ENTRY_WINDOW_DAYS} 日内的检查，请核对检查日期`, 'inspectedOn');
  }
  if (input.findings.length === 0) throw new Invalid('请至少填写一个检查项目', 'findings');
  const seen = new Set<string>();
  input.findings.forEach((finding, index) => {
    const item = checklist.items.find((candidate) => candidate.code === finding.code);
    if (!item) throw new Invalid(`检查项目「${finding.code}」不在第 ${checklist.version} 版检查表中`, `findings.${index}.code`);
    if (seen.has(finding.code)) throw new Invalid(`检查项目「${item.label}」填写了两次`, `findings.${index}.code`);
    seen.add(finding.code);
    if (finding.result === 'fail' && !finding.note) throw new Invalid(`请说明「${item.label}」不合格的情况`, `findings.${index}.note`);
  });
  const failed = new Set(input.findings.filter((finding) => finding.result === 'fail').map((finding) => finding.code));
  const ordered = new Set<string>();
  input.rectifications.forEach((order, index) => {
    const label = checklist.items.find((item) => item.code === order.code)?.label ?? order.code;
    if (!failed.has(order.code)) throw new Invalid(`「${label}」不是本次检查的不合格项目，不能下达整改通知`, `rectifications.${index}.code`);
    if (ordered.has(order.code)) throw new Invalid(`「${label}」已下达整改通知，同一项目只能下达一次`, `rectifications.${index}.code`);
    ordered.add(order.code);
    const problem = deadlineProblem(order.deadline, today);
    if (problem) throw new Invalid(problem, `rectifications.${index}.deadline`);
  });
  return checklist;
}

/** The numbers of an inspection, read against the checklist version it was recorded with. */
export function summariseInspection(findings: readonly Pick<Finding, 'code' | 'result'>[], checklistVersion: number): InspectionSummary {
  const checklist = checklistOf(checklistVersion);
  const bottomLine = (code: string) => checklist?.items.find((item) => item.code === code)?.bottomLine === true;
  const failedCodes = findings.filter((finding) => finding.result === 'fail').map((finding) => finding.code);
  const bottomLineCodes = failedCodes.filter(bottomLine);
  return {
    checked: findings.length,
    passed: findings.filter((finding) => finding.result === 'pass').length,
    failed: failedCodes.length,
    notApplicable: findings.filter((finding) => finding.result === 'not_applicable').length,
    bottomLineFailures: bottomLineCodes.length,
    failedCodes,
    bottomLineCodes,
  };
}

/** A checklist item in words, for views: its label, category and whether it is a bottom line. */
export function describeItem(checklistVersion: number, code: string): Pick<ChecklistItem, 'code' | 'label' | 'category' | 'bottomLine'> & { categoryLabel: string } {
  const item = checklistOf(checklistVersion)?.items.find((candidate) => candidate.code === code);
  const category = item?.category ?? 'safety';
  return { code, label: item?.label ?? code, category, bottomLine: item?.bottomLine ?? false, categoryLabel: INSPECTION_CATEGORIES[category] };
}

// ---------------------------------------------------------------------------------------------------
// Rectification orders (整改通知)

export const RECTIFICATION_STATUSES = ['issued', 'answered', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  issued: '待整改',
  answered: '待复查',
  closed: '已完成整改',
};

/** Orders re-issued this many times without passing are a matter for enforcement (立案), not another round. */
export const MAX_RECTIFICATION_ROUNDS = 5;

/** One round: the order (requirements, deadline), the shop's answer, the re-check. A failed re-check starts the next. */
export interface RectificationRound {
  round: number;
  issuedAt: string;
  /** The staff member who issued it (the inspector, or who re-checked). */
  issuedBy: string;
  requirements: string;
  /** `YYYY-MM-DD`: the shop has until the end of this day, Shanghai time. */
  deadline: string;
  answer?: { text: string; photos: string[]; at: string; by: string };
  recheck?: { result: 'pass' | 'fail'; note?: string; photos: string[]; at: string; by: string };
}

/** The part of an order the rules read and write. */
export interface RectificationState {
  status: RectificationStatus;
  /** Up by one on every move: the store conditions its write on the version read. */
  version: number;
  merchantId: string;
  townCode: string;
  rounds: RectificationRound[];
  closedAt?: string;
  /** Set when closed: the accepted answer came by the deadline of its round. */
  closedInTime?: boolean;
}

export type RectificationCommand =
  | { type: 'answer'; text: string; photos: string[] }
  | { type: 'pass'; note?: string | undefined; photos: string[] }
  | { type: 'fail'; note: string; requirements: string; deadline: string; photos: string[] };
export type RectificationCommandType = RectificationCommand['type'];
export const RECTIFICATION_COMMANDS = ['answer', 'pass', 'fail'] as const satisfies readonly RectificationCommandType[];

interface RectificationRule {
  by: Exclude<InspectionRelation, 'none' | 'reader'>;
  from: readonly RectificationStatus[];
  to: RectificationStatus;
  guard?: (state: RectificationState) => string | undefined;
}

/**
 * The rules, one row per command:
 *
 * | command | by                          | from     | to       |
 * |---------|-----------------------------|----------|----------|
 * | answer  | the shop (owner or clerk)   | issued   | answered |
 * | pass    | regulator / admin (towns)   | answered | closed   |
 * | fail    | regulator / admin (towns)   | answered | issued (next round, new deadline; at most 5 rounds) |
 *
 * A shop may answer after its deadline (it closes late). Mediators read but never move an order.
 */
export const RECTIFICATION_RULES: Record<RectificationCommandType, RectificationRule> = {
  answer: { by: 'merchant', from: ['issued'], to: 'answered' },
  pass: { by: 'inspector', from: ['answered'], to: 'closed' },
  fail: {
    by: 'inspector',
    from: ['answered'],
    to: 'issued',
    guard: (state) =>
      state.rounds.length >= MAX_RECTIFICATION_ROUNDS ? `已下达 ${MAX_RECTIFICATION_ROUNDS} 轮整改仍未通过，请依法立案处理，不再继续下达整改` : undefined,
  },
};

/** The round in force: the latest. */
export const currentRound = (state: Pick<RectificationState, 'rounds'>): RectificationRound => state.rounds[state.rounds.length - 1]!;

/** Past the deadline and not closed. The deadline day itself is still in time. */
export function isRectificationOverdue(state: Pick<RectificationState, 'status' | 'rounds'>, now: Date): boolean {
  return state.status !== 'closed' && formatShanghaiDate(now) > currentRound(state).deadline;
}

/** Whether the round's answer came by its deadline (Shanghai date of the answer ≤ the deadline); undefined before an answer. */
export function answeredInTime(round: Pick<RectificationRound, 'answer' | 'deadline'>): boolean | undefined {
  return round.answer ? formatShanghaiDate(new Date(round.answer.at)) <= round.deadline : undefined;
}

/** Who the order waits for now. */
export function waitingFor(state: Pick<RectificationState, 'status'>): 'merchant' | 'staff' | undefined {
  return state.status === 'issued' ? 'merchant' : state.status === 'answered' ? 'staff' : undefined;
}

/** Why `actor` may not issue `type` now (forbidden: not theirs to issue at all), or undefined when they may. */
export function rectificationRefusal(state: RectificationState, type: RectificationCommandType, actor: Actor): { reason: string; forbidden: boolean } | undefined {
  const rule = RECTIFICATION_RULES[type];
  if (inspectionRelationOf(actor, state) !== rule.by) {
    return { reason: rule.by === 'merchant' ? '只有被检查店铺的人员可以答复整改' : '只有辖区监管员或管理员可以复查整改', forbidden: true };
  }
  if (!rule.from.includes(state.status)) {
    return { reason: `整改当前状态为「${RECTIFICATION_STATUS_LABELS[state.status]}」，不能进行此操作，请刷新后查看`, forbidden: false };
  }
  const refused = rule.guard?.(state);
  return refused ? { reason: refused, forbidden: false } : undefined;
}

/** The commands this actor may issue now: the app shows exactly these buttons. */
export function allowedRectificationActions(state: RectificationState, actor: Actor): RectificationCommandType[] {
  return RECTIFICATION_COMMANDS.filter((type) => rectificationRefusal(state, type, actor) === undefined);
}

/** What happened, for the notifications and the audit trail. `issue` opens every order. */
export interface RectificationEvent {
  type: RectificationCommandType | 'issue';
  at: string;
  from: RectificationStatus;
  to: RectificationStatus;
  round: number;
}

export class IllegalRectificationMove extends Conflict {
  override readonly name: string = 'IllegalRectificationMove';
}

/** A new order for a failed item, in its first round. */
export function issueRectification(
  fields: Pick<RectificationState, 'merchantId' | 'townCode'>,
  order: { requirements: string; deadline: string },
  issuedBy: string,
  now: Date,
): { state: RectificationState; event: RectificationEvent } {
  const at = now.toISOString();
  const state: RectificationState = {
    ...fields,
    status: 'issued',
    version: 1,
    rounds: [{ round: 1, issuedAt: at, issuedBy, requirements: order.requirements, deadline: order.deadline }],
  };
  return { state, event: { type: 'issue', at, from: 'issued', to: 'issued', round: 1 } };
}

/**
 * Applies one command. Throws `Forbidden` when the actor may not issue it at all, `IllegalRectificationMove`
 * (409) when the state does not allow it now, `Invalid` for a new deadline out of range (naming `deadline`).
 * Closing compares the Shanghai date of the accepted answer with its round's deadline: the shop is judged
 * on when it answered, not on when staff came to re-check.
 */
export function applyRectification<S extends RectificationState>(
  state: S,
  command: RectificationCommand,
  actor: Actor,
  now: Date,
): { state: S; event: RectificationEvent } {
  const refused = rectificationRefusal(state, command.type, actor);
  if (refused) throw refused.forbidden ? new Forbidden(refused.reason) : new IllegalRectificationMove(refused.reason);
  const at = now.toISOString();
  const by = actor.kind === 'system' ? 'system' : actor.userId;
  const rounds = state.rounds.map((round) => ({ ...round }));
  const round = rounds[rounds.length - 1]!;
  const next: S = { ...state, rounds, status: RECTIFICATION_RULES[command.type].to, version: state.version + 1 };
  switch (command.type) {
    case 'answer':
      round.answer = { text: command.text, photos: command.photos, at, by };
      break;
    case 'pass':
      round.recheck = { result: 'pass', ...(command.note ? { note: command.note } : {}), photos: command.photos, at, by };
      next.closedAt = at;
      // 按期: every round answered by its deadline. A late answer stays late, whatever the rounds after it.
      next.closedInTime = rounds.every((each) => answeredInTime(each) === true);
      break;
    case 'fail': {
      const problem = deadlineProblem(command.deadline, formatShanghaiDate(now));
      if (problem) throw new Invalid(problem, 'deadline');
      round.recheck = { result: 'fail', note: command.note, photos: command.photos, at, by };
      rounds.push({ round: round.round + 1, issuedAt: at, issuedBy: by, requirements: command.requirements, deadline: command.deadline });
      break;
    }
  }
  return { state: next, event: { type: command.type, at, from: state.status, to: next.status, round: rounds.length } };
}

/**
 * Whether `state` is this very command, made by this person from version `seenVersion`: their own move sent
 * again after its answer was lost (or twice at once). Then the order as it stands is the answer: the move is
 * not refused as someone else's, nor made twice.
 */
export function isOwnLastMove(state: RectificationState, seenVersion: number, command: RectificationCommand, userId: string): boolean {
  if (state.version !== seenVersion + 1) return false;
  const last = state.rounds[state.rounds.length - 1];
  // Everything the command carries: a move sent again with a word, a date or a photo changed is another move.
  const samePhotos = (photos: readonly string[] | undefined) => photos !== undefined && photos.length === command.photos.length && photos.every((photo, index) => photo === command.photos[index]);
  switch (command.type) {
    case 'answer':
      return state.status === 'answered' && last?.answer?.by === userId && last.answer.text === command.text && samePhotos(last.answer.photos);
    case 'pass':
      return state.status === 'closed' && last?.recheck?.result === 'pass' && last.recheck.by === userId && last.recheck.note === command.note && samePhotos(last.recheck.photos);
    case 'fail': {
      const failed = state.rounds[state.rounds.length - 2];
      return (
        failed?.recheck?.result === 'fail' &&
        failed.recheck.by === userId &&
        failed.recheck.note === command.note &&
        samePhotos(failed.recheck.photos) &&
        last?.issuedBy === userId &&
        last.requirements === command.requirements &&
        last.deadline === command.deadline
      );
    }
  }
}

/**
 * Who must hear about a move: the shop's people when an order is issued, issued again or closed; the
 * town's staff when the shop answers (someone must re-check). Written in the move's transaction.
 */
export function rectificationNotifications(event: RectificationEvent, state: Pick<RectificationState, 'merchantId' | 'townCode' | 'status'>): NotificationIntent[] {
  const status = RECTIFICATION_STATUS_LABELS[state.status];
  const toShop = (headline: string): NotificationIntent[] => [{ recipient: { kind: 'merchant', merchantId: state.merchantId }, headline, status }];
  switch (event.type) {
    case 'issue':
      return toShop('整改通知');
    case 'fail':
      return toShop('再次整改');
    case 'pass':
      return toShop('整改通过');
    case 'answer':
      return [{ recipient: { kind: 'staff_town', townCode: state.townCode }, headline: '整改答复', status }];
  }
}

// ---------------------------------------------------------------------------------------------------
// The annual assessment's inputs

/** An inspection as the scorecard reads it. */
export interface InspectionFactsInput {
  id: string;
  inspectedOn: string;
  checklistVersion: number;
  findings: readonly Pick<Finding, 'code' | 'result'>[];
}

/** A rectification as the scorecard reads it: its state and the date of the inspection that issued it. */
export type RectificationFactsInput = Pick<RectificationState, 'status' | 'rounds' | 'closedInTime'> & { inspectedOn: string };

/**
 * What inspections say about a shop for a year's assessment (考核验收). Inspections count to the year they
 * took place in, and so do the orders they issued; an order's open / overdue state is as of `now`.
 */
export interface InspectionFacts {
  year: number;
  inspections: number;
  /** Inspections where no item failed. */
  inspectionsWithoutFailures: number;
  itemsFailed: number;
  bottomLineFailures: number;
  /** Each bottom-line failure, so the assessment can say why a shop failed outright. */
  bottomLines: Array<{ inspectionId: string; inspectedOn: string; code: string; label: string }>;
  rectificationsIssued: number;
  rectificationsClosedInTime: number;
  rectificationsClosedLate: number;
  /** Not closed yet (waiting for the shop or for a re-check). */
  rectificationsOpen: number;
  /**
   * Still waiting for the shop's answer past the deadline of the round in force (a subset of
   * `rectificationsOpen`). An answer waiting for a re-check is the bureau's to finish, not the shop's lateness.
   */
  rectificationsOverdue: number;
  /**
   * Orders whose time is up: closed, overdue as above, or answered after a deadline (late whatever follows).
   * Those still within their deadline, or answered in time and waiting for a re-check, cannot yet be judged.
   */
  rectificationsDue: number;
  /** Orders issued again after a failed re-check, counted per extra round. */
  rectificationsReissued: number;
}

export function inspectionFacts(
  year: number,
  inspections: readonly InspectionFactsInput[],
  rectifications: readonly RectificationFactsInput[],
  now: Date,
): InspectionFacts {
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const ofYear = inspections.filter((inspection) => inYear(inspection.inspectedOn));
  const summaries = ofYear.map((inspection) => ({ inspection, summary: summariseInspection(inspection.findings, inspection.checklistVersion) }));
  const orders = rectifications.filter((order) => inYear(order.inspectedOn));
  const open = orders.filter((order) => order.status !== 'closed');
  const closed = orders.filter((order) => order.status === 'closed');
  const overdue = open.filter((order) => order.status === 'issued' && isRectificationOverdue(order, now)).length;
  // Open but already late: an answer came after its deadline (waiting for a re-check, or issued again since).
  // Its lateness is settled, so it is judged now — answering late just before the assessment escapes nothing.
  const answeredLate = open.filter(
    (order) => order.rounds.some((round) => answeredInTime(round) === false) && !(order.status === 'issued' && isRectificationOverdue(order, now)),
  ).length;
  return {
    year,
    inspections: ofYear.length,
    inspectionsWithoutFailures: summaries.filter(({ summary }) => summary.failed === 0).length,
    itemsFailed: summaries.reduce((sum, { summary }) => sum + summary.failed, 0),
    bottomLineFailures: summaries.reduce((sum, { summary }) => sum + summary.bottomLineFailures, 0),
    bottomLines: summaries.flatMap(({ inspection, summary }) =>
      summary.bottomLineCodes.map((code) => ({
        inspectionId: inspection.id,
        inspectedOn: inspection.inspectedOn,
        code,
        label: describeItem(inspection.checklistVersion, code).label,
      })),
    ),
    rectificationsIssued: orders.length,
    rectificationsClosedInTime: closed.filter((order) => order.closedInTime === true).length,
    rectificationsClosedLate: closed.filter((order) => order.closedInTime !== true).length,
    rectificationsOpen: open.length,
    rectificationsOverdue: overdue,
    rectificationsDue: closed.length + overdue + answeredLate,
    rectificationsReissued: orders.reduce((sum, order) => sum + order.rounds.length - 1, 0),
  };
}
