import { Conflict, WAITING_PLACES, transition, type Actor, type LifecycleEvent } from '@fangxin/shared';
import { listRecomputeJobs, recordRecomputeBatch, workingCalendar, type RecomputeJob } from '../store/calendar';
import { listDueFrom, loadComplaint, saveTransition } from '../store/complaints';
import { logger } from '../observability/log';
import { getClockRules } from '../store/settings';

const SYSTEM: Actor = { kind: 'system' };
/** Complaints looked at per scheduled run, across all jobs: bounded, so a run never outlives its timeout. */
export const RECOUNT_BATCH = 100;
const START = 'start';
const DONE = 'done';

/** 00:00 Shanghai on 1 January of `year`, as an ISO instant: deadlines from here on may count days of that year. */
const startOfYear = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`).toISOString();

/**
 * Where a running clock started, for deadlines stored before clocks kept their start: the last event that
 * moved the complaint to another state (or the filing), since only such a move starts a new clock.
 */
function clockStartOf(events: readonly LifecycleEvent[]): string | undefined {
  return [...events].reverse().find((event) => event.type === 'file' || event.from !== event.to)?.at;
}

export interface RecountResult {
  jobs: number;
  checked: number;
  moved: number;
  finished: number;
}

/**
 * After the office entered or changed a year of the calendar, counts the deadlines of open complaints again —
 * those due from that year on — a bounded batch per scheduled run, each move a `recompute_deadline` event on
 * the complaint's timeline. Idempotent: a move is conditioned on the version read, and the lifecycle refuses a
 * recount that changes nothing or a deadline already passed; a job's progress is conditioned on the batch
 * count it read, so two runs never share one.
 */
export async function recomputeDeadlines(now: Date, budget = RECOUNT_BATCH): Promise<RecountResult> {
  const due = (await listRecomputeJobs()).filter((job) => job.state === 'pending' && job.notBefore <= now.toISOString());
  const result: RecountResult = { jobs: due.length, checked: 0, moved: 0, finished: 0 };
  if (due.length === 0) return result;
  const [rules, calendar] = await Promise.all([getClockRules(now.getTime()), workingCalendar(now.getTime(), { fresh: true })]);
  let left = budget;
  for (const job of due) {
    if (left <= 0) break;
    const cursors = { ...job.cursors };
    let checked = 0;
    let moved = 0;
    for (const place of WAITING_PLACES) {
      if (left <= 0) break;
      const cursor = cursors[place] ?? START;
      if (cursor === DONE) continue;
      const page = await listDueFrom(place, startOfYear(job.year), { cursor: cursor === START ? undefined : cursor, limit: left });
      for (const candidate of page.items) {
        checked++;
        if (await recount(candidate.id, job, now, rules, calendar)) moved++;
      }
      left -= page.items.length;
      cursors[place] = page.nextCursor ?? DONE;
    }
    const done = WAITING_PLACES.every((place) => cursors[place] === DONE);
    const recorded = await recordRecomputeBatch(job, {
      cursors,
      checked: job.checked + checked,
      moved: job.moved + moved,
      state: done ? 'done' : 'pending',
      ...(done ? { doneAt: now.toISOString() } : {}),
    });
    result.checked += checked;
    result.moved += moved;
    if (recorded && done) result.finished++;
    if (recorded && (moved > 0 || done)) logger.info('calendar.recount', { year: job.year, version: job.version, checked, moved, done });
  }
  return result;
}

/** One complaint: counted again and saved with its event, or left alone (nothing changes, passed, or someone acted first). */
async function recount(complaintId: string, job: RecomputeJob, now: Date, rules: Awaited<ReturnType<typeof getClockRules>>, calendar: Awaited<ReturnType<typeof workingCalendar>>): Promise<boolean> {
  const loaded = await loadComplaint(complaintId);
  if (!loaded?.record.deadline) return false;
  try {
    const startedAt = loaded.record.deadline.startedAt ?? clockStartOf(loaded.events);
    const command = { type: 'recompute_deadline' as const, reason: job.reason, ...(startedAt ? { startedAt } : {}) };
    const { state, event } = transition(loaded.record, command, SYSTEM, now, rules, calendar);
    await saveTransition(loaded.record.version, state, event, { counters: [], notifications: [] });
    return true;
  } catch (error) {
    if (error instanceof Conflict) return false; // no change, already passed, or someone acted first
    throw error;
  }
}
