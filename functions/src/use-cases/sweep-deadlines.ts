import { Conflict, EXPIRING_PLACES, commitmentDeltas, counterDeltas, notificationsFor, transition, type Actor } from '@fangxin/shared';
import { listTriage, loadComplaint, saveTransition } from '../store/complaints';
import { clocksAt } from './clocks';
import { noticeIssuedBy } from './party-notices';
import { counterWrites } from './counter-scopes';

const SYSTEM: Actor = { kind: 'system' };
const PAGE = 50;

/**
 * Moves overdue complaints on (docs/lifecycle.md): silence in the shop → escalated; an unanswered proposal →
 * escalated; mediation past its end → mediation_failed. Idempotent: each move is conditioned on the version
 * read, so a complaint someone just acted on, or another sweeper run, is skipped, never moved twice.
 * Complaints waiting for the bureau's accept decision are not moved — they show as overdue in triage.
 */
export async function sweepDeadlines(now: Date): Promise<{ moved: number; skipped: number }> {
  const { rules, calendar } = await clocksAt(now);
  let moved = 0;
  let skipped = 0;
  for (const place of EXPIRING_PLACES) {
    let cursor: string | undefined;
    do {
      const page = await listTriage(place, { cursor, limit: PAGE }, now.toISOString());
      for (const candidate of page.items) {
        const loaded = await loadComplaint(candidate.id);
        if (!loaded) continue;
        try {
          const { state, event } = transition(loaded.record, { type: 'expire' }, SYSTEM, now, rules, calendar);
          const notice = noticeIssuedBy(event, loaded.record, rules, calendar);
          await saveTransition(loaded.record.version, state, event, {
            counters: counterWrites(loaded.record, counterDeltas(event), commitmentDeltas(event)),
            notifications: notificationsFor(event, state),
            ...(notice ? { notice } : {}),
          });
          moved++;
        } catch (error) {
          if (!(error instanceof Conflict)) throw error;
          skipped++; // someone acted first, or not overdue any more
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { moved, skipped };
}
