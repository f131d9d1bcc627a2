// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import {
  ApplicationDecision,
  CreditFlag,
  ResolveCreditFlag,
  StatusChange,
  TOWNS,
  isCountyAdmin,
  routes,
  type BindingCode,
  type MerchantRegistryView,
  type MerchantStatus,
  type TownCode
} from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { ActionDialog } from '@/components/action-dialog'
import { Choices, type ChoiceOption } from '@/components/choices'
import { DateField, type QuickDate } from '@/components/date-field'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { FieldError, PageNotice, type Notice } from '@/components/state-views'
import { TextField } from '@/components/text-field'
import { PrivacyConsentDialog } from '@/components/privacy-consent'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { newIdempotencyKey } from '@/lib/ids'
import { isRepeatedSubmission, keyAfterFailure, repeatedSubmissionText } from '@/lib/repeat-submission'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime, shanghaiToday } from '@/lib/time'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

const STATUS_OPTIONS: ChoiceOption<MerchantStatus>[] = [
  { value: 'pending', label: '待审核' },
  { value: 'active', label: '参创' },
  { value: 'suspended', label: '已暂停' },
  { value: 'revoked', label: '已摘牌' },
  { value: 'rejected', label: '未通过' }
]

const EMPTY_TEXT: Record<MerchantStatus, string> = {
  pending: '没有待审核的参创申请',
  active: '没有参创店铺',
  suspended: '没有被暂停的店铺',
  revoked: '没有被摘牌的店铺',
  rejected: '没有未通过的申请'
}

const STATUS_COLORS: Record<MerchantStatus, string> = {
  pending: '#a66a00',
  active: '#1b7d3a',
  suspended: '#d93026',
  revoked: '#666666',
  rejected: '#666666'
}

const SOURCE_OPTIONS: ChoiceOption<string>[] = [
  { value: '行政处罚', label: '行政处罚', code: 'penalty' },
  { value: '抽检不合格', label: '抽检不合格', code: 'sampling' },
  { value: '消费者投诉查实', label: '消费者投诉查实', code: 'complaint' }
]

const ALL = 'all'
const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code

type Dialog =
  | { kind: 'approve' | 'reject'; shop: MerchantRegistryView }
  | { kind: 'suspend' | 'revoke' | 'reinstate'; shop: MerchantRegistryView }
  | { kind: 'violation'; shop: MerchantRegistryView }
  | { kind: 'resolve'; shop: MerchantRegistryView; flag: MerchantRegistryView['creditFlags'][number] }

const DIALOG_TEXT = {
  approve: { title: '通过参创申请', confirm: '通过', reasonLabel: '' },
  reject: { title: '驳回参创申请', confirm: '驳回', reasonLabel: '驳回理由（申请人可见）' },
  suspend: { title: '暂停参创资格', confirm: '暂停', reasonLabel: '暂停理由（店铺页面会提示已暂停）' },
  revoke: { title: '摘牌', confirm: '摘牌', reasonLabel: '摘牌理由' },
  reinstate: { title: '恢复参创资格', confirm: '恢复', reasonLabel: '恢复理由（如整改已完成）' },
  violation: { title: '记录违法违规', confirm: '记录', reasonLabel: '' },
  resolve: { title: '解除违法违规记录（信用修复）', confirm: '解除', reasonLabel: '解除理由（如已整改到位、惩戒期满）' }
} as const

/**
 * 商户名录 for bureau staff: shops by status in the person's jurisdiction. County admins review
 * applications (通过 issues the owner's one-time binding code, shown here once); regulators and admins
 * suspend, revoke (摘牌) or reinstate with a reason, and record violations, which put the shop on the
 * 联合惩戒 list. The server checks every action; its refusal is shown as it words it.
 */
