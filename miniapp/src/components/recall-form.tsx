import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RECALL_KINDS, RecallInput, type ManagedRecallView, type RecallKind } from '@fangxin/shared'
import { isApiError, toApiError } from '@/api/client'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { newIdempotencyKey } from '@/lib/ids'
import { isRepeatedSubmission, keyAfterFailure, repeatedSubmissionText } from '@/lib/repeat-submission'
import { shanghaiToday } from '@/lib/time'
import { ChoiceField, optionsOf } from './choices'
import { DateField } from './date-field'
import { LineField, TextField } from './text-field'

/**
 * The form of a recall notice, for the shop's owner (merchant subpackage) and for staff (admin subpackage).
 * Only subpackages import it, so the build copies it into each (it does not weigh on the main package).
 * The shared `RecallInput` schema checks it before sending, so the field messages are the server's own.
 */
/**
 * `onSubmit` gets the notice and the `Idempotency-Key` of this publishing attempt: kept through retries (a timeout,
 * a second tap) until the server confirms, so a notice is published once however often it is sent. When the
 * key was already used for a different notice (edited after a try that went through), the form sends the
 * person to `listedIn` to look, and the next tap is a new notice with a fresh key.
 */
export function RecallForm({
  onSubmit,
  listedIn,
  submitLabel = '发布召回信息'
}: {
  onSubmit: (input: RecallInput, idempotencyKey: string) => Promise<ManagedRecallView>
  /** The list on the page where a published notice shows, as titled there. */
  listedIn: string
  submitLabel?: string
}) {
  const attemptKey = useRef<string>()
  const today = shanghaiToday(new Date())
  const [kind, setKind] = useState<RecallKind>()
  const [product, setProduct] = useState('')
  const [batch, setBatch] = useState('')
  const [reason, setReason] = useState('')
  const [consumerAction, setConsumerAction] = useState('')
  const [fromDate, setFromDate] = useState<string | undefined>(today)
  const [source, setSource] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setFailure(undefined)
    const parsed = RecallInput.safeParse({ kind, product, batch, reason, consumerAction, fromDate, source })
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues, 1))
      return
    }
    setErrors({})
    setBusy(true)
    try {
      attemptKey.current ??= newIdempotencyKey()
      await onSubmit(parsed.data, attemptKey.current)
      attemptKey.current = undefined
      setKind(undefined)
      setProduct('')
      setBatch('')
      setReason('')
      setConsumerAction('')
      setSource('')
    } catch (error) {
      const apiError = toApiError(error)
      const fields = isApiError(error) ? fieldErrorsFromApi(apiError) : undefined
      attemptKey.current = keyAfterFailure(apiError, attemptKey.current)
      if (fields) setErrors(fields)
      else if (isRepeatedSubmission(apiError)) setFailure(repeatedSubmissionText('召回信息', listedIn, { freshKey: true }))
      else setFailure(apiError.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='recall-form'>
      <ChoiceField className='field-kind' label='类型' required error={errors.kind} options={optionsOf(RECALL_KINDS)} value={kind} onChange={setKind} />
      <LineField className='field-product' label='产品名称' required error={errors.product} value={product} onChange={setProduct} maxLength={60} placeholder='如：某品牌电热水壶' />
      <LineField className='field-batch' label='批次或型号' required error={errors.batch} value={batch} onChange={setBatch} maxLength={100} placeholder='如：型号 KX-1800，生产批次 2026-03' />
      <TextField className='field-reason' label='召回或退市原因' required error={errors.reason} value={reason} onChange={setReason} maxLength={500} rows={3} />
      <TextField className='field-consumer-action' label='消费者应如何处理' required error={errors.consumerAction} value={consumerAction} onChange={setConsumerAction} maxLength={500} rows={3} placeholder='如：立即停止使用，凭购物小票到店免费更换或退货' />
      <View className='field-block field-from-date'>
        <Text className='field-label field-label--required'>起始日期</Text>
        <DateField value={fromDate} onChange={setFromDate} today={today} quick={[{ code: 'today', label: '今天', offset: 0 }]} min='2000-01-01' max='2100-12-31' title='起始日期' />
        {errors.fromDate ? <Text className='field-error'>{errors.fromDate}</Text> : null}
      </View>
      <LineField className='field-source' label='信息来源' required error={errors.source} value={source} onChange={setSource} maxLength={100} placeholder='如：生产企业召回公告、市场监管部门抽检通报' />
      {failure ? <Text className='field-error recall-form-failure'>{failure}</Text> : null}
      <Button className='submit-recall' type='primary' block loading={busy} onClick={() => void submit()}>
        {submitLabel}
      </Button>
    </View>
  )
}
