// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { STATION_PLACE_TYPES, TOWNS, stationRoutes, type StationInvitation, type StationView } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { ChoiceField, optionsOf } from '@/components/choices'
import { EmptyView, ErrorView, LoadingView, PageNotice, type Notice } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { PrivacyNoticeLink } from '@/components/privacy-consent'
import { fieldErrorsFromApi, type FieldErrors } from '@/lib/field-errors'
import { newIdempotencyKey } from '@/lib/ids'
import { answerMayBeLost, isRepeatedSubmission, repeatedSubmissionText } from '@/lib/repeat-submission'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import { EMPTY_STATION, stationDraftErrors, stationPowers, stationRequestOf, type StationDraft } from '../../station-draft'
import './index.css'

const TOWN_OPTIONS = optionsOf(TOWNS)
const PLACE_OPTIONS = optionsOf(STATION_PLACE_TYPES)

/**
 * 投诉站管理: the complaint stations (消费维权服务站) in the person's jurisdiction. County admins register new
 * ones; admins and the town's regulators issue a one-time binding code for a new member of a station's
 * staff, shown here with its expiry, to be handed over in person.
 */
export default function StationsPage() {
  const session = useRequiredSession()
  const staff = session?.user.roles.staff
  const powers = stationPowers(staff)
  const [notice, setNotice] = useState<Notice>()
  const [registering, setRegistering] = useState(false)
  const [codes, setCodes] = useState<Record<string, StationInvitation>>({})
  const [inviting, setInviting] = useState<string>()
  // One request number per station's new code until answered: a retry after a lost answer gets the same code.
  const inviteKeys = useRef<Record<string, string>>({})
  const { state, reload } = useLoad(() => call(stationRoutes.stations, {}), session?.user.id ?? '', Boolean(staff))

  const invite = async (station: StationView) => {
    if (inviting) return
    setInviting(station.id)
    setNotice(undefined)
    try {
      const idempotencyKey = (inviteKeys.current[station.id] ??= newIdempotencyKey())
      const invitation = await call(stationRoutes.inviteStationStaff, { params: { id: station.id }, idempotencyKey })
      delete inviteKeys.current[station.id]
      setCodes((previous) => ({ ...previous, [station.id]: invitation }))
    } catch (raw) {
      const failure = toApiError(raw)
      if (!answerMayBeLost(failure)) delete inviteKeys.current[station.id]
      if (failure.code !== 'UNAUTHENTICATED') setNotice({ kind: 'error', text: failure.message })
    } finally {
      setInviting(undefined)
    }
  }

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以管理投诉站。' />

  return (
    <View className='stations-page'>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />
      <Text className='stations-intro'>
        投诉站（消费维权服务站）设在集贸市场、商场超市、旅游景区和乡镇（街道）便民服务中心，代不便使用手机的消费者登记投诉。工作人员凭绑定码加入投诉站。
      </Text>
      {powers.register ? (
        registering ? (
          <RegisterForm
            onCancel={() => setRegistering(false)}
            onShowList={() => {
              setRegistering(false)
              void reload()
            }}
            onDone={(station) => {
              setRegistering(false)
              setNotice({ kind: 'success', text: `已登记「${station.name}」。可为其工作人员发放绑定码。` })
              void reload()
            }}
          />
        ) : (
          <View className='stations-actions'>
            <Button className='open-register-station' type='primary' block onClick={() => setRegistering(true)}>
              登记投诉站
            </Button>
          </View>
        )
      ) : null}

      {state.kind === 'loading' ? <LoadingView text='正在加载投诉站…' /> : null}
      {state.kind === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' && state.value.items.length === 0 ? (
        <EmptyView title='辖区内还没有投诉站' description={powers.register ? '点「登记投诉站」添加第一个' : '投诉站由县联席会议办公室管理员登记'} />
      ) : null}
      {state.kind === 'loaded'
        ? state.value.items.map((station) => {
            const code = codes[station.id]
            return (
              <View key={station.id} className={`station-item station-item-${station.id}`}>
                <Text className='station-item-name'>{station.name}</Text>
                <Text className='station-item-line'>
                  {station.townName} · {station.placeTypeLabel}
                </Text>
                <Text className='station-item-line'>{station.address}</Text>
                <Text className='station-item-line'>
                  联系人 {station.contactName} {station.contactPhone}
                </Text>
                {code ? (
                  <View className='station-code'>
                    <Text className='station-code-label'>工作人员绑定码</Text>
                    <Text className='station-code-value' userSelect>
                      {code.code}
                    </Text>
                    <Text className='station-item-line'>
                      {formatShanghaiTime(code.expiresAt)} 前有效，只能使用一次。请当面交给投诉站工作人员：在小程序首页点「加入投诉站」输入。
                    </Text>
                  </View>
                ) : null}
                {powers.invite ? (
                  <Button
                    className='invite-station-staff'
                    size='small'
                    fill='outline'
                    type='primary'
                    loading={inviting === station.id}
                    onClick={() => void invite(station)}
                  >
                    {code ? '再发一个绑定码' : '发放工作人员绑定码'}
                  </Button>
                ) : null}
              </View>
            )
          })
        : null}
    </View>
  )
}

