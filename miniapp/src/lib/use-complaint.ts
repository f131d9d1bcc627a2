import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { CommandRequest, routes, type CommandInput, type ComplaintView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { askForUpdates } from '@/lib/subscribe'
import { tellReloadFailed } from '@/lib/use-load'
import type { Notice } from '@/components/state-views'
import { commandFailureOf, wentThroughEarlier, type CommandFailure } from './command-outcome'
import { afterFailedLoad, beforeReload } from './load-state'

export type ComplaintState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'loaded'; complaint: ComplaintView }

/**
 * What a command came to: done, or not, with why (see CommandFailure; `busy` is a second tap while the first
 * is on its way, which the form simply ignores).
 */
export type CommandOutcome = { ok: true; complaint: ComplaintView } | { ok: false; error: ApiError; failure: CommandFailure | 'busy' }

/**
 * One complaint, as the server shows it to this viewer, and the way to act on it. Every command goes with
 * the version the person saw; the answer is the complaint after the command. When someone else acted
 * first (409) the server's message is shown and the complaint reloaded, so the buttons match the new state;
 * the page notice is at the top and the person at the buttons below, so a toast says it too. A 409 whose
 * reload shows the person's own command as the next step (`ownActorLabel`, see wentThroughEarlier) was a
 * retry after a lost answer: it is reported done. A reload that fails once the complaint is on screen keeps
 * it (and any open form) and says so in a toast. Every page of this hook has pull-down refresh enabled.
 *
 * Sending one of `askForUpdatesOn` (the commands after which this person will have news to hear) also asks
 * WeChat for one more subscribe message; `notificationsOff` then tells whether the page should say that
 * messages are switched off.
 */
export function useComplaint(
  id: string | undefined,
  enabled: boolean,
  askForUpdatesOn: readonly CommandInput['type'][] = [],
  /** How the timeline names this viewer's side (「消费者」, 「商家」); unset, a 409 is never taken as done. */
  ownActorLabel?: string
) {
  const [state, setState] = useState<ComplaintState>({ kind: 'loading' })
  const [notice, setNotice] = useState<Notice>()
  const [notificationsOff, setNotificationsOff] = useState(false)
  const [sending, setSending] = useState(false)
  const sendingRef = useRef(false)
  const shownState = useRef(state)
  shownState.current = state

  /** Resolves to the complaint as the server has it, now on the page; undefined when it could not be read. */
  const reload = useCallback(async (): Promise<ComplaintView | undefined> => {
    if (!id) return undefined
    setState(beforeReload)
    try {
      const complaint = await call(routes.getComplaint, { params: { id } })
      setState({ kind: 'loaded', complaint })
      return complaint
    } catch (raw) {
      const error = toApiError(raw)
      if (shownState.current.kind === 'loaded') tellReloadFailed(error)
      setState((previous) => afterFailedLoad(previous, error))
      return undefined
    }
  }, [id])

  useEffect(() => {
    if (!enabled || !id) return
    // Enabled again for the complaint on screen (signed in again after the session ran out): refresh it
    // behind the page, so an open form keeps what was typed. Another complaint starts from the loading view.
    const showing = shownState.current
    if (!(showing.kind === 'loaded' && showing.complaint.id === id)) setState({ kind: 'loading' })
    void reload()
  }, [enabled, id, reload])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  /**
   * Sends one command. Call it straight from the tap handler, before any `await` of your own: it may open
   * WeChat's subscription prompt, which only opens inside a tap.
   */
  const send = useCallback(
    async (command: CommandInput, successText: string): Promise<CommandOutcome> => {
      // A second tap while the first is on its way would only earn a 409.
      if (state.kind !== 'loaded' || !id || sendingRef.current) return { ok: false, error: new ApiError('INTERNAL', '正在提交，请稍候'), failure: 'busy' }
      // Still inside the tap (nothing awaited yet). Only a command the contract accepts will be sent, so
      // an unfinished form shows its field errors without a prompt popping up first.
      const body = { version: state.complaint.version, command }
      if (askForUpdatesOn.includes(command.type) && CommandRequest.safeParse(body).success) {
        void askForUpdates().then((outcome) => setNotificationsOff(outcome.notificationsOff))
      }
      const seen = state.complaint
      const done = (text: string) => {
        setNotice({ kind: 'success', text })
        // WeChat shows at most 7 characters next to an icon; the page notice carries the full text.
        void Taro.showToast({ title: [...text].length <= 7 ? text : '已完成', icon: 'success', duration: 1500 })
      }
      sendingRef.current = true
      setSending(true)
      try {
        const complaint = await call(routes.sendCommand, { params: { id }, body })
        setState({ kind: 'loaded', complaint })
        done(successText)
        return { ok: true, complaint }
      } catch (raw) {
        const error = toApiError(raw)
        const failure = commandFailureOf(error)
        // Field errors and other failures are the form's to show, inside it; a stale view is the page's.
        if (failure === 'stale') {
          const reloaded = await reload()
          if (
            reloaded &&
            error.code === 'CONFLICT' &&
            ownActorLabel &&
            wentThroughEarlier(seen, reloaded, { type: command.type, actorLabel: ownActorLabel })
          ) {
            done(successText)
            return { ok: true, complaint: reloaded }
          }
          const text = `${error.message}${reloaded ? '（已为您刷新为最新状态）' : '（未能刷新，请下拉页面重试）'}`
          setNotice({ kind: 'error', text })
          // The notice is at the top of the page, the person at the buttons below it: say it where they are.
          void Taro.showToast({ title: text, icon: 'none', duration: 3000 })
        }
        return { ok: false, error, failure }
      } finally {
        sendingRef.current = false
        setSending(false)
      }
    },
    [id, reload, state, askForUpdatesOn, ownActorLabel]
  )

  return { state, reload, send, sending, notice, clearNotice: () => setNotice(undefined), notificationsOff }
}
