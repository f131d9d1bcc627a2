// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { routes, type MerchantPublicView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { getMerchant } from '@/api/public-reads'
import { ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { PrivacyConsentDialog } from '@/components/privacy-consent'
import { decodedParam } from '@/lib/decode'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { tellReloadFailed } from '@/lib/use-load'
import { CommitmentsSection } from './components/commitments-section'
import { PeopleSection, type People } from './components/people-section'
import { PosterSection } from './components/poster-section'
import { ShopChooser } from './components/shop-chooser'
import './index.css'

type LoadState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; shop: MerchantPublicView; people: People }

/**
 * 店铺管理 for the people of one shop: who works there (the owner invites and removes clerks), the
 * commitments the shop makes in public (the owner edits them; each edit is a new version from today),
 * and the printable 放心消费 poster with the shop's code. What a person may do is the server's call: its
 * refusal is shown as it words it.
 */
export default function ShopManagePage() {
  const { params } = useRouter()
  const session = useRequiredSession()
  const shops = session?.user.roles.merchantIds ?? []
  const id = decodedParam(params.id)?.trim().toUpperCase() ?? (shops.length === 1 ? shops[0] : undefined)

  if (!session) return <LoadingView text='正在登录…' />
  if (!id) return <ShopChooser shops={shops} />
  // Keyed by person: what is shown (and allowed) depends on who is looking, so a switch loads afresh.
  return <ShopManager key={session.user.id} id={id} userId={session.user.id} />
}

function ShopManager({ id, userId }: { id: string; userId: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [notice, setNotice] = useState<Notice>()

  useEffect(() => {
    let current = true
    Promise.all([getMerchant(id), call(routes.shopPeople, { params: { id } })]).then(
      ([shop, people]) => current && setState({ kind: 'loaded', shop, people }),
      (error: unknown) => current && setState({ kind: 'failed', error: toApiError(error) })
    )
    return () => {
      current = false
    }
  }, [id, attempt])

  // 重试 shows the loading view at once, so the tap visibly does something.
  const retry = () => {
    setState({ kind: 'loading' })
    setAttempt((n) => n + 1)
  }
  // After saving commitments (or on 刷新 after a conflict): the saved version is what the shop sees; a failed
  // refresh keeps the page as it is, says so, and resolves to undefined.
  const refreshShop = (): Promise<MerchantPublicView | undefined> =>
    getMerchant(id).then(
      (next) => {
        setState((previous) => (previous.kind === 'loaded' ? { ...previous, shop: next } : previous))
        return next
      },
      (error: unknown) => {
        tellReloadFailed(toApiError(error))
        return undefined
      }
    )

  if (state.kind === 'loading') return <LoadingView text='正在加载店铺…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={retry} />

  const { shop, people } = state
  const isOwner = people.items.some((person) => person.userId === userId && person.role === 'owner')
  const setPeople = (next: People) => setState({ kind: 'loaded', shop, people: next })

  return (
    <View className='page page--form shop-manage-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <View className='shop-manage-header'>
        <Text className='shop-manage-name'>{shop.name}</Text>
        <View className='shop-manage-tags'>
          {shop.badge.kind !== 'none' ? <Tag className='shop-manage-badge' background='#e6f6ec' color='#1b7d3a'>{shop.badge.label}</Tag> : null}
          <Tag className='shop-manage-id' plain background='#666666'>编号 {shop.id}</Tag>
        </View>
        {shop.statusNotice ? <Text className='shop-manage-status'>{shop.statusNotice}</Text> : null}
        <Button
          className='open-public-page'
          size='small'
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.shop, { id: shop.id }) })}
        >
          查看顾客看到的店铺页
        </Button>
        <Button
          className='open-shop-recalls'
          size='small'
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.merchantRecalls, { id: shop.id }) })}
        >
          召回与退市信息
        </Button>
      </View>

      <PeopleSection id={id} userId={userId} people={people} isOwner={isOwner} onPeople={setPeople} onNotice={setNotice} />
      <CommitmentsSection
        shop={shop}
        isOwner={isOwner}
        onSaved={() => void refreshShop()}
        onRefresh={refreshShop}
        onNotice={setNotice}
      />
      <PosterSection shop={shop} onNotice={setNotice} />
      <PrivacyConsentDialog />
    </View>
  )
}
