import type { ApiError } from '@/api/client'

/** The first message per field, keyed by dotted path ('description', 'proposal.amount'). */
export type FieldErrors = Partial<Record<string, string>>

interface Issue {
  path: readonly PropertyKey[]
  message: string
}

/**
 * Field → message from zod issues (the shared schemas, so the words are the server's own). `depth`
 * cuts the path: 1 groups `photos.3` under `photos`.
 */
export function fieldErrorsOf(issues: readonly Issue[], depth = Infinity): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const field = issue.path.slice(0, depth).map(String).join('.')
    if (errors[field] === undefined) errors[field] = issue.message
  }
  return errors
}

/**
 * Field → message from an INVALID ApiError: every issue found before sending, or the one field the server
 * named. `prefix` strips the wrapper the form does not show (`command.` for commands). Undefined when the
 * error is not about a field.
 */
export function fieldErrorsFromApi(error: ApiError, prefix = '', depth = Infinity): FieldErrors | undefined {
  if (error.code !== 'INVALID') return undefined
  const issues = error.issues.length > 0 ? error.issues : error.field ? [{ field: error.field, message: error.message }] : []
  if (issues.length === 0) return undefined
  return fieldErrorsOf(
    issues.map(({ field, message }) => ({
      path: (field.startsWith(prefix) ? field.slice(prefix.length) : field).split('.'),
      message
    })),
    depth
  )
}
