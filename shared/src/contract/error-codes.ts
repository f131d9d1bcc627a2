/* Its own module, free of zod, so the mini-program's scan path can recognise an error body without the schemas. */

/** Machine-readable error codes; each maps to exactly one HTTP status at the API edge. */
export const ERROR_CODES = [
  'INVALID',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