export default function RegistryPage() {
  const session = useRequiredSession()
  const [status, setStatus] = useState<MerchantStatus>('pending')
  const [town, setTown] = useState(ALL)
  const [notice, setNotice] = useState<Notice>()
  const [binding, setBinding] = useState<{ shop: MerchantRegistryView; code: BindingCode }>()
  const [dialog, setDialog] = useState<Dialog>()

  const list = usePagedList<MerchantRegistryView>(
    (cursor) =>
      call(routes.registry, {
        query: { status, ...pageQuery(cursor), ...(town !== ALL ? { town: town as TownCode } : {}) }
      }),
    [session?.user.id, status, town].join('|'),
    isStaffUser(session?.user)
  )

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看商户名录。' />
  const { staff } = session.user.roles

  const towns = staff.jurisdiction === 'county' ? Object.keys(TOWNS) : staff.jurisdiction
  // Applications are decided by the county office only (the server refuses an admin of some towns).
  const mayDecide = isCountyAdmin(staff)
  const mayChangeStatus = staff.role === 'admin' || staff.role === 'regulator'

  const afterDialog = (updated: MerchantRegistryView, text: string, code?: BindingCode) => {
    setDialog(undefined)
    setNotice({ kind: 'success', text })
    if (code) {
      setBinding({ shop: updated, code })
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
    }
    if (updated.status === status) list.replaceItem(updated)
    else void list.refresh()
  }

  return (
    <View className='page registry-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      {binding ? (
        <View className='owner-binding'>
          <Text className='owner-binding-title'>「{binding.shop.name}」店主绑定码</Text>
          <Text className='owner-binding-code' userSelect>
            {binding.code.code}
          </Text>
          <Text className='owner-binding-hint'>
            只显示这一次。请当面或通过可靠渠道交给店主（联系人 {binding.shop.contactName} {binding.shop.contactPhone}），店主在小程序首页「绑定店铺」输入。
            {formatShanghaiTime(binding.code.expiresAt)} 前有效，只能使用一次。
          </Text>
          <View className='owner-binding-actions'>
            <Button className='copy-binding-code' size='small' type='primary' onClick={() => void Taro.setClipboardData({ data: binding.code.code })}>
              复制绑定码
            </Button>
            <Button className='dismiss-binding' size='small' fill='outline' onClick={() => setBinding(undefined)}>
              我已记下
            </Button>
          </View>
        </View>
      ) : null}

      <View className='registry-filters'>
        <View className='filter-status'>
          <Choices options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        </View>
        {towns.length > 1 ? (
          <View className='filter-town'>
            <Choices
              options={[{ value: ALL, label: '全部乡镇' }, ...towns.map((code) => ({ value: code, label: townName(code) }))]}
              value={town}
              onChange={setTown}
            />
          </View>
        ) : null}
      </View>

      <PagedListView list={list} className='registry-list' loadingText='正在加载商户…' emptyTitle={EMPTY_TEXT[status]}>
        {(items) =>
          items.map((shop) => (
            <RegistryItem key={shop.id} shop={shop} onResolve={mayChangeStatus ? (flag) => setDialog({ kind: 'resolve', shop, flag }) : undefined}>
              {mayDecide && shop.status === 'pending' ? (
                <>
                  <Button className='approve-merchant' size='small' type='primary' onClick={() => setDialog({ kind: 'approve', shop })}>
                    通过
                  </Button>
                  <Button className='reject-merchant' size='small' type='danger' fill='outline' onClick={() => setDialog({ kind: 'reject', shop })}>
                    驳回
                  </Button>
                </>
              ) : null}
              {mayChangeStatus && (shop.status === 'active' || shop.status === 'suspended') ? (
                <>
                  {shop.status === 'active' ? (
                    <Button className='suspend-merchant' size='small' type='warning' fill='outline' onClick={() => setDialog({ kind: 'suspend', shop })}>
                      暂停
                    </Button>
                  ) : (
                    <Button className='reinstate-merchant' size='small' type='success' fill='outline' onClick={() => setDialog({ kind: 'reinstate', shop })}>
                      恢复
                    </Button>
                  )}
                  <Button className='revoke-merchant' size='small' type='danger' fill='outline' onClick={() => setDialog({ kind: 'revoke', shop })}>
                    摘牌
                  </Button>
                  <Button className='record-violation' size='small' fill='outline' onClick={() => setDialog({ kind: 'violation', shop })}>
                    记录违法违规
                  </Button>
                </>
              ) : null}
            </RegistryItem>
          ))
        }
      </PagedListView>

      {dialog ? <ActionForm key={`${dialog.kind}-${dialog.shop.id}`} dialog={dialog} onCancel={() => setDialog(undefined)} onDone={afterDialog} /> : null}
      <PrivacyConsentDialog />
    </View>
  )
}

