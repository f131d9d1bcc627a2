import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { beijingDayStart, commonControl, ControlError, parseJson, parseObject, serveStandIn, sleep, type Json } from '../common/http';
import * as QRCode from 'qrcode';
import { encodePng, type GreyImage } from './png';
import { characterCount, firstInvalidField } from './subscribe-fields';

/**
 * A stand-in for the WeChat server API (api.weixin.qq.com), for tests and the local product. It speaks
 * WeChat's real paths, JSON shapes and error codes — HTTP 200 with `errcode`/`errmsg` for WeChat-level
 * errors, as the real server does — so the production client is the code under test. A control API under
 * `/__control/` (and the same operations on the returned handle) mints login codes and injects faults:
 * WeChat error codes, HTTP 5xx, slow answers and hangs.
 *
 * Listens on 127.0.0.1 only. State is in memory and per instance.
 */

export const STAND_IN_ENDPOINTS = ['jscode2session', 'stable_token', 'subscribe_send', 'msg_sec_check', 'wxacode'] as const;
export type StandInEndpoint = (typeof STAND_IN_ENDPOINTS)[number];

const PATHS: Readonly<Record<string, StandInEndpoint>> = {
  '/sns/jscode2session': 'jscode2session',
  '/cgi-bin/stable_token': 'stable_token',
  '/cgi-bin/message/subscribe/send': 'subscribe_send',
  '/wxa/msg_sec_check': 'msg_sec_check',
  '/wxa/getwxacodeunlimit': 'wxacode',
};

export const DEFAULT_APP_ID = 'wx0000000000000000';
/** A fixed, recognisable test secret (32 hex digits, like a real AppSecret); it must never show up in logs. */
export const DEFAULT_APP_SECRET = 'f00dfacecafe5ec7e7000000000057a1';

const CODE_TTL_MS = 5 * 60_000;
const LOGIN_LIMIT_PER_MINUTE = 100;
const TOKEN_TTL_MS = 7_200_000;
/** A token handed out by stable_token stays valid at least this long; with less left, a new one is issued. */
const TOKEN_MIN_REMAINING_MS = 300_000;
const FORCE_REFRESH_PER_DAY = 20;
const FORCE_REFRESH_MIN_GAP_MS = 30_000;
const MSG_SEC_CHECK_MAX_CHARS = 2500;
/** msgSecCheck checks text only for users who used the mini-program this recently (else 61010). */
const RECENT_USE_MS = 2 * 3_600_000;
const DEFAULT_RISKY_WORDS = ['赌博', '代开发票', '特3456书yuuo莞6543李zxcz蒜7782法fgnv级'];
/** WeChat's label for 违法犯罪 in msgSecCheck v2 answers; 100 means normal. */
const RISKY_LABEL = 20006;
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

/** The errmsg the real server sends with each code (it appends a request id, `rid: …`, as we do). */
const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40169: 'invalid length for scene, or the data is not json string',
  40226: 'high risk user, login blocked',
  41001: 'access_token missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
  61010: 'code is expired',
};

/**
 * A fault to inject into the next matching calls. `errcode` answers HTTP 200 with that WeChat error;
 * `http_status` answers with that status (e.g. 503) and no JSON; `delay` waits `ms` and then answers
 * normally; `hang` never answers (for client timeouts); `body` answers HTTP 200 with `body` as is (a
 * proxy's HTML page, a truncated or reshaped JSON); `lost_answer` does the work (a message is sent) and
 * then never answers — the case where the caller cannot know it succeeded. A rule applies `times` times (default 1), each time
 * with `probability` (default 1); rules are tried in order and the first that fires wins.
 */
export interface FaultRule {
  endpoint: StandInEndpoint;
  kind: 'errcode' | 'http_status' | 'delay' | 'hang' | 'body' | 'lost_answer';
  errcode?: number;
  /** Overrides the errmsg for `errcode` faults. */
  errmsg?: string;
  status?: number;
  ms?: number;
  body?: string;
  /** For `body` faults; text/html unless given. */
  contentType?: string;
  times?: number;
  probability?: number;
}

export type CallAnswer =
  | { status: number; contentType: string; json: unknown }
  | { status: number; contentType: string; text: string }
  | { status: number; contentType: string; bytes: number }
  | { hung: true };

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

type Answer =
  | { status: number; contentType: string; json: unknown }
  | { status: number; contentType: string; text: string }
  | { status: number; contentType: string; png: Buffer };


