import { randomBytes } from 'node:crypto';
import type { Answer } from '../../common/answers';
import { ControlError } from '../../common/http';
import { asText, fail, JSON_TYPE } from '../protocol';
import type { WeChatState } from '../state';

const CODE_TTL_MS = 5 * 60_000;
const LOGIN_LIMIT_PER_MINUTE = 100;

/**
 * GET /sns/jscode2session: trades a login code minted for a user (see {@link mintLoginCode}) for that
 * user's openid and a fresh session key. A code works once, for 5 minutes.
 */
export function jscode2session(state: WeChatState, query: URLSearchParams): Answer {
  const { appId, appSecret, now } = state.config;
  if (query.get('appid') !== appId) return asText(fail(40013));
  if (query.get('secret') !== appSecret) return asText(fail(40125));
  if (query.get('grant_type') !== 'authorization_code') return asText(fail(40002));
  const code = query.get('js_code');
  if (!code) return asText(fail(41008));
  const at = now();
  const minted = state.codes.get(code);
  if (!minted || at - minted.mintedAt > CODE_TTL_MS) return asText(fail(40029));

  const recent = (state.logins.get(minted.openid) ?? []).filter((t) => at - t < 60_000);
  if (recent.length >= LOGIN_LIMIT_PER_MINUTE) return asText(fail(45011));
  state.logins.set(minted.openid, [...recent, at]);

  state.codes.delete(code);
  state.lastActive.set(minted.openid, at);
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

/** A login code for `openid` — what `wx.login()` in the mini-program would give that user. */
export function mintLoginCode(state: WeChatState, openid: string, unionid?: string): string {
  if (!openid) throw new ControlError('openid is required');
  const at = state.config.now();
  const code = randomBytes(24).toString('base64url');
  state.codes.set(code, { openid, mintedAt: at, ...(unionid ? { unionid } : {}) });
  // wx.login runs inside the mini-program: the user is using it now.
  state.lastActive.set(openid, at);
  return code;
}
