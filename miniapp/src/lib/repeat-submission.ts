import type { ApiError } from '../api/http'

/**
 * A create form (a complaint, a station's filing, an inspection, a station's registration) sends one request
 * number (Idempotency-Key) until the server confirms, so a retry after a lost answer records one thing, not
 * two. The server answers 409 on the `Idempotency-Key` field when that number already went with a different
 * request — the person changed the form after an earlier try that did go through (the number is claimed in
 * the very write that records it). Submitting again would record a second one: send them to look instead.
 */
export function isRepeatedSubmission(error: Pick<ApiError, 'code' | 'field'>): boolean {
  return error.code === 'CONFLICT' && error.field === 'Idempotency-Key'
}

/**
 * In place of the server's 「请刷新页面后重新提交」: it is most likely recorded; where to check first. A form
 * that takes a fresh request number once this is said ({@link keyAfterFailure}) says the next submit is a new one.
 */
export function repeatedSubmissionText(what: string, where: string, { freshKey = false }: { freshKey?: boolean } = {}): string {
  const otherwise = freshKey ? '确实没有时，核对内容后再点一次即可。' : '确实没有时，再重新打开本页填写。'
  return `这份${what}很可能已经提交成功，请先到「${where}」查看，不要重复提交。${otherwise}`
}

/**
 * The request number to send on the next submit after a failure: the same one (a retry after a timeout must
 * repeat the request), except after a repeated submission, which the person has now been told about: a
 * form kept on that number would get the same 409 for ever, so the next submit is a new request.
 */
export function keyAfterFailure(error: Pick<ApiError, 'code' | 'field'>, key: string | undefined): string | undefined {
  return isRepeatedSubmission(error) ? undefined : key
}

/**
 * Whether a failed request may have gone through, so its retry must carry the same request number: its answer
 * was lost (no network, a server error, busy) or the person must sign in again first. Any other answer was a
 * refusal that wrote nothing: the next tap is a new request.
 */
export function answerMayBeLost(error: Pick<ApiError, 'code'>): boolean {
  return ['NETWORK', 'INTERNAL', 'UNAVAILABLE', 'RATE_LIMITED', 'UNAUTHENTICATED'].includes(error.code)
}