interface Token {
  expiresAt: number;
  invalidated: boolean;
}

export async function startWeChatStandIn(options: WeChatStandInOptions = {}): Promise<WeChatStandIn> {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const appSecret = options.appSecret ?? DEFAULT_APP_SECRET;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;

  const state = {
    codes: new Map<string, { openid: string; unionid?: string; mintedAt: number }>(),
    logins: new Map<string, number[]>(),
    tokens: new Map<string, Token>(),
    currentToken: undefined as string | undefined,
    tokenSerial: 0,
    forceRefreshes: [] as number[],
    refused: new Set<string>(),
    riskyWords: [...DEFAULT_RISKY_WORDS],
    reviewWords: [] as string[],
    requireRecentUse: options.requireRecentUse ?? false,
    /** openid → when the user last used the mini-program (a login code, a sign-in, or the control API). */
    lastActive: new Map<string, number>(),
    faults: [] as Array<FaultRule & { remaining: number }>,
    calls: [] as CallRecord[],
    messages: [] as SubscribeMessageRecord[],
    msgid: 3_000_000_000,
  };

  const iso = (): string => new Date(now()).toISOString();
  const rid = (): string => [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
  const ok = (body: Json = {}): Answer => ({ status: 200, contentType: JSON_TYPE, json: { errcode: 0, errmsg: 'ok', ...body } });
  const fail = (errcode: number, errmsg?: string): Answer => ({
    status: 200,
    contentType: JSON_TYPE,
    json: { errcode, errmsg: `${errmsg ?? ERRMSG[errcode] ?? 'error'} rid: ${rid()}` },
  });

  // ---- WeChat endpoints -------------------------------------------------------------------------------

  function jscode2session(query: URLSearchParams): Answer {
    if (query.get('appid') !== appId) return asText(fail(40013));
    if (query.get('secret') !== appSecret) return asText(fail(40125));
    if (query.get('grant_type') !== 'authorization_code') return asText(fail(40002));
    const code = query.get('js_code');
    if (!code) return asText(fail(41008));
    const minted = state.codes.get(code);
    if (!minted || now() - minted.mintedAt > CODE_TTL_MS) return asText(fail(40029));

    const recent = (state.logins.get(minted.openid) ?? []).filter((t) => now() - t < 60_000);
    if (recent.length >= LOGIN_LIMIT_PER_MINUTE) return asText(fail(45011));
    state.logins.set(minted.openid, [...recent, now()]);

    state.codes.delete(code);
    state.lastActive.set(minted.openid, now());
    return asText({
      status: 200,
      contentType: JSON_TYPE,
      json: {
        session_key: randomBytes(16).toString('base64'),
        openid: minted.openid,
        ...(minted.unionid ? { unionid: minted.unionid } : {}),
      },
    });
  }

  function stableToken(body: Json): Answer {
    if (body.grant_type !== 'client_credential') return fail(40002);
    if (body.appid !== appId) return fail(40013);
    if (body.secret !== appSecret) return fail(40125);
    if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') return fail(47001);

    const current = state.currentToken ? state.tokens.get(state.currentToken) : undefined;
    const usable = current && !current.invalidated && current.expiresAt - now() >= TOKEN_MIN_REMAINING_MS;

    if (body.force_refresh === true) {
      const dayStart = beijingDayStart(now());
      state.forceRefreshes = state.forceRefreshes.filter((t) => t >= dayStart);
      const last = state.forceRefreshes.at(-1);
      if (state.forceRefreshes.length >= FORCE_REFRESH_PER_DAY) return fail(45009);
      if (last !== undefined && now() - last < FORCE_REFRESH_MIN_GAP_MS) {
        return fail(45009, 'reach max api daily quota limit, force_refresh at most once per 30 seconds');
      }
      state.forceRefreshes.push(now());
      // Forcing a refresh ends every earlier token at once: that is why WeChat rations it.
      for (const token of state.tokens.values()) token.invalidated = true;
    } else if (usable) {
      return tokenAnswer(state.currentToken!, current);
    }

    // A normal refresh leaves the old token valid until it expires, so in-flight callers are not broken.
    const token = `${++state.tokenSerial}_${randomBytes(72).toString('base64url')}`;
    const entry = { expiresAt: now() + TOKEN_TTL_MS, invalidated: false };
    state.tokens.set(token, entry);
    state.currentToken = token;
    return tokenAnswer(token, entry);
  }

  function tokenAnswer(token: string, entry: Token): Answer {
    return {
      status: 200,
      contentType: JSON_TYPE,
      json: { access_token: token, expires_in: Math.floor((entry.expiresAt - now()) / 1000) },
    };
  }

  /** The token check every access_token endpoint does first: undefined when the token is good. */
  function rejectToken(query: URLSearchParams): Answer | undefined {
    const token = query.get('access_token');
    if (!token) return fail(41001);
    const entry = state.tokens.get(token);
    if (!entry || entry.invalidated) return fail(40001);
    if (entry.expiresAt <= now()) return fail(42001);
    return undefined;
  }

  function subscribeSend(body: Json): Answer {
    if (typeof body.touser !== 'string' || body.touser === '') return fail(40003);
    if (typeof body.template_id !== 'string' || body.template_id === '') return fail(40037);
    const invalid = firstInvalidField(body.data);
    if (invalid) return fail(47003, `argument invalid! ${invalid} invalid`);
    if (state.refused.has(body.touser)) return fail(43101);

    const msgid = ++state.msgid;
    state.messages.push({
      at: iso(),
      msgid,
      touser: body.touser,
      template_id: body.template_id,
      data: body.data as Record<string, { value: string }>,
      ...optionalStrings(body, ['page', 'miniprogram_state', 'lang']),
    });
    return ok({ msgid });
  }

  function msgSecCheck(body: Json): Answer {
    if (body.version !== 2) return fail(47001);
    if (typeof body.openid !== 'string' || body.openid === '') return fail(40003);
    if (typeof body.scene !== 'number' || ![1, 2, 3, 4].includes(body.scene)) return fail(40129, 'invalid scene');
    if (typeof body.content !== 'string' || body.content === '') return fail(44002);
    // The documented limit is 2,500 characters; msgSecCheck v2 documents no code of its own for a longer
    // text, so the stand-in answers with the one it documents for bad parameters.
    if (characterCount(body.content) > MSG_SEC_CHECK_MAX_CHARS) {
      return fail(47001, `data format error, content longer than ${MSG_SEC_CHECK_MAX_CHARS} characters`);
    }
    if (state.requireRecentUse) {
      const lastActive = state.lastActive.get(body.openid);
      if (lastActive === undefined || now() - lastActive > RECENT_USE_MS) return fail(61010);
    }

    const content = body.content;
    const risky = state.riskyWords.find((word) => content.includes(word));
    const review = risky ? undefined : state.reviewWords.find((word) => content.includes(word));
    const keyword = risky ?? review;
    const suggest = risky ? 'risky' : review ? 'review' : 'pass';
    const label = keyword ? RISKY_LABEL : 100;
    return ok({
      detail: [
        keyword
          ? { strategy: 'keyword', errcode: 0, suggest, label, level: risky ? 90 : 60, keyword }
          : { strategy: 'keyword', errcode: 0 },
        { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
      ],
      trace_id: rid(),
      result: { suggest, label },
    });
  }

  function wxacode(body: Json): Answer {
    const { scene, page } = body;
    // The real server's answers for a bad scene: 40169 when empty or too long, 40129 for characters
    // outside the documented set (there is no percent-encoding, so Chinese must be encoded by us).
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) return fail(40169);
    if (!SCENE_CHARS.test(scene)) return fail(40129);
    if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) return fail(41030);
    const envVersion = body.env_version ?? 'release';
    if (envVersion !== 'release' && envVersion !== 'trial' && envVersion !== 'develop') return fail(40097);
    const checkPath = body.check_path ?? true;
    if (typeof checkPath !== 'boolean') return fail(40097);
    if (checkPath && page !== undefined && options.releasedPages && !options.releasedPages.includes(page)) {
      return fail(41030);
    }
    if (body.width !== undefined && typeof body.width !== 'number') return fail(40097);

    // WeChat draws 280–1280 px and clamps anything outside; 430 px when no width is asked for.
    const width = Math.min(1280, Math.max(280, Math.round((body.width as number | undefined) ?? 430)));
    const text: Record<string, string> = { scene, env_version: envVersion };
    if (typeof page === 'string') text.page = page;
    text.Comment = "fangxin WeChat stand-in: a standard QR code of the scene, not WeChat's round mini-program code";
    return { status: 200, contentType: 'image/png', png: encodePng(qrPicture(scene, width), text) };
  }

  // ---- request handling -------------------------------------------------------------------------------

  function route(endpoint: StandInEndpoint, method: string, query: URLSearchParams, rawBody: string): Answer {
    if (endpoint === 'jscode2session') return method === 'GET' ? jscode2session(query) : fail(43001);
    if (method !== 'POST') return fail(43002);
    if (endpoint !== 'stable_token') {
      const rejected = rejectToken(query);
      if (rejected) return rejected;
    }
    if (rawBody.trim() === '') return fail(44002);
    const body = parseObject(rawBody);
    if (!body) return fail(47001);
    switch (endpoint) {
      case 'stable_token':
        return stableToken(body);
      case 'subscribe_send':
        return subscribeSend(body);
      case 'msg_sec_check':
        return msgSecCheck(body);
      case 'wxacode':
        return wxacode(body);
    }
  }

  function takeFault(endpoint: StandInEndpoint): FaultRule | undefined {
    // Rules are tried in order, each with its own probability, so a mix (8% 503, 6% busy…) can be given.
    const rule = state.faults.find((f) => f.endpoint === endpoint && f.remaining > 0 && random() < (f.probability ?? 1));
    if (!rule) return undefined;
    rule.remaining--;
    state.faults = state.faults.filter((f) => f.remaining > 0);
    return rule;
  }

  async function onWeChatCall(req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string): Promise<void> {
    const endpoint = PATHS[url.pathname];
    const record: CallRecord = {
      endpoint: endpoint ?? 'unknown',
      at: iso(),
      request: redactRequest(req.method ?? 'GET', url, rawBody),
    };
    state.calls.push(record);
    if (!endpoint) {
      record.answer = { status: 404, contentType: 'text/plain', bytes: 0 };
      res.writeHead(404, { 'content-type': 'text/plain' }).end();
      return;
    }

    const fault = takeFault(endpoint);
    if (fault?.kind === 'hang') {
      record.answer = { hung: true };
      return; // never answered; the socket is closed by the client's timeout or by stop()
    }
    if (fault?.kind === 'lost_answer') {
      route(endpoint, req.method ?? 'GET', url.searchParams, rawBody); // done (a message is sent)…
      record.answer = { hung: true };
      return; // …but the answer is lost on the way back
    }
    if (fault?.kind === 'delay') await sleep(fault.ms ?? 0);

    const answer: Answer =
      fault?.kind === 'errcode'
        ? fail(fault.errcode ?? -1, fault.errmsg)
        : fault?.kind === 'http_status'
          ? { status: fault.status ?? 503, contentType: 'text/html', text: `<html><body>${fault.status ?? 503}</body></html>` }
          : fault?.kind === 'body'
            ? { status: 200, contentType: fault.contentType ?? 'text/html', text: fault.body ?? '' }
          : route(endpoint, req.method ?? 'GET', url.searchParams, rawBody);

    record.answer =
      'png' in answer
        ? { status: answer.status, contentType: answer.contentType, bytes: answer.png.length }
        : 'text' in answer
          ? { status: answer.status, contentType: answer.contentType, text: redactText(answer.text) }
          : { status: answer.status, contentType: answer.contentType, json: redactAnswer(answer.json) };
    if (res.destroyed) return; // the client gave up during a delay
    const payload = 'png' in answer ? answer.png : 'text' in answer ? answer.text : JSON.stringify(answer.json);
    res.writeHead(answer.status, { 'content-type': answer.contentType }).end(payload);
  }

  // ---- control ------------------------------------------------------------------------------------------

  let served: Awaited<ReturnType<typeof serveStandIn>>;

  const handle: WeChatStandIn = {
    url: '',
    appId,
    appSecret,
    stop: () => served.stop(),
    mintLoginCode(openid, { unionid } = {}) {
      if (!openid) throw new ControlError('openid is required');
      const code = randomBytes(24).toString('base64url');
      state.codes.set(code, { openid, mintedAt: now(), ...(unionid ? { unionid } : {}) });
      // wx.login runs inside the mini-program: the user is using it now.
      state.lastActive.set(openid, now());
      return code;
    },
    injectFaults(rules) {
      const checked = rules.map(checkFault);
      state.faults.push(...checked.map((rule) => ({ ...rule, remaining: rule.times ?? 1 })));
    },
    clearFaults() {
      state.faults = [];
    },
    expireToken(errcode = 40001) {
      const entry = state.currentToken ? state.tokens.get(state.currentToken) : undefined;
      if (!entry) return false;
      if (errcode === 42001) entry.expiresAt = now();
      else entry.invalidated = true;
      return true;
    },
    refuseSubscriber(openid) {
      state.refused.add(openid);
    },
    setRiskyWords(words, reviewWords = []) {
      state.riskyWords = [...words];
      state.reviewWords = [...reviewWords];
    },
    requireRecentUse(on) {
      state.requireRecentUse = on;
    },
    markUserActive(openid, at = now()) {
      if (!openid) throw new ControlError('openid is required');
      state.lastActive.set(openid, at);
    },
    calls: () => structuredClone(state.calls),
    messages: () => structuredClone(state.messages),
    reset() {
      state.codes.clear();
      state.logins.clear();
      state.tokens.clear();
      state.currentToken = undefined;
      state.forceRefreshes = [];
      state.refused.clear();
      state.riskyWords = [...DEFAULT_RISKY_WORDS];
      state.reviewWords = [];
      state.requireRecentUse = options.requireRecentUse ?? false;
      state.lastActive.clear();
      state.faults = [];
      state.calls = [];
      state.messages = [];
    },
  };

  function onControl(method: string, path: string, rawBody: string): { status: number; json: unknown } {
    const body = (): Json => {
      const parsed = rawBody.trim() === '' ? {} : parseJson(rawBody);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ControlError('expected a JSON object');
      return parsed as Json;
    };
    const key = `${method} ${path}`;
    switch (key) {
      case 'POST /__control/codes': {
        const { openid, unionid } = body();
        if (typeof openid !== 'string') throw new ControlError('openid (string) is required');
        if (unionid !== undefined && typeof unionid !== 'string') throw new ControlError('unionid must be a string');
        return { status: 200, json: { code: handle.mintLoginCode(openid, unionid ? { unionid } : {}) } };
      }
      case 'POST /__control/faults': {
        const rules = parseJson(rawBody);
        if (!Array.isArray(rules)) throw new ControlError('expected a JSON list of fault rules');
        handle.injectFaults(rules as FaultRule[]);
        return { status: 200, json: { pending: state.faults.length } };
      }
      case 'DELETE /__control/faults':
        handle.clearFaults();
        return { status: 200, json: { pending: 0 } };
      case 'POST /__control/expire-token': {
        const { errcode } = body();
        if (errcode !== undefined && errcode !== 40001 && errcode !== 42001) throw new ControlError('errcode must be 40001 or 42001');
        return { status: 200, json: { expired: handle.expireToken(errcode) } };
      }
      case 'POST /__control/refuse-subscriber': {
        const { openid } = body();
        if (typeof openid !== 'string' || !openid) throw new ControlError('openid (string) is required');
        handle.refuseSubscriber(openid);
        return { status: 200, json: { refused: [...state.refused] } };
      }
      case 'POST /__control/risky-words': {
        const { words, reviewWords } = body();
        if (!isStringList(words) || (reviewWords !== undefined && !isStringList(reviewWords))) {
          throw new ControlError('words (and reviewWords, if given) must be lists of non-empty strings');
        }
        handle.setRiskyWords(words, reviewWords);
        return { status: 200, json: { words, reviewWords: reviewWords ?? [] } };
      }
      case 'POST /__control/msg-sec-check': {
        const { requireRecentUse } = body();
        if (typeof requireRecentUse !== 'boolean') throw new ControlError('requireRecentUse (boolean) is required');
        handle.requireRecentUse(requireRecentUse);
        return { status: 200, json: { requireRecentUse } };
      }
      case 'POST /__control/active-users': {
        const { openid, at } = body();
        if (typeof openid !== 'string' || !openid) throw new ControlError('openid (string) is required');
        const when = at === undefined ? now() : typeof at === 'string' ? Date.parse(at) : NaN;
        if (Number.isNaN(when)) throw new ControlError('at must be an ISO time');
        handle.markUserActive(openid, when);
        return { status: 200, json: { openid, activeAt: new Date(when).toISOString() } };
      }
      default:
        return commonControl(key, handle);
    }
  }

  served = await serveStandIn(options.port, {
    control: onControl,
    call: (req, res, url, body) => onWeChatCall(req, res, url, body.toString('utf8')),
  });
  return { ...handle, url: served.url };
}

