import Taro from '@tarojs/taro'
import type { ErrorCode } from '@fangxin/shared'
// A deep import, not the barrel: the barrel loads zod, and this module is on the scan path (main package).
import { buildPath } from '@fangxin/shared/src/contract/path'
import { errorBody } from './error-body'
import { clearSession, getSession } from '@/lib/session'
import { goToSignIn } from '@/lib/navigation'

/**
 * The request itself — URL, headers, session, errors — without zod. The scan page and the home page
 * (the main package) call the API through this alone; `client.ts` adds the contract's schemas on top
 * for every other page, which live in subpackages. Keeping zod out of here keeps it out of the main package.
 */

/** The server's error codes plus the one only the client can observe. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

/** One field-level problem, as a dotted path into the request body and a Chinese message. */
export interface FieldIssue {
  field: string
  message: string
}

/** Every failure of an API call, already worded in Chinese for the person holding the phone. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly code: ClientErrorCode,
    message: string,
    /** HTTP status; absent when no response came back or the request was never sent. */
    readonly status?: number,
    /** The request field at fault (INVALID), as a dotted path. */
    readonly field?: string,
    /** Quote this to support; it finds the server log line. */
    readonly correlationId?: string,
    /** Every field problem found before sending (the server reports only the first). */
    readonly issues: readonly FieldIssue[] = []
  ) {
    super(message)
  }
}

/** `instanceof` plus a code check, so a transpiled class hierarchy cannot fool the pages. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError || (error instanceof Error && error.name === 'ApiError' && 'code' in error)
}

/** Any thrown value as an ApiError a page can show. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error
  console.error('unexpected error', error)
  return new ApiError('INTERNAL', '页面出错了，请稍后重试')
}

export const MESSAGES = {
  network: '网络不可用，请检查网络后重试',
  badResponse: '服务返回的数据有误，请稍后重试',
  unavailable: '服务暂时不可用，请稍后重试',
  notFound: '未找到相关内容',
  invalid: '请求有误，请检查后重试',
  signIn: '登录已过期，请重新登录',
  noApiBase: '小程序未配置服务地址，请联系管理员'
} as const

/** Photo uploads and filing can be slow on a county mobile network; reads should not be. */
const TIMEOUT_MS = 15_000

/**
 * H5 is served with a same-origin `/api` proxy; the mini-program calls the API origin baked in at
 * build time from `.env.<mode>` (TARO_APP_API_BASE). Taro inlines both, so the unused branch is dropped.
 */
const API_BASE: string | undefined = process.env.TARO_ENV === 'h5' ? '/api' : process.env.TARO_APP_API_BASE

/** Turns a non-2xx response into an ApiError, trusting the body only if it matches the contract. */
function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = errorBody(body)
  if (parsed) return new ApiError(parsed.code, parsed.message, status, parsed.field, parsed.correlationId)
  // A gateway or proxy answered instead of our API (no contract body).
  if (status === 401) return new ApiError('UNAUTHENTICATED', MESSAGES.signIn, status)
  if (status === 404) return new ApiError('NOT_FOUND', MESSAGES.notFound, status)
  if (status === 400) return new ApiError('INVALID', MESSAGES.invalid, status)
  return new ApiError('INTERNAL', MESSAGES.unavailable, status)
}

/** Query values as strings, dropping the unset ones; the server coerces them with its schema. */
function queryString(query: Record<string, unknown>): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}

/**
 * The session is gone or refused: forget it and send the person to sign in, once. The sign-in page opens on
 * top of this one and comes back to it, so a form being sent keeps what was typed.
 */
function signInAgain(): ApiError {
  clearSession()
  goToSignIn(undefined, { over: true })
  return new ApiError('UNAUTHENTICATED', MESSAGES.signIn, 401)
}

/** What the request needs to know of a route: the contract's `RouteContract` has these and more. */
export interface RouteAddress {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  access: string
}

export interface SendInput {
  params: Record<string, string>
  query?: Record<string, unknown>
  body?: unknown
  idempotencyKey?: string
}

function apiBase(): string {
  if (API_BASE) return API_BASE
  console.error('TARO_APP_API_BASE is not set for this build; see miniapp/.env.production')
  throw new ApiError('INTERNAL', MESSAGES.noApiBase)
}

/**
 * Sends one request and returns the 2xx body as it came. Signed-in routes carry
 * `Authorization: Bearer <token>`, creates the caller's `Idempotency-Key`; every failure is thrown as an
 * {@link ApiError}, and a 401 also clears the session and opens the sign-in page. Checking the input and
 * the body against the contract is the caller's job (`client.ts`).
 */
export async function send(route: RouteAddress, input: SendInput): Promise<unknown> {
  const base = apiBase()
  const header: Record<string, string> = { Accept: 'application/json' }
  if (route.access === 'anyone') {
    // Signing in is optional here; when signed in, the server identifies the caller.
    const session = getSession()
    if (session) header.Authorization = `Bearer ${session.token}`
  } else if (route.access !== 'public') {
    const session = getSession()
    if (!session) throw signInAgain()
    header.Authorization = `Bearer ${session.token}`
  }
  if (input.body !== undefined) header['Content-Type'] = 'application/json'
  // Sent whenever the page made one: a route the server does not yet require it on (recordViolation) ignores it.
  if (input.idempotencyKey) header['Idempotency-Key'] = input.idempotencyKey

  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({
      url: base + buildPath(route.path, input.params) + queryString(input.query ?? {}),
      method: route.method,
      header,
      ...(input.body !== undefined ? { data: JSON.stringify(input.body) } : {}),
      dataType: 'json',
      timeout: TIMEOUT_MS
    })
  } catch (error) {
    console.warn('request failed', route.method, route.path, error)
    throw new ApiError('NETWORK', MESSAGES.network)
  }

  return answerOf(route, response.statusCode, response.data)
}

/**
 * A response as {@link send} reads it: the 2xx body, or the ApiError it means. Also for an answer that
 * came another way (the H5 scan shell's request for the shop, see lib/scan-shell.ts).
 */
export function answerOf(route: RouteAddress, statusCode: number, data: unknown): unknown {
  if (statusCode === 401 && route.access !== 'public') throw signInAgain()
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data)
  return data
}

/**
 * A signed-in GET the JSON client cannot make (a file such as the CSV export): the full URL and headers,
 * for `fetch` (H5) or `Taro.downloadFile` (mini-program). The response is the caller's to check.
 */
export function signedFileRequest(route: RouteAddress, params: Record<string, string> = {}): { url: string; header: Record<string, string> } {
  const base = apiBase()
  const session = getSession()
  if (!session) throw signInAgain()
  return { url: base + buildPath(route.path, params), header: { Authorization: `Bearer ${session.token}` } }
}

/** The full URL of a public file (the open-data CSV), for a browser to download or a person to copy. */
export function publicFileUrl(route: RouteAddress, params: Record<string, string> = {}): string {
  return apiBase() + buildPath(route.path, params)
}

/** A non-2xx answer to a {@link signedFileRequest}, as the ApiError a call would have thrown. */
export function fileRequestError(status: number, body: unknown): ApiError {
  if (status === 401) return signInAgain()
  return errorFromResponse(status, body)
}
