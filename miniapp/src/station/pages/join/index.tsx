// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RedeemStationCode, stationRoutes } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { LoadingView } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { PAGES } from '@/lib/navigation'
import { saveSession } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { useText } from '@/lib/use-text'
import '../../station.css'

/**
 * 加入投诉站: the one-time code the office (or the town's 市场监管所) issued ties this WeChat user to the
 * station. The server answers with a new session carrying the station, kept at once, and the person
 * lands on the station's workbench.
 */
export default function JoinStationPage() {
  const session = useRequiredSession()
  const [error, setError] = useState<string>()
  const [code, setCode] = useText(() => setError(undefined))
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)

  const submit = async () => {
    if (inFlight.current || !session) return
    const parsed = RedeemStationCode.safeParse({ code })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请输入绑定码')
      return
    }
    setError(undefined)
    inFlight.current = true
    setSubmitting(true)
    try {
      const next = await call(stationRoutes.redeemStationCode, { body: { code: parsed.data.code } })
      saveSession(next)
      void Taro.showToast({ title: '已加入投诉站', icon: 'success' })
      void Taro.redirectTo({ url: PAGES.stationHome })
    } catch (raw) {
      const failure = toApiError(raw)
      if (failure.code !== 'UNAUTHENTICATED') setError(failure.message)
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  if (!session) return <LoadingView text='正在登录…' />

  if (session.user.roles.station) {
    return (
      <View className='station-page'>
        <View className='station-card'>
          <Text className='station-card-title'>您已是投诉站工作人员</Text>
          <Text className='station-card-text'>如需调换投诉站，请联系县联席会议办公室。</Text>
          <Button className='open-station-home' type='primary' block onClick={() => void Taro.redirectTo({ url: PAGES.stationHome })}>
            进入投诉站工作台
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='station-page station-join'>
      <View className='station-card'>
        <Text className='station-card-title'>输入投诉站绑定码</Text>
        <Text className='station-card-text'>
          使用县联席会议办公室或本乡镇市场监管所发给您的绑定码。每个码只能使用一次，7 天内有效；输错次数过多需一小时后再试。
        </Text>
      </View>
      <LineField
        className='field-station-code'
        label='绑定码'
        required
        value={code}
        maxLength={14}
        placeholder='10 位字母或数字'
        clearable
        confirmType='done'
        onChange={setCode}
        onConfirm={() => void submit()}
        error={error}
      />
      <View className='station-actions'>
        <Button className='submit-station-code' type='primary' block loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在加入…' : '加入投诉站'}
        </Button>
      </View>
    </View>
  )
}
