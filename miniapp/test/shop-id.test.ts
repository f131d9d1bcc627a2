import { shopIdFromParams } from '../src/lib/shop-id'

const SHOP = 'QH8K2M4P6R'
/** What the fallback QR code carries: QR_LINK_BASE with `?id=`, as functions/src/use-cases/shop-qrcode.ts builds it. */
const LINK = `https://fx.example.gov.cn/m?id=${SHOP}`

describe('shopIdFromParams', () => {
  describe('plain link (`id`)', () => {
    it('reads the id as given', () => {
      expect(shopIdFromParams({ id: SHOP })).toBe(SHOP)
    })

    it('decodes a percent-encoded id and trims spaces around it', () => {
      expect(shopIdFromParams({ id: `%20${SHOP}%20` })).toBe(SHOP)
    })

    it('keeps an id that is not valid percent-encoding as it came, for the API to explain', () => {
      expect(shopIdFromParams({ id: 'QH8K%ZZ' })).toBe('QH8K%ZZ')
      expect(shopIdFromParams({ id: '%E4%B8' })).toBe('%E4%B8')
    })
  })

  describe('mini-program code (`scene`)', () => {
    it('reads the scene WeChat URI-encoded, leaving letter case to the contract', () => {
      expect(shopIdFromParams({ scene: encodeURIComponent(SHOP.toLowerCase()) })).toBe(SHOP.toLowerCase())
    })

    it('wins over `id` and `q` when a page gets several', () => {
      expect(shopIdFromParams({ scene: SHOP, id: 'OTHER1', q: encodeURIComponent('https://x.cn/m?id=OTHER2') })).toBe(SHOP)
    })
  })

  describe('plain-link QR code (`q`)', () => {
    it('finds the id in the https link WeChat passes encoded once', () => {
      expect(shopIdFromParams({ q: encodeURIComponent(LINK) })).toBe(SHOP)
    })

    it('finds it when the link was encoded twice (passed on by another link or the H5 router)', () => {
      expect(shopIdFromParams({ q: encodeURIComponent(encodeURIComponent(LINK)) })).toBe(SHOP)
    })

    it('finds it among other parameters and before a fragment', () => {
      expect(shopIdFromParams({ q: encodeURIComponent(`https://fx.example.gov.cn/m?from=poster&id=${SHOP}&v=2#top`) })).toBe(SHOP)
    })

    it('does not take a parameter that merely ends in "id"', () => {
      expect(shopIdFromParams({ q: encodeURIComponent('https://fx.example.gov.cn/m?shopid=NOTTHIS') })).toBeUndefined()
    })

    it('gives no id for a link without one, or with an empty one', () => {
      expect(shopIdFromParams({ q: encodeURIComponent('https://fx.example.gov.cn/m') })).toBeUndefined()
      expect(shopIdFromParams({ q: encodeURIComponent('https://fx.example.gov.cn/m?id=&from=poster') })).toBeUndefined()
    })

    it('gives no id, rather than throwing, when `q` is not valid percent-encoding', () => {
      expect(shopIdFromParams({ q: 'https%3A%2F%2Ffx.example.gov.cn%2Fm%3Fid%3D%ZZ' })).toBeUndefined()
    })
  })

  it.each([{}, { id: '' }, { id: '   ' }, { scene: '%20' }, { q: '' }])('gives no id when none came (%p)', (params) => {
    expect(shopIdFromParams(params)).toBeUndefined()
  })
})
