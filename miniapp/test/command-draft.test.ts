import type { ComplaintView } from '@fangxin/shared'
import { checkCommand, commandOf, initialValues, type CommandField } from '../src/lib/command-draft'

/** Shaped like the merchant's 提出和解方案 form on the handle page. */
const PROPOSE: CommandField[] = [
  {
    kind: 'choice',
    name: 'proposal.outcome',
    className: 'field-outcome',
    label: '处理方式',
    options: [{ value: 'replace', label: '更换' }],
    initial: (complaint) => complaint.wantedOutcome
  },
  { kind: 'amount', name: 'proposal.amount', className: 'field-amount', label: '金额', placeholder: '', initial: (complaint) => complaint.amount },
  { kind: 'date', name: 'proposal.dueDate', className: 'field-due-date', label: '履行日期', title: '', quick: [], withinDays: 90 },
  { kind: 'text', name: 'proposal.text', className: 'field-text', label: '方案说明', required: true, maxLength: 1000 }
]

const REPLY: CommandField[] = [
  { kind: 'templates', name: 'text', className: 'reply-templates', label: '常用答复', templates: () => [] },
  { kind: 'text', name: 'text', className: 'field-text', label: '答复内容', required: true, maxLength: 1000 }
]

const ASSIGN: CommandField[] = [{ kind: 'line', name: 'assigneeId', className: 'field-assignee', label: '指派给', required: true, maxLength: 64 }]
const FULFIL: CommandField[] = [{ kind: 'text', name: 'text', className: 'field-text', label: '履行说明（选填）', maxLength: 500 }]

describe('initialValues', () => {
  it('opens a form on what the complaint already says, and leaves the rest empty', () => {
    const complaint = { wantedOutcome: 'replace', amount: '299.00' } as ComplaintView
    expect(initialValues(PROPOSE, complaint)).toEqual({
      'proposal.outcome': 'replace',
      'proposal.amount': '299.00',
      'proposal.dueDate': undefined,
      'proposal.text': undefined
    })
  })

  it('gives suggested texts no value of their own', () => {
    expect(initialValues(REPLY, {} as ComplaintView)).toEqual({ text: undefined })
  })
})

describe('commandOf', () => {
  it('puts each value at its dotted path, trimmed', () => {
    expect(
      commandOf('propose', PROPOSE, {
        'proposal.outcome': 'replace',
        'proposal.amount': ' 128.50 ',
        'proposal.dueDate': '2026-03-11',
        'proposal.text': ' 到店更换 '
      })
    ).toEqual({ type: 'propose', proposal: { outcome: 'replace', amount: '128.50', dueDate: '2026-03-11', text: '到店更换' } })
  })

  it('leaves out blank optional fields and unchosen choices, but sends a blank required text for the contract to name', () => {
    expect(commandOf('propose', PROPOSE, { 'proposal.amount': '   ' })).toEqual({ type: 'propose', proposal: { text: '' } })
    expect(commandOf('fulfil', FULFIL, { text: ' ' })).toEqual({ type: 'fulfil' })
  })
})

describe('checkCommand', () => {
  it('returns the command the contract accepts, ready to send', () => {
    expect(checkCommand('reply', REPLY, { text: ' 您好，我们马上联系您。 ' })).toEqual({
      ok: true,
      command: { type: 'reply', text: '您好，我们马上联系您。' }
    })
    expect(checkCommand('fulfil', FULFIL, { text: '' })).toEqual({ ok: true, command: { type: 'fulfil' } })
    expect(checkCommand('claim', [], {})).toEqual({ ok: true, command: { type: 'claim' } })
  })

  it('names every problem by the field it belongs to, in Chinese', () => {
    expect(checkCommand('propose', PROPOSE, { 'proposal.amount': '12.345' })).toEqual({
      ok: false,
      errors: {
        'proposal.outcome': '请选择处理方式',
        'proposal.amount': '金额应为数字，最多两位小数，例如 128.50',
        'proposal.dueDate': '请选择履行日期',
        'proposal.text': '请填写方案说明'
      }
    })
    expect(checkCommand('reply', REPLY, { text: '   ' })).toEqual({ ok: false, errors: { text: '请填写答复内容' } })
  })

  it('refuses a blank assignee instead of sending it', () => {
    const checked = checkCommand('assign', ASSIGN, { assigneeId: '  ' })
    expect(checked.ok).toBe(false)
    expect(checked.ok ? undefined : Object.keys(checked.errors)).toEqual(['assigneeId'])
  })
})

describe('the staff case page’s decisions on a ground of the order in force', () => {
  const END_MEDIATION: CommandField[] = [
    { kind: 'choice', name: 'ground', className: 'field-ground', label: '终止调解的依据', options: [] },
    { kind: 'choice', name: 'referral', className: 'field-referral', label: '后续途径', options: [] },
    { kind: 'text', name: 'guidance', className: 'field-guidance', label: '给消费者的指引', required: true, maxLength: 1000 }
  ]
  const RECORD_12315: CommandField[] = [{ kind: 'line', name: 'caseNumber', className: 'field-case-number', label: '12315平台投诉编号', required: true, maxLength: 40 }]

  it('asks for the ground of ending mediation before anything is sent', () => {
    const checked = checkCommand('end_mediation', END_MEDIATION, { referral: 'litigation', guidance: '可以向人民法院提起诉讼。' })
    expect(checked).toEqual({ ok: false, errors: { ground: '请选择终止调解的依据' } })
    expect(checkCommand('end_mediation', END_MEDIATION, { ground: 'o121_party_absent', referral: 'litigation', guidance: '可以向人民法院提起诉讼。' })).toEqual({
      ok: true,
      command: { type: 'end_mediation', ground: 'o121_party_absent', referral: 'litigation', guidance: '可以向人民法院提起诉讼。' }
    })
  })

  it('records a 12315 number as the platform writes it, whatever spacing and width it was typed with', () => {
    expect(checkCommand('record_12315', RECORD_12315, { caseNumber: ' ３２０１ 0020-2611 2900 001 ' })).toEqual({
      ok: true,
      command: { type: 'record_12315', caseNumber: '3201002026112900001' }
    })
    expect(checkCommand('record_12315', RECORD_12315, { caseNumber: '12345' })).toEqual({
      ok: false,
      errors: { caseNumber: '12315编号应为 12–32 位数字或字母，请对照12315平台核对' }
    })
  })
})
