import { RecordInspectionRequest, type FindingResult, type InspectionMode } from '@fangxin/shared'
import { fieldErrorsOf, type FieldErrors } from '../lib/field-errors'

/**
 * An inspection as the inspector walks the checklist on the phone (pure, unit-tested): one entry per item they
 * have marked, in checklist order, with its note, photos and — for a failed item — whether a rectification
 * order (整改通知) goes with it. Items not marked are not sent (an inspection need not cover the whole list).
 */

export interface ItemDraft {
  result?: FindingResult
  note: string
  /** Upload keys of the photos already uploaded. */
  photos: string[]
  /** Only for a failed item: issue a rectification order with these requirements and deadline. */
  order: { issue: boolean; requirements: string; deadline?: string }
}

export interface InspectionDraft {
  merchantId: string
  mode?: InspectionMode
  inspectedOn: string
  checklistVersion: number
  /** Keyed by item code. */
  items: Readonly<Record<string, ItemDraft>>
  remarks: string
}

export const emptyItem = (): ItemDraft => ({ note: '', photos: [], order: { issue: false, requirements: '' } })

export function newInspectionDraft(merchantId: string, checklistVersion: number, today: string): InspectionDraft {
  return { merchantId, inspectedOn: today, checklistVersion, items: {}, remarks: '' }
}

/** The draft with one item changed (a new object: React state). */
export function updateItem(draft: InspectionDraft, code: string, change: (item: ItemDraft) => ItemDraft): InspectionDraft {
  return { ...draft, items: { ...draft.items, [code]: change(draft.items[code] ?? emptyItem()) } }
}

/**
 * Marks an item. Choosing 不合格 proposes a rectification order (the usual outcome; the inspector may untick
 * it); leaving 不合格 drops the order, which may only follow a failed item.
 */
export function setResult(draft: InspectionDraft, code: string, result: FindingResult): InspectionDraft {
  return updateItem(draft, code, (item) => ({
    ...item,
    result,
    order: result === 'fail' ? { ...item.order, issue: item.result === 'fail' ? item.order.issue : true } : { ...item.order, issue: false }
  }))
}

/** How far the walk has got: items marked, and how many of them failed, out of the checklist's. */
export function progressOf(draft: InspectionDraft, itemCodes: readonly string[]): { marked: number; failed: number; orders: number; total: number } {
  let marked = 0
  let failed = 0
  let orders = 0
  for (const code of itemCodes) {
    const item = draft.items[code]
    if (!item?.result) continue
    marked += 1
    if (item.result === 'fail') {
      failed += 1
      if (item.order.issue) orders += 1
    }
  }
  return { marked, failed, orders, total: itemCodes.length }
}

const trimmedOrUndefined = (text: string) => (text.trim() ? text.trim() : undefined)

/** The request body: marked items in checklist order, the orders for failed items that carry one. */
export function inspectionRequestOf(draft: InspectionDraft, itemCodes: readonly string[]): RecordInspectionRequest {
  const marked = itemCodes.filter((code) => draft.items[code]?.result)
  const remarks = trimmedOrUndefined(draft.remarks)
  return {
    merchantId: draft.merchantId,
    mode: draft.mode as InspectionMode,
    inspectedOn: draft.inspectedOn,
    checklistVersion: draft.checklistVersion,
    findings: marked.map((code) => {
      const item = draft.items[code]!
      const note = trimmedOrUndefined(item.note)
      return { code, result: item.result!, ...(note ? { note } : {}), photos: item.photos }
    }),
    rectifications: marked
      .filter((code) => draft.items[code]!.result === 'fail' && draft.items[code]!.order.issue)
      .map((code) => {
        const { order } = draft.items[code]!
        return { code, requirements: order.requirements.trim(), deadline: order.deadline ?? '' }
      }),
    ...(remarks ? { remarks } : {})
  }
}

/**
 * What is wrong with the draft before sending, keyed the way the page shows it: `mode`, `findings`,
 * `item.<code>.note`, `item.<code>.requirements`, `item.<code>.deadline`, `remarks`. The contract's own
 * schema words the field problems; the rules it cannot see alone (a failed item needs a note) are added here
 * as the server's domain check words them.
 */
export function inspectionDraftErrors(draft: InspectionDraft, itemCodes: readonly string[]): FieldErrors {
  const request = inspectionRequestOf(draft, itemCodes)
  const errors: FieldErrors = {}
  const findingCode = (index: number) => request.findings[index]?.code
  const orderCode = (index: number) => request.rectifications?.[index]?.code
  const parsed = RecordInspectionRequest.safeParse(request)
  if (!parsed.success) {
    const raw = fieldErrorsOf(parsed.error.issues)
    for (const [path, message] of Object.entries(raw)) {
      const [head, index, field] = path.split('.')
      if (head === 'findings' && index !== undefined && field) errors[`item.${findingCode(Number(index))}.${field}`] ??= message
      else if (head === 'rectifications' && index !== undefined && field) errors[`item.${orderCode(Number(index))}.${field}`] ??= message
      else errors[head ?? path] ??= message
    }
  }
  request.findings.forEach((finding) => {
    if (finding.result === 'fail' && !finding.note) errors[`item.${finding.code}.note`] ??= '不合格的项目请写明检查情况'
  })
  if (request.findings.length === 0) errors.findings = '请至少检查一个项目'
  return errors
}

/** The inspection page's error keys for a server error's field (`findings.2.note` → `item.AQ01.note`). */
export function draftFieldOf(draft: InspectionDraft, itemCodes: readonly string[], field: string): string {
  const request = inspectionRequestOf(draft, itemCodes)
  const [head, index, rest] = field.split('.')
  if (head === 'findings' && index !== undefined && rest) return `item.${request.findings[Number(index)]?.code}.${rest}`
  if (head === 'rectifications' && index !== undefined && rest) return `item.${request.rectifications?.[Number(index)]?.code}.${rest}`
  return head ?? field
}
