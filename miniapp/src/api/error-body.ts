import type { ErrorCode } from '@fangxin/shared'
// A deep import, not the barrel: the barrel loads zod, and this module is on the scan path (main package).
import { ERROR_CODES } from '@fangxin/shared/src/contract/error-codes'

const optionalString = (value: unknown) => value === undefined || typeof value === 'string'

/** The contract's error body (`ApiErrorBody`), recognised by hand: the main package carries no zod. A unit test holds it to the schema. */
export function errorBody(body: unknown): { code: ErrorCode; message: string; field?: string; correlationId?: string } | undefined {
  if (!body || typeof body !== 'object') return undefined
  const { code, message, field, correlationId } = body as Record<string, unknown>
  if (!(ERROR_CODES as readonly unknown[]).includes(code) || typeof message !== 'string') return undefined
  if (!optionalString(field) || !optionalString(correlationId)) return undefined
  return {
    code: code as ErrorCode,
    message,
    ...(field !== undefined ? { field: field as string } : {}),
    ...(correlationId !== undefined ? { correlationId: correlationId as string } : {})
  }
}
