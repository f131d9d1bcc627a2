import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { MerchantPublicView } from '@fangxin/shared'
import { SHELL_ANSWER_MS, askForShop, readShop, scanPageParams, scanShopId } from '../src/h5-shell/scan-shell'
import { checkShopCode, shopIdFromParams } from '../src/lib/shop-id'

/**
 * The H5 scan shell (src/h5-shell) runs before the app and draws the shop from the same answer the page
 * uses. It must ask for the shop the page would ask for, and draw only a well-formed shop. Its DOM is
 * exercised in a real browser (e2e/scan-shell.test.ts).
 */

const SHOP: MerchantPublicView = MerchantPublicView.parse({
  id: 'QH8K2M4P6R',
  name: '清河县城关百货商场有限公司',
  type: 'enterprise',
  typeLabel: '企业',
  sector: 'retail',
  sectorLabel: '零售',
  townName: '城关镇',
  areaType: 'commercial',
  areaTypeLabel: '商业街区',
  address: '人民路 1 号',
  status: 'active',
  badge: { kind: 'model', label: '2025年度放心消费示范企业' },
  commitments: [
    { key: 'quality', title: '商品质量承诺', explanation: '所售商品符合国家标准', legalBasis: '《产品质量法》', custom: false },
    { key: 'custom-1', title: '免费送货', explanation: '县城内免费送货上门', custom: true },
  ],
  commitmentsSince: '2025-03-15',
  commitmentsVersion: 1,
  recallsInForce: 0,
  trackRecord: { complaints: 0, settledInShopShare: null, medianFirstResponse: null, satisfaction: null, rated: 0, summary: '近 12 个月无投诉', perCommitment: [] },
})

describe('scanShopId asks for the shop the scan page would show', () => {
  /** The page's own reading: Taro's router hands it the decoded query, the API call checks the id. */
  const pageReads = (params: Record<string, string>) => {
    const raw = shopIdFromParams(params)
    if (raw === undefined) return undefined
    const checked = checkShopCode(raw)
    return checked.ok ? checked.id : undefined
  }
  const hashOf = (params: Record<string, string>) =>
    `#/pages/merchant/index?${Object.entries(params)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('&')}`

  it.each([
    [{ id: 'QH8K2M4P6R' }, 'QH8K2M4P6R'],
    [{ id: ' qh8k2m4p6r ' }, 'QH8K2M4P6R'],
    [{ scene: 'qh8k2m4p6r' }, 'QH8K2M4P6R'],
    [{ id: 'QH8K2M4P6R', scene: 'QH0000AAAA' }, 'QH0000AAAA'],
    [{ q: 'https://fx.example.cn/s?id=QH8K2M4P6R' }, 'QH8K2M4P6R'],
    [{ id: 'X'.repeat(33) }, undefined],
    [{ id: '店铺1' }, undefined],
    [{ id: '' }, undefined],
    [{}, undefined],
  ])('%j → %s', (params, expected) => {
    expect(pageReads(params)).toBe(expected)
    expect(scanShopId(hashOf(params))).toBe(expected)
  })

  it('agrees with the page on any parameters', () => {
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('QH8K2M4P6R', 'qh8k2m4p6r', ' QH1 ', '%E5%BA%97'))
    fc.assert(
      fc.property(fc.record({ id: value, scene: value, q: value }, { requiredKeys: [] }), (params) => {
        expect(scanShopId(hashOf(params))).toBe(pageReads(params))
      }),
    )
  })

  it.each([
    ['#/pages/index/index?id=QH8K2M4P6R'],
    ['#/pages/merchant/index-other?id=QH8K2M4P6R'],
    ['#/pages/complaint-new/index?merchantId=QH8K2M4P6R'],
    [''],
    ['#'],
  ])('nothing on another route: %s', (hash) => {
    expect(scanPageParams(hash)).toBeUndefined()
    expect(scanShopId(hash)).toBeUndefined()
  })

  it('reads the scan route with or without a query', () => {
    expect(scanPageParams('#/pages/merchant/index')).toEqual({})
    expect(scanPageParams('#/pages/merchant/index?id=A1&fontScale=1.5')).toEqual({ id: 'A1', fontScale: '1.5' })
  })
})

