// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ClaimComplaintRequest, stationRoutes } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { useScaledRoot } from '@/components/font-scale'
import { LoadingView } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { useText } from '@/lib/use-text'
import './index.css'

/**
 * 认领投诉: a consumer whose complaint a station filed (they walked in or phoned) enters the 8-digit code from
 * the receipt slip or the SMS; the complaint becomes theirs, to follow and rate in 我的投诉. A wrong, used or
 * expired code gets the server's one answer, which reveals nothing.
 */
export default function ClaimComplaintPage() {
  const session = useRequiredSession()
  const [error, setError] = useState<string>()
  const [code, setCode] = useText(() => setError(undefined))
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)
  const root = useScaledRoot('claim-page')

  const submit = async () => {
    if (inFlight.current || !session) return
    const parsed = ClaimComplaintRequest.safeParse({ code })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请输入认领码')
      return
    }
    setError(undefined)
    inFlight.current = true
    setSubmitting(true)
    try {
      const complaint = await call(stationRoutes.claimComplaint, { body: { code: parsed.data.code } })
      void Taro.showToast({ title: '认领成功', icon: 'success' })
      void Taro.redirectTo({ url: pageUrl(PAGES.complaint, { id: complaint.id }) })
    } catch (raw) {
      const failure = toApiError(raw)
      if (failure.code !== 'UNAUTHENTICATED') setError(failure.message)
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  if (!session) return <LoadingView text='正在登录…' />

  return (
    <View {...root}>
      <View className='claim-intro'>
        <Text className='claim-title'>输入认领码</Text>
        <Text className='claim-text'>
          在投诉站现场或电话投诉后，工作人员会给您一张受理回执，或把认领码发到您的手机。输入其中的 8 位数字认领码，就可以在「我的投诉」里查看处理进度、答复商家的方案并评价。认领码 30 天内有效，只能使用一次。
        </Text>
      </View>
      <LineField
        className='field-claim-code'
        label='认领码'
        required
        type='number'
        value={code}
        maxLength={9}
        placeholder='8 位数字'
        clearable
        confirmType='done'
        onChange={setCode}
        onConfirm={() => void submit()}
        error={error}
      />
      <View className='claim-actions'>
        <Button className='submit-claim' type='primary' block loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在认领…' : '认领投诉'}
        </Button>
        <Text className='claim-hint'>认领码遗失或过期，请联系为您登记投诉的投诉站重新生成。</Text>
      </View>
    </View>
  )
}
