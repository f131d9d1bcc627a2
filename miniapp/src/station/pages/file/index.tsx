// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup, Checkbox, Switch } from '@nutui/nutui-react-taro'
import { COMPLAINT_CATEGORIES, INTAKE_CHANNELS, MerchantId, OUTCOMES, routes, stationRoutes, type MerchantPublicView, type TownCode } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { getMerchant } from '@/api/public-reads'
import { ChoiceField, optionsOf, type ChoiceOption } from '@/components/choices'
import { DateField, type QuickDate } from '@/components/date-field'
import { PhotoPicker, usePhotoUploads } from '@/components/photo-picker'
import { FieldError } from '@/components/state-views'
import { LineField, TextField } from '@/components/text-field'
import { PrivacyConsentDialog, PrivacyNoticeLink } from '@/components/privacy-consent'
import { fieldErrorsFromApi, type FieldErrors } from '@/lib/field-errors'
import { newIdempotencyKey } from '@/lib/ids'
import { PAGES, pageUrl, openOver } from '@/lib/navigation'
import { isRepeatedSubmission, repeatedSubmissionText } from '@/lib/repeat-submission'
import { useRequiredSession } from '@/lib/sign-in'
import { addDays, shanghaiToday } from '@/lib/time'
import { NotStationView, isStationSession } from '../../components/station-gate'
import { holdReceipt } from '../../receipt-memory'
import {
  EMPTY_STATION_DRAFT,
  SPOKEN_CONSENT_TEXT,
  stationFormErrors,
  stationRequestOf,
  townShopsNote,
  type StationChannel,
  type StationDraft,
  type TownShops
} from '../../station-form'
import '../../station.css'

const MAX_PHOTOS = 6
const NO_COMMITMENT = 'none'
const CATEGORY_OPTIONS = optionsOf(COMPLAINT_CATEGORIES)
const OUTCOME_OPTIONS = optionsOf(OUTCOMES)
const CHANNEL_OPTIONS: ChoiceOption<StationChannel>[] = [
  { value: 'walk_in', label: `现场（${INTAKE_CHANNELS.walk_in}）` },
  { value: 'phone', label: `电话（${INTAKE_CHANNELS.phone}）` }
]
const PURCHASE_QUICK: QuickDate[] = [
  { code: 'today', label: '今天', offset: 0 },
  { code: 'yesterday', label: '昨天', offset: -1 },
  { code: '2-days-ago', label: '前天', offset: -2 },
  { code: '7-days-ago', label: '一周前', offset: -7 }
]

type ShopState = { kind: 'none' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'chosen'; merchant: MerchantPublicView }

/**
 * 代为登记投诉: the station files for a consumer who walked in or phoned. The consumer's own form (the same
 * fields and checks), plus how the complaint came in, the consumer's name and phone, the spoken consent
 * (the text the station reads aloud) and whether to text the claim code. One Idempotency-Key per filing,
 * kept through retries until the server confirms, so a double tap or a retry files one complaint.
 */
