import { afterMore, afterMoreFailed, readAgain, withoutRepeats, type Page, type PagedState } from '../src/lib/paged-state'

type Row = { id: string }
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }))
const loaded = (items: Row[], nextCursor?: string, loadingMore = false): PagedState<Row> => ({
  kind: 'loaded',
  items,
  ...(nextCursor ? { nextCursor } : {}),
  loadingMore
})

describe('a next page landing on a list', () => {
  it('is added when the list still ends where it was asked from, without an item twice', () => {
    const shown = loaded(rows('a', 'b'), 'c2', true)
    expect(afterMore(shown, 'c2', { items: rows('b', 'c'), nextCursor: 'c3' }, true)).toEqual(loaded(rows('a', 'b', 'c'), 'c3'))
    expect(afterMore(shown, 'c2', { items: rows('c') }, true)).toEqual(loaded(rows('a', 'b', 'c')))
  })

  it('is still added after a refresh that failed and left the list as it was', () => {
    // The refresh kept the list (afterFailedLoad), spinner and all: the page answer ends it.
    const kept = loaded(rows('a', 'b'), 'c2', true)
    expect(afterMore(kept, 'c2', { items: rows('c') }, true)).toEqual(loaded(rows('a', 'b', 'c')))
  })

  it('is dropped after a refresh replaced the list, and 加载更多 stops spinning', () => {
    const refreshed = loaded(rows('z', 'a'), 'c9', true)
    expect(afterMore(refreshed, 'c2', { items: rows('c') }, true)).toEqual(loaded(rows('z', 'a'), 'c9', false))
  })

  it('leaves the spinner to a later request still on its way', () => {
    const waiting = loaded(rows('z', 'a'), 'c9', true)
    expect(afterMore(waiting, 'c2', { items: rows('c') }, false)).toBe(waiting)
    expect(afterMoreFailed(waiting, 'c2', '网络不可用', false)).toBe(waiting)
  })

  it('says a failure under the list it belongs to, and only there', () => {
    const shown = loaded(rows('a'), 'c2', true)
    expect(afterMoreFailed(shown, 'c2', '网络不可用', true)).toEqual({ ...loaded(rows('a'), 'c2'), moreError: '网络不可用' })
    const replaced = loaded(rows('b'), 'c5', true)
    expect(afterMoreFailed(replaced, 'c2', '网络不可用', true)).toEqual(loaded(rows('b'), 'c5'))
  })

  it('is dropped when the list is loading for other filters', () => {
    const loading: PagedState<Row> = { kind: 'loading' }
    expect(afterMore(loading, 'c2', { items: rows('c') }, true)).toBe(loading)
  })
})

describe('a list read again from the top (pull-down, back from an item)', () => {
  /** A server list in pages of `size`; `fail` names the cursors whose read fails. */
  const server = (all: Row[], size: number, fail: string[] = []) => {
    const asked: Array<string | undefined> = []
    const fetchPage = async (cursor?: string): Promise<Page<Row>> => {
      asked.push(cursor)
      if (cursor && fail.includes(cursor)) throw new Error('网络不可用')
      const from = cursor ? Number(cursor) : 0
      const next = from + size
      return { items: all.slice(from, next), ...(next < all.length ? { nextCursor: String(next) } : {}) }
    }
    return { fetchPage, asked }
  }

  it('reads one page when one page was shown', async () => {
    const { fetchPage, asked } = server(rows('a', 'b', 'c', 'd', 'e'), 2)
    await expect(readAgain(fetchPage, 2)).resolves.toEqual({ items: rows('a', 'b'), nextCursor: '2' })
    expect(asked).toEqual([undefined])
  })

  it('reads as far as was shown, in the server order, without what left the list', async () => {
    // Shown before: a b c d e. Since: b was handled (left the queue), f arrived at the top.
    const { fetchPage } = server(rows('f', 'a', 'c', 'd', 'e', 'g'), 2)
    await expect(readAgain(fetchPage, 5)).resolves.toEqual({ items: rows('f', 'a', 'c', 'd', 'e', 'g') })
  })

  it('keeps no item twice when one shifted across a page boundary between reads', async () => {
    const pages: Record<string, Page<Row>> = { first: { items: rows('a', 'b'), nextCursor: 'p2' }, p2: { items: rows('b', 'c') } }
    const fetchPage = async (cursor?: string) => pages[cursor ?? 'first'] as Page<Row>
    await expect(readAgain(fetchPage, 4)).resolves.toEqual({ items: rows('a', 'b', 'c') })
  })

  it('stops at the page cap, with the cursor to go on from', async () => {
    const all = rows(...Array.from({ length: 30 }, (_, i) => `r${i}`))
    const { fetchPage, asked } = server(all, 2)
    const page = await readAgain(fetchPage, 30, 3)
    expect(page.items).toHaveLength(6)
    expect(page.nextCursor).toBe('6')
    expect(asked).toHaveLength(3)
  })

  it('ends the walk at a later page that fails, keeping what it read', async () => {
    const { fetchPage } = server(rows('a', 'b', 'c', 'd', 'e'), 2, ['4'])
    await expect(readAgain(fetchPage, 5)).resolves.toEqual({ items: rows('a', 'b', 'c', 'd'), nextCursor: '4' })
  })

  it('fails when the first page fails: the list on screen is kept by the caller', async () => {
    const fetchPage = async (): Promise<Page<Row>> => {
      throw new Error('网络不可用')
    }
    await expect(readAgain(fetchPage, 10)).rejects.toThrow('网络不可用')
  })

  it('appends only the new ids', () => {
    expect(withoutRepeats(rows('a', 'b'), rows('b', 'c', 'c'))).toEqual(rows('a', 'b', 'c'))
  })
})
