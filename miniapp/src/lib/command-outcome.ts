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
type SeenComplaint = { version: number; timeline: ReadonlyArray<Pick<ComplaintView['timeline'][number], 'type' | 'byViewer'>> }

/**
 * Whether the first step after what the person saw is their own command of this type: the complaint has moved
 * on, and that first step was made by this very person (`byViewer`: a colleague of the same side, named alike,
 * does not count). A command is conditioned on the version it read and moves it by one, so only that first step
 * can be the one their form sent.
 */
export function wentThroughEarlier(seen: SeenComplaint, reloaded: SeenComplaint, command: { type: string }): boolean {
  if (reloaded.version <= seen.version) return false
  const next = reloaded.timeline[seen.timeline.length]
  return next !== undefined && next.type === command.type && next.byViewer === true
}

/** The same JSON whatever the key order: two commands are the same when everything in them is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner
  )
}

/** Whether `command` is exactly `tried`: every word, amount, date and choice the same. */
export const sameCommand = (command: object, tried: object | undefined): boolean => tried !== undefined && canonical(command) === canonical(tried)

/** A timeline entry as {@link sinceFormOpened} reads it. */
type SeenEntry = Pick<ComplaintView['timeline'][number], 'type' | 'actorLabel' | 'title' | 'byViewer'>

/**
 * What the complaint on screen has come to since the form was filled against `opened`, for a form about to
 * send (or just refused as stale). `lostTry` is the last command this page sent whose answer never came (no
 * network, a timeout): the one that may have gone through unseen.
 * - `own`: the first step since is this person's own command of this type, and what they send now is exactly
 *   that lost try — it went through; sending again would record it twice.
 * - `moved`: others acted meanwhile, or the person's own step is not what they send now (they changed a word,
 *   an amount, a date after the lost answer; or there was no lost try): `steps`, as the timeline words them,
 *   for the person to look at before deciding to send.
 * - `unchanged`: nothing this person can see has happened; sending is safe.
 */
export function sinceFormOpened(
  opened: { version: number; timeline: readonly SeenEntry[] },
  current: { version: number; timeline: readonly SeenEntry[] },
  command: { type: string },
  lostTry: object | undefined
): { kind: 'unchanged' } | { kind: 'own' } | { kind: 'moved'; steps: string[] } {
  if (wentThroughEarlier(opened, current, command) && sameCommand(command, lostTry)) return { kind: 'own' }
  // The version also moves on steps this viewer is not shown (a staff note, for the shop): nothing to review.
  if (current.timeline.length === opened.timeline.length) return { kind: 'unchanged' }
  return { kind: 'moved', steps: current.timeline.slice(opened.timeline.length).map((entry) => `${entry.title}（${entry.actorLabel}）`) }
}

/** The submit button of a form whose complaint moved on under it: sending now is a decision, and says so. */
export const sendAnywayLabel = (submit: string) => `仍要${submit}`

/**
 * What an open form says once the complaint has moved on under it: what happened, that what was typed is
 * still there, and that one more tap on `submit` sends it anyway.
 */
export function movedOnText(steps: readonly string[], submit: string): string {
  const what = steps.length > 0 ? `这件投诉有了新进展：${steps.join('、')}。` : '这件投诉的状态已经更新。'
  return `${what}请先查看下方「处理进度」，确认仍需要，再点「${sendAnywayLabel(submit)}」；您填写的内容已保留。`
}
