import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { SECTORS, TOWNS, type ComplaintPage, type ComplaintSummary } from '@fangxin/shared'
import { formatShanghaiTime } from '@/lib/time'
import { PagedListView, usePagedList } from './paged-list'
import './complaint-list.css'

/** A cursor-paginated complaint list (see {@link usePagedList}). */
export function usePagedComplaints(fetchPage: (cursor?: string) => Promise<ComplaintPage>, key: string, enabled = true) {
  return usePagedList<ComplaintSummary>(fetchPage, key, enabled)
}

/** A complaint list in its loading, error, empty and loaded states; each item opens the complaint. */
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
  return (
    <PagedListView
      list={list}
      className='complaint-list'
      loadingText='正在加载投诉…'
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
      emptyAction={emptyAction}
    >
      {(items) => items.map((item) => <ComplaintListItem key={item.id} item={item} showPlace={showPlace} onOpen={() => onOpen(item)} />)}
    </PagedListView>
  )
}

const nameIn = (catalogue: Readonly<Record<string, string>>, code: string) => catalogue[code] ?? code

function ComplaintListItem({ item, showPlace, onOpen }: { item: ComplaintSummary; showPlace: boolean; onOpen: () => void }) {
  const overdue = item.deadline?.overdue ?? false
  return (
    <View className={`card queue-item ${overdue ? 'queue-item--overdue' : ''}`} onClick={onOpen}>
      <View className='queue-item-head'>
        <Text className='queue-item-merchant'>{item.merchantName}</Text>
        <Text className='queue-item-status'>{item.statusLabel}</Text>
      </View>
      <View className='queue-item-tags small-tags'>
        <Tag className='queue-item-category' plain background='#666666'>{item.categoryLabel}</Tag>
        {overdue ? <Tag className='queue-item-overdue' background='#d93026'>已超期</Tag> : null}
        {/* Counted partly on Monday–Friday (a year's holidays not yet published): it may still move. */}
        {item.deadline?.estimated ? (
          <Tag className='queue-item-estimated' plain background='#a66a00'>
            预计期限
          </Tag>
        ) : null}
        {showPlace ? (
          <Text className='queue-item-place'>
            {nameIn(TOWNS, item.townCode)} · {nameIn(SECTORS, item.sector)}
          </Text>
        ) : null}
      </View>
      <Text className='queue-item-excerpt'>{item.excerpt}</Text>
      {item.deadline ? (
        <Text
          className={`queue-item-deadline ${overdue ? 'queue-item-deadline--overdue' : ''} ${item.deadline.estimated ? 'queue-item-deadline--estimated' : ''}`}
        >
          {item.deadline.text}
        </Text>
      ) : null}
      <Text className='queue-item-time'>提交于 {formatShanghaiTime(item.filedAt)}</Text>
    </View>
  )
}
