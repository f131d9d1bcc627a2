import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { routes, type DemoPersona, type Session } from '@fangxin/shared'
import { call } from '@/api/client'
import { goToSignIn } from '@/lib/navigation'
import { getSession, saveSession, useSession } from '@/lib/session'

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

/** The silent sign-in on its way, so pages asking at once share one `wx.login`. */
let renewing: Promise<unknown> | undefined

/** Gets a session for a page that needs one: silently with `wx.login` in WeChat, else on the sign-in page. */
function askForSession(): void {
  if (process.env.TARO_ENV !== 'weapp') {
    goToSignIn()
    return
  }
  renewing ??= signInWithWeChat()
    .catch((error: unknown) => {
      console.warn('silent sign-in failed', error)
      goToSignIn()
    })
    .finally(() => {
      renewing = undefined
    })
}

/**
 * For pages that need a signed-in person. In the mini-program a missing session is renewed silently
 * with `wx.login` (every WeChat user can sign in); in the H5 preview, or when that fails, the sign-in
 * page opens and brings the person back here afterwards. Shown again still without one (the sign-in page,
 * opened over this page when its session ran out, was left without signing in), it asks again.
 */
export function useRequiredSession(): Session | undefined {
  const session = useSession()
  // In the mini-program a session that ran out is renewed silently, for the same WeChat user: meanwhile the page
  // keeps drawing with the session it had, so a half-filled form (an inspection, a rectification answer) is not
  // swapped for a loading view and lost. Requests still go out only with the renewed session.
  const lastSeen = useRef<Session>()
  if (session) lastSeen.current = session
  useEffect(() => {
    if (!session) askForSession()
  }, [session])
  const shown = useRef(false)
  useDidShow(() => {
    // The first show is the mount, which the effect has covered.
    if (shown.current && !getSession()) askForSession()
    shown.current = true
  })
  return session ?? (process.env.TARO_ENV === 'weapp' ? lastSeen.current : undefined)
}
