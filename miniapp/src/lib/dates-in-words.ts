/**
 * Dates as a reader in Chinese reads them, for pages and texts that show a date rather than store it. Used by
 * subpackages only (admin, info, consumer), so the build copies it into each and the main package stays as
 * it is. No Taro here, so unit tests can run it.
 */

/** 「2026年11月29日」 from `2026-11-29`, as a notice dates itself; anything else as it came. */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`
}

/** 「1月」…「12月」 from a month row's code (`2026-03` or `3`); anything else as it came. */
export function monthLabel(code: string): string {
  const month = Number(code.includes('-') ? code.slice(code.lastIndexOf('-') + 1) : code)
  return Number.isFinite(month) && month >= 1 && month <= 12 ? `${month}月` : code
}
