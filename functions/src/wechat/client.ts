import * as z from 'zod/mini';
import { WeChatError, WeChatUnavailable, type WeChatEndpoint } from './errors';

/**
 * The client for WeChat's server API (api.weixin.qq.com). One instance per cold start, like the other
 * clients: it holds no per-request state.
 *
 * Every call goes through `call`, which owns the parts WeChat makes easy to get wrong: a timeout on the
 * whole exchange (a hung connection must not eat the Lambda's time), HTTP 200 answers that are errors
 * (`errcode` ≠ 0), answers parsed with zod rather than trusted, and error messages that never carry the
 * AppSecret, which WeChat wants in the query string of some calls.
 *
 * It logs users in (code2Session), fetches the access token (stable_token), draws mini-program codes
 * (wxacode.getUnlimited), sends subscribe messages and checks user text (msgSecCheck v2).
 */

export interface WeChatClientOptions {
  /** `https://api.weixin.qq.com` in production; the stand-in's URL in tests and the local product. */
  readonly baseUrl: string;
  readonly appId: string;
  readonly appSecret: string;
  /** For the whole exchange, answer body included. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof globalThis.fetch;
}

/** Who logged in, as WeChat told us. */
export interface WeChatSession {
  readonly openid: string;
  /** Only when the mini-program is bound to a WeChat Open Platform account the user has used. */
  readonly unionid?: string;
  /**
   * The key WeChat shares with this user's mini-program session: it verifies and decrypts data the app
   * gets from WeChat (signatures, encrypted user data). It stays on the server — never returned by our API,
   * never logged, never stored beside the user's profile.
   */
  readonly sessionKey: string;
}

export interface WeChatClient {
  /**
   * Trades a login code from `wx.login()` for the user's identity. A code works once and for 5 minutes:
   * a second use is 40029 (final), so callers must not retry a login with the same code unless the error
   * says `retryable` (WeChat busy, 45011 too many logins this minute).
   */
  code2Session(code: string): Promise<WeChatSession>;
  /**
   * The app's access token. Without `forceRefresh` WeChat returns the current token (a new one near its
   * end): call it normally. `forceRefresh` is limited to 20 a day — only after a 40001 on a fresh token.
   */
  stableToken(forceRefresh?: boolean): Promise<{ accessToken: string; expiresIn: number }>;
  /** A mini-program code (PNG) that opens `page` with `scene` (≤ 32 visible characters). */
  getUnlimitedQrCode(accessToken: string, request: { scene: string; page: string; checkPath?: boolean; envVersion?: 'release' | 'trial' | 'develop'; width?: number }): Promise<Buffer>;
  /**
   * Sends one subscribe message. Resolves when WeChat accepted it (errcode 0). 43101 (the user has no
   * subscription quota left or refused) is a final `WeChatError`; 40001/42001 mean the token must be
   * renewed (see `withAccessToken`); 47003 means a field broke WeChat's limits — validate before sending.
   */
  sendSubscribeMessage(accessToken: string, message: SubscribeMessage): Promise<void>;
  /**
   * urllink.generate: a link (https://wxaurl.cn/…) that opens `path?query` in the mini-program from an H5 page or
   * an SMS, valid `expireDays` days (1–30). A daily quota applies (45009): cache links, do not mint one per view.
   */
  generateUrlLink(accessToken: string, request: { path: string; query: string; expireDays: number; envVersion?: 'release' | 'trial' | 'develop' }): Promise<string>;
  /** msgSecCheck v2: WeChat's verdict on a user's text. `openid` must have used the mini-program in the last 2 hours. */
  checkText(accessToken: string, request: { content: string; openid: string; scene: TextScene }): Promise<TextVerdict>;
}

export interface SubscribeMessage {
  readonly touser: string;
  readonly templateId: string;
  /** The mini-program page the message opens, with its query. */
  readonly page?: string;
  /** Field key (`thing2`, `phrase3`…) → value, already fitted to WeChat's limits. */
  readonly data: Readonly<Record<string, string>>;
  /** Which build the message opens: `formal` in production, `developer`/`trial` for test builds. */
  readonly miniprogramState?: 'developer' | 'trial' | 'formal';
}

/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type TextScene = 1 | 2 | 3 | 4;

export interface TextVerdict {
  readonly suggest: 'pass' | 'review' | 'risky';
  /** WeChat's label: 100 normal; 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他. */
  readonly label: number;
}

const StableTokenAnswer = z.object({ access_token: z.string().check(z.minLength(1)), expires_in: z.number().check(z.int(), z.positive()) });

/** WeChat's envelope: present on every error, and on some successes as `errcode: 0`. */
const ErrorEnvelope = z.object({ errcode: z.optional(z.number().check(z.int())), errmsg: z.optional(z.string()) });

const MsgSecCheckAnswer = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().check(z.int()) }),
});

const Code2SessionAnswer = z.object({
  openid: z.string().check(z.minLength(1)),
  session_key: z.string().check(z.minLength(1)),
  unionid: z.optional(z.string().check(z.minLength(1))),
});

interface CallSpec<Answer extends z.ZodMiniType> {
  readonly endpoint: WeChatEndpoint;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly answer: Answer;
  /** The success answer is an image, not JSON (an error still comes as JSON). */
  readonly image?: boolean;
}

