/**
 * The quiz's and the survey's check before sending: every question answered. Pure, so a unit test pins it;
 * the pages mark each question left open, scroll to the first and say how many in a toast.
 */

/** Under a question left open once the person tried to send. */
export const UNANSWERED_MESSAGE = '此题尚未作答，请选择一项'

/** The positions (0-based, in the order asked) of the questions without an answer. */
export function unansweredPositions(questions: ReadonlyArray<{ id: string }>, answers: Readonly<Record<string, string>>): number[] {
  return questions.flatMap((question, index) => (answers[question.id] ? [] : [index]))
}

/** The class of the question at a position: `.question-1` is the first, what the page scrolls to. */
export const questionClass = (position: number) => `question-${position + 1}`

/** The toast (WeChat shows two short lines at most): how many are left, in the page's own noun. */
export function unansweredToast(count: number, noun: '道题' | '个问题'): string {
  return `还有 ${count} ${noun}未作答`
}

/** The toast when sending failed; the notice by the button carries the whole message. */
export function sendFailedToast(code: string, verb: '交卷' | '提交'): string {
  return code === 'NETWORK' ? '网络不可用，请稍后再试' : `${verb}未成功，请看按钮上方的提示`
}
