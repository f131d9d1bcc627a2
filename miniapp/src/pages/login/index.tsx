import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { DEMO_PERSONAS, type DemoPersona } from '@fangxin/shared'
import { toApiError } from '@/api/client'
import { decodedParam } from '@/lib/decode'
import { returnAfterSignIn } from '@/lib/navigation'
import { clearSession, describeRoles, useSession } from '@/lib/session'
import { signInAsDemo, signInWithWeChat } from '@/lib/sign-in'
import '@/components/common.css'
import { PrivacyNoticeLink } from '@/components/privacy-consent'
import { useScaledRoot } from '@/components/font-scale'
import './index.css'

const PERSONAS = Object.entries(DEMO_PERSONAS) as Array<[DemoPersona, string]>

/**
 * Sign-in. In the mini-program: 微信登录 (`wx.login`, nothing to type). In the H5 preview of the local
 * product there is no WeChat, so the demo people are listed instead; each signs in through the stand-in
 * WeChat server exactly as a phone would.
 */
export default function LoginPage() {
  const { params } = useRouter()
  const redirect = decodedParam(params.redirect)
  // Opened on top of a page whose session ran out: go back to it, as it was.
  const back = params.back === '1'
  const session = useSession()
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()

  const run = async (what: string, signIn: () => Promise<unknown>) => {
    if (busy) return
    setBusy(what)
    setError(undefined)
    try {
      await signIn()
      returnAfterSignIn(redirect, back)
    } catch (raw) {
      setError(toApiError(raw).message)
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <View {...useScaledRoot('page login-page')}>
      <View className='login-hero'>
        <Text className='login-title'>登录放心消费</Text>
        <Text className='login-intro'>登录后可以投诉、查看处理进度；商家和监管人员登录后进入各自的工作台。</Text>
      </View>

      {session ? (
        <CellGroup title='当前身份'>
          <Cell className='current-user' title={session.user.displayName} description={describeRoles(session.user)} />
          <Cell>
            <Button className='sign-out' fill='outline' block onClick={clearSession}>
              退出登录
            </Button>
          </Cell>
        </CellGroup>
      ) : null}

      {process.env.TARO_ENV === 'weapp' ? (
        <View className='login-actions'>
          <Button
            className='wechat-login'
            type='primary'
            block
            loading={busy === 'wechat'}
            onClick={() => void run('wechat', signInWithWeChat)}
          >
            微信登录
          </Button>
        </View>
      ) : (
        <CellGroup title={session ? '切换演示身份' : '选择演示身份（本地预览）'} className='persona-list'>
          {PERSONAS.map(([persona, label]) => (
            <Cell key={persona}>
              <Button
                className={`persona-button persona-${persona}`}
                block
                fill={session ? 'outline' : 'solid'}
                type='primary'
                loading={busy === persona}
                disabled={busy !== undefined && busy !== persona}
                onClick={() => void run(persona, () => signInAsDemo(persona))}
              >
                {label}
              </Button>
            </Cell>
          ))}
        </CellGroup>
      )}

      {error ? <Text className='login-error'>{error}</Text> : null}
      <PrivacyNoticeLink className='login-notice-link' lead='登录时只获取微信提供的账号标识，不获取昵称、头像和手机号。详见' />
    </View>
  )
}