// ---- helpers ------------------------------------------------------------------------------------------

const JSON_TYPE = 'application/json; encoding=utf-8';

/** jscode2session answers JSON with a text/plain content type, as the real server does. */
function asText(answer: Answer): Answer {
  return { ...answer, contentType: 'text/plain' };
}




function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}

function optionalStrings(body: Json, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (typeof body[k] === 'string' ? [[k, body[k]]] : [])));
}

function checkFault(rule: FaultRule): FaultRule {
  const where = `fault ${JSON.stringify(rule)}`;
  if (typeof rule !== 'object' || rule === null) throw new ControlError(`${where}: expected an object`);
  if (!(STAND_IN_ENDPOINTS as readonly string[]).includes(rule.endpoint)) {
    throw new ControlError(`${where}: endpoint must be one of ${STAND_IN_ENDPOINTS.join(', ')}`);
  }
  const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
  switch (rule.kind) {
    case 'errcode':
      if (!Number.isInteger(rule.errcode) || rule.errcode === 0) throw new ControlError(`${where}: errcode (non-zero integer) is required`);
      break;
    case 'http_status':
      if (!Number.isInteger(rule.status) || rule.status! < 400 || rule.status! > 599) {
        throw new ControlError(`${where}: status (400–599) is required`);
      }
      break;
    case 'delay':
      if (!isNumber(rule.ms) || rule.ms < 0) throw new ControlError(`${where}: ms (≥ 0) is required`);
      break;
    case 'hang':
    case 'lost_answer':
      break;
    case 'body':
      if (typeof rule.body !== 'string') throw new ControlError(`${where}: body (string) is required`);
      break;
    default:
      throw new ControlError(`${where}: kind must be errcode, http_status, delay, hang, lost_answer or body`);
  }
  if (rule.times !== undefined && (!isNumber(rule.times) || rule.times < 1)) throw new ControlError(`${where}: times must be ≥ 1`);
  if (rule.probability !== undefined && (!isNumber(rule.probability) || rule.probability < 0 || rule.probability > 1)) {
    throw new ControlError(`${where}: probability must be between 0 and 1`);
  }
  return rule;
}

