import { EMPTY_DRAFT, NO_COMMITMENT, complaintFormErrors, complaintRequestOf, type ComplaintDraft, type PhotoUpload } from '../src/lib/complaint-form'

const SHOP = 'QH8K2M4P6R'
const TODAY = '2026-03-10'
const PHOTO = 'uploads/user-1/01JQ6ZC0M5T8X2V9B7N4K3H1FD.jpg'

/** A form filled in as a consumer would, complete and valid. */
const FILLED: ComplaintDraft = {
  category: 'quality',
  commitmentKey: 'three_guarantees',
  description: '昨天买的电水壶底座漏电跳闸，要求更换新品。',
  purchaseDate: '2026-03-09',
  amount: '299.00',
  wantedOutcome: 'replace',
  phone: '13800138000',
  sharePhoneWithMerchant: true,
  privacyConsent: true
}

const done = (key: string): PhotoUpload => ({ status: 'done', key })
const errorsOf = (draft: Partial<ComplaintDraft>, photos: PhotoUpload[] = []) =>
  complaintFormErrors(SHOP, { ...FILLED, ...draft }, photos, TODAY)

describe('complaintRequestOf', () => {
  it('sends a filled form as the contract wants it, with the uploaded photos’ keys', () => {
    // Every field of the form, as typed, plus the shop and the photos' keys: nothing renamed, nothing extra.
    expect(complaintRequestOf(SHOP, FILLED, [done(PHOTO)])).toEqual({ ...FILLED, merchantId: SHOP, photos: [PHOTO] })
  })

  it('leaves out blank optional fields rather than sending them empty, and trims amount and phone', () => {
    const request = complaintRequestOf(SHOP, { ...FILLED, commitmentKey: NO_COMMITMENT, amount: '  ', phone: '' }, [])
    expect(request).not.toHaveProperty('commitmentKey')
    expect(request).not.toHaveProperty('amount')
    expect(request).not.toHaveProperty('phone')
    expect(complaintRequestOf(SHOP, { ...FILLED, amount: ' 128.50 ', phone: ' 13800138000 ' }, []))
      .toMatchObject({ amount: '128.50', phone: '13800138000' })
  })

  it('never asks to share a phone number that was not given', () => {
    expect(complaintRequestOf(SHOP, { ...FILLED, phone: '', sharePhoneWithMerchant: true }, []).sharePhoneWithMerchant).toBe(false)
  })

  it('sends only the photos that finished uploading, in the order they were picked', () => {
    const second = 'uploads/user-1/01JQ6ZC0M5T8X2V9B7N4K3H1FE.png'
    const request = complaintRequestOf(SHOP, FILLED, [done(PHOTO), { status: 'uploading' }, done(second)])
    expect(request.photos).toEqual([PHOTO, second])
  })
})

describe('complaintFormErrors', () => {
  it('finds nothing wrong with a filled form', () => {
    expect(errorsOf({}, [done(PHOTO)])).toEqual({})
  })

  it('names every missing required field, in the contract’s Chinese words', () => {
    expect(complaintFormErrors(SHOP, EMPTY_DRAFT, [], TODAY)).toEqual({
      category: '请选择投诉类别',
      description: '问题描述至少 10 个字',
      purchaseDate: '请选择购买日期',
      wantedOutcome: '请选择您的诉求',
      privacyConsent: '请阅读并同意《个人信息保护说明》后再提交'
    })
  })

  it('says how long a description must be, and refuses emoji', () => {
    expect(errorsOf({ description: '漏电了' })).toEqual({ description: '问题描述至少 10 个字' })
    expect(errorsOf({ description: '电水壶底座漏电跳闸了😡😡' })).toEqual({ description: '问题描述中不能包含表情符号或文字方向控制字符' })
  })

  it.each([
    ['12.345', '金额应为数字，最多两位小数，例如 128.50'],
    ['一百', '金额应为数字，最多两位小数，例如 128.50'],
    ['0', '金额应大于 0'],
    ['0.00', '金额应大于 0']
  ])('refuses the amount %p: %s', (amount, message) => {
    expect(errorsOf({ amount })).toEqual({ amount: message })
  })

  it.each(['0.01', '128.50', '99999999'])('accepts the amount %p', (amount) => {
    expect(errorsOf({ amount })).toEqual({})
  })

  it.each(['1380013800', '23800138000', '138001380000'])('refuses the phone number %p', (phone) => {
    expect(errorsOf({ phone })).toEqual({ phone: '请填写 11 位手机号码，例如 13800138000' })
  })

  it('accepts a purchase date of today, refuses tomorrow, and leaves an impossible date to the contract', () => {
    expect(errorsOf({ purchaseDate: TODAY })).toEqual({})
    expect(errorsOf({ purchaseDate: '2026-03-11' })).toEqual({ purchaseDate: '购买日期不能晚于今天' })
    expect(errorsOf({ purchaseDate: '2026-02-30' })).toEqual({ purchaseDate: '购买日期不是有效日期' })
  })

  it('holds the form while a photo is uploading, and after one failed', () => {
    expect(errorsOf({}, [done(PHOTO), { status: 'uploading' }])).toEqual({ photos: '照片还在上传，请稍候再提交' })
    expect(errorsOf({}, [{ status: 'failed' }])).toEqual({ photos: '有照片上传失败，请点「重试」或删除后再提交' })
  })

  it('reports a bad photo key under `photos`, whichever photo it was', () => {
    expect(errorsOf({}, [done(PHOTO), done('elsewhere/x.jpg')])).toEqual({ photos: '照片上传信息无效，请重新上传' })
  })

  it('refuses a seventh photo', () => {
    expect(errorsOf({}, Array.from({ length: 7 }, () => done(PHOTO)))).toEqual({ photos: '最多上传 6 张照片' })
  })
})
