import { ApiErrorBody, Session } from '@fangxin/shared';
import { handler as login } from '../../src/handlers/auth/login';
import { handler as demoLogin } from '../../src/handlers/auth/demo-login';
import { handler as myComplaints } from '../../src/handlers/complaints/my-complaints';
import { verifyToken } from '../../src/auth/token';
import { createUser, findUser, saveUser, staffCovering as listStaffCovering } from '../../src/store/users';
import { userIdFor } from '../../src/auth/user-id';
import { weChatConfig } from '../../src/config';
import { invoke } from './support/http';
import { useFreshTable } from './support/table';
import { useOwnWeChatStandIn } from './support/own-wechat';

// Its own stand-in: the faults it injects into code2Session must not reach suites running beside it.
const weChat = useOwnWeChatStandIn();
useFreshTable();

async function control(path: string, body: unknown): Promise<any> {
  const response = await fetch(`${weChat.url}/__control/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}
const mintCode = async (openid: string): Promise<string> => (await control('codes', { openid })).code;
const signIn = (code: string) => invoke(login, { method: 'POST', routePath: '/auth/login', body: { code } });

afterEach(async () => {
  await fetch(`${weChat.url}/__control/faults`, { method: 'DELETE' });
});

describe('sign-in through WeChat code2Session (stand-in server, production client)', () => {
  it('exchanges a wx.login code for our own token; session_key and secrets never leave the server', async () => {
    const { status, body } = await signIn(await mintCode('openid-alice'));
    expect(status).toBe(200);
    const session = Session.parse(body);
    expect(session.user.roles).toEqual({ merchantIds: [] });
    const principal = await verifyToken(session.token, new Date());
    expect(principal.userId).toBe(session.user.id);
    // The user is stored with the openid (server-side only) and no roles yet.
    expect(await findUser(session.user.id)).toEqual({ userId: session.user.id, displayName: '微信用户', roles: { merchantIds: [] }, openid: 'openid-alice' });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/session_key|sessionKey|openid-alice/);
    expect(text).not.toContain(process.env.WECHAT_APP_SECRET!);
    const [header, payload] = session.token.split('.');
    expect(Buffer.from(`${header}.${payload}`, 'base64url').toString()).not.toMatch(/session|openid-alice/);
  });

  it('gives the same person the same id on every sign-in', async () => {
    const first = Session.parse((await signIn(await mintCode('openid-bob'))).body);
    const second = Session.parse((await signIn(await mintCode('openid-bob'))).body);
    expect(second.user.id).toBe(first.user.id);
  });

  it('refuses a code used twice (WeChat 40029) with a message the person can act on', async () => {
    const code = await mintCode('openid-carol');
    await signIn(code);
    const { status, body } = await signIn(code);
    expect(status).toBe(400);
    expect(ApiErrorBody.parse(body)).toMatchObject({ code: 'INVALID', field: 'code', message: '登录凭证已失效，请重新进入小程序' });
  });

  it('answers WeChat’s rate limit (45011) with 429', async () => {
    await control('faults', [{ endpoint: 'jscode2session', kind: 'errcode', errcode: 45011 }]);
    const { status, body } = await signIn(await mintCode('openid-dave'));
    expect(status).toBe(429);
    expect(body.code).toBe('RATE_LIMITED');
  });

  it('answers WeChat being down with 503 and no internals', async () => {
    await control('faults', [{ endpoint: 'jscode2session', kind: 'http_status', status: 502 }]);
    const { status, body } = await signIn(await mintCode('openid-erin'));
    expect(status).toBe(503);
    expect(body).toEqual({ code: 'UNAVAILABLE', message: '微信登录服务暂时不可用，请稍后重试' });
  });

  it('makes the deployment’s bootstrap openid the first county admin', async () => {
    const session = Session.parse((await signIn(await mintCode(process.env.BOOTSTRAP_ADMIN_OPENIDS!))).body);
    expect(session.user.roles.staff).toEqual({ role: 'admin', jurisdiction: 'county' });
  });

  it('the bootstrap admin is on the staff roster, so town notices reach them', async () => {
    const userId = userIdFor(weChatConfig().appId, process.env.BOOTSTRAP_ADMIN_OPENIDS!);
    expect((await findUser(userId, { consistent: true }))!.roles.staff).toEqual({ role: 'admin', jurisdiction: 'county' });
    expect((await listStaffCovering('chengguan')).map((member) => member.userId)).toContain(userId);
  });

  it('a first sign-in never overwrites a user written since it looked: the create is conditioned on there being none', async () => {
    await saveUser({ userId: 'u-test-race', displayName: '店主', roles: { merchantIds: ['QHSHOPA001'] }, openid: 'o-test-race' });
    expect(await createUser({ userId: 'u-test-race', displayName: '微信用户', roles: { merchantIds: [] }, openid: 'o-test-race' })).toBe(false);
    expect(await findUser('u-test-race', { consistent: true })).toMatchObject({ displayName: '店主', roles: { merchantIds: ['QHSHOPA001'] } });
    expect(await createUser({ userId: 'u-test-new', displayName: '微信用户', roles: { merchantIds: [] }, openid: 'o-test-new' })).toBe(true);
    expect(await findUser('u-test-new', { consistent: true })).toMatchObject({ displayName: '微信用户', roles: { merchantIds: [] }, openid: 'o-test-new' });
  });

  it('offers demo personas locally, through the same code2Session path', async () => {
    const { status, body } = await invoke(demoLogin, { method: 'POST', routePath: '/auth/demo-login', body: { persona: 'consumer' } });
    expect(status).toBe(200);
    expect(Session.parse(body).token).toBeTruthy();
    const unknown = await invoke(demoLogin, { method: 'POST', routePath: '/auth/demo-login', body: { persona: 'mayor' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('persona');
  });

  it.each([
    ['no token', undefined],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ['garbage', 'not-a-token'],
  ])('rejects %s on a signed-in route with 401', async (_, token) => {
    const { status, body } = await invoke(myComplaints, { method: 'GET', routePath: '/complaints', ...(token ? { token } : {}) });
    expect(status).toBe(401);
    expect(body.code).toBe('UNAUTHENTICATED');
  });
});
