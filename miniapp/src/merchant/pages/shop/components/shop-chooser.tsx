import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { ApiError } from '@/api/client'
import { ErrorView } from '@/components/state-views'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useShopNames } from '../../../shop-names'

/** Reached without a shop id: the person's shops to pick from, or the way to bind one. */
export function ShopChooser({ shops }: { shops: readonly string[] }) {
  const nameOf = useShopNames(shops)
  if (shops.length === 0) {
    return (
      <View className='page page--form shop-manage-page'>
        <ErrorView error={new ApiError('FORBIDDEN', '您还没有绑定店铺。请使用市场监管部门或店主发给您的绑定码绑定店铺。')} />
        <View className='form-actions'>
          <Button className='go-bind' type='primary' block onClick={() => void Taro.redirectTo({ url: PAGES.merchantBind })}>
            去绑定店铺
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='page page--form shop-manage-page'>
      <CellGroup title='选择要管理的店铺'>
        {shops.map((shop) => (
          <Cell
            key={shop}
            className='shop-choice'
            title={nameOf(shop)}
            clickable
            onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.merchantShop, { id: shop }) })}
          />
        ))}
      </CellGroup>
    </View>
  )
}