/**
 * 登记投诉站: checked field by field with the contract; one Idempotency-Key per form, kept through retries.
 * `onShowList` closes the form and refreshes the list, for when an earlier try was most likely recorded.
 */
function RegisterForm({ onCancel, onShowList, onDone }: { onCancel: () => void; onShowList: () => void; onDone: (station: StationView) => void }) {
  const [draft, setDraft] = useState<StationDraft>(EMPTY_STATION)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [alreadyRegistered, setAlreadyRegistered] = useState(false)
  const [saving, setSaving] = useState(false)
  const key = useRef<string>()
  const inFlight = useRef(false)

  const update = <K extends keyof StationDraft>(field: K, value: StationDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }))
    setErrors(({ [field]: _dropped, ...rest }) => rest)
    setFormError(undefined)
    setAlreadyRegistered(false)
  }

  const submit = async () => {
    if (inFlight.current) return
    setFormError(undefined)
    setAlreadyRegistered(false)
    const found = stationDraftErrors(draft)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    key.current ??= newIdempotencyKey()
    inFlight.current = true
    setSaving(true)
    try {
      const station = await call(stationRoutes.registerStation, { body: stationRequestOf(draft), idempotencyKey: key.current })
      key.current = undefined
      onDone(station)
    } catch (raw) {
      const failure = toApiError(raw)
      const byField = fieldErrorsFromApi(failure, '', 1)
      if (byField) setErrors(byField)
      else if (isRepeatedSubmission(failure)) {
        setFormError(repeatedSubmissionText('投诉站登记', '投诉站列表'))
        setAlreadyRegistered(true)
      } else if (failure.code === 'NETWORK') setFormError(`${failure.message}。再次点击「登记」即可，不会重复登记。`)
      else if (failure.code !== 'UNAUTHENTICATED') setFormError(failure.message)
    } finally {
      inFlight.current = false
      setSaving(false)
    }
  }

  return (
    <View className='register-station-form'>
      <LineField className='field-station-name' label='投诉站名称' required value={draft.name} maxLength={40} placeholder='例如 城关农贸市场消费维权服务站' onChange={(v) => update('name', String(v))} error={errors.name} />
      <ChoiceField className='field-station-town' label='所在乡镇（街道）' options={TOWN_OPTIONS} value={draft.townCode} onChange={(v) => update('townCode', v)} error={errors.townCode} />
      <ChoiceField className='field-station-place' label='设站场所' vertical options={PLACE_OPTIONS} value={draft.placeType} onChange={(v) => update('placeType', v)} error={errors.placeType} />
      <LineField className='field-station-address' label='地址' required value={draft.address} maxLength={80} onChange={(v) => update('address', String(v))} error={errors.address} />
      <LineField className='field-station-contact' label='联系人' required value={draft.contactName} maxLength={20} onChange={(v) => update('contactName', String(v))} error={errors.contactName} />
      <LineField
        className='field-station-phone'
        label='联系电话'
        required
        value={draft.contactPhone}
        maxLength={13}
        placeholder='手机号或带区号的座机号'
        onChange={(v) => update('contactPhone', String(v))}
        error={errors.contactPhone}
      />
      <PrivacyNoticeLink className='station-notice-link' lead='联系人的姓名和电话按此处理，请告知本人：' />
      {formError ? <Text className='field-error register-error'>{formError}</Text> : null}
      {alreadyRegistered ? (
        <View className='stations-actions'>
          <Button className='show-station-list' type='primary' block onClick={onShowList}>
            查看投诉站列表
          </Button>
        </View>
      ) : null}
      <View className='stations-actions'>
        <Button className='submit-register-station' type='primary' block loading={saving} onClick={() => void submit()}>
          登记
        </Button>
        <Button fill='none' block disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
