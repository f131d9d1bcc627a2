import type { HungAnswer, JsonAnswer, TextAnswer } from '../common/answers';
import { clearRecording, createRecording, type Recording } from '../common/recording';
import { checkFault, type SmsFaultRule } from './faults';

/** A call's answer as the call log shows it. */
export type SmsCallAnswer = JsonAnswer | TextAnswer | HungAnswer;

/** One request to the API, with the signature and any secret redacted. */
export interface SmsCallRecord {
  /** ISO time the request arrived, on the stand-in's clock. */
  at: string;
  request: {
    method: string;
    path: string;
    /** Content-Type, Host, the X-TC-* headers and Authorization with `Signature=[redacted]`. */
    headers: Record<string, string>;
    body?: unknown;
  };
  /** `ok` when the signature verified, else the AuthFailure code it got; absent when it was not checked. */
  auth?: string;
  /** Undefined while the answer is still being prepared (a delay fault). */
  answer?: SmsCallAnswer;
}

/** An SMS the stand-in accepted (status `Ok`), as Tencent would deliver it. */
export interface SmsMessageRecord {
  at: string;
  serialNo: string;
  requestId: string;
  /** E.164, as Tencent reports it. */
  phoneNumber: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  params: string[];
  /** The text the phone would show, when the template's text is known (`templates` option). */
  content?: string;
  fee: number;
  sessionContext?: string;
  extendCode?: string;
}

/** What an SMS stand-in is started with, defaults applied; fixed for its life. */
export interface SmsConfig {
  readonly secretId: string;
  readonly secretKey: string;
  /** The clock, in epoch milliseconds. */
  readonly now: () => number;
  /** When set, the only SmsSdkAppId accepted. */
  readonly sdkAppId: string | undefined;
  /** When set, the only signatures accepted. */
  readonly signNames: readonly string[] | undefined;
  /** When set, the only templates accepted: id → text with {1}, {2}… */
  readonly templates: Readonly<Record<string, string>> | undefined;
  /** Characters allowed in one template variable; null for no limit. */
  readonly maxParamChars: number | null;
  readonly dailyLimitPerNumber: number;
}

/** Everything one SMS stand-in remembers, in memory; each endpoint module reads and changes its part. */
export interface SmsState extends Recording<SmsFaultRule, SmsCallRecord, SmsMessageRecord> {
  readonly config: SmsConfig;
  /** E.164 numbers that unsubscribed or a carrier blocks. */
  readonly blocked: Set<string>;
  /** Accepted sends per number, for the frequency limits. */
  readonly sent: Map<string, Array<{ at: number; content: string }>>;
  /** Bumped by reset, so delayed calls from before it are dropped. */
  generation: number;
}

/** A fresh stand-in's state: nothing blocked, sent or recorded yet. */
export function createSmsState(config: SmsConfig, random: () => number): SmsState {
  return {
    config,
    ...createRecording<SmsFaultRule, SmsCallRecord, SmsMessageRecord>(checkFault, random),
    blocked: new Set(),
    sent: new Map(),
    generation: 0,
  };
}

/** Back to the state just after start: no faults, blocked numbers, calls, messages or rate-limit history. */
export function resetSmsState(state: SmsState): void {
  state.generation++;
  state.blocked.clear();
  state.sent.clear();
  clearRecording(state);
}
