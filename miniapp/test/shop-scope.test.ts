import { ALL_SHOPS, MAX_SHOPS_TOGETHER, shopInScope, shopScopeOptions } from '../src/merchant/shop-scope'

const shops = (count: number) => Array.from({ length: count }, (_, index) => `QHSHOP${String(index).padStart(4, '0')}`)
const nameOf = (id: string) => `门店 ${id}`

describe('which of a person’s shops a list shows', () => {
  it('all together while the server merges them, with 全部店铺 first', () => {
    expect(shopInScope(ALL_SHOPS, shops(2))).toBe(ALL_SHOPS)
    expect(shopInScope(ALL_SHOPS, shops(MAX_SHOPS_TOGETHER))).toBe(ALL_SHOPS)
    expect(shopScopeOptions(shops(2), nameOf)[0]).toEqual({ value: ALL_SHOPS, label: '全部店铺' })
  })

  it('past that, the first shop, and no 全部店铺 to choose (the server would refuse it)', () => {
    const many = shops(MAX_SHOPS_TOGETHER + 1)
    expect(shopInScope(ALL_SHOPS, many)).toBe(many[0])
    expect(shopScopeOptions(many, nameOf).map((option) => option.value)).toEqual(many)
  })

  it('a shop chosen stays chosen', () => {
    expect(shopInScope('QHSHOP0001', shops(30))).toBe('QHSHOP0001')
    expect(shopInScope('QHSHOP0001', shops(2))).toBe('QHSHOP0001')
  })
})
