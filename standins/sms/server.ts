import { controlDispatcher } from '../common/control';
import { serveStandIn } from '../common/http';
import { recordingHandle } from '../common/recording';
import { answerSmsCall } from './dispatch';
import { smsControl } from './endpoints/control';
import { blockNumber, DEFAULT_DAILY_LIMIT_PER_NUMBER, DEFAULT_MAX_PARAM_CHARS } from './endpoints/send-sms';
import type { SmsFaultRule } from './faults';
import { createSmsState, resetSmsState, type SmsCallRecord, type SmsMessageRecord } from './state';

/**
 * A stand-in for Tencent Cloud SMS (API 3.0, service `sms`, version 2021-01-11, action SendSms), for tests
 * and the local product. It speaks the protocol as Tencent's SDK sends it — POST / with a JSON body,
 * `X-TC-*` headers and a TC3-HMAC-SHA256 `Authorization` — and verifies that signature with the configured
 * secret, so the production client, SDK included, is the code under test. Answers have Tencent's shapes:
 * `{ Response: { Error: { Code, Message }, RequestId } }` when the call fails, and otherwise one
 * `SendStatusSet` entry per number whose own `Code` says whether that number got the SMS.
 *
 * A control API under `/__control/` (and the same operations on the returned handle) injects faults —
 * Tencent error codes for the call or for a number, HTTP statuses, delays, hangs — blocks numbers and
 * shows what was sent. Listens on 127.0.0.1 only; state is in memory and per instance. The signature
 * check and SendSms are modules under `endpoints/` over the state in `state.ts`; `dispatch.ts` routes calls
 * and applies faults.
 */

export { SMS_API_VERSION, SMS_REGIONS } from './tencent';
export type { SmsFaultRule } from './faults';
export type { SmsCallAnswer, SmsCallRecord, SmsMessageRecord } from './state';

export interface SmsStandInOptions {
  /** 0 or absent: a free port chosen by the OS. */
  port?: number;
  /** The only SecretId the stand-in knows; any other gets AuthFailure.SecretIdNotFound. */
  secretId: string;
  secretKey: string;
  /** The clock, in epoch milliseconds. The SDK signs with the real clock, so stay within 5 minutes of it. */
  now?: () => number;
  /** Random numbers in [0, 1) for fault `probability`. */
  random?: () => number;
  /** When set, any other SmsSdkAppId gets UnauthorizedOperation.SmsSdkAppIdVerifyFail. */
  sdkAppId?: string;
  /** Approved signatures; when set, any other gets FailedOperation.SignatureIncorrectOrUnapproved. */
  signNames?: readonly string[];
  /**
   * Approved templates, id → text with {1}, {2}… for the parameters. When set, other ids get
   * FailedOperation.TemplateIncorrectOrUnapproved, a wrong parameter count gets
   * TemplateParamSetNotMatchApprovedTemplate, and messages() shows the text as delivered.
   */
  templates?: Readonly<Record<string, string>>;
  /** Per-variable limit in characters (default 12, a person-verified account); null for none (an organisation). */
  maxParamChars?: number | null;
  /** SMS one number may get per calendar day (China time); default 10. */
  dailyLimitPerNumber?: number;
}

export interface SmsStandIn {
  /** `http://127.0.0.1:port`: the client's endpoint. */
  readonly url: string;
  readonly secretId: string;
  readonly secretKey: string;
  stop(): Promise<void>;
  injectFaults(rules: readonly SmsFaultRule[]): void;
  clearFaults(): void;
  /** This number unsubscribed or is on a carrier's blocklist: it gets FailedOperation.PhoneNumberInBlacklist. */
  blockNumber(phone: string): void;
  calls(): SmsCallRecord[];
  messages(): SmsMessageRecord[];
  /** Back to the state just after start: no faults, blocked numbers, calls, messages or rate-limit history. */
  reset(): void;
}

/** Starts a Tencent Cloud SMS stand-in on 127.0.0.1; `stop()` it when done. */
export async function startSmsStandIn(options: SmsStandInOptions): Promise<SmsStandIn> {
  const { secretId, secretKey } = options;
  if (!secretId || !secretKey) throw new Error('SMS stand-in: secretId and secretKey are required');
  const state = createSmsState(
    {
      secretId,
      secretKey,
      now: options.now ?? Date.now,
      sdkAppId: options.sdkAppId,
      signNames: options.signNames,
      templates: options.templates,
      maxParamChars: options.maxParamChars === undefined ? DEFAULT_MAX_PARAM_CHARS : options.maxParamChars,
      dailyLimitPerNumber: options.dailyLimitPerNumber ?? DEFAULT_DAILY_LIMIT_PER_NUMBER,
    },
    options.random ?? Math.random,
  );
  const served = await serveStandIn(options.port, {
    control: controlDispatcher(smsControl(state)),
    call: (req, res, url, body) => answerSmsCall(state, req, res, url, body),
  });
  return {
    url: served.url,
    secretId,
    secretKey,
    stop: () => served.stop(),
    ...recordingHandle(state),
    blockNumber: (phone) => blockNumber(state, phone),
    reset: () => resetSmsState(state),
  };
}
