import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes } from '@fangxin/shared'
import { call } from '@/api/client'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useLoad } from '@/lib/use-load'
import './campaign.css'

/**
 * On the triage queue's 已超期 view: rectification orders (整改通知) past their deadline in the person's
 * jurisdiction, counted from the first page, one tap to their list. Says nothing when there are none (or when
 * they cannot be read: the complaints below are what this page is for).
 */
export function OverdueRectificationsBanner() {
  const { state } = useLoad(() => call(routes.rectifications, { query: { view: 'overdue', limit: 50 } }), 'overdue-rectifications')
  if (state.kind !== 'loaded' || state.value.items.length === 0) return null
  const count = `${state.value.items.length}${state.value.nextCursor ? '+' : ''}`
  return (
    <View
      className='page-intro page-intro--warn overdue-rectifications'
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.rectifications, { view: 'overdue' }) })}
    >
      <Text className='page-intro-text'>超期未完成的整改通知 {count} 项，点此查看 ›</Text>
    </View>
  )
}