const REDACTED = '[redacted]';
/** Enough of a token to tell two apart in a log, not enough to use it. */
const mask = (value: string): string => `…${value.slice(-6)}`;

function redactRequest(method: string, url: URL, rawBody: string): CallRecord['request'] {
  const query = Object.fromEntries(url.searchParams);
  if ('secret' in query) query.secret = REDACTED;
  if (query.access_token) query.access_token = mask(query.access_token);
  const request: CallRecord['request'] = { method, path: url.pathname, query };
  if (rawBody !== '') {
    const body = parseObject(rawBody);
    if (body && 'secret' in body) body.secret = REDACTED;
    // An unparseable body is kept as text only when it cannot carry the secret.
    request.body = body ?? (rawBody.includes('secret') ? REDACTED : rawBody);
  }
  return request;
}

/** A raw answer (from a `body` fault) can be JSON carrying a session key too. */
function redactText(text: string): string {
  const json = parseObject(text);
  return json ? JSON.stringify(redactAnswer(json)) : text;
}

function redactAnswer(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return json;
  const copy = { ...(json as Json) };
  if (typeof copy.session_key === 'string') copy.session_key = REDACTED;
  if (typeof copy.access_token === 'string') copy.access_token = mask(copy.access_token);
  return copy;
}


/** The least white left around the symbol, in modules: scanners need a quiet zone to find its edge. */
const QR_MARGIN_MODULES = 2;

/**
 * WeChat's real code is a round "sun code" only WeChat can read; the stand-in draws a standard QR code of
 * exactly the scene instead (error correction M, as printed shop signs need), so the local product and
 * the tests can decode what a scan would give. Modules are a whole number of pixels, centred, so the
 * quiet zone is at least {@link QR_MARGIN_MODULES} modules and the picture is exactly `width` square.
 */
function qrPicture(scene: string, width: number): GreyImage {
  const { size, data } = QRCode.create(scene, { errorCorrectionLevel: 'M' }).modules;
  const scale = Math.floor(width / (size + 2 * QR_MARGIN_MODULES));
  const offset = Math.floor((width - scale * size) / 2);
  const pixels = new Uint8Array(width * width).fill(255);
  const row = new Uint8Array(width);
  for (let y = 0; y < size; y++) {
    row.fill(255);
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) row.fill(0, offset + x * scale, offset + (x + 1) * scale);
    }
    for (let line = 0; line < scale; line++) pixels.set(row, (offset + y * scale + line) * width);
  }
  return { width, height: width, pixels };
}
