import { Conflict } from '@fangxin/shared';
import { logger } from '../observability/log';
import { listUncheckedDue, saveModerationChange, type ModerationTask, type TextModeration } from '../store/moderation';
import { checkTextAs, openidOf } from './content-check';
import { MAX_RECHECKS, recheckDelayMs } from './moderation-rules';

/** Texts rechecked per run: bounded so a run ends well within its Lambda timeout even when WeChat hangs. */
const BATCH = 25;
/** Failures in a row (WeChat down or slow) after which a run stops: the rest wait for the next run. */
const GIVE_UP_AFTER = 3;

export interface RecheckResult {
  passed: number;
  held: number;
  /** Still unchecked, due again later. */
  retrying: number;
  /** Another run (or a reviewer) moved the text first. */
  skipped: number;
}

/** `task` without the fields a new state no longer has. */
function without(task: ModerationTask, ...keys: Array<keyof ModerationTask>): ModerationTask {
  const copy = { ...task };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * Scheduled: asks WeChat again about texts it could not check when they were written (unchecked, due
 * first, a bounded batch). A clean verdict shows the text to the other party; a risky one holds it for a
 * reviewer. A text that still cannot be checked is tried again later (5, 10, 20, 40 minutes), and after
 * `MAX_RECHECKS` failures — or at once when WeChat will not check it at all, e.g. the author has not used
 * the mini-program for 2 hours — it goes to a reviewer rather than waiting forever.
 *
 * Safe to run twice at once: each move is conditioned on the state and attempt count read, so a text is
 * moved by one run only; the other counts it as skipped.
 */
export async function recheckContent(now: Date, batch = BATCH): Promise<RecheckResult> {
  const result: RecheckResult = { passed: 0, held: 0, retrying: 0, skipped: 0 };
  const nowIso = now.toISOString();
  let failuresInARow = 0;
  for (const task of await listUncheckedDue(nowIso, batch)) {
    if (failuresInARow >= GIVE_UP_AFTER) break;
    const check = await checkTextAs(task.text, await openidOf(task.authorUserId, { fresh: true }), now);
    let after: ModerationTask;
    let text: TextModeration | undefined;
    let outcome: keyof RecheckResult;
    if (check.state !== 'unchecked') {
      failuresInARow = 0;
      const state = check.state;
      after = {
        ...without(task, 'nextCheckAt', 'lastError'),
        state,
        label: check.label,
        checkedAt: check.checkedAt,
        ...(check.state === 'held' ? { reason: check.suggest, heldAt: nowIso } : {}),
      };
      text = { state, label: check.label, checkedAt: check.checkedAt };
      outcome = state === 'pass' ? 'passed' : 'held';
    } else {
      if (!check.final) failuresInARow++;
      const attempts = task.attempts + 1;
      if (check.final || attempts >= MAX_RECHECKS) {
        after = { ...without(task, 'nextCheckAt'), state: 'held', attempts, reason: 'uncheckable', heldAt: nowIso, lastError: check.failure };
        text = { state: 'held' };
        outcome = 'held';
      } else {
        after = { ...task, attempts, nextCheckAt: new Date(now.getTime() + recheckDelayMs(attempts)).toISOString(), lastError: check.failure };
        outcome = 'retrying';
      }
    }
    try {
      await saveModerationChange({ before: task, after, ...(text ? { text } : {}) }, '该内容刚刚已被复检或审核');
      result[outcome]++;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      result.skipped++;
    }
  }
  if (failuresInARow >= GIVE_UP_AFTER) logger.warn('content_recheck.wechat_unavailable', { failuresInARow });
  return result;
}
