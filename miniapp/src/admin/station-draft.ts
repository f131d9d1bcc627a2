import { RegisterStationRequest, type StationPlaceType, type TownCode } from '@fangxin/shared'
import { fieldErrorsOf, type FieldErrors } from '../lib/field-errors'

/**
 * The 登记投诉站 form (admin/pages/stations): its state and the request it makes, checked with the contract's
 * own schema so the words match the server's. Pure, for unit tests.
 */
export interface StationDraft {
  name: string
  townCode?: TownCode
  placeType?: StationPlaceType
  address: string
  contactName: string
  contactPhone: string
}

export const EMPTY_STATION: StationDraft = { name: '', address: '', contactName: '', contactPhone: '' }

/** The request body: texts trimmed, choices as picked (a missing one is named by the contract). */
export function stationRequestOf(draft: StationDraft): RegisterStationRequest {
  return {
    name: draft.name.trim(),
    townCode: draft.townCode as TownCode,
    placeType: draft.placeType as StationPlaceType,
    address: draft.address.trim(),
    contactName: draft.contactName.trim(),
    contactPhone: draft.contactPhone.trim()
  }
}

/** Every field's first problem, in the contract's words; empty when the form may be sent. */
export function stationDraftErrors(draft: StationDraft): FieldErrors {
  const parsed = RegisterStationRequest.safeParse(stationRequestOf(draft))
  return parsed.success ? {} : fieldErrorsOf(parsed.error.issues, 1)
}

/** Who may do what on the 投诉站管理 page: county admins register; admins and regulators issue staff codes. */
export function stationPowers(staff: { role: string; jurisdiction: 'county' | readonly string[] } | undefined): { register: boolean; invite: boolean } {
  return { register: staff?.role === 'admin' && staff.jurisdiction === 'county', invite: staff?.role === 'admin' || staff?.role === 'regulator' }
}