export function createWeChatClient(options: WeChatClientOptions): WeChatClient {
  const { baseUrl, appId, appSecret, timeoutMs = 5000, fetch = globalThis.fetch } = options;
  // Fail at construction, not on a user's first login.
  if (!/^https?:\/\/[^/?#]+/.test(baseUrl)) throw new Error(`WeChat client: baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  if (!appId) throw new Error('WeChat client: appId is required');
  if (!appSecret) throw new Error('WeChat client: appSecret is required');
  if (!(timeoutMs > 0)) throw new Error('WeChat client: timeoutMs must be positive');
  const base = baseUrl.replace(/\/+$/, '');

  async function call<Answer extends z.ZodMiniType>(spec: CallSpec<Answer>): Promise<z.infer<Answer>> {
    const { endpoint } = spec;
    // The URL can hold the AppSecret: it must not reach an error message, so neither it nor the fetch
    // error (whose text can quote the URL) is ever passed on.
    const url = `${base}${spec.path}?${new URLSearchParams(spec.query).toString()}`;

    let status: number;
    let text: string;
    let image: Buffer | undefined;
    try {
      const response = await fetch(url, {
        method: spec.method,
        signal: AbortSignal.timeout(timeoutMs),
        ...(spec.body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec.body) }),
      });
      status = response.status;
      if (spec.image && (response.headers.get('content-type') ?? '').startsWith('image/')) {
        image = Buffer.from(await response.arrayBuffer());
        text = '';
      } else {
        text = await response.text();
      }
    } catch (error) {
      // Checked by name, not instanceof: fetch's DOMException and TypeError can come from another realm.
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new WeChatUnavailable(endpoint, 'timeout', `no answer within ${timeoutMs} ms`);
      }
      throw new WeChatUnavailable(endpoint, 'network', networkFailure(error));
    }

    if (status !== 200) throw new WeChatUnavailable(endpoint, 'http_status', `HTTP ${status}`, status);
    if (image) return spec.answer.parse(image) as z.infer<Answer>;

    // jscode2session answers JSON as text/plain, so the content type is not consulted.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new WeChatUnavailable(endpoint, 'bad_answer', 'the answer is not JSON');
    }
    const envelope = ErrorEnvelope.safeParse(json);
    if (!envelope.success) throw new WeChatUnavailable(endpoint, 'bad_answer', 'errcode is not a number');
    const { errcode, errmsg } = envelope.data;
    if (errcode !== undefined && errcode !== 0) throw new WeChatError(endpoint, errcode, errmsg ?? '');

    const parsed = spec.answer.safeParse(json);
    if (!parsed.success) {
      // Paths only: the values could be a session_key or a token.
      const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
      throw new WeChatUnavailable(endpoint, 'bad_answer', `unexpected answer at ${[...new Set(paths)].join(', ')}`);
    }
    return parsed.data;
  }

  return {
    async code2Session(code) {
      const answer = await call({
        endpoint: 'jscode2session',
        method: 'GET',
        path: '/sns/jscode2session',
        query: { appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' },
        answer: Code2SessionAnswer,
      });
      return {
        openid: answer.openid,
        sessionKey: answer.session_key,
        ...(answer.unionid === undefined ? {} : { unionid: answer.unionid }),
      };
    },

    async stableToken(forceRefresh = false) {
      const answer = await call({
        endpoint: 'stable_token',
        method: 'POST',
        path: '/cgi-bin/stable_token',
        query: {},
        body: { grant_type: 'client_credential', appid: appId, secret: appSecret, ...(forceRefresh ? { force_refresh: true } : {}) },
        answer: StableTokenAnswer,
      });
      return { accessToken: answer.access_token, expiresIn: answer.expires_in };
    },

    async getUnlimitedQrCode(accessToken, request) {
      const answer = await call({
        endpoint: 'wxacode',
        method: 'POST',
        path: '/wxa/getwxacodeunlimit',
        query: { access_token: accessToken },
        body: {
          scene: request.scene,
          page: request.page,
          check_path: request.checkPath ?? true,
          env_version: request.envVersion ?? 'release',
          ...(request.width ? { width: request.width } : {}),
        },
        answer: z.instanceof(Buffer),
        image: true,
      });
      return answer;
    },

    async sendSubscribeMessage(accessToken, message) {
      await call({
        endpoint: 'subscribe_send',
        method: 'POST',
        path: '/cgi-bin/message/subscribe/send',
        query: { access_token: accessToken },
        body: {
          touser: message.touser,
          template_id: message.templateId,
          ...(message.page === undefined ? {} : { page: message.page }),
          data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
          miniprogram_state: message.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        },
        answer: ErrorEnvelope,
      });
    },

    async generateUrlLink(accessToken, request) {
      const answer = await call({
        endpoint: 'urllink',
        method: 'POST',
        path: '/wxa/generate_urllink',
        query: { access_token: accessToken },
        body: { path: request.path, query: request.query, env_version: request.envVersion ?? 'release', expire_type: 1, expire_interval: request.expireDays },
        answer: z.object({ url_link: z.url() }),
      });
      return answer.url_link;
    },

    async checkText(accessToken, request) {
      const answer = await call({
        endpoint: 'msg_sec_check',
        method: 'POST',
        path: '/wxa/msg_sec_check',
        query: { access_token: accessToken },
        body: { content: request.content, version: 2, scene: request.scene, openid: request.openid },
        answer: MsgSecCheckAnswer,
      });
      return { suggest: answer.result.suggest, label: answer.result.label };
    },
  };
}

/** A network failure's system code (ECONNREFUSED, ECONNRESET…), which names no URL. */
function networkFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? `request failed (${cause.code})` : 'request failed';
}
