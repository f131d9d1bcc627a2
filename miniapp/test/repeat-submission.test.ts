import type { ApiError } from '../src/api/http'
import { isRepeatedSubmission, repeatedSubmissionText } from '../src/lib/repeat-submission'

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
