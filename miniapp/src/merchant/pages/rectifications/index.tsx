// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes, type RectificationSummary } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { RectificationCard } from '@/components/rectification-card'
import { ErrorView, LoadingView } from '@/components/state-views'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isMerchantUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { Choices } from '@/components/choices'
import { useShopNames } from '../../shop-names'
import { ALL_SHOPS, shopInScope, shopScopeOptions } from '../../shop-scope'

/**
 * The shop's rectification orders (整改通知) from inspections: the open ones first, nearest deadline first. A person
 * who works for several shops sees every shop's orders in one list, each with its shop's name.
 */
export default function MerchantRectificationsPage() {
  const session = useRequiredSession()
  const merchantIds = session?.user.roles.merchantIds ?? []
  const nameOf = useShopNames(merchantIds)
  const [chosen, setShop] = useState<string>(ALL_SHOPS)
  const shop = shopInScope(chosen, merchantIds)
  const list = usePagedList<RectificationSummary>(
    (cursor) => call(routes.merchantRectifications, { query: { ...pageQuery(cursor), ...(shop !== ALL_SHOPS ? { merchantId: shop } : {}) } }),
    `${session?.user.id ?? ''}|${shop}`,
    isMerchantUser(session?.user)
  )
  if (!session) return <LoadingView text='正在登录…' />
  if (!isMerchantUser(session.user)) return <ErrorView error={new ApiError('FORBIDDEN', '您还没有绑定店铺，无法查看整改通知。')} />
  return (
    <View className='merchant-rectifications-page' style={{ minHeight: '100vh', background: '#f5f6f7' }}>
      <View className='page-intro page-intro--warn'>
        <Text className='page-intro-text'>市场监管部门检查发现的问题。请在期限内整改，并上传整改后的照片答复；逾期未整改影响年度考核。</Text>
      </View>
      {merchantIds.length > 1 ? (
        <View className='rectifications-shop-filter' style={{ padding: '12px 12px 4px', background: '#ffffff' }}>
          <Choices options={shopScopeOptions(merchantIds, nameOf)} value={shop} onChange={setShop} />
        </View>
      ) : null}
      <PagedListView list={list} className='merchant-rectification-list' loadingText='正在加载整改通知…' emptyTitle='没有整改通知' emptyDescription='检查中发现问题时，整改通知会出现在这里'>
        {(items) =>
          items.map((order) => (
            <RectificationCard
              key={order.id}
              order={order}
              showShop={merchantIds.length > 1 && shop === ALL_SHOPS}
              onOpen={() => void Taro.navigateTo({ url: pageUrl(PAGES.merchantRectification, { id: order.id }) })}
            />
          ))
        }
      </PagedListView>
    </View>
  )
}
