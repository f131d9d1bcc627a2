import type { ApiError } from '../src/api/http'
import { commandFailureOf, keptForRetry, wentThroughEarlier } from '../src/lib/command-outcome'

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

describe('a command refused as stale after an earlier try whose answer was lost', () => {
  const entry = (type: string, actorLabel: string) => ({ type, actorLabel })
  const seen = { version: 3, timeline: [entry('file', '消费者'), entry('reply', '商家'), entry('propose', '商家')] }
  const consumer = (type: string) => ({ type, actorLabel: '消费者' })

  it('is done when the next step after what the person saw is their own command of that type', () => {
    const reloaded = { version: 4, timeline: [...seen.timeline, entry('accept_proposal', '消费者')] }
    expect(wentThroughEarlier(seen, reloaded, consumer('accept_proposal'))).toBe(true)
  })

  it('is still done when others acted after it', () => {
    const reloaded = { version: 5, timeline: [...seen.timeline, entry('reject_proposal', '消费者'), entry('claim', '市场监管所')] }
    expect(wentThroughEarlier(seen, reloaded, consumer('reject_proposal'))).toBe(true)
  })

  it('is a real conflict when someone else acted first, even if the person acted later', () => {
    const reloaded = { version: 5, timeline: [...seen.timeline, entry('propose', '商家'), entry('accept_proposal', '消费者')] }
    expect(wentThroughEarlier(seen, reloaded, consumer('accept_proposal'))).toBe(false)
  })

  it('is a real conflict when the next step is another command, or the same command by another side', () => {
    expect(wentThroughEarlier(seen, { version: 4, timeline: [...seen.timeline, entry('withdraw', '消费者')] }, consumer('escalate'))).toBe(false)
    expect(wentThroughEarlier(seen, { version: 4, timeline: [...seen.timeline, entry('accept_proposal', '投诉站')] }, consumer('accept_proposal'))).toBe(false)
  })

  it('is a real conflict when the complaint has not moved on from what the person saw', () => {
    expect(wentThroughEarlier(seen, seen, consumer('propose'))).toBe(false)
    expect(wentThroughEarlier(seen, { version: 3, timeline: [...seen.timeline, entry('accept_proposal', '消费者')] }, consumer('accept_proposal'))).toBe(false)
  })
})
