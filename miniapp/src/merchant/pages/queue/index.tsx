import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { routes } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { Choices } from '@/components/choices'
import { ComplaintList, usePagedComplaints } from '@/components/complaint-list'
import { pageQuery } from '@/components/paged-list'
import { ErrorView, LoadingView } from '@/components/state-views'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isMerchantUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { UpdatesBanner } from '@/components/updates-banner'
import './index.css'
import { useShopNames } from '../../shop-names'
import { ALL_SHOPS, shopInScope, shopScopeOptions } from '../../shop-scope'

/**
 * The shop's complaints that need work, as the server orders them (nearest deadline first); overdue ones
 * are flagged. A person who works for several shops can narrow it to one.
 */
export default function MerchantQueuePage() {
  const session = useRequiredSession()
  const merchantIds = session?.user.roles.merchantIds ?? []
  const nameOf = useShopNames(merchantIds)
  const [chosen, setShop] = useState<string>(ALL_SHOPS)
  const shop = shopInScope(chosen, merchantIds)
  const list = usePagedComplaints(
    (cursor) =>
      call(routes.merchantQueue, {
        query: { ...pageQuery(cursor), ...(shop !== ALL_SHOPS ? { merchantId: shop } : {}) }
      }),
    `${session?.user.id ?? ''}|${shop}`,
    isMerchantUser(session?.user)
  )

  if (!session) return <LoadingView text='正在登录…' />
  if (!isMerchantUser(session.user)) {
    return <ErrorView error={new ApiError('FORBIDDEN', '您还没有绑定店铺。请使用市场监管部门发放的绑定码绑定店铺后再使用商家工作台。')} />
  }

  return (
    <View className='merchant-queue-page'>
      <UpdatesBanner title='新投诉微信提醒' about='新投诉' whereToLook='新投诉请在「商家工作台」查看' />
      <CellGroup className='shop-manage-entries'>
        {merchantIds.map((id) => (
          <Cell
            key={id}
            className='entry-shop-manage'
            title={merchantIds.length > 1 ? `店铺管理 · ${nameOf(id)}` : '店铺管理'}
            description='店员、公示承诺、放心消费海报'
            clickable
            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.merchantShop, { id }) })}
          />
        ))}
        <Cell
          className='entry-merchant-rectifications'
          title='整改通知'
          description='市场监管部门检查发现的问题，整改后上传照片答复'
          clickable
          onClick={() => void Taro.navigateTo({ url: PAGES.merchantRectifications })}
        />
        <Cell
          className='entry-merchant-scorecard'
          title='我的考核'
          description='按年度考核标准实时测算的得分，看看还差在哪里'
          clickable
          onClick={() => void Taro.navigateTo({ url: PAGES.merchantScorecard })}
        />
      </CellGroup>
      <View className='page-intro page-intro--warn'>
        <Text className='page-intro-text'>按处理期限排序，越靠前越紧急。请在期限前答复或提出和解方案，超期将自动转交监管部门。</Text>
      </View>
      {merchantIds.length > 1 ? (
        <View className='queue-filter'>
          <Choices
            options={shopScopeOptions(merchantIds, nameOf)}
            value={shop}
            onChange={setShop}
          />
        </View>
      ) : null}
      <ComplaintList
        list={list}
        onOpen={(item) => void Taro.navigateTo({ url: pageUrl(PAGES.merchantHandle, { id: item.id }) })}
        emptyTitle='暂无待处理的投诉'
        emptyDescription='点上方「接收新投诉提醒」，有新投诉时微信会提醒您'
      />
    </View>
  )
}
