import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import * as z from 'zod/mini';
import { maskPhone, maskPhonesIn } from '@fangxin/shared';
import { TENCENT_SMS_DEFAULT_ENDPOINT } from './config';
import { postSigned, tc3Headers, TransportError, type PostTarget } from './tencent-api';

/**
 * The Tencent Cloud SMS client (API 3.0, `sms` 2021-01-11, SendSms) for the fallback channel: a
 * notification goes out as an SMS when WeChat could not deliver it for good. The signed call itself is
 * tencent-api.ts; this module owns the rest:
 *
 * - checks before any call — an 11-digit mainland mobile, template parameters within Tencent's limits —
 *   so a request Tencent would refuse is never paid for or retried;
 * - a timeout on the whole exchange;
 * - SendSms answering "success" while the number's own status (`SendStatusSet[].Code`) is a failure;
 * - one error type, `SmsError`, that says whether trying again later can help, with a message that never
 *   carries the SecretKey or a full phone number, so it is safe to log.
 *
 * One instance per cold start (`sms()` in clients.ts): it keeps its connections alive between sends.
 */

/**
 * The longest template parameter we send, in UTF-16 code units. Tencent refuses a variable of more than 12
 * characters from an account verified as a person (`InvalidParameterValue.TemplateParameterLengthLimit`);
 * accounts verified as an organisation have no per-variable limit, only 500 characters for the whole
 * message. 12 is safe under both, and short names fit. Code units, not characters: an emoji counts 2, so a
 * parameter within this limit is within it however Tencent counts.
 */
export const TEMPLATE_PARAM_MAX_CHARS = 12;
export const DEFAULT_SMS_TIMEOUT_MS = 5000;
/** Tencent: SessionContext must be shorter than 512 bytes. */
const SESSION_CONTEXT_MAX_BYTES = 511;

export interface SmsClientOptions {
  /** Tencent's https endpoint (default `https://sms.tencentcloudapi.com`) or the stand-in's `http://127.0.0.1:port`. */
  readonly endpoint?: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly region: string;
  readonly sdkAppId: string;
  readonly signName: string;
  /** For the whole exchange, answer included. */
  readonly timeoutMs?: number;
  /** Raise only for an account verified as an organisation, which Tencent does not limit per variable. */
  readonly maxParamChars?: number;
}

export interface SmsMessage {
  /** An 11-digit mainland mobile, bare or with +86/86/0086; spaces and dashes are ignored. */
  readonly phone: string;
  /** An approved body template; `params` fill its {1}, {2}… in order. */
  readonly templateId: string;
  /** Already fitted (`fitTemplateParam`); a parameter over the limit is refused, not cut here. */
  readonly params: readonly string[];
  /** Echoed back by Tencent in the delivery receipt (e.g. the outbox id); under 512 bytes. */
  readonly sessionContext?: string;
}

export interface SmsReceipt {
  /** Tencent's serial number of this SMS, to match the delivery receipt. */
  readonly serialNo: string;
  /** How many billed SMS the message took (a long message is split). */
  readonly fee: number;
  readonly requestId: string;
  /** The number it went to, masked (138****8000): what may be stored or logged. */
  readonly maskedPhone: string;
}

export interface SmsClient {
  /**
   * Sends one SMS. Resolves once Tencent accepted it for this number; rejects with `SmsError` otherwise
   * (before any call when the number or a parameter is invalid).
   */
  send(message: SmsMessage): Promise<SmsReceipt>;
}

/**
 * Where an `SmsError` came from: `request` — refused here, nothing was sent; `tencent` — Tencent's code,
 * for the whole call or for this number; `transport` — no usable answer (timeout, network, HTTP status,
 * malformed body).
 */
export type SmsErrorOrigin = 'request' | 'tencent' | 'transport';

/**
 * An SMS that was not sent. `code` is Tencent's error code (`LimitExceeded.PhoneNumberDailyLimit`,
 * `FailedOperation.PhoneNumberInBlacklist`…) — also for checks done here, which use the code Tencent would
 * have answered — or `Transport.*` when Tencent gave no usable answer. `retryable` says whether the same
 * SMS may go through later.
 */
export class SmsError extends Error {
  override readonly name = 'SmsError';

  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly origin: SmsErrorOrigin,
    details: { readonly requestId?: string; readonly httpStatus?: number } = {},
  ) {
    super(message);
    this.requestId = details.requestId;
    this.httpStatus = details.httpStatus;
  }

  /** Tencent's RequestId, when the call reached Tencent: what its support asks for. */
  readonly requestId: string | undefined;
  /** The HTTP status, when Tencent (or a gateway in front of it) answered with one other than 200. */
  readonly httpStatus: number | undefined;
}

