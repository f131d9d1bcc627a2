// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { contentRoutes, type ManagedRecallView, type RecallInput } from '@fangxin/shared'
import { call } from '@/api/client'
import { ConfirmActionDialog, type PendingAction } from '@/components/confirm-action'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { RecallForm } from '@/components/recall-form'
import { LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { decodedParam } from '@/lib/decode'
import { useRequiredSession } from '@/lib/sign-in'
import { ShopChooser } from '../shop/components/shop-chooser'
import './index.css'

/**
 * The shop's recall notices (缺陷产品召回 / 不合格商品退市): the owner publishes one for the shop and withdraws
 * it when it no longer applies; clerks see them. The text is checked (as complaint texts are) before the
 * public sees it; a held notice waits for the bureau's review, and the page says so.
 */
export default function MerchantRecallsPage() {
  const { params } = useRouter()
  const session = useRequiredSession()
  const shops = session?.user.roles.merchantIds ?? []
  const id = decodedParam(params.id)?.trim().toUpperCase() ?? (shops.length === 1 ? shops[0] : undefined)
  if (!session) return <LoadingView text='正在登录…' />
  if (!id) return <ShopChooser shops={shops} />
  return <ShopRecallsManager key={session.user.id} id={id} />
}

function ShopRecallsManager({ id }: { id: string }) {
  const [notice, setNotice] = useState<Notice>()
  const [pending, setPending] = useState<PendingAction>()
  const list = usePagedList((cursor) => call(contentRoutes.merchantRecalls, { params: { id }, query: pageQuery(cursor) }), id)

  const publish = async (input: RecallInput, idempotencyKey: string) => {
    const recall = await call(contentRoutes.publishRecall, { params: { id }, body: input, idempotencyKey })
    setNotice({ kind: 'success', text: recall.public ? '已发布，顾客在店铺页可以看到' : '已提交，内容审核通过后向顾客公示' })
    void list.refresh()
    return recall
  }

  // Withdrawing changes what customers see at once: asked first, sent once.
  const withdraw = (recall: ManagedRecallView) =>
    setPending({
      title: '撤回这条召回信息？',
      confirmText: '撤回',
      danger: true,
      className: 'withdraw-recall-dialog',
      effect: `【${recall.kindLabel}】${recall.product}：撤回后，本店的店铺页和小程序首页不再显示这条信息。`,
      reason: { label: '撤回原因', placeholder: '例如：召回已完成，或信息有误需重新发布', min: 4, max: 200 },
      run: async (reason) => {
        const done = await call(contentRoutes.withdrawRecall, { params: { id, recallId: recall.id }, body: { version: recall.version, reason } })
        list.replaceItem(done)
        setNotice({ kind: 'success', text: '已撤回，店铺页不再显示' })
      }
    })

  return (
    <View className='page page--form merchant-recalls-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <Text className='recalls-section-title'>发布召回或退市信息</Text>
      <Text className='recalls-hint'>发布后显示在本店的店铺页和小程序首页。只有店主可以发布和撤回。</Text>
      <RecallForm onSubmit={publish} listedIn='本店的召回信息' />

      <Text className='recalls-section-title'>本店的召回信息</Text>
      <PagedListView list={list} className='merchant-recall-list' loadingText='正在加载…' emptyTitle='本店还没有发布召回信息'>
        {(items) =>
          items.map((recall) => (
            <View key={recall.id} className={`recall-card recall-card--${recall.public ? 'public' : 'hidden'}`}>
              <Text className='recall-card-title'>【{recall.kindLabel}】{recall.product}</Text>
              <Tag className='recall-card-status'>{recall.statusLabel}</Tag>
              <Text className='recall-card-line'>{recall.batch}</Text>
              <Text className='recall-card-line'>{recall.consumerAction}</Text>
              {recall.allowedActions.includes('withdraw') ? (
                <Button className='withdraw-recall' size='small' fill='outline' onClick={() => withdraw(recall)}>
                  撤回
                </Button>
              ) : null}
            </View>
          ))
        }
      </PagedListView>
      {pending ? (
        <ConfirmActionDialog
          action={pending}
          onClose={() => setPending(undefined)}
          onStale={(message) => {
            setNotice({ kind: 'error', text: `${message}（已刷新列表）` })
            void list.refresh()
          }}
        />
      ) : null}
    </View>
  )
}
