// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { AnswerRectificationRequest, routes, type RectificationView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { PhotoPicker, usePhotoUploads } from '@/components/photo-picker'
import { RectificationDetail } from '@/components/rectification-rounds'
import { ErrorView, FieldError, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { TextField } from '@/components/text-field'
import { decodedParam } from '@/lib/decode'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { isMerchantUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { useLoad } from '@/lib/use-load'

/**
 * One rectification order for the shop: what was found and required, and — while it is the shop's turn —
 * the answer: what was done and 1–6 photos of the result. A late answer is still accepted (and shown as late).
 */
export default function MerchantRectificationPage() {
  const { params } = useRouter()
  const id = decodedParam(params.id)
  const session = useRequiredSession()
  const [notice, setNotice] = useState<Notice>()
  const { state, reload, set } = useLoad<RectificationView>(
    () => call(routes.merchantRectification, { params: { id: id ?? '' } }),
    `${id ?? ''}|${session?.user.id ?? ''}`,
    Boolean(id) && isMerchantUser(session?.user)
  )
  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少整改通知编号')} />
  if (!session) return <LoadingView text='正在登录…' />
  if (!isMerchantUser(session.user)) return <ErrorView error={new ApiError('FORBIDDEN', '您还没有绑定店铺，无法查看整改通知。')} />
  if (state.kind === 'loading') return <LoadingView text='正在加载整改通知…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />
  const order = state.value
  return (
    <View className='merchant-rectification-page' style={{ minHeight: '100vh', background: '#f5f6f7', paddingBottom: '48px' }}>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <RectificationDetail order={order} />
      {order.allowedActions.includes('answer') ? (
        <AnswerForm
          key={order.version}
          order={order}
          onDone={(updated) => {
            set(updated)
            setNotice({ kind: 'success', text: '已提交整改情况，等待监管部门复查' })
          }}
          onStale={(text) => {
            setNotice({ kind: 'error', text })
            void reload()
          }}
        />
      ) : (
        <View className='page-intro'>
          <Text className='page-intro-text rectification-idle'>
            {order.status === 'closed' ? '复查通过，整改已完成。' : '已提交整改情况，等待监管部门复查。'}
          </Text>
        </View>
      )}
    </View>
  )
}

function AnswerForm({ order, onDone, onStale }: { order: RectificationView; onDone: (order: RectificationView) => void; onStale: (text: string) => void }) {
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [sending, setSending] = useState(false)
  const inFlight = useRef(false)
  const photos = usePhotoUploads(6)

  const submit = async () => {
    if (inFlight.current) return
    setFormError(undefined)
    if (photos.problem) return setFormError(photos.problem)
    const parsed = AnswerRectificationRequest.safeParse({ version: order.version, text: text.trim(), photos: photos.keys })
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues, 1))
      return
    }
    inFlight.current = true
    setSending(true)
    try {
      onDone(await call(routes.answerRectification, { params: { id: order.id }, body: parsed.data }))
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
    <View className='answer-form form-page'>
      <TextField
        className='field-answer-text'
        label='整改情况'
        required
        value={text}
        onChange={(value) => {
          setText(value)
          setErrors(({ text: _dropped, ...rest }) => rest)
        }}
        maxLength={1000}
        rows={4}
        placeholder='做了哪些整改（4–1000 字）'
        error={errors.text}
      />
      <View className='field-block field-answer-photos'>
        <Text className='field-label field-label--required'>整改后的照片（1–6 张）</Text>
        <PhotoPicker uploads={photos} />
        <FieldError message={errors.photos} />
      </View>
      {formError ? (
        <View className='form-error'>
          <Text className='form-error-text'>{formError}</Text>
        </View>
      ) : null}
      <View className='form-actions'>
        <Button className='submit-answer' type='primary' block loading={sending} onClick={() => void submit()}>
          提交整改情况
        </Button>
      </View>
    </View>
  )
}
