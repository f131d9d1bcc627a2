import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { RecallView } from '@fangxin/shared'
import { toApiError } from '@/api/http'
import { shopRecalls } from '@/api/public-reads'
import { tapName } from '@/lib/a11y'
import { PAGES, pageUrl } from '@/lib/navigation'

const PAGE_SIZE = 10

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; recalls: RecallView[]; nextCursor?: string; more: 'idle' | 'loading' | { failed: string } }

/**
 * The shop's recall notices in force (缺陷产品召回 / 不合格商品退市), under its commitments. Rendered only
 * when the shop's view counts one (`recallsInForce`, also the 「共 N 条」 of the title), so a scan of a shop
 * without recalls stays one request; loaded after the shop itself, ten at a time, with 查看更多 while there
 * are more. A failure does not hide the shop: the section says it could not load, with 重试 (as the home
 * page's campaign strip does), and says so while it tries again.
 */
export function ShopRecalls({ merchantId, total }: { merchantId: string; total: number }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setState({ kind: 'loading' })
    shopRecalls(merchantId, PAGE_SIZE)
      .then(
        (page) =>
          current && setState({ kind: 'loaded', recalls: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), more: 'idle' })
      )
      .catch((error: unknown) => current && setState({ kind: 'failed', message: toApiError(error).message }))
    return () => {
      current = false
    }
  }, [merchantId, attempt])

  const loadMore = () => {
    if (state.kind !== 'loaded' || !state.nextCursor || state.more === 'loading') return
    const cursor = state.nextCursor
    setState({ ...state, more: 'loading' })
    shopRecalls(merchantId, PAGE_SIZE, cursor).then(
      (page) =>
        setState((previous) => {
          if (previous.kind !== 'loaded' || previous.nextCursor !== cursor) return previous
          const fresh = page.items.filter((item) => !previous.recalls.some((seen) => seen.id === item.id))
          return { kind: 'loaded', recalls: [...previous.recalls, ...fresh], ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), more: 'idle' }
        }),
      (error: unknown) =>
        setState((previous) => (previous.kind === 'loaded' ? { ...previous, more: { failed: toApiError(error).message } } : previous))
    )
  }

  // The first load shows nothing until there is something: the shop above is what the person came for.
  if (state.kind === 'loading' && attempt === 0) return null
  if (state.kind === 'loaded' && state.recalls.length === 0) return null
  const shown = state.kind === 'loaded' ? state.recalls.length : 0
  return (
    <CellGroup className='shop-recalls' title={total > 0 ? `召回与退市信息（共 ${total} 条）` : '召回与退市信息'}>
      {state.kind === 'loading' ? <Text className='shop-recalls-state'>正在重新加载召回信息…</Text> : null}
      {state.kind === 'failed' ? (
        <View className='shop-recalls-state shop-recalls-failed'>
          <Text>召回信息暂时无法加载：{state.message}</Text>
          <Text className='fx-tap shop-recalls-retry' {...tapName('重新加载召回信息')} onClick={() => setAttempt((n) => n + 1)}>
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
      {state.kind === 'loaded' && state.nextCursor ? (
        <View className='shop-recalls-state shop-recalls-more'>
          {typeof state.more === 'object' ? <Text>未能加载更多：{state.more.failed}</Text> : <Text>已显示 {shown} 条</Text>}
          <Text className='fx-tap shop-recalls-retry shop-recalls-load-more' {...tapName('查看更多召回与退市信息')} onClick={loadMore}>
            {state.more === 'loading' ? '正在加载…' : typeof state.more === 'object' ? '重试' : '查看更多'}
          </Text>
        </View>
      ) : null}
    </CellGroup>
  )
}
