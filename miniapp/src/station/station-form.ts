import { PERSONAL_DATA_RETENTION_DAYS, StationFileComplaintRequest, retentionPeriodText, type StationFiled } from '@fangxin/shared'
import { complaintFormErrors, complaintRequestOf, type ComplaintDraft, type PhotoUpload } from '../lib/complaint-form'
import type { FieldErrors } from '../lib/field-errors'

/**
 * The station's 代为登记投诉 form (station/pages/file): the consumer's own complaint form (lib/complaint-form)
 * plus how the complaint came in, who the consumer is, their spoken consent and the SMS toggle. Pure, so
 * unit tests pin what the page sends and which messages it shows.
 */

export type StationChannel = 'walk_in' | 'phone'

export interface StationDraft extends Omit<ComplaintDraft, 'phone' | 'privacyConsent'> {
  channel?: StationChannel
  consumerName: string
  consumerPhone: string
  spokenConsent: boolean
  sendClaimCodeBySms: boolean
}

export const EMPTY_STATION_DRAFT: StationDraft = {
  commitmentKey: 'none',
  description: '',
  amount: '',
  sharePhoneWithMerchant: false,
  consumerName: '',
  consumerPhone: '',
  spokenConsent: false,
  sendClaimCodeBySms: true
}

/**
 * What the station reads aloud before taking the consumer's name and phone; the consumer's 「同意」 is
 * recorded as spoken consent. The same processing as the mini-program's 个人信息保护说明 (info/privacy-notice.ts),
 * said for the phone.
 */
export const SPOKEN_CONSENT_TEXT =
  `我们会记录您的姓名、手机号和投诉内容，只用于处理这次投诉：商家能看到投诉内容，您的手机号只对市场监管部门和本投诉站完整显示。我们会把认领码发到您的手机或打印在回执上，您可以凭它在「放心消费」小程序里查看进度、评价处理结果。投诉办结满 ${retentionPeriodText(PERSONAL_DATA_RETENTION_DAYS)}后，您的手机号和姓名会被隐去、照片会被删除；这些信息不作他用。您同意吗？`

/** The request body as the contract wants it: the consumer form's fields, minus its own phone and consent. */
export function stationRequestOf(merchantId: string, draft: StationDraft, photos: readonly PhotoUpload[]): StationFileComplaintRequest {
  const { phone: _phone, privacyConsent: _consent, sharePhoneWithMerchant: _share, ...complaint } = complaintRequestOf(
    merchantId,
    { ...draft, phone: '', privacyConsent: true },
    photos
  )
  void _phone
  void _consent
  void _share
  return {
    ...complaint,
    // The consumer is not at the phone to choose: the shop sees the number masked.
    sharePhoneWithMerchant: false,
    channel: draft.channel as StationChannel,
    consumerName: draft.consumerName.trim(),
    consumerPhone: draft.consumerPhone.trim(),
    spokenConsent: draft.spokenConsent as true,
    sendClaimCodeBySms: draft.sendClaimCodeBySms
  }
}

/** Every field problem, by top-level field, in the shared schema's words, plus the complaint form's own checks. */
export function stationFormErrors(merchantId: string, draft: StationDraft, photos: readonly PhotoUpload[], today: string): FieldErrors {
  const errors: FieldErrors = {}
  const parsed = StationFileComplaintRequest.safeParse(stationRequestOf(merchantId, draft, photos))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '')
      if (errors[field] === undefined) errors[field] = issue.message
    }
  }
  // The purchase date and the photos' uploads, as the consumer's form checks them.
  const own = complaintFormErrors(merchantId, { ...draft, phone: '', privacyConsent: true }, photos, today)
  if (own.purchaseDate && !errors.purchaseDate) errors.purchaseDate = own.purchaseDate
  if (own.photos) errors.photos = own.photos
  return errors
}

export type ClaimCodeSms = NonNullable<StationFiled['claimCodeSms']>

/** The 8-digit claim code as it is read out and printed: 「1234 5678」. */
export const spacedClaimCode = (code: string): string => code.replace(/^(\d{4})(\d{4})$/, '$1 $2')

/** What the receipt says about the SMS with the claim code; undefined when there is nothing to say. */
export function smsStatusText(status: ClaimCodeSms | undefined): { text: string; problem: boolean } | undefined {
  switch (status) {
    case 'sent':
      return { text: '认领码已通过短信发送到消费者手机。', problem: false }
    case 'sending':
      return { text: '认领码短信正在由刚才的提交发送，不会重复发送；尚未确认送达：请把认领码告诉消费者，或打印本回执交给消费者。', problem: true }
    case 'failed':
      return { text: '短信发送失败：请把认领码告诉消费者，或打印本回执交给消费者。', problem: true }
    case 'over_limit':
      return { text: '今日短信已达上限（该号码今天收到的短信，或您今天代发的认领码短信），短信未发送：请把认领码告诉消费者，或打印本回执交给消费者。', problem: true }
    case 'not_configured':
      return { text: '本地尚未开通短信服务，短信未发送：请把认领码告诉消费者，或打印本回执交给消费者。', problem: true }
    case 'not_requested':
      return { text: '未发送短信：请把认领码告诉消费者，或打印本回执交给消费者。', problem: false }
    default:
      return undefined
  }
}

/** Whether the consumer has claimed the case: the timeline says so (`link_consumer`). */
export const isClaimed = (timeline: ReadonlyArray<{ type: string }>): boolean => timeline.some((entry) => entry.type === 'link_consumer')

/** The quick-pick of the station's own town's shops under the shop-code field (one directory page). */
export type TownShops = { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; items: Array<{ id: string; name: string }>; more: boolean }

/**
 * The line under the quick-pick when it is not the whole town: it could not load, or only its first page is
 * shown. Either way the shop code still finds any shop, and the station should know to use it.
 */
export function townShopsNote(shops: TownShops): string | undefined {
  if (shops.kind === 'failed') return '本乡镇店铺列表加载失败，可直接输入店铺编号查找'
  if (shops.kind === 'loaded' && shops.more) return `仅显示前 ${shops.items.length} 家，其他店铺请输入店铺编号查找`
  return undefined
}
