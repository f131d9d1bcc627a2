import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { CommandRequest, routes, type CommandInput, type ComplaintView } from '@fangxin/shared'
import { ApiError, call, toApiError } from '@/api/client'
import { askForUpdates } from '@/lib/subscribe'
import { tellReloadFailed } from '@/lib/use-load'
import type { Notice } from '@/components/state-views'
import { commandFailureOf, sinceFormOpened, type CommandFailure } from './command-outcome'
import { afterFailedLoad, beforeReload } from './load-state'

export type ComplaintState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'loaded'; complaint: ComplaintView }

/**
 * What a command came to: done, or not, with why (see CommandFailure; `busy` is a second tap while the first
 * is on its way, which the form simply ignores). `moved`: not sent, because the complaint on screen has moved
 * on since the form was opened (see sinceFormOpened); `steps` says how. A `stale` or `moved` outcome carries
 * the complaint as now shown when there is one, for the form to measure the next try against.
 */
export type CommandOutcome =
  | { ok: true; complaint: ComplaintView }
  | { ok: false; error: ApiError; failure: CommandFailure | 'busy'; complaint?: ComplaintView }
  | { ok: false; error: ApiError; failure: 'moved'; complaint: ComplaintView; steps: string[] }

/**
 * One complaint, as the server shows it to this viewer, and the way to act on it. Every command goes with
 * the version the person saw; the answer is the complaint after the command. When someone else acted
 * first (409) the server's message is shown and the complaint reloaded, so the buttons match the new state;
 * the page notice is at the top and the person at the buttons below, so a toast says it too. A 409 whose
 * reload shows the person's own command as the next step (see wentThroughEarlier) was a
 * retry after a lost answer: it is reported done. So is a send from a form opened on an older complaint
 * (a pull-down came between the lost answer and the retry) whose next step is the person's own: it is not
 * sent again. A reload that fails once the complaint is on screen keeps it (and any open form) and says so
 * in a toast. Every page of this hook has pull-down refresh enabled.
 *
 * Sending one of `askForUpdatesOn` (the commands after which this person will have news to hear) also asks
 * WeChat for one more subscribe message; `notificationsOff` then tells whether the page should say that
 * messages are switched off.
 */
export function useComplaint(
  id: string | undefined,
  enabled: boolean,
  askForUpdatesOn: readonly CommandInput['type'][] = []
) {
  const [state, setState] = useState<ComplaintState>({ kind: 'loading' })
  const [notice, setNotice] = useState<Notice>()
  const [notificationsOff, setNotificationsOff] = useState(false)
  const [sending, setSending] = useState(false)
  const sendingRef = useRef(false)
  // The last command whose answer never came (no network, a timeout): it may have gone through unseen. Only
  // that very command, sent again, is taken as done when the person's own step shows up (see sinceFormOpened).
  const lostTry = useRef<CommandInput>()
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
   * WeChat's subscription prompt, which only opens inside a tap. `opened` is the complaint the person filled
   * the form against (default: the one on screen): when the one on screen has moved on since, the command
   * is not sent — it is reported done when the next step is the person's own, else `moved`.
   */
  const send = useCallback(
    async (command: CommandInput, successText: string, opened?: ComplaintView): Promise<CommandOutcome> => {
      // A second tap while the first is on its way would only earn a 409.
      if (state.kind !== 'loaded' || !id || sendingRef.current) return { ok: false, error: new ApiError('INTERNAL', '正在提交，请稍候'), failure: 'busy' }
      const done = (text: string) => {
        setNotice({ kind: 'success', text })
        // WeChat shows at most 7 characters next to an icon; the page notice carries the full text.
        void Taro.showToast({ title: [...text].length <= 7 ? text : '已完成', icon: 'success', duration: 1500 })
      }
      // A try whose answer was lost went through after all: the person hears it is done, and once.
      const doneEarlier = () => {
        lostTry.current = undefined
        done(`${successText}（上次提交已成功，没有重复提交）`)
      }
      const seen = opened ?? state.complaint
      if (seen !== state.complaint) {
        const since = sinceFormOpened(seen, state.complaint, command, lostTry.current)
        if (since.kind === 'own') {
          doneEarlier()
          return { ok: true, complaint: state.complaint }
        }
        if (since.kind === 'moved') {
          return { ok: false, error: new ApiError('CONFLICT', '投诉已有新进展'), failure: 'moved', complaint: state.complaint, steps: since.steps }
        }
      }
      // Still inside the tap (nothing awaited yet). Only a command the contract accepts will be sent, so
      // an unfinished form shows its field errors without a prompt popping up first.
      const body = { version: state.complaint.version, command }
      if (askForUpdatesOn.includes(command.type) && CommandRequest.safeParse(body).success) {
        void askForUpdates().then((outcome) => setNotificationsOff(outcome.notificationsOff))
      }
      const sentOn = state.complaint
      sendingRef.current = true
      setSending(true)
      try {
        const complaint = await call(routes.sendCommand, { params: { id }, body })
        lostTry.current = undefined
        setState({ kind: 'loaded', complaint })
        done(successText)
        return { ok: true, complaint }
      } catch (raw) {
        const error = toApiError(raw)
        const failure = commandFailureOf(error)
        // Field errors and other failures are the form's to show, inside it; a stale view is the page's.
        if (failure === 'stale') {
          const reloaded = await reload()
          if (reloaded && error.code === 'CONFLICT' && sinceFormOpened(sentOn, reloaded, command, lostTry.current).kind === 'own') {
            doneEarlier()
            return { ok: true, complaint: reloaded }
          }
          const text = `${error.message}${reloaded ? '（已为您刷新为最新状态）' : '（未能刷新，请下拉页面重试）'}`
          setNotice({ kind: 'error', text })
          // The notice is at the top of the page, the person at the buttons below it: say it where they are.
          void Taro.showToast({ title: text, icon: 'none', duration: 3000 })
          return { ok: false, error, failure, ...(reloaded ? { complaint: reloaded } : {}) }
        }
        if (failure === 'other') lostTry.current = command
        return { ok: false, error, failure }
      } finally {
        sendingRef.current = false
        setSending(false)
      }
    },
    [id, reload, state, askForUpdatesOn]
  )

  return { state, reload, send, sending, notice, clearNotice: () => setNotice(undefined), notificationsOff, lostTry: () => lostTry.current }
}
