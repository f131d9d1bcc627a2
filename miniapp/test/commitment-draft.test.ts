import type { PublicCommitment } from '@fangxin/shared'
import { commitmentsRefreshed, draftFromPublic, type CommitmentDraft } from '../src/merchant/commitment-draft'

const catalogue = (key: string, title: string): PublicCommitment => ({ key, title, explanation: '…', custom: false })
const QUALITY = catalogue('quality', '商品质量承诺')
const PRICES = catalogue('price_marking', '明码标价 · 明码实价')
const RETURNS_15 = catalogue('offline_no_reason_return', '15天线下无理由退货')
const DELIVERY: PublicCommitment = { key: 'custom-1', title: '免费送货上门', explanation: '县城内免费送货上门。', custom: true }

/** Version 3 was in force when the owner opened the editor. */
const BEFORE = [QUALITY, PRICES]
const SINCE = '2026-03-10'

describe('「刷新」 after saving the shop commitments on a version that is no longer current', () => {
  it('closes the edit as saved when what is in force now is the draft (an earlier save whose answer was lost)', () => {
    const draft: CommitmentDraft = { selected: ['quality', 'price_marking', 'offline_no_reason_return'], days: '15', custom: [{ title: '免费送货上门 ', text: '县城内免费送货上门。' }] }
    const outcome = commitmentsRefreshed(draft, 3, BEFORE, { commitments: [QUALITY, PRICES, RETURNS_15, DELIVERY], version: 4, since: SINCE })
    expect(outcome).toEqual({ kind: 'saved', text: '您的修改已经保存：本店承诺现为第 4 版，自 2026-03-10 起生效' })
  })

  it('keeps the draft open over another save, and says what that save changed', () => {
    const draft: CommitmentDraft = { selected: ['quality', 'price_marking', 'three_guarantees'], days: '7', custom: [] }
    const outcome = commitmentsRefreshed(draft, 3, BEFORE, { commitments: [QUALITY, RETURNS_15], version: 4, since: SINCE })
    expect(outcome.kind).toBe('changed')
    expect(outcome.text).toContain('第 4 版')
    expect(outcome.text).toContain('新增「15天线下无理由退货」')
    expect(outcome.text).toContain('取消「明码标价 · 明码实价」')
    expect(outcome.text).toContain('您的修改仍保留')
  })

  it('asks to try again later when the shop read is not yet newer than the version refused (cached)', () => {
    const draft = draftFromPublic([QUALITY])
    const outcome = commitmentsRefreshed(draft, 3, BEFORE, { commitments: BEFORE, version: 3, since: SINCE })
    expect(outcome.kind).toBe('not-yet')
    expect(outcome.text).toContain('稍后再点「刷新」')
  })

  it('reads the return days back from the public title, so an unchanged draft compares equal', () => {
    expect(draftFromPublic([QUALITY, RETURNS_15, DELIVERY])).toEqual({
      selected: ['quality', 'offline_no_reason_return'],
      days: '15',
      custom: [{ title: '免费送货上门', text: '县城内免费送货上门。' }]
    })
  })
})
