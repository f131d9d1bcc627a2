import type { ApiError } from '../src/api/http'
import { answerMayBeLost, isRepeatedSubmission, keyAfterFailure, repeatedSubmissionText } from '../src/lib/repeat-submission'

const failure = (code: ApiError['code'], field?: string) => ({ code, ...(field ? { field } : {}) }) as Pick<ApiError, 'code' | 'field'>

describe('a create form whose request number was already used', () => {
  it('is the 409 on the Idempotency-Key field, and nothing else', () => {
    expect(isRepeatedSubmission(failure('CONFLICT', 'Idempotency-Key'))).toBe(true)
    expect(isRepeatedSubmission(failure('CONFLICT'))).toBe(false)
    expect(isRepeatedSubmission(failure('INVALID', 'Idempotency-Key'))).toBe(false)
    expect(isRepeatedSubmission(failure('NETWORK'))).toBe(false)
  })

  it('sends the person to look where it would be, never to submit again', () => {
    const text = repeatedSubmissionText('投诉', '我的投诉')
    expect(text).toContain('很可能已经提交成功')
    expect(text).toContain('「我的投诉」')
    expect(text).toContain('不要重复提交')
    expect(text).not.toContain('重新提交')
  })
})

describe('the request number after a failed submit', () => {
  it('is kept through a timeout or a refusal, so a retry repeats the same request', () => {
    expect(keyAfterFailure(failure('NETWORK'), 'k1')).toBe('k1')
    expect(keyAfterFailure(failure('CONFLICT'), 'k1')).toBe('k1')
    expect(keyAfterFailure(failure('INVALID', 'title'), 'k1')).toBe('k1')
  })

  it('is dropped once the person has been told it was used already, so the next submit is not stuck on 409', () => {
    expect(keyAfterFailure(failure('CONFLICT', 'Idempotency-Key'), 'k1')).toBeUndefined()
  })

  it('tells a form with a fresh number that one more tap is a new submission', () => {
    const text = repeatedSubmissionText('召回信息', '本店的召回信息', { freshKey: true })
    expect(text).toContain('很可能已经提交成功')
    expect(text).toContain('「本店的召回信息」')
    expect(text).toContain('再点一次')
    expect(text).not.toContain('重新打开本页')
  })
})

describe('whether a failed request may have gone through', () => {
  it('may have, when its answer was lost or the store was busy: the retry repeats the request', () => {
    for (const code of ['NETWORK', 'INTERNAL', 'UNAVAILABLE', 'RATE_LIMITED', 'UNAUTHENTICATED'] as const) expect(answerMayBeLost({ code })).toBe(true)
  })

  it('did not, when the server refused it: the next tap is a new request', () => {
    for (const code of ['CONFLICT', 'INVALID', 'NOT_FOUND', 'FORBIDDEN'] as const) expect(answerMayBeLost({ code })).toBe(false)
  })
})
