import type { ApiError } from '../src/api/http'
import { commandFailureOf, keptForRetry, movedOnText, sameCommand, sendAnywayLabel, sinceFormOpened, wentThroughEarlier } from '../src/lib/command-outcome'

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
  /** A timeline entry; `mine`: the viewer made it (the server's `byViewer`). */
  const entry = (type: string, actorLabel: string, mine = false) => ({ type, actorLabel, ...(mine ? { byViewer: true as const } : {}) })
  const seen = { version: 3, timeline: [entry('file', '消费者', true), entry('reply', '商家'), entry('propose', '商家')] }

  it('is done when the next step after what the person saw is their own command of that type', () => {
    const reloaded = { version: 4, timeline: [...seen.timeline, entry('accept_proposal', '消费者', true)] }
    expect(wentThroughEarlier(seen, reloaded, { type: 'accept_proposal' })).toBe(true)
  })

  it('is still done when others acted after it', () => {
    const reloaded = { version: 5, timeline: [...seen.timeline, entry('reject_proposal', '消费者', true), entry('claim', '市场监管所')] }
    expect(wentThroughEarlier(seen, reloaded, { type: 'reject_proposal' })).toBe(true)
  })

  it('is a real conflict when someone else acted first, even if the person acted later', () => {
    const reloaded = { version: 5, timeline: [...seen.timeline, entry('propose', '商家'), entry('accept_proposal', '消费者', true)] }
    expect(wentThroughEarlier(seen, reloaded, { type: 'accept_proposal' })).toBe(false)
  })

  it('is a real conflict when the next step is another command, or the same command by someone else, even of the same side', () => {
    expect(wentThroughEarlier(seen, { version: 4, timeline: [...seen.timeline, entry('withdraw', '消费者', true)] }, { type: 'escalate' })).toBe(false)
    // Another clerk of the same shop replied: named 「商家」 too, but not this person's reply.
    expect(wentThroughEarlier(seen, { version: 4, timeline: [...seen.timeline, entry('reply', '商家')] }, { type: 'reply' })).toBe(false)
  })

  it('is a real conflict when the complaint has not moved on from what the person saw', () => {
    expect(wentThroughEarlier(seen, seen, { type: 'propose' })).toBe(false)
    expect(wentThroughEarlier(seen, { version: 3, timeline: [...seen.timeline, entry('accept_proposal', '消费者', true)] }, { type: 'accept_proposal' })).toBe(false)
  })
})

describe('a command form sending after the complaint moved on under it', () => {
  const entry = (type: string, actorLabel: string, title = type, mine = false) => ({ type, actorLabel, title, ...(mine ? { byViewer: true as const } : {}) })
  const opened = { version: 2, timeline: [entry('file', '消费者', '提交投诉'), entry('reply', '商家', '商家答复', true)] }
  const reply = { type: 'reply', text: '请带上小票到店更换。' }
  const ownReply = { version: 3, timeline: [...opened.timeline, entry('reply', '商家', '商家答复', true)] }

  it('sends as usual when nothing this person can see has happened', () => {
    expect(sinceFormOpened(opened, opened, reply, undefined)).toEqual({ kind: 'unchanged' })
    // A staff note moves the version without a step the shop is shown.
    expect(sinceFormOpened(opened, { ...opened, version: 3 }, reply, undefined)).toEqual({ kind: 'unchanged' })
  })

  it('is done, not sent again, when the first step since is the person\'s own and what they send is exactly the try whose answer was lost', () => {
    expect(sinceFormOpened(opened, ownReply, reply, { text: '请带上小票到店更换。', type: 'reply' })).toEqual({ kind: 'own' })
    const proposal = { type: 'propose', proposal: { outcome: 'refund', amount: '129.00', dueDate: '2026-12-10', text: '全额退款' } }
    const proposed = { version: 3, timeline: [...opened.timeline, entry('propose', '商家', '商家提出处理方案', true)] }
    expect(sinceFormOpened(opened, proposed, proposal, { ...proposal, proposal: { ...proposal.proposal } })).toEqual({ kind: 'own' })
  })

  it('asks the person to look first when anything differs from the lost try: a word, an amount, a date, a cleared text — or there was no lost try', () => {
    const steps = ['商家答复（商家）']
    expect(sinceFormOpened(opened, ownReply, reply, { type: 'reply', text: '请带上小票到店更换' })).toEqual({ kind: 'moved', steps })
    expect(sinceFormOpened(opened, ownReply, { type: 'escalate' }, { type: 'escalate', text: '商家一直拖延' })).toMatchObject({ kind: 'moved' })
    const proposal = { type: 'propose', proposal: { outcome: 'refund', amount: '100.00', dueDate: '2026-12-10', text: '全额退款' } }
    const proposed = { version: 3, timeline: [...opened.timeline, entry('propose', '商家', '商家提出处理方案', true)] }
    expect(sinceFormOpened(opened, proposed, proposal, { ...proposal, proposal: { ...proposal.proposal, amount: '200.00' } })).toMatchObject({ kind: 'moved' })
    expect(sinceFormOpened(opened, ownReply, reply, undefined)).toEqual({ kind: 'moved', steps })
  })

  it('asks the person to look first when others acted — a colleague of the same side included — naming what happened', () => {
    const current = { version: 4, timeline: [...opened.timeline, entry('escalate', '消费者', '消费者申请监管部门介入'), entry('reply', '商家')] }
    expect(sinceFormOpened(opened, current, reply, reply)).toEqual({ kind: 'moved', steps: ['消费者申请监管部门介入（消费者）', 'reply（商家）'] })
    const colleague = { version: 3, timeline: [...opened.timeline, entry('reply', '商家', '商家答复')] }
    expect(sinceFormOpened(opened, colleague, reply, reply)).toEqual({ kind: 'moved', steps: ['商家答复（商家）'] })
  })

  it('compares commands whole, whatever the key order', () => {
    expect(sameCommand({ type: 'rate', rating: 'satisfied', comment: '好' }, { comment: '好', rating: 'satisfied', type: 'rate' })).toBe(true)
    expect(sameCommand({ type: 'rate', rating: 'satisfied' }, { type: 'rate', rating: 'satisfied', comment: '好' })).toBe(false)
    expect(sameCommand({ type: 'rate' }, undefined)).toBe(false)
  })

  it('tells the person what happened, that the text is kept, and which tap sends it anyway', () => {
    expect(sendAnywayLabel('发送答复')).toBe('仍要发送答复')
    expect(movedOnText(['消费者撤回投诉（消费者）'], '发送答复')).toBe(
      '这件投诉有了新进展：消费者撤回投诉（消费者）。请先查看下方「处理进度」，确认仍需要，再点「仍要发送答复」；您填写的内容已保留。'
    )
    expect(movedOnText([], '保存备注')).toContain('这件投诉的状态已经更新。')
  })
})
