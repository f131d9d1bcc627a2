/**
 * What can go wrong talking to WeChat, split by what the caller should do about it: `retryable` says
 * whether the same call may succeed later (WeChat busy, a rate limit, an outage) or never will (a bad or
 * used login code, wrong credentials, a user who refused messages, a field value WeChat rejects).
 *
 * Messages name the endpoint and WeChat's code and text only: never the AppSecret, an access token or a
 * session_key, so these errors are safe to log.
 */

/** The WeChat server APIs the product calls. */
export type WeChatEndpoint = 'jscode2session' | 'stable_token' | 'subscribe_send' | 'msg_sec_check' | 'wxacode' | 'urllink';

/**
 * Codes worth retrying after a pause: -1 (system busy), 45009 (API quota) and 45011 (too frequent,
 * e.g. 100 logins per minute per user). Everything else WeChat answers is final for that request.
 */
const RETRYABLE_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45011]);

/** WeChat answered, with a non-zero `errcode`. */
export class WeChatError extends Error {
  override readonly name = 'WeChatError';
  readonly retryable: boolean;

  constructor(
    readonly endpoint: WeChatEndpoint,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${endpoint} answered ${errcode}: ${errmsg}`);
    this.retryable = RETRYABLE_ERRCODES.has(errcode);
  }
}

/** Why WeChat gave no usable answer. */
export type UnavailableReason = 'timeout' | 'network' | 'http_status' | 'bad_answer';

/**
 * WeChat could not be reached or gave no usable answer: a timeout, a network failure, an HTTP error
 * status, or a body that is not WeChat's JSON. Timeouts, network failures and 5xx are retryable; a 4xx
 * or a malformed answer is not (the same request would get the same answer).
 */
export class WeChatUnavailable extends Error {
  override readonly name = 'WeChatUnavailable';
  readonly retryable: boolean;

  constructor(
    readonly endpoint: WeChatEndpoint,
    readonly reason: UnavailableReason,
    detail: string,
    /** The HTTP status, when WeChat (or a proxy in front of it) answered with one other than 200. */
    readonly status?: number,
  ) {
    super(`WeChat ${endpoint} unavailable (${reason}): ${detail}`);
    this.retryable =
      reason === 'timeout' || reason === 'network' || (reason === 'http_status' && status !== undefined && status >= 500);
  }
}
