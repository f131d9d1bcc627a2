import type { ApiError } from '../api/http'

/** One thing a page loads: on its way, failed (with the Chinese message), or on screen. */
export type LoadState<T> = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'loaded'; value: T }

/**
 * The state after a load failed. Only a first load shows the failure (the error view with 重试). Once something
 * is on screen — perhaps with a half-filled form under it — a failed background reload (the page shown again
 * after the photo picker, a pull-down, a refresh after a conflict) keeps it; the person is told in a toast.
 */
export function afterFailedLoad<S extends { kind: string }>(previous: S, error: ApiError): S | { kind: 'failed'; error: ApiError } {
  return previous.kind === 'loaded' ? previous : { kind: 'failed', error }
}

/**
 * The state as a reload starts: a retry after a failed first load shows the loading view again (so 重试
 * visibly does something); anything on screen stays while the reload runs.
 */
export function beforeReload<S extends { kind: string }>(previous: S): S | { kind: 'loading' } {
  return previous.kind === 'failed' ? { kind: 'loading' } : previous
}

/** What the toast says when a background reload failed; nothing when the sign-in page is opening anyway. */
export function reloadFailedText(error: Pick<ApiError, 'code'>): string | undefined {
  if (error.code === 'UNAUTHENTICATED') return undefined
  return error.code === 'NETWORK' ? '网络不可用，未能刷新，仍显示之前的内容' : '未能刷新，仍显示之前的内容'
}
