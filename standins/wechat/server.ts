import { controlDispatcher } from '../common/control';
import { serveStandIn } from '../common/http';
import { recordingHandle } from '../common/recording';
import { answerWeChatCall } from './dispatch';
import { mintLoginCode } from './endpoints/code2session';
import { weChatControl } from './endpoints/control';
import { markUserActive, setRiskyWords } from './endpoints/msg-sec-check';
import { expireToken } from './endpoints/stable-token';
import { refuseSubscriber } from './endpoints/subscribe-send';
import type { FaultRule } from './faults';
import { createWeChatState, resetWeChatState, type CallRecord, type SubscribeMessageRecord } from './state';

/**
 * A stand-in for the WeChat server API (api.weixin.qq.com), for tests and the local product. It speaks
 * WeChat's real paths, JSON shapes and error codes — HTTP 200 with `errcode`/`errmsg` for WeChat-level
 * errors, as the real server does — so the production client is the code under test. A control API under
 * `/__control/` (and the same operations on the returned handle) mints login codes and injects faults:
 * WeChat error codes, HTTP 5xx, slow answers and hangs.
 *
 * Listens on 127.0.0.1 only. State is in memory and per instance. Each endpoint is a module under
 * `endpoints/` over the state in `state.ts`; `dispatch.ts` routes calls and applies faults.
 */

export { STAND_IN_ENDPOINTS, type StandInEndpoint } from './protocol';
export type { FaultRule } from './faults';
export type { CallAnswer, CallRecord, SubscribeMessageRecord } from './state';

export const DEFAULT_APP_ID = 'wx0000000000000000';
/** A fixed, recognisable test secret (32 hex digits, like a real AppSecret); it must never show up in logs. */
export const DEFAULT_APP_SECRET = 'f00dfacecafe5ec7e7000000000057a1';

export interface WeChatStandInOptions {
  /** 0 or absent: a free port chosen by the OS. */
  port?: number;
  appId?: string;
  appSecret?: string;
  /** The clock, in epoch milliseconds; tests pass their own to expire codes and tokens without waiting. */
  now?: () => number;
  /** Random numbers in [0, 1) for fault `probability`. */
  random?: () => number;
  /** When set, wxacode with `check_path` (default true) refuses pages outside this list with 41030. */
  releasedPages?: readonly string[];
  /**
   * msgSecCheck as WeChat runs it: only for an openid that used the mini-program in the last 2 hours
   * (signed in through jscode2session, had a login code minted, or was marked with `markUserActive`);
   * others get 61010. Off unless asked for, so protocol tests and the demo seed, which check text for
   * openids that never signed in, keep working.
   */
  requireRecentUse?: boolean;
}

export interface WeChatStandIn {
  readonly url: string;
  readonly appId: string;
  readonly appSecret: string;
  stop(): Promise<void>;
  /** A login code for `openid`, valid once and for 5 minutes — what `wx.login()` would give that user. */
  mintLoginCode(openid: string, options?: { unionid?: string }): string;
  injectFaults(rules: readonly FaultRule[]): void;
  clearFaults(): void;
  /**
   * Ends the current access token: 40001 (invalidated, as when another process force-refreshed it) by
   * default, or 42001 (expired). The next stable_token call issues a new one.
   */
  expireToken(errcode?: 40001 | 42001): boolean;
  /** This user refused the subscription or has no quota left: sends to them get 43101. */
  refuseSubscriber(openid: string): void;
  /** Replaces the words msgSecCheck finds risky (and, optionally, those it sends to review). */
  setRiskyWords(words: readonly string[], reviewWords?: readonly string[]): void;
  /** Turns msgSecCheck's "used the mini-program in the last 2 hours" rule on or off (see the option). */
  requireRecentUse(on: boolean): void;
  /** This user used the mini-program at `at` (epoch ms; now by default), as far as msgSecCheck is concerned. */
  markUserActive(openid: string, at?: number): void;
  calls(): CallRecord[];
  messages(): SubscribeMessageRecord[];
  /** Back to the state just after start: no codes, tokens, faults, calls, messages or refusals. */
  reset(): void;
}

/** Starts a WeChat stand-in on 127.0.0.1; `stop()` it when done. */
export async function startWeChatStandIn(options: WeChatStandInOptions = {}): Promise<WeChatStandIn> {
  const state = createWeChatState(
    {
      appId: options.appId ?? DEFAULT_APP_ID,
      appSecret: options.appSecret ?? DEFAULT_APP_SECRET,
      now: options.now ?? Date.now,
      releasedPages: options.releasedPages,
      requireRecentUse: options.requireRecentUse ?? false,
    },
    options.random ?? Math.random,
  );
  const served = await serveStandIn(options.port, {
    control: controlDispatcher(weChatControl(state)),
    call: (req, res, url, body) => answerWeChatCall(state, req, res, url, body.toString('utf8')),
  });
  return {
    url: served.url,
    appId: state.config.appId,
    appSecret: state.config.appSecret,
    stop: () => served.stop(),
    ...recordingHandle(state),
    mintLoginCode: (openid, { unionid } = {}) => mintLoginCode(state, openid, unionid),
    expireToken: (errcode = 40001) => expireToken(state, errcode),
    refuseSubscriber: (openid) => refuseSubscriber(state, openid),
    setRiskyWords: (words, reviewWords = []) => setRiskyWords(state, words, reviewWords),
    requireRecentUse: (on) => {
      state.requireRecentUse = on;
    },
    markUserActive: (openid, at = state.config.now()) => markUserActive(state, openid, at),
    reset: () => resetWeChatState(state),
  };
}
