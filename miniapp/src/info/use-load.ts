import { useEffect, useState } from 'react'
import { toApiError, type ApiError } from '@/api/client'

export type Loaded<T> = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; value: T }

/** One request for a page: loading, failed (with the Chinese message) or loaded; `retry` runs it again. */
export function useLoad<T>(load: () => Promise<T>, key: string): { state: Loaded<T>; retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let current = true
    setState({ kind: 'loading' })
    load()
      .then((value) => current && setState({ kind: 'loaded', value }))
      .catch((error: unknown) => current && setState({ kind: 'failed', error: toApiError(error) }))
    return () => {
      current = false
    }
    // `load` is rebuilt every render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt])
  return { state, retry: () => setAttempt((n) => n + 1) }
}
