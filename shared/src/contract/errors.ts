import * as z from 'zod/mini';
import './zod-chinese';

import { ERROR_CODES } from './error-codes';

export { ERROR_CODES };
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The HTTP status each error code is answered with: the API edge and the published document both use this. */
export const STATUS_BY_ERROR_CODE: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Every non-2xx response body. `message` is Chinese and says what the person can do about it. */
export const ApiErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** The request field at fault, as a dotted path, for INVALID. */
  field: z.optional(z.string()),
  /** Quote this to support; it finds the server log line. */
  correlationId: z.optional(z.string()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
