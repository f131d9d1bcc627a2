import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes } from '@fangxin/shared'
import { call } from '@/api/client'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useLoad } from '@/lib/use-load'
import './campaign.css'

/** The server reads the county's overdue orders and keeps the person's towns, so a page can be short or empty. */
const PAGES_TO_READ = 4

/**
 * The person's overdue orders, following the list's pages (up to four): a town's staff whose orders sort after
 * other towns' would otherwise see no banner at all. `more` when pages are left unread.
 */
async function overdueOrders(): Promise<{ count: number; more: boolean }> {
  let count = 0
  let cursor: string | undefined
  for (let read = 0; read < PAGES_TO_READ; read++) {
    const page = await call(routes.rectifications, { query: { view: 'overdue', limit: 50, ...(cursor ? { cursor } : {}) } })
    count += page.items.length
    cursor = page.nextCursor
    if (!cursor) return { count, more: false }
  }
  return { count, more: true }
}

/**
 * On the triage queue's 已超期 view: rectification orders (整改通知) past their deadline in the person's
 * jurisdiction, one tap to their list. Says nothing when there are none (or when they cannot be read: the
 * complaints below are what this page is for); with pages left unread the count says 「N+」, or 「可能有」 when
 * none of the pages read held the person's.
 */
export function OverdueRectificationsBanner() {
  const { state } = useLoad(overdueOrders, 'overdue-rectifications')
  if (state.kind !== 'loaded' || (state.value.count === 0 && !state.value.more)) return null
  const { count: found, more } = state.value
  return (
    <View
      className='page-intro page-intro--warn overdue-rectifications'
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.rectifications, { view: 'overdue' }) })}
    >
      <Text className='page-intro-text'>{found === 0 ? '可能有超期未完成的整改通知，点此查看 ›' : `超期未完成的整改通知 ${found}${more ? '+' : ''} 项，点此查看 ›`}</Text>
    </View>
  )
}