/** Codes that look retryable by family but are not: a request or account problem that waiting won't fix. */
const FINAL_CODES: ReadonlySet<string> = new Set([
  'LimitExceeded.PhoneNumberCountLimit',
  'LimitExceeded.AppCountryOrRegionInBlacklist',
  'InternalError.JsonParseFail',
  'InternalError.RequestTimeException',
  'InternalError.RestApiInterfaceNotExist',
  'InternalError.SigFieldMissing',
  'InternalError.SigVerificationFail',
]);

/**
 * Whether a Tencent code may succeed later: rate limits and quotas (`LimitExceeded.*`,
 * `RequestLimitExceeded*`) and Tencent's or the carrier's own failures (`InternalError.*`, e.g.
 * `InternalError.Timeout`). Everything else — blacklisted or malformed number, signature or template not
 * approved, bad parameters, authentication — fails the same way every time.
 */
export function isRetryableSmsCode(code: string): boolean {
  if (FINAL_CODES.has(code)) return false;
  return /^(LimitExceeded|RequestLimitExceeded|InternalError)(\.|$)/.test(code);
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * The number in E.164 (`+8613800138000`), from an 11-digit mainland mobile given bare or with a
 * +86/86/0086 prefix. Anything else (landlines, other countries, typos) is refused: the fallback template
 * is a mainland one, and Tencent would refuse the number anyway.
 */
export function normalizeMainlandMobile(phone: string): string {
  const compact = typeof phone === 'string' ? phone.replace(/[\s-]/g, '') : '';
  const national = compact.replace(/^(?:\+86|0086|86)(?=\d{11}$)/, '');
  if (!MAINLAND_MOBILE.test(national)) {
    const digits = compact.replace(/\D/g, '').length;
    throw new SmsError(
      'InvalidParameterValue.IncorrectPhoneNumber',
      `SMS not sent: the phone number is not an 11-digit mainland China mobile number (${digits} digits given)`,
      false,
      'request',
    );
  }
  return `+86${national}`;
}

// Built on first use: a segmenter loads ICU data, and every function's cold start would pay for it
// (clients.ts brings this module into all of them).
let graphemes: Intl.Segmenter | undefined;
// Line breaks and tabs become spaces (an SMS variable is one line); bidi overrides are dropped (they can
// disguise text); lone surrogates are dropped (not text, and a carrier would garble them).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /\p{Cs}/gu;
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /\p{Cc}/u;
const ELLIPSIS = '…';

/**
 * A template parameter shortened to Tencent's limit: whitespace runs (line breaks included) become one
 * space, and a value still too long is cut at a character boundary — never inside an emoji, a surrogate
 * pair or a combining sequence — with "…" as its last character. Pure; a value that fits comes back
 * unchanged apart from the whitespace.
 */
export function fitTemplateParam(value: string, maxChars: number = TEMPLATE_PARAM_MAX_CHARS): string {
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError('maxChars must be a positive integer');
  const clean = value.replace(LONE_SURROGATES, '').replace(BIDI_CONTROLS, '').replace(/[\s\p{Cc}]+/gu, ' ').trim();
  if (clean.length <= maxChars) return clean;

  const budget = maxChars - ELLIPSIS.length;
  let kept = '';
  for (const { segment } of (graphemes ??= new Intl.Segmenter('zh', { granularity: 'grapheme' })).segment(clean)) {
    if (kept.length + segment.length > budget) break;
    kept += segment;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Tencent refuses links in variables (`ProhibitedUseUrlInTemplateParameter`): links belong in the approved text. */
const URL_LIKE = /https?:\/\/|www\./i;

/** Refuses, before any call, parameters Tencent would refuse. */
export function checkTemplateParams(params: readonly string[], maxChars: number = TEMPLATE_PARAM_MAX_CHARS): void {
  if (!Array.isArray(params)) throw new SmsError('InvalidParameter', 'SMS not sent: params must be a list of strings', false, 'request');
  params.forEach((param: unknown, index) => {
    const which = `template parameter {${index + 1}}`;
    const refuse = (code: string, why: string): never => {
      throw new SmsError(code, `SMS not sent: ${which} ${why}`, false, 'request');
    };
    if (typeof param !== 'string') return refuse('InvalidParameter', 'is not a string');
    if (param.trim() === '') return refuse('InvalidParameter', 'is empty');
    if (CONTROL.test(param) || LONE_SURROGATE.test(param)) {
      return refuse('InvalidParameter', 'contains control characters or broken surrogates (fit it with fitTemplateParam)');
    }
    if (param.length > maxChars) {
      return refuse(
        'InvalidParameterValue.TemplateParameterLengthLimit',
        `is ${param.length} characters long, more than ${maxChars} (fit it with fitTemplateParam)`,
      );
    }
    if (URL_LIKE.test(param)) return refuse('InvalidParameterValue.ProhibitedUseUrlInTemplateParameter', 'contains a link');
    return undefined;
  });
}

/** What SendSms answers on success: one status per number, each with its own Code. */
const SendSmsAnswer = z.object({
  SendStatusSet: z
    .array(
      z.object({
        SerialNo: z.optional(z.string()),
        PhoneNumber: z.optional(z.string()),
        Fee: z.optional(z.number().check(z.int(), z.nonnegative())),
        Code: z.string().check(z.minLength(1)),
        Message: z.optional(z.string()),
      }),
    ).check(z.minLength(1)),
  RequestId: z.string(),
});

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
/** What is signed and sent as Host, also to the stand-in: the signing service is its first label. */
const TENCENT_SMS_HOST = 'sms.tencentcloudapi.com';

/** SendSms's request body (API 3.0, `sms` 2021-01-11). */
interface SendSmsRequest {
  PhoneNumberSet: string[];
  SmsSdkAppId: string;
  SignName: string;
  TemplateId: string;
  TemplateParamSet?: string[];
  SessionContext?: string;
}

export function createSmsClient(options: SmsClientOptions): SmsClient {
  const {
    secretId,
    secretKey,
    region,
    sdkAppId,
    signName,
    timeoutMs = DEFAULT_SMS_TIMEOUT_MS,
    maxParamChars = TEMPLATE_PARAM_MAX_CHARS,
  } = options;
  const endpoint = options.endpoint ?? TENCENT_SMS_DEFAULT_ENDPOINT;
  // Fail at construction, not on the first notification that needs an SMS.
  for (const [name, value] of Object.entries({ secretId, secretKey, region, sdkAppId, signName })) {
    if (typeof value !== 'string' || value.trim() === '') throw new Error(`SMS client: ${name} is required`);
  }
  if (!/^\d+$/.test(sdkAppId)) throw new Error('SMS client: sdkAppId must be the numeric SdkAppId');
  if (!(timeoutMs > 0)) throw new Error('SMS client: timeoutMs must be positive');
  if (!Number.isInteger(maxParamChars) || maxParamChars < 1) throw new Error('SMS client: maxParamChars must be a positive integer');

  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`SMS client: endpoint must be a URL, got ${JSON.stringify(endpoint)}`);
  }
  let target: PostTarget;
  let signedHost: string;
  if (url.protocol === 'https:' && url.hostname.split('.')[0] === 'sms') {
    target = { url: url, agent: new HttpsAgent({ keepAlive: true }) };
    signedHost = url.host;
  } else if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    // Plain http only to a stand-in on this machine, signed for Tencent's host exactly as in production.
    target = { url: url, agent: new HttpAgent({ keepAlive: true }) };
    signedHost = TENCENT_SMS_HOST;
  } else {
    throw new Error(`SMS client: endpoint must be https://sms[.region].tencentcloudapi.com or a loopback http stand-in, got ${endpoint}`);
  }

  /** Tencent's text, made safe to log: no SecretKey, no full phone number, bounded length. */
  function scrub(text: unknown): string {
    if (typeof text !== 'string') return '';
    const withoutSecret = text.split(secretKey).join('[redacted]');
    const masked = maskPhonesIn(withoutSecret);
    return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
  }

  /** Why the call brought no answer, as an SmsError. */
  function fromTransportFailure(error: unknown): SmsError {
    if (!(error instanceof TransportError)) throw error;
    const { failure } = error;
    switch (failure.kind) {
      case 'status':
        return new SmsError('Transport.HttpStatus', `Tencent SMS answered HTTP ${failure.status}`, failure.status >= 500 || failure.status === 429, 'transport', {
          httpStatus: failure.status,
        });
      case 'timeout':
        return timeoutError();
      case 'network':
        return new SmsError('Transport.Network', `Tencent SMS unreachable: request failed${failure.system ? ` (${failure.system})` : ''}`, true, 'transport');
      case 'cut-off':
        return new SmsError('Transport.Network', 'Tencent SMS unreachable: the answer was cut off', true, 'transport');
      case 'not-json':
        return badAnswer('the answer is not Tencent Cloud API JSON');
    }
  }

  /** Tencent's error for the whole call (`Response.Error`), as an SmsError; Tencent's message is scrubbed. */
  function refused(code: string, message: unknown, requestId: string | undefined): SmsError {
    return new SmsError(
      code,
      `Tencent SMS refused SendSms: ${code}: ${scrub(message)}${requestId ? ` (RequestId ${requestId})` : ''}`,
      isRetryableSmsCode(code),
      'tencent',
      requestId ? { requestId } : {},
    );
  }

  /**
   * Retryable, although Tencent may have sent the SMS and only the answer was late: a lost SMS is worse
   * than a rare duplicate, and Tencent itself refuses the same content to the same number within 30 s.
   */
  function timeoutError(): SmsError {
    return new SmsError('Transport.Timeout', `Tencent SMS unreachable: no answer within ${timeoutMs} ms`, true, 'transport');
  }

  /**
   * Not retryable: Tencent may have sent the SMS before the answer went wrong, and a second attempt would
   * send it twice.
   */
  function badAnswer(detail: string): SmsError {
    return new SmsError('Transport.BadAnswer', `Tencent SMS gave no usable answer: ${detail}`, false, 'transport');
  }

  /** The call's `Response` (SendStatusSet and RequestId), or an SmsError. */
  async function sendSms(request: SendSmsRequest): Promise<unknown> {
    const payload = JSON.stringify(request);
    const headers = tc3Headers(
      { secretId, secretKey },
      { service: 'sms', host: signedHost, action: 'SendSms', version: '2021-01-11', region, payload, timestamp: Math.floor(Date.now() / 1000) },
    );
    let answer: unknown;
    try {
      answer = await postSigned(target, headers, payload, timeoutMs);
    } catch (error) {
      throw fromTransportFailure(error);
    }
    const response = (answer as { Response?: unknown } | null)?.Response;
    if (!response || typeof response !== 'object') throw badAnswer('the answer is not Tencent Cloud API JSON');
    const { Error: failure, RequestId } = response as { Error?: { Code?: unknown; Message?: unknown }; RequestId?: unknown };
    const requestId = typeof RequestId === 'string' && RequestId ? RequestId : undefined;
    if (failure !== undefined) {
      if (typeof failure?.Code !== 'string' || !failure.Code) throw badAnswer('an error without a code');
      throw refused(failure.Code, failure.Message, requestId);
    }
    return response;
  }

  return {
    async send(message) {
      const phone = normalizeMainlandMobile(message.phone);
      if (typeof message.templateId !== 'string' || !/^\d+$/.test(message.templateId)) {
        throw new SmsError('FailedOperation.TemplateIncorrectOrUnapproved', 'SMS not sent: templateId must be a numeric template id', false, 'request');
      }
      checkTemplateParams(message.params, maxParamChars);
      const { sessionContext } = message;
      if (sessionContext !== undefined && Buffer.byteLength(sessionContext, 'utf8') > SESSION_CONTEXT_MAX_BYTES) {
        throw new SmsError('InvalidParameter', 'SMS not sent: sessionContext must be shorter than 512 bytes', false, 'request');
      }

      const request: SendSmsRequest = {
        PhoneNumberSet: [phone],
        SmsSdkAppId: sdkAppId,
        SignName: signName,
        TemplateId: message.templateId,
        ...(message.params.length > 0 ? { TemplateParamSet: [...message.params] } : {}),
        ...(sessionContext === undefined ? {} : { SessionContext: sessionContext }),
      };
      const parsed = SendSmsAnswer.safeParse(await sendSms(request));
      if (!parsed.success) {
        const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
        throw badAnswer(`unexpected answer at ${[...new Set(paths)].join(', ')}`);
      }

      const { SendStatusSet, RequestId: requestId } = parsed.data;
      const status = SendStatusSet.find((entry) => entry.PhoneNumber === phone) ?? SendStatusSet[0]!;
      const maskedPhone = maskPhone(phone);
      // The call succeeded; whether this number got the SMS is its own status.
      if (status.Code !== 'Ok') {
        throw new SmsError(
          status.Code,
          `Tencent SMS did not send to ${maskedPhone}: ${status.Code}: ${scrub(status.Message)} (RequestId ${requestId})`,
          isRetryableSmsCode(status.Code),
          'tencent',
          { requestId },
        );
      }
      if (!status.SerialNo) throw badAnswer('SendStatusSet has no SerialNo for an accepted SMS');
      return { serialNo: status.SerialNo, fee: status.Fee ?? 1, requestId, maskedPhone };
    },
  };
}
