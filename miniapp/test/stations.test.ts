import { stationDraftErrors, stationPowers, stationRequestOf as registerRequestOf, EMPTY_STATION } from '../src/admin/station-draft'
import { checkCommand } from '../src/lib/command-draft'
import { FOLLOW_UP_FORM, followUpLine, ratingSourceText } from '../src/lib/follow-up'
import {
  EMPTY_STATION_DRAFT,
  isClaimed,
  smsStatusText,
  spacedClaimCode,
  stationFormErrors,
  stationRequestOf,
  townShopsNote,
  type StationDraft
} from '../src/station/station-form'

const SHOP = 'QH8K2M4P6R'
const TODAY = '2026-03-10'

/** The station's form filled in as the station would for a walk-in consumer. */
const FILLED: StationDraft = {
  ...EMPTY_STATION_DRAFT,
  channel: 'walk_in',
  consumerName: ' 王秀兰 ',
  consumerPhone: '13912345678 ',
  category: 'quality',
  description: '老人到站反映：买的电暖器用了三天就不发热，店员不给换。',
  purchaseDate: '2026-03-09',
  wantedOutcome: 'replace',
  spokenConsent: true
}

describe('the station files for a consumer (station-form)', () => {
  it('sends the consumer form’s fields with the channel, the trimmed name and phone, the spoken consent and the SMS choice', () => {
    expect(stationRequestOf(SHOP, FILLED, [{ status: 'done', key: 'uploads/u/1.jpg' }])).toEqual({
      merchantId: SHOP,
      category: 'quality',
      description: FILLED.description,
      purchaseDate: '2026-03-09',
      wantedOutcome: 'replace',
      photos: ['uploads/u/1.jpg'],
      sharePhoneWithMerchant: false,
      channel: 'walk_in',
      consumerName: '王秀兰',
      consumerPhone: '13912345678',
      spokenConsent: true,
      sendClaimCodeBySms: true
    })
  })

  it('never sends the consumer’s own phone or privacy tick: the station’s request has its own', () => {
    const request = stationRequestOf(SHOP, FILLED, [])
    expect(request).not.toHaveProperty('phone')
    expect(request).not.toHaveProperty('privacyConsent')
  })

  it('a complete form has no problems; each missing piece is named in the contract’s words', () => {
    expect(stationFormErrors(SHOP, FILLED, [], TODAY)).toEqual({})
    const errors = stationFormErrors(SHOP, { ...FILLED, channel: undefined, consumerPhone: '', spokenConsent: false }, [], TODAY)
    expect(errors.channel).toBe('请选择受理方式（现场或电话）')
    expect(errors.spokenConsent).toBe('请向消费者说明个人信息处理规则并取得其口头同意')
    expect(errors.consumerPhone).toBeDefined()
  })

  it('checks the purchase date and the photos as the consumer form does', () => {
    expect(stationFormErrors(SHOP, { ...FILLED, purchaseDate: '2026-03-11' }, [], TODAY).purchaseDate).toBe('购买日期不能晚于今天')
    expect(stationFormErrors(SHOP, FILLED, [{ status: 'uploading' }], TODAY).photos).toBe('照片还在上传，请稍候再提交')
  })

  it('prints the code in two groups and says what happened to the SMS, naming the failures', () => {
    expect(spacedClaimCode('01234567')).toBe('0123 4567')
    expect(smsStatusText('failed')).toMatchObject({ problem: true })
    expect(smsStatusText('over_limit')).toMatchObject({ problem: true, text: expect.stringContaining('已达上限') })
    expect(smsStatusText('not_configured')?.text).toContain('短信未发送')
    expect(smsStatusText('sent')).toMatchObject({ problem: false })
    expect(smsStatusText('sending')).toMatchObject({ problem: true, text: expect.stringContaining('不会重复发送') })
    expect(smsStatusText(undefined)).toBeUndefined()
  })

  it('a case is claimed once its timeline has the consumer’s claim', () => {
    expect(isClaimed([{ type: 'file' }])).toBe(false)
    expect(isClaimed([{ type: 'file' }, { type: 'link_consumer' }])).toBe(true)
  })
})

