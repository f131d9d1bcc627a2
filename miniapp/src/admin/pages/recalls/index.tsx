// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MerchantId, contentRoutes, type ManagedRecallView, type RecallInput } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { ConfirmActionDialog, type PendingAction } from '@/components/confirm-action'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { RecallForm } from '@/components/recall-form'
import { PageNotice, type Notice } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { useRequiredSession } from '@/lib/sign-in'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

type RecallAction = 'withdraw' | 'release' | 'block'

/** How each staff action on a recall notice is asked for and reported. */
const RECALL_ACTIONS: Record<RecallAction, { title: string; confirm: string; effect: string; done: string }> = {
  release: { title: '放行这条召回信息？', confirm: '放行', effect: '放行后向公众公示，店铺页和小程序首页都会显示。', done: '已放行，向公众公示' },
  block: { title: '屏蔽这条召回信息？', confirm: '屏蔽', effect: '屏蔽后不予公示，公众看不到这条信息。', done: '已屏蔽，不予公示' },
  withdraw: { title: '撤回这条召回信息？', confirm: '撤回', effect: '撤回后店铺页和小程序首页不再显示这条信息。', done: '已撤回' }
}

/**
 * Recall notices in the person's jurisdiction: regulators (their towns) and admins publish one for a shop
 * (or, county-wide, for the whole county), withdraw one, and release or block a shop's notice the content
 * check held. Mediators read only. Each action is audited.
 */
export default function AdminRecallsPage() {
  const session = useRequiredSession()
  const [notice, setNotice] = useState<Notice>()
  const [shopId, setShopId] = useState('')
  const [pending, setPending] = useState<PendingAction>()
  const staff = isStaffSession(session) ? session.user.roles.staff : undefined
  const list = usePagedList((cursor) => call(contentRoutes.staffRecalls, { query: pageQuery(cursor) }), 'recalls', Boolean(staff))

  if (!staff) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以管理召回信息。' />
  const canPublish = staff.role !== 'mediator'

  const publish = async (input: RecallInput, idempotencyKey: string) => {
    const code = shopId.trim().toUpperCase()
    if (code && !MerchantId.safeParse(code).success) throw new ApiError('INVALID', '店铺编号格式不正确，请核对后重试')
    const recall = await call(contentRoutes.staffPublishRecall, { body: { ...input, ...(code ? { merchantId: code } : {}) }, idempotencyKey })
    setNotice({ kind: 'success', text: recall.merchant ? `已发布到「${recall.merchant.name}」的店铺页和首页` : '已发布为全县召回信息' })
    void list.refresh()
    return recall
  }

  // Each of these changes what the public sees at once: asked first, sent once.
  const act = (recall: ManagedRecallView, action: RecallAction) => {
    const words = RECALL_ACTIONS[action]
    setPending({
      title: words.title,
      confirmText: words.confirm,
      danger: action !== 'release',
      className: `${action}-recall-dialog`,
      effect: `【${recall.kindLabel}】${recall.product}（${recall.merchant ? recall.merchant.name : '全县'}）：${words.effect}`,
      // The reason is recorded with the recall and in the audit: the person's own words, not a stock phrase.
      ...(action === 'withdraw' ? { reason: { label: '撤回原因', placeholder: '例如：召回已完成，或信息有误需重新发布', min: 4, max: 200 } } : {}),
      run: async (reason) => {
        const done =
          action === 'withdraw'
            ? await call(contentRoutes.staffWithdrawRecall, { params: { id: recall.id }, body: { version: recall.version, reason } })
            : await call(contentRoutes.reviewRecall, { params: { id: recall.id }, body: { version: recall.version, decision: action } })
        list.replaceItem(done)
        setNotice({ kind: 'success', text: words.done })
      }
    })
  }

  return (
    <View className='page page--form admin-recalls-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      {canPublish ? (
        <View className='recall-publish'>
          <Text className='recalls-section-title'>发布召回或退市信息</Text>
          <LineField
            className='field-merchant-id'
            label={staff.jurisdiction === 'county' ? '店铺编号（不填即为全县召回信息）' : '店铺编号（辖区内店铺）'}
            error={undefined}
            value={shopId}
            onChange={setShopId}
            maxLength={32}
          />
          <RecallForm onSubmit={publish} listedIn='辖区内的召回信息' />
        </View>
      ) : null}
      <Text className='recalls-section-title'>辖区内的召回信息</Text>
      <PagedListView list={list} className='staff-recall-list' loadingText='正在加载…' emptyTitle='暂无召回信息'>
        {(items) =>
          items.map((recall) => (
            <View key={recall.id} className={`recall-card recall-card--${recall.moderationState}`}>
              <Text className='recall-card-title'>【{recall.kindLabel}】{recall.product}</Text>
              <Tag className='recall-card-status'>{recall.statusLabel}</Tag>
              <Text className='recall-card-line'>
                {recall.merchant ? recall.merchant.name : '全县'} · {recall.publishedByLabel}
              </Text>
              <Text className='recall-card-line'>{recall.reason}</Text>
              <View className='recall-card-actions'>
                {recall.allowedActions.includes('release') ? <Button className='release-recall' size='small' type='primary' onClick={() => act(recall, 'release')}>放行</Button> : null}
                {recall.allowedActions.includes('block') ? <Button className='block-recall' size='small' fill='outline' onClick={() => act(recall, 'block')}>屏蔽</Button> : null}
                {recall.allowedActions.includes('withdraw') ? <Button className='withdraw-recall' size='small' fill='outline' onClick={() => act(recall, 'withdraw')}>撤回</Button> : null}
              </View>
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