function RegistryItem({
  shop,
  onResolve,
  children
}: {
  shop: MerchantRegistryView
  /** Offered to those who may record flags: resolving one (信用修复). */
  onResolve?: (flag: MerchantRegistryView['creditFlags'][number]) => void
  children: ReactNode
}) {
  return (
    <View className={`card registry-item registry-item--${shop.status}`}>
      <View className='registry-item-head'>
        <Text className='registry-item-name'>{shop.name}</Text>
        <Tag className='registry-item-status' background={STATUS_COLORS[shop.status]}>
          {shop.statusLabel}
        </Tag>
      </View>
      <Text className='registry-item-line registry-item-uscc'>统一社会信用代码：{shop.uscc || '（未登记）'}</Text>
      <Text className='registry-item-line registry-item-place'>
        {shop.townName} · {shop.sectorLabel} · {shop.type === 'individual' ? '个体户' : '企业'}
      </Text>
      <Text className='registry-item-line registry-item-address'>地址：{shop.address}</Text>
      <Text className='registry-item-line registry-item-contact'>
        联系人：{shop.contactName || '—'} {shop.contactPhone}
      </Text>
      {shop.appliedAt ? <Text className='registry-item-line registry-item-applied'>申请时间：{formatShanghaiTime(shop.appliedAt)}</Text> : null}
      {shop.commitments.length > 0 ? (
        <Text className='registry-item-line registry-item-commitments'>
          承诺（第 {shop.commitmentsVersion} 版）：{shop.commitments.map((c) => c.title).join('、')}
        </Text>
      ) : null}
      {shop.statusReason ? <Text className='registry-item-line registry-item-reason'>理由：{shop.statusReason}</Text> : null}
      {shop.creditFlags.length > 0 ? (
        <View className='registry-item-flags'>
          <Text className='registry-item-flags-title'>违法违规记录 {shop.creditFlags.length} 条（已列入联合惩戒名单）</Text>
          {shop.creditFlags.map((flag) => (
            <View key={flag.recordedAt} className='registry-item-flag-row'>
              <Text className='registry-item-flag'>
                {flag.date} {flag.source}：{flag.description}
              </Text>
              {onResolve ? (
                <Button className='resolve-violation' size='small' fill='outline' onClick={() => onResolve(flag)}>
                  解除
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {shop.resolvedCreditFlags.length > 0 ? (
        <View className='registry-item-resolved'>
          <Text className='registry-item-flags-title'>已解除的记录 {shop.resolvedCreditFlags.length} 条</Text>
          {shop.resolvedCreditFlags.map((flag) => (
            <Text key={flag.recordedAt} className='registry-item-flag registry-item-flag--resolved'>
              {flag.date} {flag.source}：{flag.description}（{formatShanghaiTime(flag.resolvedAt)} 解除：{flag.resolution}）
            </Text>
          ))}
        </View>
      ) : null}
      <View className='registry-item-actions'>{children}</View>
    </View>
  )
}

const FOUND_ON_QUICK: readonly QuickDate[] = [
  { code: 'today', label: '今天', offset: 0 },
  { code: 'yesterday', label: '昨天', offset: -1 }
]

/** One dialog per action: its fields (checked with the contract's schema), 取消 and the action's verb. */
function ActionForm({
  dialog,
  onCancel,
  onDone
}: {
  dialog: Dialog
  onCancel: () => void
  onDone: (updated: MerchantRegistryView, text: string, binding?: BindingCode) => void
}) {
  const [reason, setReason] = useState('')
  const [source, setSource] = useState('')
  const today = shanghaiToday(new Date())
  const [date, setDate] = useState(today)
  const [description, setDescription] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const idempotencyKey = useRef<string>()
  const { shop } = dialog
  const text = DIALOG_TEXT[dialog.kind]

  const send = async (): Promise<{ updated: MerchantRegistryView; done: string; binding?: BindingCode } | undefined> => {
    const id = shop.id
    if (dialog.kind === 'approve') {
      // One key for this dialog, reused if the person retries after a lost answer: the retry gets the owner's code back.
      idempotencyKey.current ??= newIdempotencyKey()
      const result = await call(routes.decideApplication, { params: { id }, body: { decision: 'approve' }, idempotencyKey: idempotencyKey.current })
      return {
        updated: result.merchant,
        done: `已通过「${result.merchant.name}」的参创申请，店铺已公示`,
        ...(result.binding ? { binding: result.binding } : {})
      }
    }
    if (dialog.kind === 'reject') {
      const body = { decision: 'reject' as const, reason }
      const parsed = ApplicationDecision.safeParse(body)
      if (!parsed.success) return void setErrors(fieldErrorsOf(parsed.error.issues))
      idempotencyKey.current ??= newIdempotencyKey()
      const result = await call(routes.decideApplication, { params: { id }, body, idempotencyKey: idempotencyKey.current })
      return { updated: result.merchant, done: `已驳回「${shop.name}」的参创申请` }
    }
    if (dialog.kind === 'violation') {
      const body = { source, date, description }
      const parsed = CreditFlag.safeParse(body)
      if (!parsed.success) return void setErrors(fieldErrorsOf(parsed.error.issues))
      // One key for this form, reused if the person retries after a lost answer: the server records it once.
      idempotencyKey.current ??= newIdempotencyKey()
      const updated = await call(routes.recordViolation, { params: { id }, body, idempotencyKey: idempotencyKey.current })
      return { updated, done: `已记录「${shop.name}」的违法违规情况，该店已列入联合惩戒名单` }
    }
    if (dialog.kind === 'resolve') {
      const body = { recordedAt: dialog.flag.recordedAt, resolution: reason }
      const parsed = ResolveCreditFlag.safeParse(body)
      if (!parsed.success) {
        const found = fieldErrorsOf(parsed.error.issues)
        return void setErrors(found.resolution ? { reason: found.resolution } : found)
      }
      const updated = await call(routes.resolveViolation, { params: { id }, body })
      const left = updated.creditFlags.length
      return { updated, done: left === 0 ? `已解除「${shop.name}」的违法违规记录，该店已移出联合惩戒名单` : `已解除该记录，「${shop.name}」尚有 ${left} 条未解除` }
    }
    // The status this page showed: if someone changed it since, the server answers 409 instead of overwriting.
    const body = { action: dialog.kind, reason, seenStatus: shop.status }
    const parsed = StatusChange.safeParse(body)
    if (!parsed.success) return void setErrors(fieldErrorsOf(parsed.error.issues))
    const updated = await call(routes.changeMerchantStatus, { params: { id }, body })
    return { updated, done: `「${shop.name}」现为「${updated.statusLabel}」` }
  }

  const confirm = async () => {
    if (busy) return
    setErrors({})
    setFormError(undefined)
    setBusy(true)
    try {
      const result = await send()
      if (result) onDone(result.updated, result.done, result.binding)
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error)
      idempotencyKey.current = keyAfterFailure(error, idempotencyKey.current)
      if (byField?.resolution) setErrors({ reason: byField.resolution })
      else if (byField && Object.keys(byField).some((field) => ['reason', 'source', 'date', 'description'].includes(field))) setErrors(byField)
      else if (isRepeatedSubmission(error)) {
        setFormError(repeatedSubmissionText(dialog.kind === 'violation' ? '违法违规记录' : '审批决定', '商户名录', { freshKey: true }))
      } else setFormError(error.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <ActionDialog
      className={`registry-dialog registry-dialog--${dialog.kind}`}
      visible
      title={text.title}
      confirmText={text.confirm}
      danger={dialog.kind !== 'reinstate' && dialog.kind !== 'approve' && dialog.kind !== 'resolve'}
      loading={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <Text className='registry-dialog-shop'>{shop.name}</Text>
      {dialog.kind === 'approve' ? (
        <Text className='registry-dialog-text'>
          通过后，该店作为放心消费参创单位在店铺目录和店铺页公示，并生成店主绑定码（只显示一次）。
        </Text>
      ) : dialog.kind === 'violation' ? (
        <View>
          <View className='dialog-field field-source'>
            <Text className='dialog-label'>来源</Text>
            <Choices options={SOURCE_OPTIONS} value={source} onChange={setSource} />
            <Input value={source} maxLength={40} placeholder='或填写其他来源' onChange={setSource} />
            <FieldError message={errors.source} />
          </View>
          <View className='dialog-field field-date'>
            <Text className='dialog-label'>认定日期</Text>
            {/* Not after today (the server refuses it); a finding from years back may still be recorded, as the
                server allows: the picker reaches back to 2000, older than any credit record still in force. */}
            <DateField title='选择认定日期' value={date} onChange={setDate} today={today} quick={FOUND_ON_QUICK} min='2000-01-01' max={today} />
            <FieldError message={errors.date} />
          </View>
          <TextField
            className='field-description'
            label='情况说明'
            required
            value={description}
            onChange={setDescription}
            maxLength={500}
            rows={3}
            placeholder='违法违规事实、处理结果（4–500 字）'
            error={errors.description}
          />
        </View>
      ) : (
        <View>
          {dialog.kind === 'resolve' ? (
            <Text className='registry-dialog-text'>
              {dialog.flag.date} {dialog.flag.source}：{dialog.flag.description}
            </Text>
          ) : null}
          <TextField
            className='field-reason'
            label={text.reasonLabel}
            required
            value={reason}
            onChange={setReason}
            maxLength={200}
            rows={3}
            placeholder={dialog.kind === 'resolve' ? '4–200 字。全部记录解除后，该店移出联合惩戒名单' : '4–200 字'}
            error={errors.reason}
          />
        </View>
      )}
      {formError ? <Text className='dialog-error'>{formError}</Text> : null}
    </ActionDialog>
  )
}
