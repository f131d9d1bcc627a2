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
type SeenComplaint = { version: number; timeline: ReadonlyArray<Pick<ComplaintView['timeline'][number], 'type' | 'byViewer' | 'text'>> }

/** A command as {@link wentThroughEarlier} compares it: its type, and the words it carries, if any. */
type SentCommand = { type: string } & Record<string, unknown>

/** The words a command carries as typed (its text, comment, note, 12315 number, a proposal's text). */
function wordsOf(command: SentCommand): string[] {
  const words: string[] = []
  for (const key of ['text', 'comment', 'note', 'caseNumber']) if (typeof command[key] === 'string') words.push(command[key] as string)
  const proposal = command.proposal as { text?: unknown } | undefined
  if (proposal && typeof proposal.text === 'string') words.push(proposal.text)
  return words
}

/** The server keeps a text as typed, trimmed; compared without any white space, a step shows its words whole. */
const squeezed = (text: string) => text.replace(/\s+/gu, '')

/**
 * Whether a command the server refused with 409 had in fact gone through, on an earlier try whose answer was
 * lost: the retry carried the version the person acted on, which that try had already moved on. A command is
 * conditioned on the version it read and moves it by one, so only the first step after what the person saw
 * can be theirs: the complaint as reloaded must have moved on, and the first timeline entry after the ones
 * they saw must be this command, made by this very person (`byViewer`: a colleague of the same side, named
 * alike, does not count), with the words being sent now: a person who changed the text after the lost answer
 * has something new to send. Then the page says it is done instead of showing an error; anything else is
 * someone acting first.
 */
export function wentThroughEarlier(seen: SeenComplaint, reloaded: SeenComplaint, command: SentCommand): boolean {
  if (reloaded.version <= seen.version) return false
  const next = reloaded.timeline[seen.timeline.length]
  if (next === undefined || next.type !== command.type || next.byViewer !== true) return false
  const shown = squeezed(next.text ?? '')
  return wordsOf(command).every((words) => shown.includes(squeezed(words)))
}

/** A timeline entry as {@link sinceFormOpened} reads it. */
type SeenEntry = Pick<ComplaintView['timeline'][number], 'type' | 'actorLabel' | 'title' | 'byViewer' | 'text'>

/**
 * What the complaint on screen has come to since the form was filled against `opened`, for a form about to
 * send (or just refused as stale):
 * - `own`: the first step since is this person's own command of this type — an earlier try whose answer was
 *   lost went through (see {@link wentThroughEarlier}); sending again would record it twice.
 * - `moved`: others acted meanwhile (`steps`, as the timeline words them): the person should look at them
 *   before deciding to send what they wrote for the complaint as it was.
 * - `unchanged`: nothing this person can see has happened; sending is safe.
 */
export function sinceFormOpened(
  opened: { version: number; timeline: readonly SeenEntry[] },
  current: { version: number; timeline: readonly SeenEntry[] },
  command: SentCommand
): { kind: 'unchanged' } | { kind: 'own' } | { kind: 'moved'; steps: string[] } {
  if (wentThroughEarlier(opened, current, command)) return { kind: 'own' }
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
