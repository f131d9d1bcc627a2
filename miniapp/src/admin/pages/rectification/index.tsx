// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RecheckRectificationRequest, routes, type RectificationView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { ChoiceField, type ChoiceOption } from '@/components/choices'
import { DateField, type QuickDate } from '@/components/date-field'
import { PhotoPicker, usePhotoUploads } from '@/components/photo-picker'
import { RectificationDetail } from '@/components/rectification-rounds'
import { ErrorView, FieldError, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { TextField } from '@/components/text-field'
import { decodedParam } from '@/lib/decode'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { addDays, shanghaiToday } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'

type Result = 'pass' | 'fail'
const RESULT_OPTIONS: ChoiceOption<Result>[] = [
  { value: 'pass', label: '复查通过，整改完成' },
  { value: 'fail', label: '复查不通过，重新下达' }
]
const DEADLINE_QUICK: QuickDate[] = [
  { code: 'in-7-days', label: '7 天内', offset: 7 },
  { code: 'in-15-days', label: '15 天内', offset: 15 },
  { code: 'in-30-days', label: '30 天内', offset: 30 }
]

/**
 * One rectification order for staff: the finding and every round, and — once the shop has answered — the
 * re-check: pass (closed, in time or late by the answer's date) or fail with new requirements and a deadline.
 * The server says what is allowed now (`allowedActions`); a stale view gets 409 and the page reloads it.
 */
export default function RectificationPage() {
  const { params } = useRouter()
  const id = decodedParam(params.id)
  const session = useRequiredSession()
  const [notice, setNotice] = useState<Notice>()
  const { state, reload, set } = useLoad<RectificationView>(
    () => call(routes.getRectification, { params: { id: id ?? '' } }),
    `${id ?? ''}|${session?.user.id ?? ''}`,
    Boolean(id) && isStaffUser(session?.user)
  )
  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少整改通知编号')} />
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看整改通知。' />
  if (state.kind === 'loading') return <LoadingView text='正在加载整改通知…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />
  const order = state.value
  const mayRecheck = order.allowedActions.includes('pass') || order.allowedActions.includes('fail')

  return (
    <View className='campaign-page rectification-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <RectificationDetail order={order} />
      {mayRecheck ? (
        <RecheckForm
          key={order.version}
          order={order}
          onDone={(updated, text) => {
            set(updated)
            setNotice({ kind: 'success', text })
          }}
          onStale={(text) => {
            setNotice({ kind: 'error', text })
            void reload()
          }}
        />
      ) : (
        <Text className='section-hint rectification-idle'>
          {order.status === 'closed' ? '整改已完成，通知已关闭。' : order.waitingFor === 'merchant' ? '等待店铺整改并答复，答复后可复查。' : '当前无需操作。'}
        </Text>
      )}
    </View>
  )
}

function RecheckForm({
  order,
  onDone,
  onStale
}: {
  order: RectificationView
  onDone: (order: RectificationView, text: string) => void
  onStale: (text: string) => void
}) {
  const today = shanghaiToday(new Date())
  const [result, setResult] = useState<Result>()
  const [note, setNote] = useState('')
  const [requirements, setRequirements] = useState('')
  const [deadline, setDeadline] = useState<string>()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [sending, setSending] = useState(false)
  const inFlight = useRef(false)
  const photos = usePhotoUploads(6)
  const options = RESULT_OPTIONS.filter((option) => order.allowedActions.includes(option.value))

  const submit = async () => {
    if (inFlight.current) return
    setFormError(undefined)
    if (photos.problem) return setFormError(photos.problem)
    const body =
      result === 'fail'
        ? { version: order.version, result, note: note.trim(), requirements: requirements.trim(), deadline: deadline ?? '', photos: photos.keys }
        : { version: order.version, result, ...(note.trim() ? { note: note.trim() } : {}), photos: photos.keys }
    const parsed = RecheckRectificationRequest.safeParse(body)
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues, 1))
      return
    }
    inFlight.current = true
    setSending(true)
    try {
      const updated = await call(routes.recheckRectification, { params: { id: order.id }, body: parsed.data })
      onDone(updated, result === 'pass' ? '复查通过，整改通知已关闭' : '复查不通过，已重新下达整改通知')
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error, '', 1)
      if (byField) setErrors(byField)
      else if (error.code === 'CONFLICT') onStale(`${error.message}（已刷新为最新状态）`)
      else if (error.code !== 'UNAUTHENTICATED') setFormError(error.message)
    } finally {
      inFlight.current = false
      setSending(false)
    }
  }

  return (
    <View className='recheck-form form-page'>
      <Text className='section-title'>复查</Text>
      <ChoiceField
        className='field-recheck-result'
        label='复查结果'
        required
        options={options}
        value={result}
        onChange={(value) => {
          setResult(value)
          setErrors({})
        }}
        error={errors.result}
        vertical
      />
      <TextField
        className='field-recheck-note'
        label={result === 'fail' ? '复查情况（必填）' : '复查情况（选填）'}
        required={result === 'fail'}
        value={note}
        onChange={(value) => {
          setNote(value)
          setErrors(({ note: _dropped, ...rest }) => rest)
        }}
        maxLength={500}
        rows={2}
        error={errors.note}
      />
      {result === 'fail' ? (
        <>
          <TextField
            className='field-requirements'
            label='新的整改要求'
            required
            value={requirements}
            onChange={(value) => {
              setRequirements(value)
              setErrors(({ requirements: _dropped, ...rest }) => rest)
            }}
            maxLength={500}
            rows={2}
            error={errors.requirements}
          />
          <View className='field-block field-deadline'>
            <Text className='field-label field-label--required'>新的整改期限</Text>
            <DateField title='选择整改期限' value={deadline} onChange={setDeadline} today={today} quick={DEADLINE_QUICK} min={today} max={addDays(today, 90)} />
            <FieldError message={errors.deadline} />
          </View>
        </>
      ) : null}
      <View className='field-block field-recheck-photos'>
        <Text className='field-label'>复查照片（选填）</Text>
        <PhotoPicker uploads={photos} />
        <FieldError message={errors.photos} />
      </View>
      {formError ? (
        <View className='form-error'>
          <Text className='form-error-text'>{formError}</Text>
        </View>
      ) : null}
      <View className='form-actions'>
        <Button className='submit-recheck' type='primary' block loading={sending} disabled={!result} onClick={() => void submit()}>
          提交复查结果
        </Button>
      </View>
    </View>
  )
}
