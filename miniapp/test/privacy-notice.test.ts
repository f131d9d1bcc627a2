import { PERSONAL_DATA_RETENTION_DAYS, PRIVACY_CONTACT } from '@fangxin/shared'
import { privacyNotice } from '../src/info/privacy-notice'

const textOf = (notice: ReturnType<typeof privacyNotice>) =>
  [notice.intro, ...notice.sections.flatMap((section) => [section.title, ...section.items])].join('\n')

describe('the 个人信息保护说明', () => {
  const notice = privacyNotice()
  const text = textOf(notice)

  it('answers the five questions: what, why, who sees it, how long, how to ask', () => {
    expect(notice.sections.map((section) => section.title)).toEqual([
      '一、我们收集哪些信息，为什么',
      '二、谁能看到',
      '三、保存多久',
      '四、您的权利，怎样联系我们'
    ])
  })

  it('names every kind of personal data the product collects', () => {
    // Sign-in (openid), filing (phone, texts, photos), station intake (name, phone, spoken consent),
    // merchant application (contact name and phone), the quiz and survey.
    for (const collected of ['openid', '手机号', '照片', '姓名', '口头同意', '联系人', '知晓率测试', '剪贴板', '相册']) expect(text).toContain(collected)
  })

  it('says the shop sees the phone only when the consumer chose to share it, and staff only in their jurisdiction', () => {
    expect(text).toContain('138****8000')
    expect(text).toContain('允许商家查看我的手机号')
    expect(text).toContain('自己辖区内')
  })

  it('states the retention period the functions apply, and follows it when a county sets another', () => {
    expect(PERSONAL_DATA_RETENTION_DAYS).toBe(1095)
    expect(text).toContain('满 3 年后')
    expect(textOf(privacyNotice(730))).toContain('满 2 年后')
  })

  it('says whom to ask for a copy, a correction or a deletion, and how soon they answer', () => {
    expect(text).toMatch(/查阅、复制.*更正.*删除/)
    for (const part of [PRIVACY_CONTACT.handler, PRIVACY_CONTACT.phone, PRIVACY_CONTACT.address, PRIVACY_CONTACT.answerWithin]) expect(text).toContain(part)
  })
})
