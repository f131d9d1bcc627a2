import { useRef, type ReactNode } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CommandInput, ComplaintView, Session } from '@fangxin/shared'
import { ApiError } from '@/api/client'
import { decodedParam } from '@/lib/decode'
import { useRequiredSession } from '@/lib/sign-in'
import { useComplaint } from '@/lib/use-complaint'
import { ErrorView, LoadingView, PageNotice } from './state-views'
import { useScaledRoot } from './font-scale'
import { SubscribeOffHint } from './subscribe-hint'

/** What a page about one complaint works with once it is loaded. */
export interface LoadedComplaint {
  complaint: ComplaintView
  session: Session
  send: ReturnType<typeof useComplaint>['send']
  sending: boolean
  /** The last command whose answer never came (see useComplaint): a form may find it went through. */
  lostTry: ReturnType<typeof useComplaint>['lostTry']
}

/**
 * The frame of every page about one complaint (`?id=`), whoever looks — consumer, merchant or staff: the
 * person signed in, the complaint loaded (or why not), the outcome of their last command above it, and
 * where to look for news when they have switched WeChat messages off. `children` draws the rest.
 */
export function ComplaintScreen({
  className,
  missingId,
  askForUpdatesOn,
  whereToLook,
  children
}: {
  className: string
  /** What to do when the page was opened without a complaint id. */
  missingId: string
  /** The commands after which this person has news coming (see useComplaint). */
  askForUpdatesOn: readonly CommandInput['type'][]
  whereToLook: string
  children: (loaded: LoadedComplaint) => ReactNode
}) {
  const { params } = useRouter()
  const id = decodedParam(params.id)
  const session = useRequiredSession()
  const { state, reload, send, sending, notice, clearNotice, notificationsOff, lostTry } = useComplaint(id, Boolean(session), askForUpdatesOn)
  const root = useScaledRoot(`page page--form ${className}`)
  // While a session that ran out is renewed (the sign-in page opens over this one), the complaint and any
  // open form stay as they are, for the person who was looking at them.
  const lastSession = useRef(session)
  if (session) lastSession.current = session
  const viewer = session ?? (state.kind === 'loaded' ? lastSession.current : undefined)

  if (!id) return <ErrorView error={new ApiError('INVALID', missingId)} />
  if (!viewer) return <LoadingView text='正在登录…' />
  if (state.kind === 'loading') return <LoadingView text='正在加载投诉…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />

  return (
    <View {...root}>
      <PageNotice notice={notice} onClose={clearNotice} />
      {notificationsOff ? <SubscribeOffHint whereToLook={whereToLook} /> : null}
      {children({ complaint: state.complaint, session: viewer, send, sending, lostTry })}
    </View>
  )
}
