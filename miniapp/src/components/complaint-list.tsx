import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { SECTORS, TOWNS, type ComplaintPage, type ComplaintSummary } from '@fangxin/shared'
import { formatShanghaiTime } from '@/lib/time'
import { ListFooter, usePagedList } from './paged-list'
import { EmptyView, ErrorView, LoadingView } from './state-views'
import './complaint-list.css'

/** A cursor-paginated complaint list (see {@link usePagedList}). */
export function usePagedComplaints(fetchPage: (cursor?: string) => Promise<ComplaintPage>, key: string, enabled = true) {
  return usePagedList<ComplaintSummary>(fetchPage, key, enabled)
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
      <ListFooter state={state} onMore={() => void loadMore()} />
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
