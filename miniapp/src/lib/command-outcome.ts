import type { ApiError } from '../api/http'

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
