import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { toApiError, type ApiError } from '@/api/http'

export type LoadState<T> = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; value: T }

/**
 * One thing a page shows, loaded on mount and whenever `key` changes, again on pull-down and when the person
 * comes back to the page. A stale answer (the key changed meanwhile) is dropped. `set` replaces the value
 * after an action answered with the new one; `reload` keeps showing the old value while it loads.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, enabled = true) {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' })
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const mine = ++generation.current
    try {
      const value = await loadRef.current()
      if (mine === generation.current) setState({ kind: 'loaded', value })
    } catch (error) {
      if (mine === generation.current) setState({ kind: 'failed', error: toApiError(error) })
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
