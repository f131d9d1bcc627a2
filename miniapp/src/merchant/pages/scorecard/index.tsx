// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes, type ScorecardView } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { Choices } from '@/components/choices'
import { ScorecardCard } from '@/components/scorecard-card'
import { ErrorView, LoadingView } from '@/components/state-views'
import { decodedParam } from '@/lib/decode'
import { isMerchantUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { useLoad } from '@/lib/use-load'
import { useShopNames } from '../../shop-names'

/**
 * 我的考核: the shop's live scorecard for this year ("where you stand"), computed now from the same data and
 * standard the annual assessment uses, so the shop can see what to work on before it is assessed.
 */
export default function MerchantScorecardPage() {
  const { params } = useRouter()
  const session = useRequiredSession()
  const merchantIds = session?.user.roles.merchantIds ?? []
  const nameOf = useShopNames(merchantIds)
  const [chosen, setChosen] = useState<string | undefined>(decodedParam(params.id))
  const shop = chosen ?? merchantIds[0]
  const { state, reload } = useLoad<ScorecardView>(
    () => call(routes.myScorecard, { params: { id: shop ?? '' } }),
    `${session?.user.id ?? ''}|${shop ?? ''}`,
    Boolean(shop) && isMerchantUser(session?.user)
  )
  if (!session) return <LoadingView text='正在登录…' />
  if (!isMerchantUser(session.user) || !shop) return <ErrorView error={new ApiError('FORBIDDEN', '您还没有绑定店铺，无法查看考核情况。')} />
  return (
    <View className='merchant-scorecard-page' style={{ minHeight: '100vh', background: '#f5f6f7', paddingBottom: '48px' }}>
      {merchantIds.length > 1 ? (
        <View className='queue-filter'>
          <Choices options={merchantIds.map((id) => ({ value: id, label: nameOf(id) }))} value={shop} onChange={setChosen} />
        </View>
      ) : null}
      <View className='page-intro'>
        <Text className='page-intro-text'>
          按年度考核标准实时测算的得分，仅供参考；以年底考核验收结果为准。总分达到合格线且不触及底线的店铺，可评为放心消费示范单位。
        </Text>
      </View>
      {state.kind === 'loading' ? <LoadingView text='正在测算…' /> : null}
      {state.kind === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' ? <ScorecardCard card={state.value} /> : null}
    </View>
  )
}
