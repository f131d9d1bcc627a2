// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { routes, type RectificationSummary } from '@fangxin/shared'
import { call } from '@/api/client'
import { Choices, type ChoiceOption } from '@/components/choices'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { RectificationCard } from '@/components/rectification-card'
import { decodedParam } from '@/lib/decode'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'

type ListView = 'open' | 'overdue' | 'shop'
const VIEWS: ChoiceOption<ListView>[] = [
  { value: 'open', label: '未完成（按期限）', code: 'view-open' },
  { value: 'overdue', label: '已超期', code: 'view-overdue' }
]
const EMPTY: Record<ListView, string> = { open: '没有未完成的整改通知', overdue: '没有超期的整改通知', shop: '该店铺没有整改通知' }

/**
 * Staff's rectification orders (整改通知) in their jurisdiction: the open ones nearest deadline first, the
 * overdue ones, or one shop's (from the inspection pages). Tap one to read it and re-check.
 */
export default function RectificationsPage() {
  const { params } = useRouter()
  const merchantId = decodedParam(params.merchantId)
  const session = useRequiredSession()
  const initial: ListView = params.view === 'overdue' ? 'overdue' : merchantId ? 'shop' : 'open'
  const [view, setView] = useState<ListView>(initial)
  const list = usePagedList<RectificationSummary>(
    (cursor) => call(routes.rectifications, { query: { view, ...(view === 'shop' && merchantId ? { merchantId } : {}), ...pageQuery(cursor) } }),
    `${session?.user.id ?? ''}|${view}|${merchantId ?? ''}`,
    isStaffUser(session?.user)
  )
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看整改通知。' />
  const options = merchantId ? [...VIEWS, { value: 'shop' as const, label: '本店全部', code: 'view-shop' }] : VIEWS
  return (
    <View className='campaign-page rectifications-page'>
      <View className='filter-row rectification-views'>
        <Choices options={options} value={view} onChange={setView} />
      </View>
      <PagedListView list={list} className='rectification-list' loadingText='正在加载整改通知…' emptyTitle={EMPTY[view]}>
        {(items) =>
          items.map((order) => (
            <RectificationCard key={order.id} order={order} onOpen={() => void Taro.navigateTo({ url: pageUrl(PAGES.rectification, { id: order.id }) })} />
          ))
        }
      </PagedListView>
    </View>
  )
}
