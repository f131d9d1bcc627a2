import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { RecallView } from '@fangxin/shared'
import { toApiError } from '@/api/http'
import { shopRecalls } from '@/api/public-reads'
import { PAGES, pageUrl } from '@/lib/navigation'

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; recalls: RecallView[] }

/**
 * The shop's recall notices in force (缺陷产品召回 / 不合格商品退市), under its commitments. Rendered only
 * when the shop's view counts one (`recallsInForce`), so a scan of a shop without recalls stays one request;
 * loaded after the shop itself. A failure does not hide the shop: the section says it could not load, with
 * 重试 (as the home page's campaign strip does), and says so while it tries again.
 */
export function ShopRecalls({ merchantId }: { merchantId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setState({ kind: 'loading' })
    shopRecalls(merchantId, 10)
      .then((page) => current && setState({ kind: 'loaded', recalls: page.items }))
      .catch((error: unknown) => current && setState({ kind: 'failed', message: toApiError(error).message }))
    return () => {
      current = false
    }
  }, [merchantId, attempt])

  // The first load shows nothing until there is something: the shop above is what the person came for.
  if (state.kind === 'loading' && attempt === 0) return null
  if (state.kind === 'loaded' && state.recalls.length === 0) return null
  return (
    <CellGroup className='shop-recalls' title='召回与退市信息'>
      {state.kind === 'loading' ? <Text className='shop-recalls-state'>正在重新加载召回信息…</Text> : null}
      {state.kind === 'failed' ? (
        <View className='shop-recalls-state shop-recalls-failed'>
          <Text>召回信息暂时无法加载：{state.message}</Text>
          <Text className='fx-tap shop-recalls-retry' onClick={() => setAttempt((n) => n + 1)}>
            重试
          </Text>
        </View>
      ) : null}
      {state.kind === 'loaded'
        ? state.recalls.map((recall) => (
            <Cell
              key={recall.id}
              className='shop-recall'
              title={`【${recall.kindLabel}】${recall.product}`}
              description={`${recall.batch}｜${recall.consumerAction}`}
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.recall, { id: recall.id }) })}
            />
          ))
        : null}
    </CellGroup>
  )
}
