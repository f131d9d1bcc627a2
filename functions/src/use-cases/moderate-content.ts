import { Conflict, NotFound, coversTown, type ModerationDecision, type ModerationItem, type ModerationPage } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { findModerationTask, listHeld, saveModerationChange, type ModerationTask } from '../store/moderation';
import { STATE_LABELS, TEXT_LABELS, holdReasonText, targetFromWire, targetToWire } from './moderation-rules';
import { scopedCursor } from '../auth/sealed-cursor';

const notFound = () => new NotFound('未找到该内容，或您无权审核');

function staffOf(principal: Principal) {
  const staff = principal.roles.staff;
  if (!staff) throw notFound();
  return staff;
}

function toModerationItem(task: ModerationTask): ModerationItem {
  return {
    complaintId: task.complaintId,
    target: targetToWire(task.target),
    targetLabel: TEXT_LABELS[task.textType as keyof typeof TEXT_LABELS] ?? '用户填写的内容',
    townCode: task.townCode,
    merchant: { id: task.merchantId, name: task.merchantName },
    authorLabel: task.authorKind === 'consumer' ? '消费者' : '商家',
    text: task.text,
    state: task.state,
    stateLabel: STATE_LABELS[task.state],
    reason: task.state === 'unchecked' && !task.reason ? '尚未完成微信内容安全检测，系统正在复检' : holdReasonText(task.reason, task.label),
    ...(task.label !== undefined && task.label !== 100 ? { label: task.label } : {}),
    writtenAt: task.writtenAt,
    ...(task.heldAt ? { heldAt: task.heldAt } : {}),
    ...(task.decidedAt ? { decidedAt: task.decidedAt } : {}),
  };
}

/**
 * The reviewers' queue: held texts, oldest first, in the caller's jurisdiction. One Query on the held
 * index; the jurisdiction narrows what it returned (as triage does), so a page may hold fewer items than
 * `limit` — follow `nextCursor`.
 */
export async function moderationQueue(principal: Principal, cursor: string | undefined, limit: number): Promise<ModerationPage> {
  const staff = staffOf(principal);
  const pager = scopedCursor('moderation', principal.userId);
  const page = await listHeld({ cursor: pager.incoming(cursor), limit });
  return {
    items: page.items.filter((task) => coversTown(staff.jurisdiction, task.townCode)).map(toModerationItem),
    ...pager.outgoing(page.nextCursor),
  };
}

/**
 * A reviewer releases a held text to the other party or blocks it for good — once: the write is
 * conditioned on the state read, so a second decision (or a recheck that got there first) is 409. The
 * decision is audited under the reviewer, with the text item's state and the task, in one transaction.
 * Staff outside the complaint's town get 404, as for a text that does not exist.
 */
export async function decideModeration(
  complaintId: string,
  target: string,
  { decision }: ModerationDecision,
  principal: Principal,
  now: Date,
): Promise<ModerationItem> {
  const staff = staffOf(principal);
  const task = await findModerationTask(complaintId, targetFromWire(target));
  if (!task || !coversTown(staff.jurisdiction, task.townCode)) throw notFound();
  const state = decision === 'release' ? 'released' : 'blocked';
  // The reviewer's own decision sent again (its answer was lost): what they decided, written once.
  const ownDecision = (decided: ModerationTask | undefined) => decided?.state === state && decided.decidedBy === principal.userId;
  if (ownDecision(task)) return toModerationItem(task);
  if (task.state !== 'held' && task.state !== 'unchecked') {
    throw new Conflict(`该内容${STATE_LABELS[task.state]}，不能重复审核，请刷新后查看`);
  }
  const at = now.toISOString();
  const { nextCheckAt: _next, ...rest } = task;
  void _next;
  const after: ModerationTask = { ...rest, state, decidedBy: principal.userId, decidedAt: at };
  try {
    await saveModerationChange(
      {
        before: task,
        after,
        text: { state, ...(task.label !== undefined ? { label: task.label } : {}), checkedAt: at },
        audit: {
          staffUserId: principal.userId,
          role: staff.role,
          action: `moderation_${decision}`,
          // What was decided, not the words themselves: the audit trail is no place for the text.
          detail: `${TEXT_LABELS[task.textType as keyof typeof TEXT_LABELS] ?? '用户内容'}（${targetToWire(task.target)}）：${STATE_LABELS[state]}`,
          at,
        },
      },
      '该内容刚刚已由其他工作人员审核，请刷新后查看',
    );
  } catch (error) {
    // A double tap: the twin decided first. Anyone else's decision stands, and this one is refused.
    const current = error instanceof Conflict ? await findModerationTask(complaintId, task.target) : undefined;
    if (current && ownDecision(current)) return toModerationItem(current);
    throw error;
  }
  return toModerationItem(after);
}
