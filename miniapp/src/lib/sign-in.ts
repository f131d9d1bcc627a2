import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { routes, type DemoPersona, type Session } from '@fangxin/shared'
import { call } from '@/api/client'
import { goToSignIn } from '@/lib/navigation'
import { saveSession, useSession } from '@/lib/session'

/** WeChat sign-in: `wx.login` code → our API (which asks WeChat) → our own session. */
export async function signInWithWeChat(): Promise<Session> {
  const { code } = await Taro.login()
  const session = await call(routes.login, { body: { code } })
  saveSession(session)
  return session
}

/** Local preview only: sign in as one of the demo people (the server refuses it elsewhere). */
export async function signInAsDemo(persona: DemoPersona): Promise<Session> {
  const session = await call(routes.demoLogin, { body: { persona } })
  saveSession(session)
  return session
}

/**
 * For pages that need a signed-in person. In the mini-program a missing session is renewed silently
 * with `wx.login` (every WeChat user can sign in); in the H5 preview, or when that fails, the sign-in
 * page opens and brings the person back here afterwards.
 */
export function useRequiredSession(): Session | undefined {
  const session = useSession()
  useEffect(() => {
    if (session) return
    if (process.env.TARO_ENV === 'weapp') {
      signInWithWeChat().catch((error: unknown) => {
        console.warn('silent sign-in failed', error)
        goToSignIn()
      })
    } else {
      goToSignIn()
    }
  }, [session])
  return session
}
