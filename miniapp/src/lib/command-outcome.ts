import type { ApiError } from '../api/http'
import type { ComplaintView } from '@fangxin/shared'

/**
 * Why a command on a complaint did not go through, as the form that sent it must handle it:
 * - `stale`: someone acted first, or the complaint left this person's reach. The complaint is reloaded and
 *   the page notice says what happened; the form closes, its buttons may no longer apply.
 * - `field`: a field is at fault; the message goes next to it.
 * - `sign-in`: the session ran out; the sign-in page is opening, nothing to show here.
 * - `other`: no network, too many tries, a server fault. The form stays open with what was typed and
 *   shows the message inside it, where the person is looking: trying again is the way forward.
 */
export type CommandFailure = 'stale' | 'field' | 'sign-in' | 'other'

export function commandFailureOf(error: Pick<ApiError, 'code' | 'field' | 'issues'>): CommandFailure {
  if (error.code === 'CONFLICT' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') return 'stale'
  if (error.code === 'INVALID' && (error.field || error.issues.length > 0)) return 'field'
  if (error.code === 'UNAUTHENTICATED') return 'sign-in'
  return 'other'
}

/** A failure shown inside a form that stays open: the reason, then that what was typed is still there. */
export function keptForRetry(message: string): string {
  return `${message.replace(/[。！!.]+$/, '')}。您填写的内容已保留，可以再试一次。`
}

/** What {@link wentThroughEarlier} reads of a complaint: its version and its timeline as this viewer sees it. */
type SeenComplaint = { version: number; timeline: ReadonlyArray<Pick<ComplaintView['timeline'][number], 'type' | 'actorLabel'>> }

/**
 * Whether a command the server refused with 409 had in fact gone through, on an earlier try whose answer was
 * lost: the retry carried the version the person acted on, which that try had already moved on. A command is
 * conditioned on the version it read and moves it by one, so only the first step after what the person saw
 * can be theirs: the complaint as reloaded must have moved on, and the first timeline entry after the ones
 * they saw must be this command, by `actorLabel` (how the timeline names this person's side: 「消费者」, 「商家」).
 * Then the page says it is done instead of showing an error; anything else is someone acting first.
 */
export function wentThroughEarlier(seen: SeenComplaint, reloaded: SeenComplaint, command: { type: string; actorLabel: string }): boolean {
  if (reloaded.version <= seen.version) return false
  const next = reloaded.timeline[seen.timeline.length]
  return next !== undefined && next.type === command.type && next.actorLabel === command.actorLabel
}
