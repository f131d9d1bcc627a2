import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { SECTORS, TOWNS, type ComplaintPage, type ComplaintSummary } from '@fangxin/shared'
import { toApiError, type ApiError } from '@/api/client'
import { formatShanghaiTime } from '@/lib/time'
import { EmptyView, ErrorView, LoadingView } from './state-views'
import './complaint-list.css'

type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'loaded'; items: ComplaintSummary[]; nextCursor?: string; loadingMore: boolean; moreError?: string }

/**
 * A cursor-paginated complaint list: first page on mount and whenever `key` changes (filters), the next
 * on 加载更多 or reaching the bottom, all over again on pull-down and when the person comes back to the
 * page (a complaint they just handled has moved on). Stale answers (filters changed while a request was
 * out) are dropped.
 */
export function usePagedComplaints(fetchPage: (cursor?: string) => Promise<ComplaintPage>, key: string, enabled = true) {
  const [state, setState] = useState<ListState>({ kind: 'loading' })
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const refresh = useCallback(async () => {
    const mine = ++generation.current
    try {
      const page = await fetchRef.current()
      if (mine === generation.current) {
        setState({ kind: 'loaded', items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), loadingMore: false })
      }
    } catch (error) {
      if (mine === generation.current) setState({ kind: 'failed', error: toApiError(error) })
    }
  }, [])

  useEffect(() => {
    if (!enabled) return
    setState({ kind: 'loading' })
    void refresh()
  }, [key, enabled, refresh])

  const loadMore = useCallback(async () => {
    if (state.kind !== 'loaded' || !state.nextCursor || state.loadingMore) return
    const mine = generation.current
    const cursor = state.nextCursor
    setState({ ...state, loadingMore: true, moreError: undefined })
    try {
      const page = await fetchRef.current(cursor)
      if (mine !== generation.current) return
      setState((previous) =>
        previous.kind === 'loaded'
          ? {
              kind: 'loaded',
              items: [...previous.items, ...page.items.filter((item) => !previous.items.some((seen) => seen.id === item.id))],
              ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
              loadingMore: false
            }
          : previous
      )
    } catch (error) {
      if (mine !== generation.current) return
      setState((previous) => (previous.kind === 'loaded' ? { ...previous, loadingMore: false, moreError: toApiError(error).message } : previous))
    }
  }, [state])

  const shown = useRef(false)
  useDidShow(() => {
    // The first show is the mount, which loads already; later ones are returns from a complaint.
    if (shown.current && enabled) void refresh()
    shown.current = true
  })

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void loadMore()
  })

  return { state, refresh, loadMore }
}

/** The list itself: loading, error, empty and loaded states; each item opens the complaint. */
export function ComplaintList({
  list,
  onOpen,
  emptyTitle,
  emptyDescription,
  emptyAction,
  showPlace = false
}: {
  list: ReturnType<typeof usePagedComplaints>
  onOpen: (summary: ComplaintSummary) => void
  emptyTitle: string
  emptyDescription?: string
  emptyAction?: ReactNode
  /** Show each complaint's town and sector (for staff, who cover several). */
  showPlace?: boolean
}) {
  const { state, refresh, loadMore } = list
  if (state.kind === 'loading') return <LoadingView text='正在加载投诉…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void refresh()} />
  if (state.items.length === 0) {
    return (
      <EmptyView title={emptyTitle} {...(emptyDescription ? { description: emptyDescription } : {})}>
        {emptyAction}
      </EmptyView>
    )
  }
  return (
    <View className='complaint-list'>
      {state.items.map((item) => (
        <ComplaintListItem key={item.id} item={item} showPlace={showPlace} onOpen={() => onOpen(item)} />
      ))}
      <View className='list-footer'>
        {state.moreError ? <Text className='list-more-error'>{state.moreError}</Text> : null}
        {state.nextCursor ? (
          <Button className='load-more' fill='outline' size='small' loading={state.loadingMore} onClick={() => void loadMore()}>
            {state.moreError ? '重试加载' : '加载更多'}
          </Button>
        ) : (
          <Text className='list-end'>没有更多了</Text>
        )}
      </View>
    </View>
  )
}

const nameIn = (catalogue: Readonly<Record<string, string>>, code: string) => catalogue[code] ?? code

function ComplaintListItem({ item, showPlace, onOpen }: { item: ComplaintSummary; showPlace: boolean; onOpen: () => void }) {
  const overdue = item.deadline?.overdue ?? false
  return (
    <View className={`queue-item ${overdue ? 'queue-item--overdue' : ''}`} onClick={onOpen}>
      <View className='queue-item-head'>
        <Text className='queue-item-merchant'>{item.merchantName}</Text>
        <Text className='queue-item-status'>{item.statusLabel}</Text>
      </View>
      <View className='queue-item-tags'>
        <Tag className='queue-item-category' plain background='#666666'>{item.categoryLabel}</Tag>
        {overdue ? <Tag className='queue-item-overdue' background='#d93026'>已超期</Tag> : null}
        {showPlace ? (
          <Text className='queue-item-place'>
            {nameIn(TOWNS, item.townCode)} · {nameIn(SECTORS, item.sector)}
          </Text>
        ) : null}
      </View>
      <Text className='queue-item-excerpt'>{item.excerpt}</Text>
      {item.deadline ? (
        <Text className={`queue-item-deadline ${overdue ? 'queue-item-deadline--overdue' : ''}`}>{item.deadline.text}</Text>
      ) : null}
      <Text className='queue-item-time'>提交于 {formatShanghaiTime(item.filedAt)}</Text>
    </View>
  )
}
