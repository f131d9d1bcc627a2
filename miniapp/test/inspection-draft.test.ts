import {
  draftFieldOf,
  inspectionDraftErrors,
  inspectionRequestOf,
  newInspectionDraft,
  progressOf,
  setResult,
  updateItem
} from '../src/admin/inspection-draft'

const CODES = ['AQ01', 'AQ02', 'JG01', 'WQ01']
const start = (): ReturnType<typeof newInspectionDraft> => ({ ...newInspectionDraft('QH8K2M4P6R', 1, '2026-11-20'), mode: 'open' })

describe('walking the inspection checklist', () => {
  it('sends only the items marked, in checklist order', () => {
    let draft = start()
    draft = setResult(draft, 'JG01', 'pass')
    draft = setResult(draft, 'AQ01', 'not_applicable')
    const request = inspectionRequestOf(draft, CODES)
    expect(request.findings.map((finding) => finding.code)).toEqual(['AQ01', 'JG01'])
    expect(request.rectifications).toEqual([])
    expect(progressOf(draft, CODES)).toEqual({ marked: 2, failed: 0, orders: 0, total: 4 })
  })

  it('proposes a rectification order for a failed item and drops it when the item no longer fails', () => {
    let draft = setResult(start(), 'JG01', 'fail')
    expect(draft.items.JG01?.order.issue).toBe(true)
    draft = updateItem(draft, 'JG01', (item) => ({ ...item, order: { ...item.order, issue: false } }))
    // Marking it failed again keeps the inspector's choice not to issue one.
    draft = setResult(draft, 'JG01', 'fail')
    expect(draft.items.JG01?.order.issue).toBe(false)
    draft = updateItem(draft, 'JG01', (item) => ({ ...item, order: { ...item.order, issue: true } }))
    draft = setResult(draft, 'JG01', 'pass')
    expect(draft.items.JG01?.order.issue).toBe(false)
    expect(inspectionRequestOf(draft, CODES).rectifications).toEqual([])
  })

  it('asks for a note on a failed item, and for requirements and a deadline on its order, per item', () => {
    const draft = setResult(start(), 'JG01', 'fail')
    const errors = inspectionDraftErrors(draft, CODES)
    expect(errors['item.JG01.note']).toBe('不合格的项目请写明检查情况')
    expect(errors['item.JG01.requirements']).toBeDefined()
    expect(errors['item.JG01.deadline']).toBeDefined()
  })

  it('needs a mode and at least one item', () => {
    const errors = inspectionDraftErrors(newInspectionDraft('QH8K2M4P6R', 1, '2026-11-20'), CODES)
    expect(errors.mode).toBeDefined()
    expect(errors.findings).toBe('请至少检查一个项目')
  })

  it('builds a complete request with the order, photos and trimmed texts', () => {
    let draft = setResult(start(), 'JG01', 'fail')
    draft = updateItem(draft, 'JG01', (item) => ({
      ...item,
      note: '  部分商品未标价  ',
      photos: ['uploads/u1/01JD3Q0Z7X8Y9ABCDEFGHJKMNP.png'],
      order: { issue: true, requirements: '三日内补齐价签', deadline: '2026-11-27' }
    }))
    expect(inspectionDraftErrors(draft, CODES)).toEqual({})
    const request = inspectionRequestOf(draft, CODES)
    expect(request.findings).toEqual([{ code: 'JG01', result: 'fail', note: '部分商品未标价', photos: ['uploads/u1/01JD3Q0Z7X8Y9ABCDEFGHJKMNP.png'] }])
    expect(request.rectifications).toEqual([{ code: 'JG01', requirements: '三日内补齐价签', deadline: '2026-11-27' }])
    expect(draftFieldOf(draft, CODES, 'rectifications.0.deadline')).toBe('item.JG01.deadline')
    expect(draftFieldOf(draft, CODES, 'findings.0.note')).toBe('item.JG01.note')
    expect(draftFieldOf(draft, CODES, 'mode')).toBe('mode')
  })
})
