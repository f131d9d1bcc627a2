/**
 * The claim code between the filing (or 重新生成认领码) and the receipt page. Kept in memory only: the
 * server answers the code once and keeps only its hash, and it should not sit in storage or in a URL.
 * Leaving the receipt and coming back shows that it is gone, and how to issue a new one.
 */
export interface Receipt {
  complaintId: string
  merchantName: string
  consumerName: string
  channelLabel: string
  filedAt: string
  claimCode: string
  claimCodeExpiresAt: string
  claimCodeSms: 'sent' | 'sending' | 'failed' | 'over_limit' | 'not_configured' | 'not_requested'
  reissued: boolean
}

let held: Receipt | undefined

export function holdReceipt(receipt: Receipt): void {
  held = receipt
}

/** The receipt for this complaint, if it was just filed or re-issued on this device. */
export function heldReceipt(complaintId: string | undefined): Receipt | undefined {
  return held && held.complaintId === complaintId ? held : undefined
}
