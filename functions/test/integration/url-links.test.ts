import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';
import { freePort } from '../../../scripts/local/ports';
import { LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET } from '../../../scripts/local/env';
import { handler as wechatLink } from '../../src/handlers/merchants/wechat-link';
import { createWeChatClient } from '../../src/wechat/client';
import { WeChatError } from '../../src/wechat/errors';
import { saveMerchant } from '../../src/store/merchants';
import { invoke } from './support/http';
import { SHOP_A } from './support/people';
import { useFreshTable } from './support/table';
import { countWithinOneRateWindow } from './support/rate-windows';
import { RATE_LIMITS } from '../../src/rate-limit-config';

/**
 * 「在微信中打开」: a WeChat URL Link to a shop's page, generated through the stand-in's generate_urllink (the
 * production client is the code under test), cached per shop so a busy shop page spends WeChat's daily quota
 * once a month, and a clear 503 when WeChat cannot make one.
 */
// Links made per target are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();
let weChat: WeChatStandIn;

beforeAll(async () => {
  weChat = await startWeChatStandIn({ port: await freePort(), appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
  process.env.WECHAT_API_BASE = weChat.url;
  await saveMerchant(SHOP_A);
  await saveMerchant({ ...SHOP_A, id: 'QHSHOPR001', status: 'pending' });
});
afterAll(async () => {
  await weChat.stop();
});
afterEach(() => weChat.clearFaults());

const link = (id: string) => invoke(wechatLink, { method: 'GET', routePath: '/merchants/{id}/wechat-link', pathParameters: { id } });
const urlLinkCalls = () => weChat.calls().filter((call) => call.endpoint === 'urllink');

describe('a shop’s WeChat URL Link', () => {
  it('is generated once for the shop page with its id, then served from the table until shortly before it expires', async () => {
    const first = await link(SHOP_A.id);
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(/^https:\/\/wxaurl\.cn\/[\w-]+$/);
    expect(Date.parse(first.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const [call] = urlLinkCalls();
    expect(call!.request.body).toMatchObject({ path: 'pages/merchant/index', query: `id=${SHOP_A.id}`, expire_type: 1, expire_interval: 30 });
    const second = await link(SHOP_A.id);
    expect(second.body.url).toBe(first.body.url);
    expect(urlLinkCalls()).toHaveLength(1);
  });

  it('is not made for a shop the public may not see (pending), nor an unknown one', async () => {
    expect((await link('QHSHOPR001')).status).toBe(404);
    expect((await link('QHNOSUCH01')).status).toBe(404);
  });

  it('answers 503 with what to do instead when WeChat refuses (daily quota) — nothing cached', async () => {
    await saveMerchant({ ...SHOP_A, id: 'QHSHOPQ001', name: '配额测试店' });
    weChat.injectFaults([{ endpoint: 'urllink', kind: 'errcode', errcode: 45009 }]);
    const refused = await link('QHSHOPQ001');
    expect(refused.status).toBe(503);
    expect(refused.body.message).toContain('请在微信中扫描店铺的放心消费码');
    const after = await link('QHSHOPQ001');
    expect(after.status).toBe(200);
  });
});

describe('asking WeChat for a shop’s link, from a route anyone may call', () => {
  it('while WeChat refuses, asks it at most six times an hour for one shop: the other requests get the same 503 without asking', async () => {
    await saveMerchant({ ...SHOP_A, id: 'QHSHOPQ002', name: '限次测试店' });
    weChat.injectFaults([{ endpoint: 'urllink', kind: 'errcode', errcode: 45009, times: 100 }]);
    const before = urlLinkCalls().length;
    const answers = [];
    for (let index = 0; index < 10; index++) answers.push(await link('QHSHOPQ002'));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(503));
    expect(new Set(answers.map((answer) => answer.body.message)).size).toBe(1);
    expect(urlLinkCalls().length - before).toBe(RATE_LIMITS.urlLinkMint.limit);
    // Another shop's link is counted apart.
    weChat.clearFaults();
    expect((await link(SHOP_A.id)).status).toBe(200);
  });
});

describe('the stand-in speaks generate_urllink as WeChat does', () => {
  const client = () => createWeChatClient({ baseUrl: weChat.url, appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
  const token = async () => (await client().stableToken()).accessToken;

  it.each([
    ['a path with a query in it', { path: 'pages/merchant/index?id=1', query: '', expireDays: 30 }, 40165],
    ['a path with a leading slash', { path: '/pages/merchant/index', query: '', expireDays: 30 }, 40165],
    ['a query with spaces', { path: 'pages/merchant/index', query: 'id=a b', expireDays: 30 }, 40212],
    ['an expiry over 30 days', { path: 'pages/merchant/index', query: '', expireDays: 31 }, 85401],
  ])('refuses %s', async (_name, request, errcode) => {
    const refused = await client().generateUrlLink(await token(), request).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(WeChatError);
    expect((refused as WeChatError).errcode).toBe(errcode);
  });
});
