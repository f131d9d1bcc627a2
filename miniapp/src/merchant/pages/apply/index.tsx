// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  AREA_TYPES,
  MERCHANT_TYPES,
  MerchantApplication,
  SECTORS,
  TOWNS,
  Uscc,
  normalizeUscc,
  routes,
  type AreaTypeCode,
  type MerchantRegistryView,
  type MerchantTypeCode,
  type SectorCode,
  type TownCode
} from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { ChoiceField, optionsOf } from '@/components/choices'
import { LoadingView } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { PrivacyNoticeLink } from '@/components/privacy-consent'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { newIdempotencyKey } from '@/lib/ids'
import { PAGES } from '@/lib/navigation'
import { isRepeatedSubmission } from '@/lib/repeat-submission'
import { useRequiredSession } from '@/lib/sign-in'
import { CommitmentPicker, commitmentChoices, emptyCommitmentDraft, type CommitmentDraft } from '../../components/commitment-picker'
import './index.css'

const TYPE_OPTIONS = optionsOf<MerchantTypeCode>(MERCHANT_TYPES)
const SECTOR_OPTIONS = optionsOf<SectorCode>(SECTORS)
const TOWN_OPTIONS = optionsOf<TownCode>(TOWNS)
const AREA_OPTIONS = optionsOf<AreaTypeCode>(AREA_TYPES)

interface Draft {
  name: string
  type?: MerchantTypeCode
  uscc: string
  sector?: SectorCode
  townCode?: TownCode
  areaType?: AreaTypeCode
  address: string
  contactName: string
  contactPhone: string
  commitments: CommitmentDraft
}

/** Where the shop is and whom the bureau calls: one-line fields, all required. */
const CONTACT_FIELDS: ReadonlyArray<{
  field: 'address' | 'contactName' | 'contactPhone'
  className: string
  label: string
  maxLength: number
  placeholder: string
  type?: 'number'
}> = [
  { field: 'address', className: 'field-address', label: '经营地址', maxLength: 100, placeholder: '街道、门牌号' },
  { field: 'contactName', className: 'field-contact-name', label: '联系人', maxLength: 20, placeholder: '负责人姓名' },
  { field: 'contactPhone', className: 'field-contact-phone', label: '联系电话', maxLength: 11, placeholder: '11 位手机号，仅监管部门可见', type: 'number' }
]

const EMPTY_DRAFT: Draft = {
  name: '',
  uscc: '',
  address: '',
  contactName: '',
  contactPhone: '',
  commitments: emptyCommitmentDraft()
}

/** The request body as the contract wants it (unchosen choices left unset, so the schema names them). */
function requestOf(draft: Draft): MerchantApplication {
  return {
    name: draft.name,
    type: draft.type as MerchantTypeCode,
    uscc: draft.uscc,
    sector: draft.sector as SectorCode,
    townCode: draft.townCode as TownCode,
    areaType: draft.areaType as AreaTypeCode,
    address: draft.address,
    contactName: draft.contactName,
    contactPhone: draft.contactPhone.trim(),
    commitments: commitmentChoices(draft.commitments)
  }
}

function validate(draft: Draft): FieldErrors {
  const parsed = MerchantApplication.safeParse(requestOf(draft))
  return parsed.success ? {} : fieldErrorsOf(parsed.error.issues)
}

/**
 * The 统一社会信用代码 as it is typed, checked with the server's own rule: nothing while the person is still
 * typing the first 18 characters, the reason once the code is complete (or the field is left).
 */
function usccFeedback(raw: string, left: boolean): { error?: string; normalized?: string } {
  if (raw.trim() === '') return {}
  const parsed = Uscc.safeParse(raw)
  if (parsed.success) return { normalized: parsed.data }
  if (!left && [...normalizeUscc(raw)].length < 18) return {}
  return { error: parsed.error.issues[0]?.message }
}

/**
 * 商户申请参创 (README, 商户登记与公示): the shop's registry facts and the commitments it will
 * make in public. The form is checked with the contract's schema, field by field, before it is sent; the
 * application then waits for the county office's review, which issues the owner's binding code.
 */
