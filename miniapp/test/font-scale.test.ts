import {
  clampFontScale,
  effectiveFontScale,
  LARGE_TEXT_SCALE,
  largeTextFromStoredItem,
  scaleFromBrowserDefault,
  scaleFromUrl,
  scaleFromWeChat
} from '../src/lib/font-scale'

describe('适老化 text scale', () => {
  it('reads WeChat’s font setting in px against the standard 17 px', () => {
    expect(scaleFromWeChat({ fontSizeSetting: 17 })).toBe(1)
    expect(scaleFromWeChat({ fontSizeSetting: 25.5 })).toBe(1.5)
    expect(scaleFromWeChat({ fontSizeSetting: 20 })).toBe(1.18)
  })

  it('prefers WeChat’s own scale factor when the client gives one', () => {
    expect(scaleFromWeChat({ fontSizeScaleFactor: 1.4, fontSizeSetting: 17 })).toBe(1.4)
  })

  it('stays at the design size when WeChat says nothing usable, or asks for smaller text', () => {
    expect(scaleFromWeChat(undefined)).toBe(1)
    expect(scaleFromWeChat({ fontSizeSetting: 'large' })).toBe(1)
    expect(scaleFromWeChat({ fontSizeSetting: 14 })).toBe(1)
  })

  it('never goes past twice the design size', () => {
    expect(scaleFromWeChat({ fontSizeSetting: 40 })).toBe(2)
    expect(clampFontScale(Number.POSITIVE_INFINITY)).toBe(1)
  })

  it('follows the browser’s default font size in H5', () => {
    expect(scaleFromBrowserDefault(16)).toBe(1)
    expect(scaleFromBrowserDefault(24)).toBe(1.5)
  })

  it('reads the fontScale hook before the hash or in the hash route’s query', () => {
    expect(scaleFromUrl('http://127.0.0.1:10086/?fontScale=1.5#/pages/index/index')).toBe(1.5)
    expect(scaleFromUrl('http://127.0.0.1:10086/#/pages/merchant/index?id=QH8K2M4P6R&fontScale=1.5')).toBe(1.5)
    expect(scaleFromUrl('http://127.0.0.1:10086/#/pages/index/index')).toBeUndefined()
    expect(scaleFromUrl('http://127.0.0.1:10086/#/pages/index/index?myfontScale=3')).toBeUndefined()
  })

  it('takes the larger of the device setting and the 大字模式 switch', () => {
    expect(effectiveFontScale(1, false)).toBe(1)
    expect(effectiveFontScale(1, true)).toBe(LARGE_TEXT_SCALE)
    expect(effectiveFontScale(1.8, true)).toBe(1.8)
    expect(effectiveFontScale(1.2, false)).toBe(1.2)
  })
})

describe('largeTextFromStoredItem reads the 大字模式 choice as Taro’s H5 storage keeps it', () => {
  it.each([
    ['{"data":true}', true],
    ['{"data":false}', false],
    ['{"data":"true"}', false],
    ['true', false],
    ['{}', false],
    ['not json', false],
    ['', false],
    [null, false],
  ])('%j → %s', (item, expected) => {
    expect(largeTextFromStoredItem(item)).toBe(expected)
  })
})
