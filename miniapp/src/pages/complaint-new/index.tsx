// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Checkbox, Image, Switch } from '@nutui/nutui-react-taro'
import { COMPLAINT_CATEGORIES, OUTCOMES, PERSONAL_DATA_RETENTION_DAYS, retentionPeriodText, routes, type MerchantPublicView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { getMerchant } from '@/api/public-reads'
import { ChoiceField, optionsOf, type ChoiceOption } from '@/components/choices'
import { DateField, type QuickDate } from '@/components/date-field'
import { ErrorView, FieldError, LoadingView } from '@/components/state-views'
import { LineField, TextField } from '@/components/text-field'
import { PrivacyConsentDialog, PrivacyNoticeLink } from '@/components/privacy-consent'
import {
  EMPTY_DRAFT,
  NO_COMMITMENT,
  complaintFormErrors,
  complaintRequestOf,
  type ComplaintDraft,
  type PhotoUpload
} from '@/lib/complaint-form'
import { tapName } from '@/lib/a11y'
import { fieldErrorsFromApi, type FieldErrors } from '@/lib/field-errors'
import { newIdempotencyKey } from '@/lib/ids'
import { decodedParam } from '@/lib/decode'
import { PAGES, pageUrl, openOver } from '@/lib/navigation'
import { isRepeatedSubmission, repeatedSubmissionText } from '@/lib/repeat-submission'
import { useRequiredSession } from '@/lib/sign-in'
import { askForUpdates } from '@/lib/subscribe'
import { notificationsOffHint } from '@/lib/subscribe-answer'
import { addDays, shanghaiToday } from '@/lib/time'
import { pickPhotos, uploadPhoto, type PickedPhoto } from '@/lib/upload'
import { useScaledRoot } from '@/components/font-scale'
import './index.css'

const MAX_PHOTOS = 6
const CATEGORY_OPTIONS = optionsOf(COMPLAINT_CATEGORIES)
const OUTCOME_OPTIONS = optionsOf(OUTCOMES)
const RETENTION = retentionPeriodText(PERSONAL_DATA_RETENTION_DAYS)
const PURCHASE_QUICK: QuickDate[] = [
  { code: 'today', label: '今天', offset: 0 },
  { code: 'yesterday', label: '昨天', offset: -1 },
  { code: '2-days-ago', label: '前天', offset: -2 },
  { code: '7-days-ago', label: '一周前', offset: -7 }
]

interface PhotoSlot extends PhotoUpload {
  id: number
  picked: PickedPhoto
  error?: string
}

type MerchantState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; merchant: MerchantPublicView }

/**
 * Filing a complaint against one shop (docs/lifecycle.md, filing). The form is checked with the same schema the
 * server uses, field by field; photos upload as soon as they are picked. One Idempotency-Key is made per
 * filing attempt and kept until the server confirms, so a double tap or a retry after a timeout files
 * one complaint, never two.
 */