describe('readShop draws only a well-formed shop', () => {
  it('keeps what the shell draws from a contract answer', () => {
    expect(readShop(JSON.parse(JSON.stringify(SHOP)))).toEqual({
      id: SHOP.id,
      name: SHOP.name,
      typeLabel: '企业',
      sectorLabel: '零售',
      townName: '城关镇',
      address: '人民路 1 号',
      badge: SHOP.badge,
      commitmentsSince: '2025-03-15',
      commitments: [
        { key: 'quality', title: '商品质量承诺', explanation: '所售商品符合国家标准', legalBasis: '《产品质量法》', custom: false },
        { key: 'custom-1', title: '免费送货', explanation: '县城内免费送货上门', custom: true },
      ],
      trackRecord: { summary: '近 12 个月无投诉' },
    })
  })

  it('keeps the standing notice of a suspended shop', () => {
    const suspended = { ...SHOP, status: 'suspended', statusNotice: '本店已暂停参创', badge: { kind: 'none', label: '' } }
    expect(readShop(suspended)).toMatchObject({ statusNotice: '本店已暂停参创', badge: { kind: 'none' } })
  })

  it.each([
    ['no body', undefined],
    ['an array', [SHOP]],
    ['an error body', { code: 'NOT_FOUND', message: '未找到该店铺' }],
    ['a name that is not text', { ...SHOP, name: 42 }],
    ['a missing address', { ...SHOP, address: undefined }],
    ['an unknown badge', { ...SHOP, badge: { kind: 'gold', label: '金牌' } }],
    ['commitments that are not a list', { ...SHOP, commitments: 'quality' }],
    ['a commitment without a title', { ...SHOP, commitments: [{ key: 'quality', explanation: '…', custom: false }] }],
    ['a legal basis that is not text', { ...SHOP, commitments: [{ ...SHOP.commitments[0], legalBasis: 1 }] }],
    ['a notice that is not text', { ...SHOP, statusNotice: { text: '暂停' } }],
    ['no track record summary', { ...SHOP, trackRecord: {} }],
  ])('nothing from %s', (_case, body) => {
    expect(readShop(body)).toBeUndefined()
  })
})

describe('the shell writes text, never markup', () => {
  // Shop names, addresses and notices are the shop's own words: drawn as text, a `<img onerror>` in a name
  // stays text. The browser test draws a real shop; this holds the source to the rule.
  const source = readFileSync(path.join(__dirname, '../src/h5-shell/scan-shell.ts'), 'utf8')

  it.each(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'DOMParser'])('uses no %s', (api) => {
    expect(source).not.toContain(api)
  })
})

describe('the shell\'s answer never keeps the page waiting for good', () => {
  // The page takes the shell's answer instead of asking: an answer that never came would leave it at
  // 「正在加载店铺信息…」. Past SHELL_ANSWER_MS it is "none", and the page asks itself (15 s, then 重试).
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  const windowWith = (fetch: (url: string, init: { signal?: AbortSignal }) => Promise<{ status: number; text: () => Promise<string> }>) => ({
    fetch,
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    AbortController
  })

  it('hands over the answer that comes in time', async () => {
    const win = windowWith(async () => ({ status: 200, text: async () => JSON.stringify(SHOP) }))
    await expect(askForShop(win, '/api/merchants/QH8K2M4P6R')).resolves.toEqual({ status: 200, body: JSON.parse(JSON.stringify(SHOP)) })
  })

  it('gives up on a stalled request, and aborts it so the page\'s own is not queued behind it', async () => {
    let signal: AbortSignal | undefined
    const win = windowWith((_url, init) => {
      signal = init.signal
      return new Promise(() => undefined)
    })
    const answer = askForShop(win, '/api/merchants/QH8K2M4P6R')
    jest.advanceTimersByTime(SHELL_ANSWER_MS - 1)
    expect(signal?.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    await expect(answer).resolves.toBeUndefined()
    expect(signal?.aborted).toBe(true)
  })

  it('gives up on a body that stalls after the status came', async () => {
    const win = windowWith(async () => ({ status: 200, text: () => new Promise<string>(() => undefined) }))
    const answer = askForShop(win, '/api/merchants/QH8K2M4P6R', 500)
    jest.advanceTimersByTime(500)
    await expect(answer).resolves.toBeUndefined()
  })

  it('has no answer without a network, and waits well under the page\'s own 15 s', async () => {
    const win = windowWith(async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(askForShop(win, '/api/merchants/QH8K2M4P6R')).resolves.toBeUndefined()
    expect(SHELL_ANSWER_MS).toBeLessThan(15_000)
  })

  it('works where the browser has no AbortController', async () => {
    const win = { fetch: () => new Promise<never>(() => undefined), setTimeout: (run: () => void, ms: number) => setTimeout(run, ms) }
    const answer = askForShop(win, '/api/merchants/QH8K2M4P6R', 100)
    jest.advanceTimersByTime(100)
    await expect(answer).resolves.toBeUndefined()
  })
})
