import { Invalid, RateLimited, Unavailable, type DemoPersona, type Session } from '@fangxin/shared';
import { authConfig, weChatConfig } from '../config';
import { issueToken } from '../auth/token';
import { userIdFor } from '../auth/user-id';
import { createUser, findUser, grantStaff, rememberOpenid, type UserRecord } from '../store/users';
import { WeChatError, WeChatUnavailable } from '../wechat/errors';
import { weChat } from '../clients';

/**
 * `wx.login` code → WeChat code2Session → openid → our user → our own token. The WeChat `session_key`
 * is dropped here: nothing we do needs it, and what is not kept cannot leak.
 */
export async function signIn(code: string, now: Date): Promise<Session> {
  const openid = await exchangeCode(code);
  const userId = userIdFor(weChatConfig().appId, openid);
  let user = await findUser(userId);
  if (!user) {
    const created: UserRecord = { userId, displayName: '微信用户', roles: { merchantIds: [] }, openid };
    // Created only if still absent; otherwise the user another sign-in made, with whatever roles it has now.
    user = (await createUser(created)) ? created : ((await findUser(userId, { consistent: true })) ?? created);
  }
  if (user.openid !== openid) {
    await rememberOpenid(user, openid);
    user = { ...user, openid };
  }
  if (authConfig().bootstrapAdminOpenids.includes(openid) && !user.roles.staff) {
    const staff = { role: 'admin' as const, jurisdiction: 'county' as const };
    await grantStaff(user, staff);
    user = { ...user, roles: { ...user.roles, staff } };
  }
  return sessionFor(user, now);
}

async function exchangeCode(code: string): Promise<string> {
  try {
    const { openid } = await weChat().code2Session(code);
    return openid;
  } catch (error) {
    if (error instanceof WeChatError) {
      if (error.errcode === 45011) throw new RateLimited('登录过于频繁，请一分钟后再试');
      if (error.errcode === 40029 || error.errcode === 40163) throw new Invalid('登录凭证已失效，请重新进入小程序', 'code');
      if (error.errcode === 40226) throw new Invalid('微信判定该账号存在风险，暂时无法登录', 'code');
      if (!error.retryable) throw error; // 40013/40125: our own configuration is wrong — a 500 with a log line
    }
    if (error instanceof WeChatError || error instanceof WeChatUnavailable) {
      throw new Unavailable('微信登录服务暂时不可用，请稍后重试');
    }
    throw error;
  }
}

async function sessionFor(user: UserRecord, now: Date): Promise<Session> {
  const { token, expiresAt } = await issueToken(user, now);
  return { token, expiresAt, user: { id: user.userId, displayName: user.displayName, roles: user.roles } };
}

/** The openid a demo persona signs in with on the stand-in WeChat server. */
export const demoOpenid = (persona: DemoPersona) => `demo-openid-${persona}`;

/**
 * Local product only: sign in as a demo persona. It asks the stand-in WeChat server for a login code, as
 * `wx.login` would on a phone, then takes exactly the production path above.
 */
export async function demoSignIn(persona: DemoPersona, now: Date): Promise<Session> {
  if (!authConfig().demoLogins) throw new Invalid('演示登录只在本地环境可用');
  const response = await fetch(`${weChatConfig().apiBase}/__control/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: demoOpenid(persona) }),
  });
  if (!response.ok) throw new Unavailable('本地微信模拟服务未启动');
  const { code } = (await response.json()) as { code: string };
  return signIn(code, now);
}