export default function NewComplaintPage() {
  const { params } = useRouter()
  const merchantId = decodedParam(params.merchantId)
  const session = useRequiredSession()
  const [merchantState, setMerchantState] = useState<MerchantState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [draft, setDraft] = useState<ComplaintDraft>(EMPTY_DRAFT)
  const [photos, setPhotos] = useState<PhotoSlot[]>([])
  const [showErrors, setShowErrors] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<{ text: string; alreadyFiled?: boolean }>()
  const [submitting, setSubmitting] = useState(false)
  const idempotencyKey = useRef<string>()
  // State updates land after the next render; a second tap in the same tick must see the first.
  const inFlight = useRef(false)
  const nextPhotoId = useRef(0)
  const today = shanghaiToday(new Date())

  useEffect(() => {
    if (!merchantId) return
    let current = true
    setMerchantState({ kind: 'loading' })
    getMerchant(merchantId).then(
      (merchant) => current && setMerchantState({ kind: 'loaded', merchant }),
      (error: unknown) => current && setMerchantState({ kind: 'failed', error: toApiError(error) })
    )
    return () => {
      current = false
    }
  }, [merchantId, attempt])

  const errors: FieldErrors = useMemo(
    () => ({ ...(showErrors && merchantId ? complaintFormErrors(merchantId, draft, photos, today) : {}), ...serverErrors }),
    [showErrors, merchantId, draft, photos, today, serverErrors]
  )

  const update = <K extends keyof ComplaintDraft>(field: K, value: ComplaintDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }))
    setServerErrors((previous) => {
      if (!(field in previous)) return previous
      const { [field]: _dropped, ...rest } = previous
      return rest
    })
    setFormError(undefined)
  }

  const startUpload = (slot: PhotoSlot) => {
    uploadPhoto(slot.picked).then(
      (key) => setPhotos((all) => all.map((p) => (p.id === slot.id ? { ...p, status: 'done', key } : p))),
      (error: unknown) =>
        setPhotos((all) => all.map((p) => (p.id === slot.id ? { ...p, status: 'failed', error: toApiError(error).message } : p)))
    )
  }

  const addPhotos = async () => {
    const picked = await pickPhotos(MAX_PHOTOS - photos.length)
    const slots: PhotoSlot[] = picked.map((photo) => ({ id: nextPhotoId.current++, picked: photo, status: 'uploading' }))
    setPhotos((all) => [...all, ...slots].slice(0, MAX_PHOTOS))
    setServerErrors(({ photos: _dropped, ...rest }) => rest)
    slots.forEach(startUpload)
  }

  const retryPhoto = (slot: PhotoSlot) => {
    setPhotos((all) => all.map((p) => (p.id === slot.id ? { id: p.id, picked: p.picked, status: 'uploading' } : p)))
    startUpload(slot)
  }

  const submit = async () => {
    if (!merchantId || inFlight.current) return
    setShowErrors(true)
    setFormError(undefined)
    const found = complaintFormErrors(merchantId, draft, photos, today)
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      void Taro.pageScrollTo({ selector: '.field-error', duration: 200 }).catch(() => undefined)
      return
    }
    // Still inside the tap, and the form is complete: ask WeChat now for the message that will tell the
    // consumer how the shop answered. Filing goes ahead at once, whatever the answer.
    const asked = askForUpdates()
    // Made once per filing attempt, kept through retries until the server confirms.
    idempotencyKey.current ??= newIdempotencyKey()
    inFlight.current = true
    setSubmitting(true)
    try {
      const complaint = await call(routes.fileComplaint, {
        body: complaintRequestOf(merchantId, draft, photos),
        idempotencyKey: idempotencyKey.current
      })
      idempotencyKey.current = undefined
      // Leave once WeChat's prompt has closed (at once off WeChat; askForUpdates gives up waiting after
      // 20 s), so a consumer with messages switched off learns here, before the page changes, where to look.
      const { notificationsOff } = await asked
      if (notificationsOff) {
        await Taro.showModal({
          title: '投诉已提交',
          content: notificationsOffHint('进度请在「我的投诉」查看'),
          showCancel: false,
          confirmText: '知道了'
        }).catch(() => undefined)
      } else {
        void Taro.showToast({ title: '投诉已提交', icon: 'success' })
      }
      void Taro.redirectTo({ url: pageUrl(PAGES.complaint, { id: complaint.id }) })
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error, '', 1)
      if (byField && !byField['Idempotency-Key']) {
        setServerErrors(byField)
        void Taro.pageScrollTo({ selector: '.field-error', duration: 200 }).catch(() => undefined)
      } else if (error.code === 'CONFLICT') {
        // An earlier try with this key went through (or is still being saved): do not file another.
        setFormError({ text: isRepeatedSubmission(error) ? repeatedSubmissionText('投诉', '我的投诉') : error.message, alreadyFiled: true })
      } else if (error.code === 'NETWORK') {
        setFormError({ text: `${error.message}。再次点击「提交投诉」即可，不会重复提交。` })
      } else if (error.code !== 'UNAUTHENTICATED') {
        setFormError({ text: error.message })
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  const root = useScaledRoot('page page--form form-page complaint-form')

  if (!merchantId) {
    return (
      <ErrorView error={new ApiError('INVALID', '请先扫描店铺的放心消费二维码，或在首页输入店铺编号，再从店铺页面投诉')} />
    )
  }
  if (!session) return <LoadingView text='正在登录…' />
  if (merchantState.kind === 'loading') return <LoadingView text='正在加载店铺信息…' />
  if (merchantState.kind === 'failed') return <ErrorView error={merchantState.error} onRetry={() => setAttempt((n) => n + 1)} />

  const { merchant } = merchantState
  const commitmentOptions: ChoiceOption<string>[] = [
    ...merchant.commitments.map((c) => ({ value: c.key, label: c.title })),
    { value: NO_COMMITMENT, label: '不涉及 / 不确定', code: 'none' }
  ]

  return (
    <View {...root}>
      <CellGroup title='被投诉店铺'>
        <Cell className='complaint-form-merchant' title={merchant.name} description={`${merchant.townName} ${merchant.address}`} />
      </CellGroup>

      <ChoiceField className='field-category' label='投诉类别' options={CATEGORY_OPTIONS} value={draft.category} onChange={(v) => update('category', v)} error={errors.category} />

      {merchant.commitments.length > 0 ? (
        <ChoiceField className='field-commitment' label='商家违反了哪项承诺（选填）' required={false} options={commitmentOptions} value={draft.commitmentKey} onChange={(v) => update('commitmentKey', v)} error={errors.commitmentKey} />
      ) : null}

      <TextField
        className='field-description'
        label='发生了什么'
        required
        value={draft.description}
        onChange={(v) => update('description', v)}
        maxLength={1000}
        rows={5}
        placeholder='请写清楚时间、买了什么、出了什么问题、和商家沟通的情况（10–1000 字）'
        error={errors.description}
      />

      <View className='field-block field-purchase-date'>
        <Text className='field-label field-label--required'>购买日期</Text>
        <DateField
          title='选择购买日期'
          value={draft.purchaseDate}
          onChange={(v) => update('purchaseDate', v)}
          today={today}
          quick={PURCHASE_QUICK}
          min={addDays(today, -3 * 365)}
          max={today}
        />
        <FieldError message={errors.purchaseDate} />
      </View>

      <LineField
        className='field-amount'
        label='涉及金额（元，选填）'
        type='digit'
        value={draft.amount}
        placeholder='例如 128.50'
        maxLength={11}
        clearable
        onChange={(v) => update('amount', v)}
        error={errors.amount}
      />

      <ChoiceField className='field-outcome' label='您的诉求' options={OUTCOME_OPTIONS} value={draft.wantedOutcome} onChange={(v) => update('wantedOutcome', v)} error={errors.wantedOutcome} />

      <View className='field-block field-photos'>
        <Text className='field-label'>照片（小票、商品等，最多 {MAX_PHOTOS} 张，选填）</Text>
        {photos.length > 0 ? (
          <View className='photo-slots'>
            {photos.map((slot, index) => (
              <View key={slot.id} className={`photo-slot photo-slot--${slot.status}`}>
                <Image src={slot.picked.path} width='100%' height='100%' mode='aspectFill' radius={8} />
                {slot.status !== 'done' ? (
                  <Text className='photo-slot-status'>{slot.status === 'uploading' ? '上传中…' : '上传失败'}</Text>
                ) : null}
                <View className='photo-slot-actions'>
                  {slot.status === 'failed' ? (
                    <Text className='fx-tap photo-retry' {...tapName(`重新上传第 ${index + 1} 张照片`)} onClick={() => retryPhoto(slot)}>重试</Text>
                  ) : null}
                  <Text className='fx-tap photo-remove' {...tapName(`删除第 ${index + 1} 张照片`)} onClick={() => setPhotos((all) => all.filter((p) => p.id !== slot.id))}>
                    删除
                  </Text>
                </View>
              </View>
            ))}
          </View>
        ) : null}
        {photos.some((slot) => slot.error) ? (
          <Text className='field-hint'>{photos.find((slot) => slot.error)?.error}</Text>
        ) : null}
        {photos.length < MAX_PHOTOS ? (
          <Button className='add-photo' size='small' fill='outline' onClick={() => void addPhotos()}>
            添加照片（{photos.length}/{MAX_PHOTOS}）
          </Button>
        ) : null}
        <FieldError message={errors.photos} />
      </View>

      <LineField
        className='field-phone'
        label='联系电话（选填）'
        type='number'
        value={draft.phone}
        placeholder='11 位手机号，方便商家或工作人员联系您'
        maxLength={11}
        clearable
        onChange={(v) => update('phone', v)}
        error={errors.phone}
      >
        <Cell
          className='field-share-phone'
          title='允许商家查看我的手机号'
          description='关闭时商家只看到 138****8000 这样的号码；监管部门工作人员始终可见'
          extra={
            <Switch
              className='share-phone-switch'
              checked={draft.sharePhoneWithMerchant}
              disabled={!draft.phone.trim()}
              onChange={(checked) => update('sharePhoneWithMerchant', checked)}
            />
          }
        />
      </LineField>

      <View className='field-block consent-block'>
        <Checkbox
          className='field-consent'
          checked={draft.privacyConsent}
          onChange={(checked) => update('privacyConsent', checked)}
          label='我已阅读并同意《个人信息保护说明》'
        />
        <Text className='privacy-notice'>
          要点：您填写的投诉内容、照片和手机号仅用于处理本次投诉。商家可以看到投诉内容和照片；手机号默认只对您本人和监管部门工作人员完整显示，除非您选择允许商家查看。投诉办结满 {RETENTION}后，照片删除，手机号隐去。
        </Text>
        <PrivacyNoticeLink className='consent-notice-link' lead='全文：' />
        <FieldError message={errors.privacyConsent} />
      </View>

      {formError ? (
        <View className='form-error'>
          <Text className='form-error-text'>{formError.text}</Text>
          {formError.alreadyFiled ? (
            <Button className='open-my-complaints' size='small' type='primary' onClick={() => openOver(PAGES.myComplaints)}>
              查看我的投诉
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className='form-actions'>
        <Button className='submit-complaint' type='primary' block loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交投诉'}
        </Button>
      </View>
      <PrivacyConsentDialog />
    </View>
  )
}
