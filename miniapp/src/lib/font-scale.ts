/**
 * 适老化 large text: the rules that turn what the phone or browser says into one text scale. No Taro (and no
 * DOM but the H5 probe, `measureBrowserDefaultScale`), so the unit tests pin them; `components/font-scale.tsx`
 * reads the device and applies the result as the CSS variable `--fx-font-scale`, which every consumer
 * stylesheet multiplies its text sizes by. The H5 scan shell (src/h5-shell) reads them too, before Taro runs.
 */

/** WeChat's standard font size (「我 → 设置 → 通用 → 字体大小」 at its default), in px. */
export const WECHAT_STANDARD_FONT_PX = 17

/** The browser's standard default font size (the CSS keyword `medium`), in px. */
export const BROWSER_STANDARD_FONT_PX = 16

/** What the home page's 「大字模式」 switch gives someone whose phone is on the standard size. */
export const LARGE_TEXT_SCALE = 1.5

/**
 * Never smaller than our design (a small setting is not what the elderly need, and the design's small print
 * is already the floor); never more than twice, where a 390-wide screen holds about eight characters a line.
 */
export const MIN_FONT_SCALE = 1
export const MAX_FONT_SCALE = 2

/** The query parameter the H5 build reads (`#/pages/index/index?fontScale=1.5`): a test and preview hook. */
export const FONT_SCALE_PARAM = 'fontScale'

/** The key under which the 「大字模式」 choice is kept in Taro storage. */
export const LARGE_TEXT_STORAGE_KEY = 'fangxin.largeText'

/**
 * The 「大字模式」 choice from the browser's localStorage item, where Taro's H5 storage keeps it as
 * `{"data":true}`. For the H5 scan shell, which runs before Taro; anything else reads as off.
 */
export function largeTextFromStoredItem(item: string | null): boolean {
  if (!item) return false
  try {
    const stored: unknown = JSON.parse(item)
    return typeof stored === 'object' && stored !== null && (stored as { data?: unknown }).data === true
  } catch {
    return false
  }
}

export function clampFontScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) return MIN_FONT_SCALE
  // Two decimals: enough for WeChat's steps, and a stable CSS value.
  return Math.round(Math.min(MAX_FONT_SCALE, Math.max(MIN_FONT_SCALE, scale)) * 100) / 100
}

/**
 * WeChat's font setting as a scale. `getAppBaseInfo()` gives `fontSizeScaleFactor` on newer clients and
 * `fontSizeSetting` (px, 17 = standard; base library 2.23.4+); older clients give only the latter through
 * `getSystemInfoSync()`. The factor wins when both are there: it is what WeChat itself applies.
 */
export function scaleFromWeChat(info: { fontSizeScaleFactor?: unknown; fontSizeSetting?: unknown } | undefined): number {
  const factor = Number(info?.fontSizeScaleFactor)
  if (Number.isFinite(factor) && factor > 0) return clampFontScale(factor)
  const setting = Number(info?.fontSizeSetting)
  if (Number.isFinite(setting) && setting > 0) return clampFontScale(setting / WECHAT_STANDARD_FONT_PX)
  return MIN_FONT_SCALE
}

/** The browser's default font size (what `font-size: medium` resolves to) as a scale. */
export function scaleFromBrowserDefault(defaultFontPx: number): number {
  return clampFontScale(defaultFontPx / BROWSER_STANDARD_FONT_PX)
}

/**
 * H5: the browser's default font size (its font-size setting, which Taro's rem layout otherwise ignores), as
 * a scale. Measured with a hidden probe in `doc`'s body; shared by the app and the scan shell, which runs
 * before it.
 */
export function measureBrowserDefaultScale(doc: Document): number {
  const probe = doc.createElement('div')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  doc.body.appendChild(probe)
  const px = doc.defaultView ? parseFloat(doc.defaultView.getComputedStyle(probe).fontSize) : Number.NaN
  probe.remove()
  return Number.isFinite(px) ? scaleFromBrowserDefault(px) : MIN_FONT_SCALE
}

/**
 * The `fontScale` hook from a URL (in the query before the hash, or in the hash route's own query, as the H5
 * router puts it). Undefined when absent or not a number.
 */
export function scaleFromUrl(href: string): number | undefined {
  const match = new RegExp(`[?&]${FONT_SCALE_PARAM}=([0-9.]+)`).exec(href)
  if (!match) return undefined
  const value = Number(match[1])
  return Number.isFinite(value) && value > 0 ? clampFontScale(value) : undefined
}

/**
 * The scale a page uses: the larger of the device's setting and the 「大字模式」 switch, so turning the switch
 * on never makes text smaller for someone whose phone is already on a large size.
 */
export function effectiveFontScale(deviceScale: number, largeText: boolean): number {
  return clampFontScale(Math.max(deviceScale, largeText ? LARGE_TEXT_SCALE : MIN_FONT_SCALE))
}