describe('the office registers a station (station-draft)', () => {
  it('names every missing field and sends a complete one trimmed', () => {
    const errors = stationDraftErrors(EMPTY_STATION)
    expect(Object.keys(errors).sort()).toEqual(['address', 'contactName', 'contactPhone', 'name', 'placeType', 'townCode'])
    expect(errors.townCode).toBe('请选择所在乡镇（街道）')
    const draft = { name: ' 城关农贸市场投诉站 ', townCode: 'chengguan' as const, placeType: 'market' as const, address: '城关镇农贸市场', contactName: '李站长', contactPhone: '0311-5551234' }
    expect(stationDraftErrors(draft)).toEqual({})
    expect(registerRequestOf(draft).name).toBe('城关农贸市场投诉站')
  })

  it('only admins register; admins and regulators issue staff codes; mediators neither', () => {
    expect(stationPowers({ role: 'admin', jurisdiction: 'county' })).toEqual({ register: true, invite: true })
    // An admin of some towns is not the county office: no register button, as the server refuses it.
    expect(stationPowers({ role: 'admin', jurisdiction: ['chengguan'] })).toEqual({ register: false, invite: true })
    expect(stationPowers({ role: 'regulator', jurisdiction: ['chengguan'] })).toEqual({ register: false, invite: true })
    expect(stationPowers({ role: 'mediator', jurisdiction: 'county' })).toEqual({ register: false, invite: false })
    expect(stationPowers(undefined)).toEqual({ register: false, invite: false })
  })
})

describe('the 回访 form (follow-up)', () => {
  const check = (values: Record<string, string>) => checkCommand('follow_up', FOLLOW_UP_FORM.fields, values)

  it('a reached call needs the stated satisfaction; an unreached one may not carry one', () => {
    expect(check({ outcome: 'reached' })).toEqual({ ok: false, errors: { rating: '已联系上消费者时，请记录其表示的满意度' } })
    expect(check({ outcome: 'no_answer', rating: 'satisfied' })).toEqual({ ok: false, errors: { rating: '未联系上消费者，不能记录满意度' } })
    expect(check({ outcome: 'reached', rating: 'satisfied', note: ' 消费者表示满意 ' })).toEqual({
      ok: true,
      command: { type: 'follow_up', outcome: 'reached', rating: 'satisfied', note: '消费者表示满意' }
    })
    expect(check({ outcome: 'no_answer', note: '' })).toEqual({ ok: true, command: { type: 'follow_up', outcome: 'no_answer' } })
    expect(check({})).toMatchObject({ ok: false, errors: { outcome: '请选择回访结果' } })
  })

  it('words a due call and where a rating came from', () => {
    const line = followUpLine({ closedAt: '2026-03-01T02:00:00Z', dueAt: '2026-03-08T02:00:00Z', attempts: 1, lastOutcome: '无人接听', stationName: '城关农贸市场投诉站' })
    expect(line).toBe('2026-03-01 办结 · 2026-03-08 起待回访 · 已拨打 1 次，上次：无人接听 · 受理投诉站：城关农贸市场投诉站')
    expect(followUpLine({ closedAt: '2026-03-01T02:00:00Z', dueAt: '2026-03-08T02:00:00Z', attempts: 0 })).toContain('尚未回访')
    expect(ratingSourceText({ rating: { rating: 'satisfied', ratingLabel: '满意', sourceLabel: '电话回访' } })).toBe('满意度「满意」来源：电话回访')
    expect(ratingSourceText({ rating: { rating: 'satisfied', ratingLabel: '满意' } })).toBeUndefined()
  })
})

describe('the quick-pick of the town\'s shops on the station\'s filing form', () => {
  const shops = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `SHOP${index}`, name: `店铺${index}` }))

  it('says when the list could not load, and that the shop code still works', () => {
    expect(townShopsNote({ kind: 'failed' })).toBe('本乡镇店铺列表加载失败，可直接输入店铺编号查找')
  })

  it('says when only the first page of the town is shown', () => {
    expect(townShopsNote({ kind: 'loaded', items: shops(30), more: true })).toBe('仅显示前 30 家，其他店铺请输入店铺编号查找')
  })

  it('says nothing while loading or when the whole town is listed', () => {
    expect(townShopsNote({ kind: 'loading' })).toBeUndefined()
    expect(townShopsNote({ kind: 'loaded', items: shops(12), more: false })).toBeUndefined()
  })
})
