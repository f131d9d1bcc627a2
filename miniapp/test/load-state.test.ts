import type { ApiError } from '../src/api/http'
import { afterFailedLoad, beforeReload, reloadFailedText, type LoadState } from '../src/lib/load-state'

/** An ApiError as the pages receive it; the class itself lives beside Taro, which unit tests never load. */
const failure = (code: ApiError['code'], message = '网络不可用，请检查网络后重试') =>
  ({ name: 'ApiError', code, message, issues: [] }) as unknown as ApiError

describe('a failed reload keeps what the page shows', () => {
  it('shows the error only when nothing has loaded yet', () => {
    const error = failure('NETWORK')
    expect(afterFailedLoad<LoadState<string>>({ kind: 'loading' }, error)).toEqual({ kind: 'failed', error })
    const earlier = failure('INTERNAL', '服务暂时不可用，请稍后重试')
    expect(afterFailedLoad<LoadState<string>>({ kind: 'failed', error: earlier }, error)).toEqual({ kind: 'failed', error })
  })

  it('keeps a loaded value — the very same one, so a form drawn from it is not rebuilt', () => {
    const shown: LoadState<{ version: number }> = { kind: 'loaded', value: { version: 3 } }
    expect(afterFailedLoad(shown, failure('NETWORK'))).toBe(shown)
    expect(afterFailedLoad(shown, failure('RATE_LIMITED', '操作太频繁'))).toBe(shown)
  })

  it('keeps a loaded list with its rows, whatever else its state carries', () => {
    const list = { kind: 'loaded' as const, items: [{ id: 'a' }], nextCursor: 'c2', loadingMore: false }
    expect(afterFailedLoad(list, failure('INTERNAL'))).toBe(list)
  })

  it('shows the loading view again for a retry after a failed first load, and keeps anything on screen', () => {
    expect(beforeReload<LoadState<string>>({ kind: 'failed', error: failure('NETWORK') })).toEqual({ kind: 'loading' })
    const shown: LoadState<string> = { kind: 'loaded', value: '整改通知' }
    expect(beforeReload(shown)).toBe(shown)
    const loading: LoadState<string> = { kind: 'loading' }
    expect(beforeReload(loading)).toBe(loading)
  })

  it('says in Chinese that the content shown is older, and nothing when the sign-in page is opening', () => {
    expect(reloadFailedText(failure('NETWORK'))).toBe('网络不可用，未能刷新，仍显示之前的内容')
    expect(reloadFailedText(failure('INTERNAL'))).toBe('未能刷新，仍显示之前的内容')
    expect(reloadFailedText(failure('UNAUTHENTICATED'))).toBeUndefined()
  })
})
