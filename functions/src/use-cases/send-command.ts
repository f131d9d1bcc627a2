import {
  Conflict,
  Invalid,
  coversTown,
  commitmentDeltas,
  counterDeltas,
  notificationsFor,
  transition,
  type Actor,
  type CommandRequest,
  type ComplaintView,
  type LifecycleEvent,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { eventSeq } from '../store/complaint.entity';
import { loadComplaint, saveTransition, type EventToWrite, type SideEffects } from '../store/complaints';
import { type ModerationTask } from '../store/moderation';
import { hitRateLimit } from '../store/rate-limits';
import { clocksAt } from './clocks';
import { noticeIssuedBy } from './party-notices';
import { complaintNotFound, resolveActor } from './complaint-access';
import { toComplaintView } from './complaint-view';
import { checkUserText } from './content-check';
import { authorSideOf, moderationOf, moderationTaskFor, userTextOf } from './moderation-rules';
import { counterWrites } from './counter-scopes';
import { followUpWrites } from './follow-ups';
import { eventTarget } from '../store/keys';
import { findUser } from '../store/users';

/**
 * One step of the lifecycle by a person: load, check who they are to this complaint (404 if nobody),
 * check they saw the current version (409 if not), let the domain decide, then write state, event,
 * counters, notifications and audit in one transaction conditioned on the version read.
 *
 * A consumer's or a merchant's own words (a reply, a proposal, a reason, a rating comment) are checked
 * with WeChat once the domain has allowed the move and before the write, and stored with their verdict:
 * the other party sees them only once they are clean. Staff texts are not checked.
 */
export async function sendCommand(complaintId: string, request: CommandRequest, principal: Principal, now: Date): Promise<ComplaintView> {
  const loaded = await loadComplaint(complaintId);
  if (!loaded) throw complaintNotFound();
  const { record, events, followUp } = loaded;
  const actor = await resolveActor(principal, record);
  if (request.version !== record.version) throw new Conflict('该投诉已有新的进展，请刷新后再操作');

  const { rules, calendar } = await clocksAt(now);
  const { state, event } = transition(record, request.command, actor, now, rules, calendar);
  // Only once the lifecycle lets this person assign: asked first, a consumer or a shop could learn from the
  // answer which user ids are staff of the town.
  if (request.command.type === 'assign') await requireAssignee(request.command.assigneeId, record.townCode);
  // Per person and case, counted once the lifecycle allows the move (a refused one spends nothing): every text
  // is checked with WeChat and the other side is notified.
  await hitRateLimit('commandPerCase', `${principal.userId}#${record.id}`, now);
  const isFirstResponse = !record.firstResponseAt && state.firstResponseAt !== undefined;
  const deltas = counterDeltas(event, isFirstResponse ? { filedAt: record.filedAt } : undefined);
  const { written, task } = await checkOwnWords(event, record, state.version, now);
  const notice = noticeIssuedBy(event, record, rules, calendar);
  await saveTransition(record.version, state, written, {
    counters: counterWrites(record, deltas, commitmentDeltas(event)),
    notifications: notificationsFor(event, state),
    ...auditOf(actor),
    ...(task ? { moderation: [task] } : {}),
    ...(notice ? { notice } : {}),
    writes: followUpWrites(record, state, event, followUp),
  });
  return toComplaintView(state, [...events, written], actor, now, notice ?? loaded.notice);
}

/**
 * Who acts for the bureau is audited under their own name: staff, and station staff, who act for a consumer
 * on a case not yet claimed (accept, reject, escalate, withdraw) and record 回访 whose satisfaction counts.
 */
function auditOf(actor: Actor): Partial<Pick<SideEffects, 'audit'>> {
  if (actor.kind === 'staff') return { audit: { staffUserId: actor.userId, role: actor.role } };
  if (actor.kind === 'station') return { audit: { staffUserId: actor.userId, role: 'station' } };
  return {};
}

/**
 * A case is assigned only to a staff member who can work it: a regulator, mediator or admin whose
 * jurisdiction covers the complaint's town. Anyone else — a consumer, a shop, a made-up id — is refused
 * naming the field, and nothing is written.
 */
async function requireAssignee(assigneeId: string, townCode: string): Promise<void> {
  const staff = (await findUser(assigneeId))?.roles.staff;
  if (!staff || !coversTown(staff.jurisdiction, townCode)) {
    throw new Invalid('只能分派给辖区覆盖该投诉所在乡镇的监管员、调解员或管理员', 'command.assigneeId');
  }
}

/** The event with its text's verdict, and the recheck / review task when the text is not clean. */
async function checkOwnWords(
  event: LifecycleEvent,
  complaint: { id: string; townCode: string; merchantId: string; merchantName: string },
  version: number,
  now: Date,
): Promise<{ written: EventToWrite; task?: ModerationTask }> {
  const text = userTextOf(event);
  const author = authorSideOf(event);
  if (text === undefined || !author || !event.actor.userId) return { written: event };
  const check = await checkUserText(text, event.actor.userId, now);
  const task = moderationTaskFor(
    check,
    { complaintId: complaint.id, target: eventTarget(eventSeq(version)), textType: event.type, text, authorKind: author, authorUserId: event.actor.userId, writtenAt: event.at },
    complaint,
  );
  return { written: { ...event, moderation: moderationOf(check) }, ...(task ? { task } : {}) };
}
