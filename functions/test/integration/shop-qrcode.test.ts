import { ShopQrCode } from '@fangxin/shared';
import { handler as qrcode } from '../../src/handlers/registry/qrcode';
import { decodeQrPng } from '../../../standins/wechat/decode-qr';
import { invoke } from './support/http';
import { setUpPeople, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { useOwnWeChatStandIn } from './support/own-wechat';
import { RATE_LIMITS } from '../../src/rate-limit-config';
import { countWithinOneRateWindow } from './support/rate-windows';

// Its own stand-in: the token test counts every stable_token call WeChat received.
const weChat = useOwnWeChatStandIn();
// Its limits are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const control = (path: string, init: RequestInit = {}) => fetch(`${weChat.url}/__control/${path}`, { headers: { 'content-type': 'application/json' }, ...init });
type Call = { endpoint: string; request: { body?: { force_refresh?: boolean } } };
const calls = async (): Promise<Call[]> => (await (await control('calls')).json()) as Call[];
const get = (who: SignedIn, id = SHOP_A.id) => invoke(qrcode, { method: 'GET', routePath: '/merchant/shops/{id}/qrcode', pathParameters: { id }, token: who.token });

afterEach(async () => {
  await control('faults', { method: 'DELETE' });
});

describe('the shop’s poster code', () => {
  it('is a mini-program code whose scene is the merchant id (decoded from the PNG)', async () => {
    const { status, body } = await get(people.ownerA);
    expect(status).toBe(200);
    const code = ShopQrCode.parse(body);
    expect(code.kind).toBe('wxacode');
    expect(decodeQrPng(Buffer.from(code.pngBase64, 'base64'))).toBe(SHOP_A.id);
  });

  it('falls back to a plain QR of the https link when WeChat refuses (45009 quota)', async () => {
    await control('faults', { method: 'POST', body: JSON.stringify([{ endpoint: 'wxacode', kind: 'errcode', errcode: 45009 }]) });
    const code = ShopQrCode.parse((await get(people.clerkA)).body);
    expect(code).toMatchObject({ kind: 'link', link: `https://fangxin.example.cn/m?id=${SHOP_A.id}` });
    expect(decodeQrPng(Buffer.from(code.pngBase64, 'base64'))).toBe(code.link);
  });

  it('recovers from an expired token with one refresh, never a forced storm', async () => {
    await get(people.ownerA); // token cached
    await control('expire-token', { method: 'POST', body: JSON.stringify({ errcode: 40001 }) });
    const before = (await calls()).filter((c) => c.endpoint === 'stable_token').length;
    const code = ShopQrCode.parse((await get(people.ownerA)).body);
    expect(code.kind).toBe('wxacode');
    const tokenCalls = (await calls()).filter((c) => c.endpoint === 'stable_token').slice(before);
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]?.request.body?.force_refresh).toBeUndefined();
  });

  it.each<[Person, string]>([
    ['consumer', SHOP_A.id],
    ['ownerB', SHOP_A.id],
    ['regulatorLongquan', SHOP_A.id],
  ])('is refused to %s (not the shop’s, nor in jurisdiction)', async (person, id) => {
    expect((await get(people[person], id)).status).toBe(404);
  });

  it('draws WeChat codes up to a person’s daily limit per shop, then the link QR, asking WeChat nothing; others are not held by it', async () => {
    const drawn = async () => (await calls()).filter((c) => c.endpoint === 'wxacode').length;
    const before = await drawn();
    const allowed = RATE_LIMITS.shopQrCode.limit;
    for (let index = 0; index < allowed; index++) expect(ShopQrCode.parse((await get(people.adminCounty, SHOP_B.id)).body).kind).toBe('wxacode');
    const over = ShopQrCode.parse((await get(people.adminCounty, SHOP_B.id)).body);
    expect(over).toMatchObject({ kind: 'link', link: `https://fangxin.example.cn/m?id=${SHOP_B.id}` });
    expect(decodeQrPng(Buffer.from(over.pngBase64, 'base64'))).toBe(over.link);
    expect(await drawn()).toBe(before + allowed);
    // The shop's own owner still gets the mini-program code.
    expect(ShopQrCode.parse((await get(people.ownerB, SHOP_B.id)).body).kind).toBe('wxacode');
  }, 120_000);

  it('is given to staff with jurisdiction', async () => {
    expect((await get(people.regulatorChengguan)).status).toBe(200);
    expect((await get(people.adminCounty, SHOP_B.id)).status).toBe(200);
  });
});
