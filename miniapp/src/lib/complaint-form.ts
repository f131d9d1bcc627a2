import {
  FileComplaintRequest,
  purchaseDateNotInFuture,
  type ComplaintCategoryCode,
  type OutcomeCode
} from '@fangxin/shared'
import { fieldErrorsOf, type FieldErrors } from './field-errors'
import { photoUploadProblem, type PhotoUpload } from './photo-uploads'

/**
 * The complaint form's state and the request it makes (pages/complaint-new): pure, so unit tests pin what
 * the page sends and which messages it shows.
 */

/** The choice that names no commitment (`.option-none`). */
export const NO_COMMITMENT = 'none'

export interface ComplaintDraft {
  category?: ComplaintCategoryCode
  commitmentKey: string
  description: string
  purchaseDate?: string
  amount: string
  wantedOutcome?: OutcomeCode
  phone: string
  sharePhoneWithMerchant: boolean
  privacyConsent: boolean
}

export const EMPTY_DRAFT: ComplaintDraft = {
  commitmentKey: NO_COMMITMENT,
  description: '',
  amount: '',
  phone: '',
  sharePhoneWithMerchant: false,
  privacyConsent: false
}

export type { PhotoUpload } from './photo-uploads'

/** The request body as the contract wants it; empty optional fields are left out rather than sent blank. */
export function complaintRequestOf(merchantId: string, draft: ComplaintDraft, photos: readonly PhotoUpload[]): FileComplaintRequest {
  const amount = draft.amount.trim()
  const phone = draft.phone.trim()
  return {
    merchantId,
    category: draft.category as ComplaintCategoryCode,
    ...(draft.commitmentKey !== NO_COMMITMENT ? { commitmentKey: draft.commitmentKey } : {}),
    description: draft.description,
    purchaseDate: draft.purchaseDate as string,
    ...(amount ? { amount } : {}),
    wantedOutcome: draft.wantedOutcome as OutcomeCode,
    photos: photos.flatMap((photo) => (photo.key ? [photo.key] : [])),
    ...(phone ? { phone } : {}),
    // Sharing a number that was not given means nothing: never sent as true without one.
    sharePhoneWithMerchant: phone ? draft.sharePhoneWithMerchant : false,
    privacyConsent: draft.privacyConsent as true
  }
}

/**
 * Every field problem, by top-level field, in the shared schema's own words, plus what the schema leaves
 * to the form: a purchase date after `today` (Shanghai), and photos still uploading or failed.
 */
export function complaintFormErrors(merchantId: string, draft: ComplaintDraft, photos: readonly PhotoUpload[], today: string): FieldErrors {
  const parsed = FileComplaintRequest.safeParse(complaintRequestOf(merchantId, draft, photos))
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues, 1)
  if (draft.purchaseDate && !errors.purchaseDate && !purchaseDateNotInFuture(draft.purchaseDate, today)) {
    errors.purchaseDate = '购买日期不能晚于今天'
  }
  const photoProblem = photoUploadProblem(photos)
  if (photoProblem) errors.photos = photoProblem
  return errors
}
