import type { HungAnswer, JsonAnswer, TextAnswer } from '../common/answers';
import { clearRecording, createRecording, type Recording } from '../common/recording';
import { DEFAULT_RISKY_WORDS } from './endpoints/msg-sec-check';
import { DEFAULT_URL_LINK_DAILY_QUOTA } from './endpoints/urllink';
import { checkFault, type FaultRule } from './faults';
import type { StandInEndpoint } from './protocol';

/** A call's answer as the call log shows it: images by their size only. */
export type CallAnswer = JsonAnswer | TextAnswer | { status: number; contentType: string; bytes: number } | HungAnswer;

/** One call to a WeChat endpoint, with secrets redacted (the AppSecret fully, tokens and session keys masked). */
export interface CallRecord {
  endpoint: StandInEndpoint | 'unknown';
  /** ISO time the request arrived, on the stand-in's clock. */
  at: string;
  request: { method: string; path: string; query: Record<string, string>; body?: unknown };
  /** Undefined while the answer is still being prepared (a delay fault). */
  answer?: CallAnswer;
}

/** A subscribe message the stand-in accepted (errcode 0), as sent. */
export interface SubscribeMessageRecord {
  at: string;
  msgid: number;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

/** What a WeChat stand-in is started with; fixed for its life. */
export interface WeChatConfig {
  readonly appId: string;
  readonly appSecret: string;
  /** The clock, in epoch milliseconds. */
  readonly now: () => number;
  /** When set, wxacode with `check_path` refuses pages outside this list. */
  readonly releasedPages: readonly string[] | undefined;
  /** msgSecCheck's recent-use rule as started; reset() returns to it. */
  readonly requireRecentUse: boolean;
}

export interface LoginCode {
  openid: string;
  unionid?: string;
  mintedAt: number;
}

export interface Token {
  expiresAt: number;
  invalidated: boolean;
}

/** Everything one WeChat stand-in remembers, in memory; each endpoint module reads and changes its part. */
export interface WeChatState extends Recording<FaultRule, CallRecord, SubscribeMessageRecord> {
  readonly config: WeChatConfig;
  /** Login codes not yet used, by code. */
  readonly codes: Map<string, LoginCode>;
  /** openid → times of its sign-ins in the last minute, for the per-minute limit. */
  readonly logins: Map<string, number[]>;
  readonly tokens: Map<string, Token>;
  /** The token stable_token hands out while it is usable. */
  currentToken: string | undefined;
  tokenSerial: number;
  /** Times of today's force_refresh calls, for the daily ration. */
  forceRefreshes: number[];
  /** openids whose subscribe messages are refused (43101). */
  readonly refused: Set<string>;
  riskyWords: string[];
  reviewWords: string[];
  requireRecentUse: boolean;
  /** openid → when the user last used the mini-program (a login code, a sign-in, or the control API). */
  readonly lastActive: Map<string, number>;
  /** The last msgid handed out; not reset, so ids stay unique for the stand-in's life. */
  msgid: number;
  /** URL Links generated, by their URL (what the link opens, until when). */
  readonly urlLinks: Map<string, { path: string; query: string; envVersion: string; expiresAt: number }>;
  /** generate_urllink's daily quota, the day counted and the links generated that day. */
  urlLinkDailyQuota: number;
  urlLinkDay: string | undefined;
  urlLinksToday: number;
}

/** A fresh stand-in's state: nothing minted, issued, refused or recorded yet. */
export function createWeChatState(config: WeChatConfig, random: () => number): WeChatState {
  return {
    config,
    ...createRecording<FaultRule, CallRecord, SubscribeMessageRecord>(checkFault, random),
    codes: new Map(),
    logins: new Map(),
    tokens: new Map(),
    currentToken: undefined,
    tokenSerial: 0,
    forceRefreshes: [],
    refused: new Set(),
    riskyWords: [...DEFAULT_RISKY_WORDS],
    reviewWords: [],
    requireRecentUse: config.requireRecentUse,
    lastActive: new Map(),
    msgid: 3_000_000_000,
    urlLinks: new Map(),
    urlLinkDailyQuota: DEFAULT_URL_LINK_DAILY_QUOTA,
    urlLinkDay: undefined,
    urlLinksToday: 0,
  };
}

/** Back to the state just after start: no codes, tokens, faults, calls, messages or refusals. */
export function resetWeChatState(state: WeChatState): void {
  state.codes.clear();
  state.logins.clear();
  state.tokens.clear();
  state.currentToken = undefined;
  state.forceRefreshes = [];
  state.refused.clear();
  state.riskyWords = [...DEFAULT_RISKY_WORDS];
  state.reviewWords = [];
  state.requireRecentUse = state.config.requireRecentUse;
  state.lastActive.clear();
  state.urlLinks.clear();
  state.urlLinkDailyQuota = DEFAULT_URL_LINK_DAILY_QUOTA;
  state.urlLinkDay = undefined;
  state.urlLinksToday = 0;
  clearRecording(state);
}
