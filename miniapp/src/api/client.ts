// First import: zod must be jitless before the shared schemas below are built.
import '@/lib/zod-jitless'
import type { z } from 'zod/mini'
import type { RouteContract } from '@fangxin/shared'
import { ApiError, MESSAGES, send } from './http'

export { ApiError, isApiError, toApiError, signedFileRequest, fileRequestError, publicFileUrl } from './http'
export type { ClientErrorCode, FieldIssue } from './http'

/** A schema's parse result as an ApiError listing every field problem, or the parsed value. */
function checked<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }))
  const first = issues[0]
  throw new ApiError('INVALID', first?.message ?? MESSAGES.invalid, undefined, first?.field, undefined, issues)
}

/** The input type of an optional contract schema, or never when the route has none. */
type InputOf<S> = [NonNullable<S>] extends [never] ? never : NonNullable<S> extends z.ZodMiniType ? z.input<NonNullable<S>> : never

/** What a caller passes for one route: path parameters, query, body, and for creates the idempotency key. */
export type CallInput<C extends RouteContract> = {
  params?: z.input<C['pathParams']>
  query?: InputOf<C['query']>
  idempotencyKey?: string
} & ([InputOf<C['body']>] extends [never] ? { body?: never } : { body: InputOf<C['body']> })

/**
 * Calls one route of the shared contract. Path parameters, query and body are validated with the
 * route's own schemas before anything is sent (so field errors read exactly as the server's would), and
 * the 2xx body is parsed with the route's response schema. The request itself is `send` (http.ts).
 */
export async function call<C extends RouteContract>(route: C, input: CallInput<C>): Promise<z.output<C['response']>> {
  const params = checked(route.pathParams, input.params ?? {}) as Record<string, string>
  const query = route.query ? (checked(route.query, input.query ?? {}), input.query ?? {}) : {}
  const body: unknown = route.body ? checked(route.body, input.body) : undefined
  if (route.idempotent && !input.idempotencyKey) {
    // A programming error: a create without a key could be filed twice by a retry.
    throw new ApiError('INTERNAL', '页面出错了，请刷新后重试')
  }
  const data = await send(route, {
    params,
    query: query as Record<string, unknown>,
    ...(body !== undefined ? { body } : {}),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {})
  })
  // `data` is whatever the server sent; nothing is trusted until the schema has parsed it.
  const parsed = route.response.safeParse(data)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    console.error('response does not match the contract', route.method, route.path, issues.join('; '))
    throw new ApiError('INTERNAL', MESSAGES.badResponse)
  }
  return parsed.data as z.output<C['response']>
}