export default function StationFilePage() {
  const session = useRequiredSession()
  const [shopCode, setShopCode] = useState('')
  const [shop, setShop] = useState<ShopState>({ kind: 'none' })
  const [townShops, setTownShops] = useState<TownShops>({ kind: 'loading' })
  const [draft, setDraft] = useState<StationDraft>(EMPTY_STATION_DRAFT)
  // The same photo slots as every other form: thumbnails with 重试 / 删除 as proper tap targets.
  const photos = usePhotoUploads(MAX_PHOTOS)
  const [showErrors, setShowErrors] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  // The earlier try went through: offer the ledger, not another submit.
  const [alreadyFiled, setAlreadyFiled] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const idempotencyKey = useRef<string>()
  const inFlight = useRef(false)
  const today = shanghaiToday(new Date())
  const townCode = session?.user.roles.station?.townCode

  // The shops of the station's own town, one tap each; any other shop by its code (the note says so when the
  // list could not load or is only the first 30).
  useEffect(() => {
    if (!townCode) return
    let current = true
    call(routes.directory, { query: { town: townCode as TownCode, limit: 30 } }).then(
      (page) =>
        current && setTownShops({ kind: 'loaded', items: page.items.map((item) => ({ id: item.id, name: item.name })), more: Boolean(page.nextCursor) }),
      () => current && setTownShops({ kind: 'failed' })
    )
    return () => {
      current = false
    }
  }, [townCode])

  const merchantId = shop.kind === 'chosen' ? shop.merchant.id : ''
  const errors: FieldErrors = useMemo(
    () => ({ ...(showErrors ? stationFormErrors(merchantId, draft, photos.slots, today) : {}), ...serverErrors }),
    [showErrors, merchantId, draft, photos.slots, today, serverErrors]
  )

  const update = <K extends keyof StationDraft>(field: K, value: StationDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }))
    setServerErrors((previous) => {
      if (!(field in previous)) return previous
      const { [field]: _dropped, ...rest } = previous
      return rest
    })
    setFormError(undefined)
    setAlreadyFiled(false)
  }

  const chooseShop = async (id: string) => {
    const parsed = MerchantId.safeParse(id)
    if (!parsed.success) {
      setShop({ kind: 'failed', message: parsed.error.issues[0]?.message ?? '请输入店铺编号' })
      return
    }
    setShop({ kind: 'loading' })
    setServerErrors(({ merchantId: _dropped, ...rest }) => rest)
    try {
      const merchant = await getMerchant(parsed.data)
      setShop({ kind: 'chosen', merchant })
      setDraft((previous) => ({ ...previous, commitmentKey: NO_COMMITMENT }))
    } catch (raw) {
      setShop({ kind: 'failed', message: toApiError(raw).message })
    }
  }

  const submit = async () => {
    if (inFlight.current) return
    setShowErrors(true)
    setFormError(undefined)
    setAlreadyFiled(false)
    if (shop.kind !== 'chosen') {
      setFormError('请先选择被投诉的店铺')
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
      return
    }
    const found = stationFormErrors(merchantId, draft, photos.slots, today)
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      void Taro.pageScrollTo({ selector: '.field-error', duration: 200 }).catch(() => undefined)
      return
    }
    idempotencyKey.current ??= newIdempotencyKey()
    inFlight.current = true
    setSubmitting(true)
    try {
      const filed = await call(stationRoutes.stationFileComplaint, {
        body: stationRequestOf(merchantId, draft, photos.slots),
        idempotencyKey: idempotencyKey.current
      })
      idempotencyKey.current = undefined
      const { complaint } = filed
      if (filed.claimCode && filed.claimCodeExpiresAt) {
        holdReceipt({
          complaintId: complaint.id,
          merchantName: complaint.merchant.name,
          consumerName: complaint.intake?.consumerName ?? draft.consumerName.trim(),
          channelLabel: complaint.intake?.channelLabel ?? '',
          filedAt: complaint.filedAt,
          claimCode: filed.claimCode,
          claimCodeExpiresAt: filed.claimCodeExpiresAt,
          claimCodeSms: filed.claimCodeSms ?? 'not_requested',
          reissued: false
        })
        void Taro.redirectTo({ url: pageUrl(PAGES.stationReceipt, { id: complaint.id }) })
      } else {
        // A replay of a filing that went through earlier: the code was answered then, once.
        void Taro.redirectTo({ url: pageUrl(PAGES.stationCase, { id: complaint.id, replayed: '1' }) })
      }
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error, '', 1)
      if (byField && !byField['Idempotency-Key']) {
        setServerErrors(byField)
        if (byField.merchantId) setFormError(byField.merchantId)
        void Taro.pageScrollTo({ selector: '.field-error', duration: 200 }).catch(() => undefined)
      } else if (isRepeatedSubmission(error)) {
        setFormError(repeatedSubmissionText('投诉', '投诉站台账'))
        setAlreadyFiled(true)
      } else if (error.code === 'NETWORK') {
        setFormError(`${error.message}。再次点击「提交并生成认领码」即可，不会重复登记。`)
      } else if (error.code !== 'UNAUTHENTICATED') {
        setFormError(error.message)
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  if (!isStationSession(session)) return <NotStationView session={session} />

  const merchant = shop.kind === 'chosen' ? shop.merchant : undefined
  const commitmentOptions: ChoiceOption<string>[] = [
    ...(merchant?.commitments ?? []).map((c) => ({ value: c.key, label: c.title })),
    { value: NO_COMMITMENT, label: '不涉及 / 不确定', code: 'none' }
  ]

  return (
    <View className='station-page page--form form-page station-file-form'>
      <CellGroup title='被投诉店铺'>
        {merchant ? (
          <Cell
            className='station-file-merchant'
            title={merchant.name}
            description={`${merchant.townName} ${merchant.address}`}
            extra={
              <Button size='small' fill='outline' className='change-shop' onClick={() => setShop({ kind: 'none' })}>
                更换
              </Button>
            }
          />
        ) : (
          <View className='field-block field-shop'>
            <LineField
              className='field-shop-code'
              label='店铺编号（店铺二维码下方的编号）'
              value={shopCode}
              maxLength={32}
              placeholder='例如 QH8K2M4P6R'
              clearable
              confirmType='search'
              onChange={(value) => setShopCode(String(value))}
              onConfirm={() => void chooseShop(shopCode.trim().toUpperCase())}
              error={shop.kind === 'failed' ? shop.message : undefined}
            />
            <View className='station-actions'>
              <Button className='find-shop' type='primary' size='small' loading={shop.kind === 'loading'} onClick={() => void chooseShop(shopCode.trim().toUpperCase())}>
                查找店铺
              </Button>
            </View>
            {townShops.kind === 'loaded' && townShops.items.length > 0 ? (
              <>
                <Text className='field-hint'>或选择本乡镇（街道）的放心消费店铺：</Text>
                {townShops.items.map((item) => (
                  <Cell key={item.id} className={`shop-pick shop-pick-${item.id}`} title={item.name} extra='选择' clickable onClick={() => void chooseShop(item.id)} />
                ))}
              </>
            ) : null}
            {townShopsNote(townShops) ? <Text className='field-hint town-shops-note'>{townShopsNote(townShops)}</Text> : null}
          </View>
        )}
      </CellGroup>

      <ChoiceField className='field-channel' label='受理方式' options={CHANNEL_OPTIONS} value={draft.channel} onChange={(v) => update('channel', v)} error={errors.channel} />

      <LineField
        className='field-consumer-name'
        label='消费者姓名'
        required
        value={draft.consumerName}
        maxLength={20}
        placeholder='消费者本人的姓名'
        clearable
        onChange={(v) => update('consumerName', String(v))}
        error={errors.consumerName}
      />
      <LineField
        className='field-consumer-phone'
        label='消费者手机号'
        required
        type='number'
        value={draft.consumerPhone}
        maxLength={11}
        placeholder='11 位手机号：用于回访和发送认领码'
        clearable
        onChange={(v) => update('consumerPhone', String(v))}
        error={errors.consumerPhone}
      />

      <ChoiceField className='field-category' label='投诉类别' options={CATEGORY_OPTIONS} value={draft.category} onChange={(v) => update('category', v)} error={errors.category} />
      {merchant && merchant.commitments.length > 0 ? (
        <ChoiceField
          className='field-commitment'
          label='商家违反了哪项承诺（选填）'
          required={false}
          options={commitmentOptions}
          value={draft.commitmentKey}
          onChange={(v) => update('commitmentKey', v)}
          error={errors.commitmentKey}
        />
      ) : null}
      <TextField
        className='field-description'
        label='发生了什么（按消费者的陈述填写）'
        required
        value={draft.description}
        onChange={(v) => update('description', v)}
        maxLength={1000}
        rows={5}
        placeholder='时间、买了什么、出了什么问题、和商家沟通的情况（10–1000 字）'
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
        onChange={(v) => update('amount', String(v))}
        error={errors.amount}
      />
      <ChoiceField className='field-outcome' label='消费者的诉求' options={OUTCOME_OPTIONS} value={draft.wantedOutcome} onChange={(v) => update('wantedOutcome', v)} error={errors.wantedOutcome} />

      <View className='field-block field-photos'>
        <Text className='field-label'>照片（小票、商品等，最多 {MAX_PHOTOS} 张，选填）</Text>
        <PhotoPicker uploads={photos} />
        <FieldError message={errors.photos} />
      </View>

      <View className='field-block consent-block'>
        <Text className='field-label field-label--required'>请向消费者读出以下说明，并征得其口头同意</Text>
        <Text className='consent-script'>{SPOKEN_CONSENT_TEXT}</Text>
        <PrivacyNoticeLink className='consent-notice-link' lead='消费者想了解更多时，可请其阅读' />
        <Checkbox
          className='field-spoken-consent'
          checked={draft.spokenConsent}
          onChange={(checked) => update('spokenConsent', checked)}
          label='已向消费者读出上述说明，消费者口头表示同意（将记录为口头同意）'
        />
        <FieldError message={errors.spokenConsent} />
      </View>

      <CellGroup>
        <Cell
          className='field-send-sms'
          title='短信发送认领码'
          description='同时把认领码发到消费者手机；无论是否发送，都可以打印受理回执交给消费者'
          extra={<Switch className='send-sms-switch' checked={draft.sendClaimCodeBySms} onChange={(checked) => update('sendClaimCodeBySms', checked)} />}
        />
      </CellGroup>

      {formError ? (
        <View className='station-form-error'>
          <Text className='station-form-error-text form-error-text'>{formError}</Text>
          {alreadyFiled ? (
            <Button className='open-station-ledger' size='small' type='primary' onClick={() => openOver(PAGES.stationLedger)}>
              查看投诉站台账
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className='station-actions'>
        <Button className='submit-station-complaint' type='primary' block loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交并生成认领码'}
        </Button>
      </View>
      <PrivacyConsentDialog />
    </View>
  )
}
