import { UNANSWERED_MESSAGE, periodEnded, questionClass, sendFailedToast, surveyDoneTitle, unansweredPositions, unansweredToast } from '../src/campaign/answers'

const QUESTIONS = [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }, { id: 'q4' }]

describe('the quiz and the survey before sending', () => {
  it('finds every question left open, in the order asked', () => {
    expect(unansweredPositions(QUESTIONS, {})).toEqual([0, 1, 2, 3])
    expect(unansweredPositions(QUESTIONS, { q1: 'a', q3: 'c' })).toEqual([1, 3])
    expect(unansweredPositions(QUESTIONS, { q1: 'a', q2: 'b', q3: 'c', q4: 'd' })).toEqual([])
    expect(unansweredPositions(QUESTIONS, { q2: '' })).toEqual([0, 1, 2, 3])
  })

  it('scrolls to the first open question by its class, counted from 1 as the page numbers them', () => {
    const [first] = unansweredPositions(QUESTIONS, { q1: 'a' })
    expect(questionClass(first!)).toBe('question-2')
  })

  it('words the marks and the toasts in Chinese, short enough for WeChat', () => {
    expect(UNANSWERED_MESSAGE).toBe('此题尚未作答，请选择一项')
    expect(unansweredToast(2, '道题')).toBe('还有 2 道题未作答')
    expect(unansweredToast(1, '个问题')).toBe('还有 1 个问题未作答')
    expect(sendFailedToast('NETWORK', '交卷')).toBe('网络不可用，请稍后再试')
    expect(sendFailedToast('INTERNAL', '提交')).toBe('提交未成功，请看按钮上方的提示')
  })
})

describe('the quiz and the survey after sending', () => {
  it('offers to load the current period only when the one on screen has ended (409)', () => {
    expect(periodEnded({ code: 'CONFLICT' })).toBe(true)
    expect(periodEnded({ code: 'NETWORK' })).toBe(false)
    expect(periodEnded({ code: 'INVALID' })).toBe(false)
    expect(periodEnded({ code: 'RATE_LIMITED' })).toBe(false)
  })

  it('thanks a survey retried after a lost answer (already counted) instead of refusing it', () => {
    expect(surveyDoneTitle('counted')).toContain('感谢参与')
    expect(surveyDoneTitle('already_counted')).toContain('感谢参与')
    expect(surveyDoneTitle('already_counted')).toContain('已计入')
    expect(surveyDoneTitle('already_counted')).not.toContain('已参加过')
  })
})
