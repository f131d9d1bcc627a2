import type { PartyNoticeView } from '@fangxin/shared'
import { noticeDeliveryText, sendByText } from '../src/lib/notice-delivery'
import { noticeText } from '../src/lib/notice-text'

const REFUSAL: PartyNoticeView = {
  complaintId: '01KBC4Z5V8Q4J1T9W2X3Y4Z5A6',
  kind: 'refusal',
  title: '不予受理告知书',
  decidedOn: '2026-11-29',
  merchantName: '清河县城关百货商场有限公司',
  case12315: '3201002026112900001',
  ground: {
    code: 'o121_identity',
    label: '冒用他人名义投诉，或者拒绝配合身份核验',
    article: '《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）第十六条'
  },
  note: '经电话核实，投诉人非本人。',
  issuer: '清河县市场监督管理局',
  nextSteps: ['请以本人真实身份重新提交投诉。', '对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。']
}

describe('the notice’s copied text', () => {
  it('is the whole notice, in the order the page shows it', () => {
    expect(noticeText(REFUSAL)).toBe(
      [
        '不予受理告知书',
        '投诉编号：01KBC4Z5V8Q4J1T9W2X3Y4Z5A6',
        '被投诉人：清河县城关百货商场有限公司',
        '12315编号：3201002026112900001',
        '决定日期：2026年11月29日',
        '不予受理的理由：冒用他人名义投诉，或者拒绝配合身份核验',
        '依据：《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）第十六条',
        '说明：经电话核实，投诉人非本人。',
        '您可以：',
        '1. 请以本人真实身份重新提交投诉。',
        '2. 对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。',
        '作出单位：清河县市场监督管理局',
        '2026年11月29日'
      ].join('\n')
    )
  })

  it('leaves out what the notice does not have (no 12315 number, note or article), and names a termination’s ground', () => {
    const text = noticeText({
      ...REFUSAL,
      kind: 'termination',
      title: '终止调解告知书',
      case12315: undefined,
      note: undefined,
      ground: { code: 'unspecified', label: '调解未能达成协议' },
      issuer: '清河县消费者协会',
      nextSteps: ['对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。']
    })
    expect(text).not.toContain('12315编号')
    expect(text).not.toContain('说明：')
    expect(text).not.toContain('依据：')
    expect(text).toContain('终止调解的理由：调解未能达成协议')
    expect(text.split('\n').slice(-4)).toEqual(['您可以：', '1. 对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。', '作出单位：清河县消费者协会', '2026年11月29日'])
  })
})

describe('the notice’s delivery, for staff', () => {
  // The end of 4 December in Shanghai.
  const SEND_BY = '2026-12-04T15:59:59.999Z'

  it('says by when the notice must reach both parties, and whom it has reached', () => {
    const now = new Date('2026-11-29T04:00:00Z')
    expect(noticeDeliveryText({ sendBy: SEND_BY, reached: { consumer: '2026-11-29T03:00:00Z' } }, now)).toBe(
      '告知书须在 12月4日（周五）24:00 前送达双方（还剩 5 天）；消费者 已送达，商家 未送达'
    )
    expect(sendByText(SEND_BY, new Date('2026-12-06T04:00:00Z'))).toBe('12月4日（周五）24:00 前送达双方（已超期 1 天）')
  })

  it('says when it reached each party, once it has reached both', () => {
    const reached = { consumer: '2026-11-29T03:00:00Z', merchant: '2026-11-30T01:30:00Z' }
    expect(noticeDeliveryText({ sendBy: SEND_BY, reached }, new Date('2026-12-06T04:00:00Z'))).toBe(
      '告知书已送达双方：消费者 2026-11-29 11:00，商家 2026-11-30 09:30'
    )
  })

  it('says nothing when the server sent no deadline (everyone but staff)', () => {
    expect(noticeDeliveryText({}, new Date())).toBeUndefined()
  })
})
