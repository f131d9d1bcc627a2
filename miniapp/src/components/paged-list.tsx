import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { toApiError } from '@/api/client'
import { afterFailedLoad, beforeReload } from '@/lib/load-state'
import { afterMore, afterMoreFailed, readAgain, type Page, type PagedState } from '@/lib/paged-state'
import { tellReloadFailed } from '@/lib/use-load'
import { EmptyView, ErrorView, LoadingView } from './state-views'
import { useScaledRoot } from './font-scale'
import './paged-list.css'

/** The paging part of a list route's query: the page size and, after the first page, the cursor. */
export const pageQuery = (cursor?: string, limit = 20) => ({ limit, ...(cursor ? { cursor } : {}) })

export type { Page, PagedState } from '@/lib/paged-state'

/**
 * A cursor-paginated list: first page on mount and whenever `key` changes (filters), the next on 加载更多
 * or reaching the bottom, read again on pull-down and when the person comes back to the page (what they
 * just handled has moved on) — as many pages as were shown (see readAgain), so coming back from the 30th
 * item does not leave them at the top of a cut list. Stale answers (filters changed, or a refresh replaced
 * the list, while a request was out) are dropped; an item already shown is not added twice. A failed
 * refresh of a list already shown keeps its rows (a toast says they may be out of date); only a failed
 * first page shows the error.
 *
 * Reaching the page's bottom is the end of the last list on the page only: a page with two lists passes
 * `{ onReachBottom: false }` for the upper one, which then grows by its own 加载更多 alone. A disabled list
 * (a tab not shown) never loads more either.
 */
export function usePagedList<T extends { id: string }>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  key: string,
  enabled = true,
  { onReachBottom = true }: { onReachBottom?: boolean } = {}
) {
  const [state, setState] = useState<PagedState<T>>({ kind: 'loading' })
  const shownState = useRef(state)
  shownState.current = state
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const keyRef = useRef(key)
  keyRef.current = key
  const moreRequests = useRef(0)

  /** Reads the list again; `fromTop` (new filters) reads one page, else as many as are shown. */
  const refresh = useCallback(async (fromTop = false) => {
    const mine = ++generation.current
    const showing = shownState.current
    const shown = !fromTop && showing.kind === 'loaded' ? showing.items.length : 0
    setState(beforeReload)
    try {
      const page = await readAgain(fetchRef.current, shown)
      if (mine === generation.current) {
        setState({ kind: 'loaded', items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), loadingMore: false })
      }
    } catch (raw) {
      if (mine !== generation.current) return
      const error = toApiError(raw)
      if (shownState.current.kind === 'loaded') tellReloadFailed(error)
      setState((previous) => afterFailedLoad(previous, error))
    }
  }, [])

  useEffect(() => {
    if (!enabled) return
    setState({ kind: 'loading' })
    void refresh(true)
  }, [key, enabled, refresh])

  const loadMore = useCallback(async () => {
    if (state.kind !== 'loaded' || !state.nextCursor || state.loadingMore) return
    const cursor = state.nextCursor
    const listKey = keyRef.current
    const mine = ++moreRequests.current
    setState({ ...state, loadingMore: true, moreError: undefined })
    // Whether the answer is still this list's is decided when it lands (afterMore): by then a refresh may
    // have replaced the list, or failed and left it as it was.
    const sameList = () => keyRef.current === listKey
    try {
      const page = await fetchRef.current(cursor)
      if (sameList()) setState((previous) => afterMore(previous, cursor, page, mine === moreRequests.current))
    } catch (error) {
      if (sameList()) setState((previous) => afterMoreFailed(previous, cursor, toApiError(error).message, mine === moreRequests.current))
    }
  }, [state])

  /** Replaces one shown item (after an action on it), without reloading the list. */
  const replaceItem = useCallback((item: T) => {
    setState((previous) =>
      previous.kind === 'loaded' ? { ...previous, items: previous.items.map((seen) => (seen.id === item.id ? item : seen)) } : previous
    )
  }, [])

  /** Drops one shown item that has left the list (decided, taken by someone else), without reloading. */
  const removeItem = useCallback((id: string) => {
    setState((previous) => (previous.kind === 'loaded' ? { ...previous, items: previous.items.filter((seen) => seen.id !== id) } : previous))
  }, [])

  const shown = useRef(false)
  useDidShow(() => {
    // The first show is the mount, which loads already; later ones are returns from another page.
    if (shown.current && enabled) void refresh()
    shown.current = true
  })

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (enabled && onReachBottom) void loadMore()
  })

  return { state, refresh, loadMore, replaceItem, removeItem }
}

export type PagedList<T extends { id: string }> = ReturnType<typeof usePagedList<T>>

/**
 * A paged list as the page shows it: words over a skeleton while the first page loads, the failure with
 * 重试, the empty state when there is nothing at all (a page may come back empty with more to follow: then
 * the list shows, with 加载更多), else the items and {@link ListFooter}.
 */
export function PagedListView<T extends { id: string }>({
  list,
  className,
  loadingText,
  emptyTitle,
  emptyDescription,
  emptyAction,
  children
}: {
  list: PagedList<T>
  /** The list's own class, around the items. */
  className: string
  loadingText: string
  emptyTitle: string
  emptyDescription?: string
  emptyAction?: ReactNode
  /** The loaded items, drawn. */
  children: (items: readonly T[]) => ReactNode
}) {
  const { state } = list
  // The list carries the text scale itself, so a list page (「我的投诉」 among them) follows it.
  const root = useScaledRoot(`card-list ${className}`)
  if (state.kind === 'loading') return <LoadingView text={loadingText} />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void list.refresh()} />
  if (state.items.length === 0 && !state.nextCursor) {
    return (
      <EmptyView title={emptyTitle} {...(emptyDescription ? { description: emptyDescription } : {})}>
        {emptyAction}
      </EmptyView>
    )
  }
  return (
    <View {...root}>
      {children(state.items)}
      <ListFooter state={state} onMore={() => void list.loadMore()} />
    </View>
  )
}

/** Under a loaded list: 加载更多 (`.load-more`) while there is a next page, else 没有更多了. */
export function ListFooter({ state, onMore }: { state: Extract<PagedState<unknown>, { kind: 'loaded' }>; onMore: () => void }) {
  return (
    <View className='list-footer'>
      {state.moreError ? <Text className='list-more-error'>{state.moreError}</Text> : null}
      {state.nextCursor ? (
        <Button className='load-more' fill='outline' size='small' loading={state.loadingMore} onClick={onMore}>
          {state.moreError ? '重试加载' : '加载更多'}
        </Button>
      ) : (
        <Text className='list-end'>没有更多了</Text>
      )}
    </View>
  )
}
