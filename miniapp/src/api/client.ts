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

/** The server's error codes plus the one only the client can observe. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

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
    readonly correlationId?: string
  ) {
    super(message)
  }
}

/** `instanceof` plus a code check, so a transpiled class hierarchy cannot fool the pages. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError || (error instanceof Error && error.name === 'ApiError' && 'code' in error)
}

const MESSAGES = {
  network: '网络不可用，请检查网络后重试',
  badResponse: '服务返回的数据有误，请稍后重试',
  unavailable: '服务暂时不可用，请稍后重试',
  notFound: '未找到相关内容',
  invalid: '请求有误，请检查后重试',
  noApiBase: '小程序未配置服务地址，请联系管理员'
} as const

const TIMEOUT_MS = 10_000

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
  if (status === 404) return new ApiError('NOT_FOUND', MESSAGES.notFound, status)
  if (status === 400) return new ApiError('INVALID', MESSAGES.invalid, status)
  return new ApiError('INTERNAL', MESSAGES.unavailable, status)
}

/**
 * Calls one route of the shared contract: validates the path parameters with the route's schema,
 * sends the request with `Taro.request`, and parses the 2xx body with the route's response schema.
 * Every failure is thrown as an {@link ApiError}. So far only routes without a body or query, and no
 * session token (the public merchant page): the type refuses routes with a body or query until the
 * signed-in pages add them.
 */
export async function call<P extends z.ZodType<Record<string, string>>, R extends z.ZodType>(
  route: RouteContract<P, R, undefined, undefined>,
  params: z.input<P>
): Promise<z.output<R>> {
  const checked = route.pathParams.safeParse(params)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new ApiError('INVALID', issue?.message ?? MESSAGES.invalid, undefined, issue?.path.join('.'))
  }
  if (!API_BASE) {
    console.error('TARO_APP_API_BASE is not set for this build; see miniapp/.env.production')
    throw new ApiError('INTERNAL', MESSAGES.noApiBase)
  }

  // `data` is whatever the server sent; nothing is trusted until a schema has parsed it.
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({
      url: API_BASE + buildPath(route.path, checked.data),
      method: route.method,
      header: { Accept: 'application/json' },
      dataType: 'json',
      timeout: TIMEOUT_MS
    })
  } catch (error) {
    console.warn('request failed', route.method, route.path, error)
    throw new ApiError('NETWORK', MESSAGES.network)
  }

  const { statusCode, data } = response
  if (statusCode < 200 || statusCode >= 300) throw errorFromResponse(statusCode, data)

  const body = route.response.safeParse(data)
  if (!body.success) {
    console.error('response does not match the contract', route.method, route.path, body.error.issues)
    throw new ApiError('INTERNAL', MESSAGES.badResponse, statusCode)
  }
  return body.data
}

/** `GET /merchants/{id}`: what anyone sees after scanning a shop's code. */
export function getMerchant(id: string): Promise<MerchantPublicView> {
  return call(routes.getMerchant, { id })
}
