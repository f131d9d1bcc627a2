import { MAX_SHOPS_MERGED } from '@fangxin/shared'

/**
 * Which of a person's shops a list shows. With no shop named the server reads them all as one list, up to
 * `MAX_SHOPS_MERGED`; a larger chain's lists show one shop at a time.
 */
export const MAX_SHOPS_TOGETHER = MAX_SHOPS_MERGED
export const ALL_SHOPS = 'all'

/** The shop (or `ALL_SHOPS`) a list asks for: what was chosen, except "all" past what the server merges. */
export function shopInScope(chosen: string, merchantIds: readonly string[]): string {
  if (chosen !== ALL_SHOPS) return chosen
  return merchantIds.length > MAX_SHOPS_TOGETHER ? (merchantIds[0] ?? ALL_SHOPS) : ALL_SHOPS
}

/** The chooser's options: 全部店铺 when the server can merge them, then each shop by name. */
export function shopScopeOptions(merchantIds: readonly string[], nameOf: (id: string) => string): Array<{ value: string; label: string }> {
  const all = merchantIds.length <= MAX_SHOPS_TOGETHER ? [{ value: ALL_SHOPS, label: '全部店铺' }] : []
  return [...all, ...merchantIds.map((id) => ({ value: id, label: nameOf(id) }))]
}
