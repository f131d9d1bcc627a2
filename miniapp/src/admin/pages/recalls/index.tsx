// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { MerchantId, contentRoutes, type ManagedRecallView, type RecallInput } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { RecallForm } from '@/components/recall-form'
import { PageNotice, type Notice } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { useRequiredSession } from '@/lib/sign-in'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

/**
 * Recall notices in the person's jurisdiction: regulators (their towns) and admins publish one for a shop
 * (or, county-wide, for the whole county), withdraw one, and release or block a shop's notice the content
 * check held. Mediators read only. Each action is audited.
 */
export default function AdminRecallsPage() {
  const session = useRequiredSession()
  const [notice, setNotice] = useState<Notice>()
  const [shopId, setShopId] = useState('')
  const staff = isStaffSession(session) ? session.user.roles.staff : undefined
  const list = usePagedList((cursor) => call(contentRoutes.staffRecalls, { query: pageQuery(cursor) }), 'recalls', Boolean(staff))

  if (!staff) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以管理召回信息。' />
  const canPublish = staff.role !== 'mediator'

  const publish = async (input: RecallInput) => {
    const code = shopId.trim().toUpperCase()
    if (code && !MerchantId.safeParse(code).success) throw new ApiError('INVALID', '店铺编号格式不正确，请核对后重试')
    const recall = await call(contentRoutes.staffPublishRecall, { body: { ...input, ...(code ? { merchantId: code } : {}) } })
    setNotice({ kind: 'success', text: recall.merchant ? `已发布到「${recall.merchant.name}」的店铺页和首页` : '已发布为全县召回信息' })
    void list.refresh()
    return recall
  }

  const act = async (recall: ManagedRecallView, action: 'withdraw' | 'release' | 'block') => {
    try {
      const done =
        action === 'withdraw'
          ? await call(contentRoutes.staffWithdrawRecall, { params: { id: recall.id }, body: { version: recall.version, reason: '监管部门撤回' } })
          : await call(contentRoutes.reviewRecall, { params: { id: recall.id }, body: { version: recall.version, decision: action } })
      list.replaceItem(done)
      setNotice({ kind: 'success', text: action === 'withdraw' ? '已撤回' : action === 'release' ? '已放行，向公众公示' : '已屏蔽，不予公示' })
    } catch (error) {
      setNotice({ kind: 'error', text: toApiError(error).message })
    }
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
          <RecallForm onSubmit={publish} />
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
                {recall.allowedActions.includes('release') ? <Button className='release-recall' size='small' type='primary' onClick={() => void act(recall, 'release')}>放行</Button> : null}
                {recall.allowedActions.includes('block') ? <Button className='block-recall' size='small' fill='outline' onClick={() => void act(recall, 'block')}>屏蔽</Button> : null}
                {recall.allowedActions.includes('withdraw') ? <Button className='withdraw-recall' size='small' fill='outline' onClick={() => void act(recall, 'withdraw')}>撤回</Button> : null}
              </View>
            </View>
          ))
        }
      </PagedListView>
    </View>
  )
}
