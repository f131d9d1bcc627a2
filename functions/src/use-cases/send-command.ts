import {
  Conflict,
  commitmentDeltas,
  counterDeltas,
  notificationsFor,
  transition,
  type CommandRequest,
  type ComplaintView,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { loadComplaint, saveTransition } from '../store/complaints';
import { getClockRules } from '../store/settings';
import { complaintNotFound, resolveActor } from './complaint-access';
import { toComplaintView } from './complaint-view';
import { counterWrites } from './counter-scopes';

/**
 * One step of the lifecycle by a person: load, check who they are to this complaint (404 if nobody),
 * check they saw the current version (409 if not), let the domain decide, then write state, event,
 * counters, notifications and audit in one transaction conditioned on the version read.
 */
export async function sendCommand(complaintId: string, request: CommandRequest, principal: Principal, now: Date): Promise<ComplaintView> {
  const loaded = await loadComplaint(complaintId);
  if (!loaded) throw complaintNotFound();
  const { record, events } = loaded;
  const actor = await resolveActor(principal, record);
  if (request.version !== record.version) throw new Conflict('该投诉已有新的进展，请刷新后再操作');

  const rules = await getClockRules(now.getTime());
  const { state, event } = transition(record, request.command, actor, now, rules);
  const isFirstResponse = !record.firstResponseAt && state.firstResponseAt !== undefined;
  const deltas = counterDeltas(event, isFirstResponse ? { filedAt: record.filedAt } : undefined);
  await saveTransition(record.version, state, event, {
    counters: counterWrites(record, event.at, deltas, commitmentDeltas(event)),
    notifications: notificationsFor(event, state),
    ...(actor.kind === 'staff' ? { audit: { staffUserId: actor.userId, role: actor.role } } : {}),
  });
  return toComplaintView(state, [...events, event], actor, now);
}
