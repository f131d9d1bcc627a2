// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { OverrideInput, isCountyAdmin, routes, type ScorecardView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { ScorecardCard } from '@/components/scorecard-card'
import { ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { LineField, TextField } from '@/components/text-field'
import { decodedParam } from '@/lib/decode'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { useLoad } from '@/lib/use-load'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'

type Item = ScorecardView['base'][number]

/**
 * One shop's stored scorecard of a year's assessment. County admins may override an item (points and a reason,
 * audited; the computed points stay beside it) until the year is confirmed; two admins at once — one wins,
 * the other is told and sees the new card.
 */
export default function ScorecardPage() {
  const { params } = useRouter()
  const year = Number(decodedParam(params.year))
  const merchantId = decodedParam(params.merchantId)
  const session = useRequiredSession()
  const [notice, setNotice] = useState<Notice>()
  const [editing, setEditing] = useState<string>()
  const { state, reload, set } = useLoad<ScorecardView>(
    () => call(routes.scorecard, { params: { year, merchantId: merchantId ?? '' } }),
    `${session?.user.id ?? ''}|${year}|${merchantId ?? ''}`,
    Boolean(merchantId) && Number.isInteger(year) && isStaffUser(session?.user)
  )
  if (!merchantId || !Number.isInteger(year)) return <ErrorView error={new ApiError('INVALID', '请从「考核验收」选择店铺')} />
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看考核评分。' />
  if (state.kind === 'loading') return <LoadingView text='正在加载评分表…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />
  const card = state.value
  const mayOverride = isCountyAdmin(session.user.roles.staff) && card.state === 'open'

  return (
    <View className='campaign-page scorecard-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <ScorecardCard
        card={card}
        itemAction={
          mayOverride
            ? (item) =>
                editing === item.code ? (
                  <OverrideForm
                    card={card}
                    item={item}
                    onCancel={() => setEditing(undefined)}
                    onDone={(updated) => {
                      set(updated)
                      setEditing(undefined)
                      setNotice({ kind: 'success', text: `已调整「${item.label}」，总分 ${updated.total}，${updated.passed ? '达标' : '未达标'}` })
                    }}
                    onStale={(text) => {
                      setEditing(undefined)
                      setNotice({ kind: 'error', text })
                      void reload()
                    }}
                  />
                ) : (
                  <Button className={`override-item override-${item.code}`} size='small' fill='none' onClick={() => setEditing(item.code)}>
                    调整此项
                  </Button>
                )
            : undefined
        }
      />
      {card.state === 'confirmed' ? <Text className='section-hint'>该年度考核已确认，评分不能再调整。</Text> : null}
    </View>
  )
}

function OverrideForm({
  card,
  item,
  onDone,
  onCancel,
  onStale
}: {
  card: ScorecardView
  item: Item
  onDone: (card: ScorecardView) => void
  onCancel: () => void
  onStale: (text: string) => void
}) {
  const [points, setPoints] = useState(String(item.points))
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [sending, setSending] = useState(false)
  const inFlight = useRef(false)

  const submit = async () => {
    if (inFlight.current) return
    setFormError(undefined)
    const value = Number(points)
    const found: FieldErrors = {}
    if (!points.trim() || !Number.isInteger(value) || value < 0 || value > item.max) found.points = `请填写 0 到 ${item.max} 的整数分`
    const parsed = OverrideInput.safeParse({ item: item.code, points: value, reason: reason.trim(), version: card.version })
    if (!parsed.success) Object.assign(found, { ...fieldErrorsOf(parsed.error.issues, 1), ...found })
    if (Object.keys(found).length > 0 || !parsed.success) {
      setErrors(found)
      return
    }
    inFlight.current = true
    setSending(true)
    try {
      onDone(await call(routes.overrideScore, { params: { year: card.year, merchantId: card.merchant.id }, body: parsed.data }))
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error, '', 1)
      if (byField) setErrors(byField)
      else if (error.code === 'CONFLICT') onStale(`${error.message}（已刷新为最新评分）`)
      else if (error.code !== 'UNAUTHENTICATED') setFormError(error.message)
    } finally {
      inFlight.current = false
      setSending(false)
    }
  }

  return (
    <View className='override-form form-page'>
      <LineField
        className='field-override-points'
        label={`调整后的分数（满分 ${item.max}）`}
        required
        type='number'
        value={points}
        maxLength={3}
        onChange={(value) => {
          setPoints(value)
          setErrors(({ points: _dropped, ...rest }) => rest)
        }}
        error={errors.points}
      />
      <TextField
        className='field-override-reason'
        label='调整理由（将记入审计）'
        required
        value={reason}
        onChange={(value) => {
          setReason(value)
          setErrors(({ reason: _dropped, ...rest }) => rest)
        }}
        maxLength={300}
        rows={2}
        placeholder='依据什么材料调整（4–300 字）'
        error={errors.reason}
      />
      {formError ? (
        <View className='form-error'>
          <Text className='form-error-text'>{formError}</Text>
        </View>
      ) : null}
      <View className='card-actions'>
        <Button className='submit-override' type='primary' size='small' loading={sending} onClick={() => void submit()}>
          保存调整
        </Button>
        <Button className='cancel-override' size='small' fill='outline' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
