import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { toApiError, type ApiError } from '@/api/http'
import { afterFailedLoad, beforeReload, reloadFailedText, type LoadState } from './load-state'

export type { LoadState } from './load-state'

/** Tells the person, without covering the page, that a background reload failed and what they see is older. */
export function tellReloadFailed(error: ApiError): void {
  const text = reloadFailedText(error)
  if (text) void Taro.showToast({ title: text, icon: 'none', duration: 2500 })
}

/**
 * One thing a page shows, loaded on mount and whenever `key` changes, again on pull-down and when the person
 * comes back to the page. A stale answer (the key changed meanwhile) is dropped. `set` replaces the value
 * after an action answered with the new one; `reload` keeps showing the old value while it loads, and keeps it
 * when the reload fails (a toast says so): only a failed first load shows the error, and 重试 there shows the
 * loading view again. `reload` resolves to whether the page now shows a fresh answer.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, enabled = true) {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' })
  const shownState = useRef(state)
  shownState.current = state
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async (): Promise<boolean> => {
    const mine = ++generation.current
    setState(beforeReload)
    try {
      const value = await loadRef.current()
      if (mine !== generation.current) return false
      setState({ kind: 'loaded', value })
      return true
    } catch (raw) {
      if (mine !== generation.current) return false
      const error = toApiError(raw)
      if (shownState.current.kind === 'loaded') tellReloadFailed(error)
      setState((previous) => afterFailedLoad(previous, error))
      return false
    }
  }, [])

  useEffect(() => {
    if (!enabled) return
    setState({ kind: 'loading' })
    void reload()
  }, [key, enabled, reload])

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && enabled) void reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const set = useCallback((value: T) => {
    generation.current += 1
    setState({ kind: 'loaded', value })
  }, [])

  return { state, reload, set }
}
