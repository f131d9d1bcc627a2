import { randomBytes } from 'node:crypto';
import type { Answer } from '../../common/answers';
import { beijingDayStart, type Json } from '../../common/http';
import { fail, JSON_TYPE } from '../protocol';
import type { Token, WeChatState } from '../state';

const TOKEN_TTL_MS = 7_200_000;
/** A token handed out by stable_token stays valid at least this long; with less left, a new one is issued. */
const TOKEN_MIN_REMAINING_MS = 300_000;
const FORCE_REFRESH_PER_DAY = 20;
const FORCE_REFRESH_MIN_GAP_MS = 30_000;

/**
 * POST /cgi-bin/stable_token: the app's access token. The same token is handed out until it nears expiry;
 * `force_refresh` issues a new one at once and is rationed, because it ends every earlier token.
 */
export function stableToken(state: WeChatState, body: Json): Answer {
  const { appId, appSecret } = state.config;
  if (body.grant_type !== 'client_credential') return fail(40002);
  if (body.appid !== appId) return fail(40013);
  if (body.secret !== appSecret) return fail(40125);
  if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') return fail(47001);

  const at = state.config.now();
  const current = state.currentToken ? state.tokens.get(state.currentToken) : undefined;
  const usable = current && !current.invalidated && current.expiresAt - at >= TOKEN_MIN_REMAINING_MS;

  if (body.force_refresh === true) {
    const dayStart = beijingDayStart(at);
    state.forceRefreshes = state.forceRefreshes.filter((t) => t >= dayStart);
    const last = state.forceRefreshes.at(-1);
    if (state.forceRefreshes.length >= FORCE_REFRESH_PER_DAY) return fail(45009);
    if (last !== undefined && at - last < FORCE_REFRESH_MIN_GAP_MS) {
      return fail(45009, 'reach max api daily quota limit, force_refresh at most once per 30 seconds');
    }
    state.forceRefreshes.push(at);
    // Forcing a refresh ends every earlier token at once: that is why WeChat rations it.
    for (const token of state.tokens.values()) token.invalidated = true;
  } else if (usable) {
    return tokenAnswer(state.currentToken!, current, at);
  }

  // A normal refresh leaves the old token valid until it expires, so in-flight callers are not broken.
  const token = `${++state.tokenSerial}_${randomBytes(72).toString('base64url')}`;
  const entry = { expiresAt: at + TOKEN_TTL_MS, invalidated: false };
  state.tokens.set(token, entry);
  state.currentToken = token;
  return tokenAnswer(token, entry, at);
}

function tokenAnswer(token: string, entry: Token, at: number): Answer {
  return {
    status: 200,
    contentType: JSON_TYPE,
    json: { access_token: token, expires_in: Math.floor((entry.expiresAt - at) / 1000) },
  };
}

/** The token check every access_token endpoint does first: its error answer, or undefined when the token is good. */
export function rejectToken(state: WeChatState, query: URLSearchParams): Answer | undefined {
  const token = query.get('access_token');
  if (!token) return fail(41001);
  const entry = state.tokens.get(token);
  if (!entry || entry.invalidated) return fail(40001);
  if (entry.expiresAt <= state.config.now()) return fail(42001);
  return undefined;
}

/**
 * Ends the current access token: 40001 (invalidated, as when another process force-refreshed it) or
 * 42001 (expired). False when no token has been issued.
 */
export function expireToken(state: WeChatState, errcode: 40001 | 42001): boolean {
  const entry = state.currentToken ? state.tokens.get(state.currentToken) : undefined;
  if (!entry) return false;
  if (errcode === 42001) entry.expiresAt = state.config.now();
  else entry.invalidated = true;
  return true;
}
