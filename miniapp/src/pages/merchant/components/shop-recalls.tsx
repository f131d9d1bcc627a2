import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { RecallView } from '@fangxin/shared'
import { shopRecalls } from '@/api/public-reads'
import { PAGES, pageUrl } from '@/lib/navigation'

/**
 * The shop's recall notices in force (缺陷产品召回 / 不合格商品退市), under its commitments. Rendered only
 * when the shop's view counts one (`recallsInForce`), so a scan of a shop without recalls stays one request;
 * loaded after the shop itself. A failure does not hide the shop: the section says it could not load.
 */
export function ShopRecalls({ merchantId }: { merchantId: string }) {
  const [recalls, setRecalls] = useState<RecallView[] | 'failed'>()

  useEffect(() => {
    let current = true
    shopRecalls(merchantId, 10)
      .then((page) => current && setRecalls(page.items))
      .catch(() => current && setRecalls('failed'))
    return () => {
      current = false
    }
  }, [merchantId])

  if (recalls === undefined || (Array.isArray(recalls) && recalls.length === 0)) return null
  return (
    <CellGroup className='shop-recalls' title='召回与退市信息'>
      {recalls === 'failed' ? (
        <Text className='shop-recalls-failed'>召回信息暂时无法加载，请稍后再看</Text>
      ) : (
        recalls.map((recall) => (
          <Cell
            key={recall.id}
            className='shop-recall'
            title={`【${recall.kindLabel}】${recall.product}`}
            description={`${recall.batch}｜${recall.consumerAction}`}
            clickable
            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.recall, { id: recall.id }) })}
          />
        ))
      )}
    </CellGroup>
  )
}
