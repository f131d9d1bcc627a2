import type { ApiError } from '../src/api/http'
import { commandFailureOf, keptForRetry } from '../src/lib/command-outcome'

const failure = (code: ApiError['code'], extra: Partial<Pick<ApiError, 'field' | 'issues'>> = {}) =>
  ({ code, issues: [], ...extra }) as Pick<ApiError, 'code' | 'field' | 'issues'>

describe('what a failed command on a complaint means for its form', () => {
  it('treats someone acting first, or the complaint out of reach, as a stale view the page reloads', () => {
    expect(commandFailureOf(failure('CONFLICT'))).toBe('stale')
    expect(commandFailureOf(failure('FORBIDDEN'))).toBe('stale')
    expect(commandFailureOf(failure('NOT_FOUND'))).toBe('stale')
  })

  it('puts a refusal naming a field next to that field', () => {
    expect(commandFailureOf(failure('INVALID', { field: 'command.text' }))).toBe('field')
    expect(commandFailureOf(failure('INVALID', { issues: [{ field: 'command.rating', message: '请选择' }] }))).toBe('field')
  })

  it('keeps the form open for no network, too many tries, a server fault or an unplaced refusal', () => {
    expect(commandFailureOf(failure('NETWORK'))).toBe('other')
    expect(commandFailureOf(failure('RATE_LIMITED'))).toBe('other')
    expect(commandFailureOf(failure('INTERNAL'))).toBe('other')
    expect(commandFailureOf(failure('INVALID'))).toBe('other')
  })

  it('leaves an expired session to the sign-in page', () => {
    expect(commandFailureOf(failure('UNAUTHENTICATED'))).toBe('sign-in')
  })

  it('says the typed text is still there, in one sentence whatever the message ends with', () => {
    expect(keptForRetry('网络不可用，请检查网络后重试')).toBe('网络不可用，请检查网络后重试。您填写的内容已保留，可以再试一次。')
    expect(keptForRetry('操作太频繁，请稍后再试。')).toBe('操作太频繁，请稍后再试。您填写的内容已保留，可以再试一次。')
  })
})
