// First import: zod must be jitless before the shared schemas below are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import {
  ApiErrorBody,
  buildPath,
  routes,
  type ErrorCode,
  type MerchantPublicView,
  type RouteContract
} from '@fangxin/shared'
import { clearSession, getSession } from '@/lib/session'
import { goToSignIn } from '@/lib/navigation'

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

const MESSAGES = {
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
  const parsed = ApiErrorBody.safeParse(body)
  if (parsed.success) {
    const { code, message, field, correlationId } = parsed.data
    return new ApiError(code, message, status, field, correlationId)
  }
  // A gateway or proxy answered instead of our API (no contract body).
  if (status === 401) return new ApiError('UNAUTHENTICATED', MESSAGES.signIn, status)
  if (status === 404) return new ApiError('NOT_FOUND', MESSAGES.notFound, status)
  if (status === 400) return new ApiError('INVALID', MESSAGES.invalid, status)
  return new ApiError('INTERNAL', MESSAGES.unavailable, status)
}

/** A schema's parse result as an ApiError listing every field problem, or the parsed value. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }))
  const first = issues[0]
  throw new ApiError('INVALID', first?.message ?? MESSAGES.invalid, undefined, first?.field, undefined, issues)
}

/** The input type of an optional contract schema, or never when the route has none. */
type InputOf<S> = [NonNullable<S>] extends [never] ? never : NonNullable<S> extends z.ZodType ? z.input<NonNullable<S>> : never

/** What a caller passes for one route: path parameters, query, body, and for creates the idempotency key. */
export type CallInput<C extends RouteContract> = {
  params?: z.input<C['pathParams']>
  query?: InputOf<C['query']>
  idempotencyKey?: string
} & ([InputOf<C['body']>] extends [never] ? { body?: never } : { body: InputOf<C['body']> })

/** Query values as strings, dropping the unset ones; the server coerces them with the same schema. */
function queryString(query: Record<string, unknown>): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}

/** The session is gone or refused: forget it and send the person to sign in, once. */
function signInAgain(): ApiError {
  clearSession()
  goToSignIn()
  return new ApiError('UNAUTHENTICATED', MESSAGES.signIn, 401)
}

/**
 * Calls one route of the shared contract. Path parameters, query and body are validated with the
 * route's own schemas before anything is sent (so field errors read exactly as the server's would),
 * signed-in routes carry `Authorization: Bearer <token>`, idempotent routes the caller's
 * `Idempotency-Key`, and the 2xx body is parsed with the route's response schema. Every failure is
 * thrown as an {@link ApiError}; a 401 also clears the session and opens the sign-in page.
 */
export async function call<C extends RouteContract>(route: C, input: CallInput<C>): Promise<z.output<C['response']>> {
  const params = checked(route.pathParams, input.params ?? {}) as Record<string, string>
  const query = route.query ? (checked(route.query, input.query ?? {}), input.query ?? {}) : {}
  const body: unknown = route.body ? checked(route.body, input.body) : undefined
  if (route.idempotent && !input.idempotencyKey) {
    // A programming error: a create without a key could be filed twice by a retry.
    throw new ApiError('INTERNAL', '页面出错了，请刷新后重试')
  }
  if (!API_BASE) {
    console.error('TARO_APP_API_BASE is not set for this build; see miniapp/.env.production')
    throw new ApiError('INTERNAL', MESSAGES.noApiBase)
  }

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
  if (body !== undefined) header['Content-Type'] = 'application/json'
  // Sent whenever the page made one: a route the server does not yet require it on (recordViolation) ignores it.
  if (input.idempotencyKey) header['Idempotency-Key'] = input.idempotencyKey

  // `data` is whatever the server sent; nothing is trusted until a schema has parsed it.
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({
      url: API_BASE + buildPath(route.path, params) + queryString(query as Record<string, unknown>),
      method: route.method,
      header,
      ...(body !== undefined ? { data: JSON.stringify(body) } : {}),
      dataType: 'json',
      timeout: TIMEOUT_MS
    })
  } catch (error) {
    console.warn('request failed', route.method, route.path, error)
    throw new ApiError('NETWORK', MESSAGES.network)
  }

  const { statusCode, data } = response
  if (statusCode === 401 && route.access !== 'public') throw signInAgain()
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data)

  const parsed = route.response.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    console.error('response does not match the contract', route.method, route.path, issues.join('; '))
    throw new ApiError('INTERNAL', MESSAGES.badResponse, statusCode)
  }
  return parsed.data as z.output<C['response']>
}

/**
 * A signed-in GET the JSON client cannot make (a file such as the CSV export): the full URL and headers,
 * for `fetch` (H5) or `Taro.downloadFile` (mini-program). The response is the caller's to check.
 */
export function signedFileRequest(route: RouteContract, params: Record<string, string> = {}): { url: string; header: Record<string, string> } {
  if (!API_BASE) {
    console.error('TARO_APP_API_BASE is not set for this build; see miniapp/.env.production')
    throw new ApiError('INTERNAL', MESSAGES.noApiBase)
  }
  const session = getSession()
  if (!session) throw signInAgain()
  return { url: API_BASE + buildPath(route.path, params), header: { Authorization: `Bearer ${session.token}` } }
}

/** A non-2xx answer to a {@link signedFileRequest}, as the ApiError `call` would have thrown. */
export function fileRequestError(status: number, body: unknown): ApiError {
  if (status === 401) return signInAgain()
  return errorFromResponse(status, body)
}

/** `GET /merchants/{id}`: what anyone sees after scanning a shop's code. */
export function getMerchant(id: string): Promise<MerchantPublicView> {
  return call(routes.getMerchant, { params: { id } })
}
