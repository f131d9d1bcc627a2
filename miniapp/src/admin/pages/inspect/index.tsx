// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useMemo, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Tag } from '@nutui/nutui-react-taro'
import { FINDING_RESULT_LABELS, INSPECTION_MODE_LABELS, routes, type ChecklistView, type FindingResult, type InspectionMode, type MerchantPublicView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { getMerchant } from '@/api/public-reads'
import { ChoiceField, Choices, type ChoiceOption } from '@/components/choices'
import { DateField, type QuickDate } from '@/components/date-field'
import { PhotoField } from '@/components/photo-picker'
import { ErrorView, FieldError, LoadingView } from '@/components/state-views'
import { TextField } from '@/components/text-field'
import { decodedParam } from '@/lib/decode'
import type { FieldErrors } from '@/lib/field-errors'
import { newIdempotencyKey } from '@/lib/ids'
import { PAGES, pageUrl, openOver } from '@/lib/navigation'
import { isRepeatedSubmission, repeatedSubmissionText } from '@/lib/repeat-submission'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { addDays, shanghaiToday } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import {
  draftFieldOf,
  emptyItem,
  inspectionDraftErrors,
  inspectionRequestOf,
  newInspectionDraft,
  progressOf,
  setResult,
  updateItem,
  type InspectionDraft
} from '../../inspection-draft'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../../components/campaign.css'
import './index.css'

const MODE_OPTIONS: ChoiceOption<InspectionMode>[] = (Object.keys(INSPECTION_MODE_LABELS) as InspectionMode[]).map((mode) => ({
  value: mode,
  label: INSPECTION_MODE_LABELS[mode]
}))
const RESULT_OPTIONS: ChoiceOption<FindingResult>[] = (Object.keys(FINDING_RESULT_LABELS) as FindingResult[]).map((result) => ({
  value: result,
  label: FINDING_RESULT_LABELS[result]
}))
const INSPECTED_QUICK: QuickDate[] = [
  { code: 'today', label: '今天', offset: 0 },
  { code: 'yesterday', label: '昨天', offset: -1 }
]
const DEADLINE_QUICK: QuickDate[] = [
  { code: 'in-7-days', label: '7 天内', offset: 7 },
  { code: 'in-15-days', label: '15 天内', offset: 15 },
  { code: 'in-30-days', label: '30 天内', offset: 30 }
]

interface Loaded {
  checklist: ChecklistView
  shop: MerchantPublicView
}

/**
 * 明查暗访 of one shop: open or mystery, the checklist item by item (合格 / 不合格 / 不适用, with a note and
 * photos), and for a failed item a rectification order (整改通知) with requirements and a deadline. Items left
 * unmarked are not recorded. Sent once with an Idempotency-Key made for this form and kept through retries,
 * so a double tap or a retry after a lost answer records one inspection; nothing typed is lost on failure.
 */
export default function InspectPage() {
  const { params } = useRouter()
  const merchantId = decodedParam(params.merchantId)
  const session = useRequiredSession()
  const today = shanghaiToday(new Date())
  const loaded = useLoad<Loaded>(
    async () => {
      const [checklist, shop] = await Promise.all([call(routes.inspectionChecklist, { query: {} }), getMerchant(merchantId ?? '')])
      return { checklist, shop }
    },
    `${merchantId ?? ''}|${session?.user.id ?? ''}`,
    Boolean(merchantId) && isStaffUser(session?.user)
  )

  if (!merchantId) return <ErrorView error={new ApiError('INVALID', '请先在「明查暗访」中选择要检查的店铺')} />
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以开展明查暗访。' />
  if (loaded.state.kind === 'loading') return <LoadingView text='正在加载检查表…' />
  if (loaded.state.kind === 'failed') return <ErrorView error={loaded.state.error} onRetry={() => void loaded.reload()} />
  return <InspectionForm merchantId={merchantId} today={today} {...loaded.state.value} />
}

function InspectionForm({ merchantId, today, checklist, shop }: Loaded & { merchantId: string; today: string }) {
  const [draft, setDraft] = useState<InspectionDraft>(() => newInspectionDraft(merchantId, checklist.version, today))
  const [showErrors, setShowErrors] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  // The earlier try went through: offer the inspection list, not another submit.
  const [alreadyRecorded, setAlreadyRecorded] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  // Per checklist item, why its photos keep the form from being sent (on their way, or failed).
  const [photoProblems, setPhotoProblems] = useState<Record<string, string | undefined>>({})
  const idempotencyKey = useRef<string>()
  const inFlight = useRef(false)
  const codes = useMemo(() => checklist.items.map((item) => item.code), [checklist])
  const errors: FieldErrors = useMemo(
    () => ({ ...(showErrors ? inspectionDraftErrors(draft, codes) : {}), ...serverErrors }),
    [showErrors, draft, codes, serverErrors]
  )
  const progress = progressOf(draft, codes)

  const change = (next: InspectionDraft) => {
    setDraft(next)
    setServerErrors({})
    setFormError(undefined)
    setAlreadyRecorded(false)
  }

  const submit = async () => {
    if (inFlight.current) return
    setShowErrors(true)
    setFormError(undefined)
    setAlreadyRecorded(false)
    const photoProblem = Object.values(photoProblems).find(Boolean)
    if (photoProblem) {
      setFormError(photoProblem)
      return
    }
    const found = inspectionDraftErrors(draft, codes)
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      void Taro.pageScrollTo({ selector: '.field-error', duration: 200 }).catch(() => undefined)
      return
    }
    // One key for this inspection, kept until the server has recorded it (a retry repeats, never doubles).
    idempotencyKey.current ??= newIdempotencyKey()
    inFlight.current = true
    setSubmitting(true)
    try {
      const recorded = await call(routes.recordInspection, { body: inspectionRequestOf(draft, codes), idempotencyKey: idempotencyKey.current })
      idempotencyKey.current = undefined
      void Taro.showToast({ title: '检查已记录', icon: 'success' })
      void Taro.redirectTo({ url: pageUrl(PAGES.inspection, { id: recorded.id }) })
    } catch (raw) {
      const error = toApiError(raw)
      if (error.code === 'INVALID' && error.field && error.field !== 'Idempotency-Key') {
        setServerErrors({ [draftFieldOf(draft, codes, error.field)]: error.message })
        setFormError(error.message)
      } else if (isRepeatedSubmission(error)) {
        setFormError(repeatedSubmissionText('检查结果', '明查暗访 › 检查记录'))
        setAlreadyRecorded(true)
      } else if (error.code === 'NETWORK') {
        setFormError(`${error.message}。再次点击「提交检查结果」即可，不会重复记录。`)
      } else if (error.code !== 'UNAUTHENTICATED') {
        setFormError(error.message)
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return (
    <View className='page page--form form-page campaign-page inspect-form'>
      <View className='card inspect-shop-card'>
        <Text className='card-title inspect-shop-name'>{shop.name}</Text>
        <Text className='inspect-line'>
          {shop.townName} · {shop.address}
        </Text>
        <Text className='inspect-line'>检查表第 {checklist.version} 版（{checklist.effectiveFrom} 起施行）</Text>
      </View>
      <ChoiceField className='field-mode' label='检查方式' required options={MODE_OPTIONS} value={draft.mode} onChange={(mode) => change({ ...draft, mode })} error={errors.mode} />
      <View className='field-block field-inspected-on'>
        <Text className='field-label field-label--required'>检查日期</Text>
        <DateField
          title='选择检查日期'
          value={draft.inspectedOn}
          onChange={(inspectedOn) => change({ ...draft, inspectedOn })}
          today={today}
          quick={INSPECTED_QUICK}
          min={addDays(today, -30)}
          max={today}
        />
        <FieldError message={errors.inspectedOn} />
      </View>

      <Text className='section-hint inspect-progress'>
        已检查 {progress.marked}/{progress.total} 项，不合格 {progress.failed} 项，下达整改 {progress.orders} 项。未检查的项目不记录。
      </Text>
      <FieldError message={errors.findings} />

      {checklist.categories.map((category) => (
        <View key={category.code} className={`check-category check-category--${category.code}`}>
          <Text className='section-title'>{category.label}</Text>
          {checklist.items
            .filter((item) => item.category === category.code)
            .map((item) => {
              const entry = draft.items[item.code] ?? emptyItem()
              const key = (field: string) => `item.${item.code}.${field}`
              return (
                <View key={item.code} className={`card check-item check-item--${item.code} ${entry.result ? `check-item--${entry.result}` : ''}`}>
                  <View className='card-head small-tags'>
                    <Text className='card-title'>
                      {item.code} {item.label}
                    </Text>
                    {item.bottomLine ? (
                      <Tag plain background='#d93026'>
                        考核底线
                      </Tag>
                    ) : null}
                  </View>
                  <Text className='inspect-line'>检查要点：{item.lookFor}</Text>
                  <View className='check-result'>
                    <Choices options={RESULT_OPTIONS} value={entry.result} onChange={(result) => change(setResult(draft, item.code, result))} optionClassPrefix='result-' />
                  </View>
                  {entry.result ? (
                    <>
                      <TextField
                        className='field-note'
                        label={entry.result === 'fail' ? '检查情况（必填）' : '检查情况（选填）'}
                        required={entry.result === 'fail'}
                        value={entry.note}
                        onChange={(note) => change(updateItem(draft, item.code, (current) => ({ ...current, note })))}
                        maxLength={500}
                        rows={2}
                        placeholder='看到了什么、在哪里、涉及哪些商品'
                        error={errors[key('note')]}
                      />
                      <View className='field-block field-item-photos'>
                        <PhotoField
                          max={6}
                          label='拍照取证'
                          onChange={(photos, problem) => {
                            setDraft((current) => updateItem(current, item.code, (it) => ({ ...it, photos })))
                            setPhotoProblems((all) => ({ ...all, [item.code]: problem }))
                          }}
                        />
                        <FieldError message={errors[key('photos')] ?? (showErrors ? photoProblems[item.code] : undefined)} />
                      </View>
                    </>
                  ) : null}
                  {entry.result === 'fail' ? (
                    <View className='order-block'>
                      <Checkbox
                        className='issue-order'
                        checked={entry.order.issue}
                        onChange={(issue) => change(updateItem(draft, item.code, (current) => ({ ...current, order: { ...current.order, issue } })))}
                        label='下达整改通知'
                      />
                      {entry.order.issue ? (
                        <>
                          <TextField
                            className='field-requirements'
                            label='整改要求'
                            required
                            value={entry.order.requirements}
                            onChange={(requirements) =>
                              change(updateItem(draft, item.code, (current) => ({ ...current, order: { ...current.order, requirements } })))
                            }
                            maxLength={500}
                            rows={2}
                            placeholder='店铺需要做什么（4–500 字）'
                            error={errors[key('requirements')]}
                          />
                          <View className='field-block field-deadline'>
                            <Text className='field-label field-label--required'>整改期限（当日 24 时前）</Text>
                            <DateField
                              title='选择整改期限'
                              value={entry.order.deadline}
                              onChange={(deadline) =>
                                change(updateItem(draft, item.code, (current) => ({ ...current, order: { ...current.order, deadline } })))
                              }
                              today={today}
                              quick={DEADLINE_QUICK}
                              min={today}
                              max={addDays(today, 90)}
                            />
                            <FieldError message={errors[key('deadline')]} />
                          </View>
                        </>
                      ) : null}
                    </View>
                  ) : null}
                </View>
              )
            })}
        </View>
      ))}

      <TextField
        className='field-remarks'
        label='检查总体情况（选填，仅工作人员可见）'
        value={draft.remarks}
        onChange={(remarks) => change({ ...draft, remarks })}
        maxLength={1000}
        rows={3}
        error={errors.remarks}
      />
      {formError ? (
        <View className='form-error'>
          <Text className='form-error-text'>{formError}</Text>
          {alreadyRecorded ? (
            <Button className='open-inspection-records' size='small' type='primary' onClick={() => openOver(pageUrl(PAGES.inspections, { tab: 'records' }))}>
              查看检查记录
            </Button>
          ) : null}
        </View>
      ) : null}
      <View className='form-actions'>
        <Button className='submit-inspection' type='primary' block loading={submitting} onClick={() => void submit()}>
          提交检查结果
        </Button>
      </View>
    </View>
  )
}
