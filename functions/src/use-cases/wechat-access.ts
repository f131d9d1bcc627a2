import { weChat } from '../clients';
import { cacheAccessToken, claimForcedRefresh, readCachedAccessToken } from '../store/wechat-token';
import { WeChatError } from '../wechat/errors';

/** Refresh a little before WeChat's stated expiry: a returned token is valid ≥ 300 s. */
const MARGIN_MS = 5 * 60 * 1000;

/**
 * The token this container last read or fetched, so a warm container needs no table read per call (a
 * delivery sends one message per person; a filing checks its text). Another container's refresh is
 * noticed the usual way: WeChat answers 40001 and the token is renewed below.
 */
let remembered: { token: string; expiresAt: number } | undefined;

async function freshToken(nowMs: number, force: boolean): Promise<string> {
  const { accessToken, expiresIn } = await weChat().stableToken(force);
  remembered = { token: accessToken, expiresAt: nowMs + expiresIn * 1000 };
  await cacheAccessToken(accessToken, remembered.expiresAt);
  return accessToken;
}

async function currentToken(nowMs: number): Promise<string> {
  const usable = (entry: typeof remembered) => entry !== undefined && entry.expiresAt - MARGIN_MS > nowMs;
  if (usable(remembered)) return remembered!.token;
  const cached = await readCachedAccessToken();
  if (usable(cached)) {
    remembered = cached;
    return cached!.token;
  }
  return freshToken(nowMs, false);
}

/**
 * Runs `call` with the shared access token. On 40001/42001 (token invalid or expired) it asks for the
 * current token once — after another container forced a refresh, that is the new one. Only if WeChat hands
 * back the very token it just refused does it force a refresh, and only when the table grants one
 * (`claimForcedRefresh`: 10 a day, 30 s apart, one container at a time); otherwise the refusal stands and
 * the caller retries later. Never a refresh storm: force_refresh is 20 a day, and each ends every container's token.
 */
export async function withAccessToken<T>(call: (token: string) => Promise<T>, now: Date): Promise<T> {
  const token = await currentToken(now.getTime());
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof WeChatError) || (error.errcode !== 40001 && error.errcode !== 42001)) throw error;
    remembered = undefined;
    let next = await freshToken(now.getTime(), false);
    if (next === token) {
      if (!(await claimForcedRefresh(now.getTime()))) throw error;
      next = await freshToken(now.getTime(), true);
    }
    return call(next);
  }
}
