import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { CommandRequest, routes, type CommandInput, type ComplaintView } from '@fangxin/shared'
import { call, toApiError, type ApiError } from '@/api/client'
import { askForUpdates } from '@/lib/subscribe'
import type { Notice } from '@/components/state-views'

export type ComplaintState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'loaded'; complaint: ComplaintView }

/** What a command came to: done, or refused with an error the form may show by its fields. */
export type CommandOutcome = { ok: true; complaint: ComplaintView } | { ok: false; error: ApiError }

/**
 * One complaint, as the server shows it to this viewer, and the way to act on it. Every command goes with
 * the version the person saw; the answer is the complaint after the command. When someone else acted
 * first (409) the server's message is shown and the complaint reloaded, so the buttons match the new state.
 *
 * Sending one of `askForUpdatesOn` (the commands after which this person will have news to hear) also asks
 * WeChat for one more subscribe message; `notificationsOff` then tells whether the page should say that
 * messages are switched off.
 */
export function useComplaint(id: string | undefined, enabled: boolean, askForUpdatesOn: readonly CommandInput['type'][] = []) {
  const [state, setState] = useState<ComplaintState>({ kind: 'loading' })
  const [notice, setNotice] = useState<Notice>()
  const [notificationsOff, setNotificationsOff] = useState(false)
  const [sending, setSending] = useState(false)
  const sendingRef = useRef(false)

  const reload = useCallback(async () => {
    if (!id) return
    try {
      const complaint = await call(routes.getComplaint, { params: { id } })
      setState({ kind: 'loaded', complaint })
    } catch (error) {
      setState({ kind: 'failed', error: toApiError(error) })
    }
  }, [id])

  useEffect(() => {
    if (!enabled || !id) return
    setState({ kind: 'loading' })
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
      if (state.kind !== 'loaded' || !id) return { ok: false, error: toApiError(new Error('complaint not loaded')) }
      // A second tap while the first is on its way would only earn a 409.
      if (sendingRef.current) return { ok: false, error: toApiError(new Error('already sending')) }
      // Still inside the tap (nothing awaited yet). Only a command the contract accepts will be sent, so
      // an unfinished form shows its field errors without a prompt popping up first.
      const body = { version: state.complaint.version, command }
      if (askForUpdatesOn.includes(command.type) && CommandRequest.safeParse(body).success) {
        void askForUpdates().then((outcome) => setNotificationsOff(outcome.notificationsOff))
      }
      sendingRef.current = true
      setSending(true)
      try {
        const complaint = await call(routes.sendCommand, { params: { id }, body })
        setState({ kind: 'loaded', complaint })
        setNotice({ kind: 'success', text: successText })
        // WeChat shows at most 7 characters next to an icon; the page notice carries the full text.
        void Taro.showToast({ title: [...successText].length <= 7 ? successText : '已完成', icon: 'success', duration: 1500 })
        return { ok: true, complaint }
      } catch (raw) {
        const error = toApiError(raw)
        if (error.code === 'CONFLICT' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') {
          await reload()
          setNotice({ kind: 'error', text: `${error.message}（已为您刷新为最新状态）` })
        } else if (error.code === 'INVALID' && (error.field || error.issues.length > 0)) {
          // Shown by the form, next to the field.
        } else if (error.code !== 'UNAUTHENTICATED') {
          setNotice({ kind: 'error', text: error.message })
        }
        return { ok: false, error }
      } finally {
        sendingRef.current = false
        setSending(false)
      }
    },
    [id, reload, state, askForUpdatesOn]
  )

  return { state, reload, send, sending, notice, clearNotice: () => setNotice(undefined), notificationsOff }
}
