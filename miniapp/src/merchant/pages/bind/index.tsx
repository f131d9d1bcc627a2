// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RedeemBinding, routes } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { LoadingView } from '@/components/state-views'
import { LineField } from '@/components/text-field'
import { PAGES, pageUrl } from '@/lib/navigation'
import { saveSession } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { useText } from '@/lib/use-text'
import './index.css'

/**
 * 绑定店铺: the one-time code from the bureau (店主) or from the shop's owner (店员) ties this WeChat user to
 * the shop. The server answers with a new session carrying the shop, kept at once, and the person lands
 * on the shop's management page.
 */
export default function BindPage() {
  const session = useRequiredSession()
  const [error, setError] = useState<string>()
  const [code, setCode] = useText(() => setError(undefined))
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)

  const submit = async () => {
    if (inFlight.current || !session) return
    const parsed = RedeemBinding.safeParse({ code })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请输入绑定码')
      return
    }
    setError(undefined)
    inFlight.current = true
    setSubmitting(true)
    const before = new Set(session.user.roles.merchantIds)
    try {
      const next = await call(routes.redeemBinding, { body: { code: parsed.data.code } })
      saveSession(next)
      const shops = next.user.roles.merchantIds
      const bound = shops.find((id) => !before.has(id)) ?? (shops.length === 1 ? shops[0] : undefined)
      void Taro.showToast({ title: '绑定成功', icon: 'success' })
      void Taro.redirectTo({ url: bound ? pageUrl(PAGES.merchantShop, { id: bound }) : PAGES.merchantQueue })
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
    <View className='bind-page'>
      <View className='bind-intro'>
        <Text className='bind-title'>输入绑定码</Text>
        <Text className='bind-text'>
          店主：使用市场监管部门在审核通过后发给您的绑定码。店员：使用店主在「店铺管理」里生成的邀请码。每个码只能使用一次，14 天内有效。
        </Text>
      </View>
      <LineField
        className='field-binding-code'
        label='绑定码'
        required
        value={code}
        maxLength={12}
        placeholder='8 位字母或数字'
        clearable
        confirmType='done'
        onChange={setCode}
        onConfirm={() => void submit()}
        error={error}
      />
      <View className='form-actions'>
        <Button className='submit-binding' type='primary' block loading={submitting} onClick={() => void submit()}>
          {submitting ? '正在绑定…' : '绑定'}
        </Button>
      </View>
    </View>
  )
}
