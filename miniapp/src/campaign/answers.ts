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

/**
 * The server's 409 when the page still shows last period's quiz or survey (「…期测试已结束，请刷新后作答本期测试」):
 * the page then offers 「重新加载本期」 by the notice, which loads the current period.
 */
export function periodEnded(failure: { code: string }): boolean {
  return failure.code === 'CONFLICT'
}

/**
 * The survey's thank-you title. `already_counted` is what a retry after a lost answer gets (the first try
 * counted): the person did take part, so it is thanks, not a refusal; the count status line says the rest.
 */
export function surveyDoneTitle(countStatus: string): string {
  return countStatus === 'counted' ? '提交成功，感谢参与' : '感谢参与，您本期的评价已计入'
}