export default function ApplyPage() {
  const session = useRequiredSession()
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT)
  const [showErrors, setShowErrors] = useState(false)
  const [usccLeft, setUsccLeft] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const [submitted, setSubmitted] = useState<MerchantRegistryView>()
  // State lands after the next render; a second tap in the same tick must see the first.
  const inFlight = useRef(false)
  // One request number until the server confirms: a retry after a lost answer is answered the application it made.
  const idempotencyKey = useRef<string>()

  const uscc = usccFeedback(draft.uscc, usccLeft || showErrors)
  const errors: FieldErrors = useMemo(
    () => ({ ...(showErrors ? validate(draft) : {}), ...serverErrors }),
    [showErrors, draft, serverErrors]
  )

  const update = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }))
    setServerErrors((previous) => {
      const kept = Object.entries(previous).filter(([path]) => path !== field && !path.startsWith(`${field}.`))
      return kept.length === Object.keys(previous).length ? previous : Object.fromEntries(kept)
    })
    setFormError(undefined)
  }

  const submit = async () => {
    if (inFlight.current) return
    setShowErrors(true)
    setFormError(undefined)
    if (Object.keys(validate(draft)).length > 0) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      void Taro.pageScrollTo({ selector: '.field-error', duration: 200 }).catch(() => undefined)
      return
    }
    inFlight.current = true
    setSubmitting(true)
    try {
      idempotencyKey.current ??= newIdempotencyKey()
      const merchant = await call(routes.applyForMerchant, { body: requestOf(draft), idempotencyKey: idempotencyKey.current })
      idempotencyKey.current = undefined
      setSubmitted(merchant)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error)
      if (isRepeatedSubmission(error)) {
        // The form changed after a try that went through. The business's code is held by that application, so
        // a fresh number cannot make a second one: it is answered 「已有参创申请在审核中」 instead.
        idempotencyKey.current = undefined
        setFormError('这份参创申请很可能已经提交成功，请勿重复提交。审核通过后，市场监管部门会把店主绑定码交给您；如需修改申请，请联系县消费者权益保护工作办公室。')
      } else if (byField) {
        setServerErrors(byField)
        void Taro.pageScrollTo({ selector: '.field-error', duration: 200 }).catch(() => undefined)
      } else if (error.code !== 'UNAUTHENTICATED') {
        setFormError(error.code === 'NETWORK' ? `${error.message}。请稍后再点「提交申请」，不会重复提交。` : error.message)
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  if (!session) return <LoadingView text='正在登录…' />
  if (submitted) return <Submitted merchant={submitted} />

  return (
    <View className='page page--form form-page apply-form'>
      <View className='page-intro page-intro--warn'>
        <Text className='page-intro-text'>
          经营者自愿申请参加放心消费创建。提交后由县放心消费创建联席会议办公室审核，通过后发放店铺二维码和店主绑定码；承诺将在店铺页面向消费者公示。
        </Text>
      </View>

      <LineField
        className='field-name'
        label='店铺名称'
        required
        value={draft.name}
        maxLength={50}
        placeholder='与营业执照一致，如「清河县某某超市」'
        onChange={(v) => update('name', v)}
        error={errors.name}
      />

      <ChoiceField className='field-type' label='主体类型' options={TYPE_OPTIONS} value={draft.type} onChange={(v) => update('type', v)} error={errors.type} />

      <LineField
        className='field-uscc'
        label='统一社会信用代码'
        required
        value={draft.uscc}
        maxLength={24}
        placeholder='营业执照上的 18 位代码'
        onChange={(v) => {
          update('uscc', v)
          setUsccLeft(false)
        }}
        onBlur={() => {
          setUsccLeft(true)
          // Show the code as it will be registered (half-width, upper case).
          if (uscc.normalized && uscc.normalized !== draft.uscc) update('uscc', uscc.normalized)
        }}
        error={errors.uscc ?? uscc.error}
      >
        {/* Never beside an error: a code that checks out has none. */}
        {uscc.normalized && !errors.uscc ? <Text className='field-hint uscc-ok'>✓ 代码校验通过：{uscc.normalized}</Text> : null}
      </LineField>

      <ChoiceField className='field-sector' label='行业' options={SECTOR_OPTIONS} value={draft.sector} onChange={(v) => update('sector', v)} error={errors.sector} />

      <ChoiceField className='field-town' label='所在乡镇（街道）' options={TOWN_OPTIONS} value={draft.townCode} onChange={(v) => update('townCode', v)} error={errors.townCode} />

      <ChoiceField className='field-area' label='所在区域' options={AREA_OPTIONS} value={draft.areaType} onChange={(v) => update('areaType', v)} error={errors.areaType} />

      {CONTACT_FIELDS.map(({ field, ...props }) => (
        <LineField key={field} {...props} required value={draft[field]} onChange={(v) => update(field, v)} error={errors[field]} />
      ))}
      <PrivacyNoticeLink className='apply-notice-link' lead='联系人姓名和手机号只用于审核和工作联系，见' />

      <View className='field-block field-commitments'>
        <Text className='field-label field-label--required'>本店承诺（向消费者公示）</Text>
        <CommitmentPicker value={draft.commitments} onChange={(v) => update('commitments', v)} errors={errors} />
      </View>

      {formError ? (
        <View className='form-error'>
          <Text className='form-error-text'>{formError}</Text>
        </View>
      ) : null}

      <View className='form-actions'>
        <Button className='submit-application' type='primary' block loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交申请'}
        </Button>
      </View>
    </View>
  )
}

function Submitted({ merchant }: { merchant: MerchantRegistryView }) {
  return (
    <View className='application-submitted'>
      <Text className='application-submitted-glyph'>✓</Text>
      <Text className='application-submitted-title'>已提交，等待审核</Text>
      <Text className='application-submitted-text'>
        「{merchant.name}」的参创申请已提交。审核通过后，市场监管部门会把店主绑定码交给您，在「绑定店铺」输入即可管理店铺。
      </Text>
      <View className='application-id-box'>
        <Text className='application-id-label'>申请编号（店铺编号）</Text>
        <Text className='application-id' userSelect>
          {merchant.id}
        </Text>
      </View>
      <View className='form-actions'>
        <Button className='go-bind' type='primary' block onClick={() => void Taro.redirectTo({ url: PAGES.merchantBind })}>
          已有绑定码，去绑定店铺
        </Button>
        <Button className='go-home' fill='outline' block onClick={() => void Taro.reLaunch({ url: PAGES.home })}>
          返回首页
        </Button>
      </View>
    </View>
  )
}
