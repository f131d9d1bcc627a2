import type { ApiError } from '../api/http'

/**
 * The pure half of a cursor-paginated list (components/paged-list.tsx): what its state becomes as pages
 * arrive. No Taro here, so unit tests can run it.
 */

/** One page of a cursor-paginated list, as every list route of the contract answers. */
export interface Page<T> {
  items: T[]
  nextCursor?: string
}

export type PagedState<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'loaded'; items: T[]; nextCursor?: string; loadingMore: boolean; moreError?: string }

/** `items`, then those of `more` not already among them (an item can shift across a page boundary). */
export function withoutRepeats<T extends { id: string }>(items: readonly T[], more: readonly T[]): T[] {
  const seen = new Set(items.map((item) => item.id))
  const added: T[] = []
  for (const item of more) {
    if (seen.has(item.id)) continue
    seen.add(item.id)
    added.push(item)
  }
  return [...items, ...added]
}

/**
 * A next page's answer. It is added only when it continues the list as now shown — asked for with the
 * cursor the list still ends at: a refresh that replaced the list meanwhile makes it an answer about another
 * list, dropped. (A refresh that failed, or brought the very same pages, leaves it in place.) Either way,
 * 加载更多 stops spinning unless a later request of its own is still on its way (`latest` false).
 */
export function afterMore<T extends { id: string }>(previous: PagedState<T>, askedWith: string, page: Page<T>, latest: boolean): PagedState<T> {
  if (previous.kind !== 'loaded') return previous
  if (previous.nextCursor !== askedWith) return latest && previous.loadingMore ? { ...previous, loadingMore: false } : previous
  return {
    kind: 'loaded',
    items: withoutRepeats(previous.items, page.items),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    loadingMore: false
  }
}

/** A next page that could not be read: said under the list (with 重试加载) while the list still ends there. */
export function afterMoreFailed<T>(previous: PagedState<T>, askedWith: string, message: string, latest: boolean): PagedState<T> {
  if (previous.kind !== 'loaded') return previous
  if (previous.nextCursor !== askedWith) return latest && previous.loadingMore ? { ...previous, loadingMore: false } : previous
  return { ...previous, loadingMore: false, moreError: message }
}

/**
 * At most this many pages are read again on a refresh: past them, the list is cut back (加载更多 goes on
 * from there), rather than a return to the page costing a long row of requests.
 */
export const REFRESH_MAX_PAGES = 5

/**
 * The list read again from the top, as far as it was shown (`shown` items): a return from an item keeps the
 * person where they were, with every row as the server has it now — none that left the list, none twice,
 * in the server's order. Only the first page's failure is the refresh's; a later one ends the walk there,
 * with the cursor to go on from.
 */
export async function readAgain<T extends { id: string }>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  shown: number,
  maxPages = REFRESH_MAX_PAGES
): Promise<Page<T>> {
  const first = await fetchPage()
  let items = first.items
  let cursor = first.nextCursor
  for (let pages = 1; cursor && items.length < shown && pages < maxPages; pages += 1) {
    let next: Page<T>
    try {
      next = await fetchPage(cursor)
    } catch {
      break
    }
    items = withoutRepeats(items, next.items)
    cursor = next.nextCursor
  }
  return { items, ...(cursor ? { nextCursor: cursor } : {}) }
}
