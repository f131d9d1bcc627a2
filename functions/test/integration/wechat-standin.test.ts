import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { decodeQrPng } from '../../../standins/wechat/decode-qr';
import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';

/**
 * The stand-in WeChat server's own protocol, pinned over raw HTTP: the calls that the product's clients
 * (stable token, subscribe messages, msgSecCheck, mini-program codes) will be tested against must behave
 * like WeChat's, and its control API must do what the tests and the local product rely on.
 */

const START = Date.parse('2025-06-01T02:00:00Z'); // 10:00 in Beijing
let clock = START;
let standIn: WeChatStandIn;

beforeAll(async () => {
  standIn = await startWeChatStandIn({ now: () => clock, releasedPages: ['pages/merchant/index'] });
});

afterAll(() => standIn.stop());

beforeEach(() => {
  standIn.reset();
  clock = START;
});

type Json = Record<string, unknown>;

async function post(path: string, body: unknown): Promise<{ status: number; contentType: string; json: Json; bytes: Buffer }> {
  const response = await fetch(`${standIn.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const json = contentType.startsWith('image/') ? {} : (JSON.parse(bytes.toString('utf8')) as Json);
  return { status: response.status, contentType, json, bytes };
}

async function stableToken(extra: Json = {}): Promise<Json> {
  const answer = await post('/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: standIn.appId,
    secret: standIn.appSecret,
    ...extra,
  });
  expect(answer.status).toBe(200);
  return answer.json;
}

async function accessToken(): Promise<string> {
  const answer = await stableToken();
  expect(typeof answer.access_token).toBe('string');
  return answer.access_token as string;
}

const send = async (token: string, message: Json): Promise<Json> =>
  (await post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, message)).json;

const message = (data: Record<string, string>, touser = 'oCitizen-1'): Json => ({
  touser,
  template_id: 'TPL_complaint_progress',
  page: 'pages/complaint/detail?id=C1',
  data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }])),
});

describe('stable_token', () => {
  it('hands out the same token until it nears expiry, with the seconds it has left', async () => {
    const first = await stableToken();
    clock += 1000 * 1000;
    const second = await stableToken();

    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(second).toEqual({ access_token: first.access_token, expires_in: 6200 });
  });

  it('issues a new token when less than 300 s are left, and the old one works until it expires', async () => {
    const old = await accessToken();
    clock += 6_901_000; // 299 s left
    const renewed = await accessToken();

    expect(renewed).not.toBe(old);
    expect((await send(old, message({ thing1: '投诉已受理' }))).errcode).toBe(0);
    clock += 299_000;
    expect((await send(old, message({ thing1: '投诉已受理' }))).errcode).toBe(42001);
    expect((await send(renewed, message({ thing1: '投诉已受理' }))).errcode).toBe(0);
  });

  it('refuses a wrong appid with 40013, a wrong secret with 40125 and another grant type with 40002', async () => {
    expect((await stableToken({ appid: 'wx1111111111111111' })).errcode).toBe(40013);
    expect((await stableToken({ secret: 'wrong' })).errcode).toBe(40125);
    expect((await stableToken({ grant_type: 'authorization_code' })).errcode).toBe(40002);
  });

  it('force_refresh ends the old token at once (40001) and is allowed only every 30 s', async () => {
    const old = await accessToken();
    const forced = await stableToken({ force_refresh: true });

    expect(forced.access_token).not.toBe(old);
    expect((await send(old, message({ thing1: '投诉已受理' }))).errcode).toBe(40001);
    expect((await stableToken({ force_refresh: true })).errcode).toBe(45009);
    clock += 30_000;
    expect((await stableToken({ force_refresh: true })).access_token).toEqual(expect.any(String));
  });

  it('allows 20 force_refresh calls per Beijing calendar day', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await stableToken({ force_refresh: true })).access_token).toEqual(expect.any(String));
      clock += 31_000;
    }
    expect((await stableToken({ force_refresh: true })).errcode).toBe(45009);
    expect((await stableToken()).access_token).toEqual(expect.any(String)); // normal mode is not rationed

    clock = Date.parse('2025-06-01T16:00:00Z'); // midnight in Beijing
    expect((await stableToken({ force_refresh: true })).access_token).toEqual(expect.any(String));
  });

  it('can have its token ended by the control API: 40001 by default, 42001 on request', async () => {
    const first = await accessToken();
    const expired = await fetch(`${standIn.url}/__control/expire-token`, { method: 'POST' });
    expect(await expired.json()).toEqual({ expired: true });
    expect((await send(first, message({ thing1: '投诉已受理' }))).errcode).toBe(40001);

    const second = await accessToken();
    expect(second).not.toBe(first);
    standIn.expireToken(42001);
    expect((await send(second, message({ thing1: '投诉已受理' }))).errcode).toBe(42001);
  });
});

describe('subscribe message send', () => {
  it('accepts valid fields, answers errcode 0 with a msgid and records the message', async () => {
    const token = await accessToken();
    const data = {
      thing1: '清河县测试百货商店',
      character_string2: 'QH-2025-000123',
      phrase3: '已受理',
      time4: '2025年6月1日 10:00',
      date5: '2025-06-01',
      name6: '张三',
      number7: '3',
      phone_number8: '+86-0319-8123456',
      amount9: '¥128.50',
    };

    const answer = await send(token, message(data));

    expect(answer).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    expect(standIn.messages()).toEqual([
      expect.objectContaining({
        touser: 'oCitizen-1',
        template_id: 'TPL_complaint_progress',
        page: 'pages/complaint/detail?id=C1',
        data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
        msgid: answer.msgid,
      }),
    ]);
  });

  it('refuses a thing of 21 characters with 47003 naming the field, and counts an emoji as one character', async () => {
    const token = await accessToken();
    const twenty = '一二三四五六七八九十一二三四五六七八九十';

    const tooLong = await send(token, message({ thing1: `${twenty}一` }));
    expect(tooLong.errcode).toBe(47003);
    expect(tooLong.errmsg).toContain('data.thing1.value');

    const withEmoji = `${twenty.slice(0, 19)}👍`;
    expect(withEmoji.length).toBe(21); // UTF-16 units; WeChat counts 20 characters
    expect((await send(token, message({ thing1: withEmoji }))).errcode).toBe(0);
    expect((await send(token, message({ thing1: `${withEmoji}!` }))).errcode).toBe(47003);
  });

  it.each([
    ['phrase of 6 characters', { phrase1: '正在处理中啊' }],
    ['phrase with a digit', { phrase1: '第1次' }],
    ['character_string with Chinese', { character_string1: 'QH-投诉' }],
    ['character_string of 33', { character_string1: 'A'.repeat(33) }],
    ['number with letters', { number1: '12a' }],
    ['number of 33 digits', { number1: '1'.repeat(33) }],
    ['name of 11 Chinese characters', { name1: '一二三四五六七八九十一' }],
    ['phone_number of 18', { phone_number1: '1'.repeat(18) }],
    ['time at 25:00', { time1: '25:00' }],
    ['time as words', { time1: '明天上午' }],
    ['date with mixed separators', { date1: '2025-06/01' }],
    ['date as words', { date1: '下周一' }],
    ['thing with a newline', { thing1: '第一行\n第二行' }],
    ['an empty value', { thing1: '' }],
    ['a key of unknown type', { remark1: '备注' }],
  ])('refuses %s with 47003', async (_what, data) => {
    const token = await accessToken();
    expect((await send(token, message(data))).errcode).toBe(47003);
  });

  it.each([
    ['time', '15:01'],
    ['time', '15:01:30'],
    ['time', '2019年10月1日 15:01'],
    ['time', '2025-06-01 09:00 ~ 2025-06-01 18:00'],
    ['date', '2019年10月1日'],
    ['date', '2018/01/01'],
    ['date', '2018.01.01'],
    ['date', '01-01'],
    ['date', '2025年6月1日 ~ 2025年6月3日'],
  ])('accepts the %s value %s', async (type, value) => {
    const token = await accessToken();
    expect((await send(token, message({ [`${type}1`]: value }))).errcode).toBe(0);
  });

  it('answers 43101 for a user who refused the subscription, and records nothing', async () => {
    const token = await accessToken();
    await fetch(`${standIn.url}/__control/refuse-subscriber`, { method: 'POST', body: JSON.stringify({ openid: 'oRefuser' }) });

    expect((await send(token, message({ thing1: '投诉已受理' }, 'oRefuser'))).errcode).toBe(43101);
    expect(standIn.messages()).toEqual([]);
  });

  it('answers 41001 without a token, 40001 for an unknown one, and 47001 for a body that is not JSON', async () => {
    const token = await accessToken();
    expect((await post('/cgi-bin/message/subscribe/send', message({ thing1: 'x' }))).json.errcode).toBe(41001);
    expect((await send('not-a-token', message({ thing1: 'x' }))).errcode).toBe(40001);
    expect((await post(`/cgi-bin/message/subscribe/send?access_token=${token}`, '{"touser":')).json.errcode).toBe(47001);
  });
});

describe('msgSecCheck v2', () => {
  const check = async (content: string, extra: Json = {}): Promise<Json> => {
    const token = await accessToken();
    return (await post(`/wxa/msg_sec_check?access_token=${token}`, { content, version: 2, scene: 2, openid: 'oCitizen-1', ...extra })).json;
  };

  it('passes ordinary text', async () => {
    expect(await check('商家拒绝七天无理由退货')).toMatchObject({
      errcode: 0,
      result: { suggest: 'pass', label: 100 },
      detail: expect.any(Array),
      trace_id: expect.any(String),
    });
  });

  it('finds a configured word risky, and the words can be replaced over the control API', async () => {
    expect(await check('这里可以代开发票')).toMatchObject({ errcode: 0, result: { suggest: 'risky', label: 20006 } });

    await fetch(`${standIn.url}/__control/risky-words`, {
      method: 'POST',
      body: JSON.stringify({ words: ['假冒伪劣'], reviewWords: ['投诉无门'] }),
    });
    expect(await check('这里可以代开发票')).toMatchObject({ result: { suggest: 'pass' } });
    expect(await check('专卖假冒伪劣')).toMatchObject({ result: { suggest: 'risky' } });
    expect(await check('我投诉无门')).toMatchObject({ result: { suggest: 'review' } });
  });

  it('refuses more than 2,500 characters with 47001, a scene outside 1–4 with 40129, no openid with 40003', async () => {
    expect((await check('好'.repeat(2500))).errcode).toBe(0);
    expect((await check('好'.repeat(2501))).errcode).toBe(47001);
    expect((await check('好', { scene: 5 })).errcode).toBe(40129);
    expect((await check('好', { openid: '' })).errcode).toBe(40003);
  });
});

interface PngChunk {
  type: string;
  data: Buffer;
  crcMatches: boolean;
}

/** Splits a PNG into chunks, checking each CRC with zlib's own CRC-32 (not the stand-in's). */
function pngChunks(png: Buffer): PngChunk[] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: Buffer.from(typeAndData.subarray(4)), crcMatches: zlibCrc32(typeAndData) === crc });
    at += 12 + length;
  }
  return chunks;
}

function pngText(chunks: readonly PngChunk[]): Record<string, string> {
  return Object.fromEntries(
    chunks
      .filter((c) => c.type === 'tEXt')
      .map((c) => {
        const nul = c.data.indexOf(0);
        return [c.data.subarray(0, nul).toString('latin1'), c.data.subarray(nul + 1).toString('latin1')];
      }),
  );
}

describe('wxacode.getUnlimited', () => {
  const wxacode = async (body: Json) => post(`/wxa/getwxacodeunlimit?access_token=${await accessToken()}`, body);

  it('answers a PNG holding a standard QR code of exactly the scene, labelled with the request in tEXt chunks', async () => {
    const answer = await wxacode({ scene: 'm=QHTEST0001', page: 'pages/merchant/index', env_version: 'release' });

    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('image/png');
    expect(decodeQrPng(answer.bytes)).toBe('m=QHTEST0001');
    const chunks = pngChunks(answer.bytes);
    expect(chunks.every((c) => c.crcMatches)).toBe(true);
    expect(chunks[0]?.type).toBe('IHDR');
    expect(chunks.at(-1)?.type).toBe('IEND');
    const header = chunks[0]!.data;
    const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
    expect([width, height, header[8], header[9]]).toEqual([430, 430, 8, 0]); // 8-bit greyscale
    const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    expect(raw).toHaveLength((width + 1) * height);
    expect(new Set(raw)).toEqual(new Set([0, 255])); // filter bytes 0, black and white pixels
    expect(pngText(chunks)).toMatchObject({ scene: 'm=QHTEST0001', page: 'pages/merchant/index', env_version: 'release' });
  });

  it.each([
    ['the shortest scene', 'x'],
    ['a merchant id', 'QH8K2M4P6R'],
    ['the longest scene', 'm=QH8K2M4P6R&s=1&k=0123456789abc'],
    ['every character the documentation allows', "09AZaz!#$&'()*+,/:;=?@-._~"],
  ])('encodes %s so that a scanner reads it back unchanged', async (_what, scene) => {
    expect(scene.length).toBeLessThanOrEqual(32);
    const answer = await wxacode({ scene });

    expect(answer.contentType).toBe('image/png');
    expect(decodeQrPng(answer.bytes)).toBe(scene);
  });

  it('draws the same picture for the same scene and another for another scene', async () => {
    const a = await wxacode({ scene: 'm=QHTEST0001' });
    const again = await wxacode({ scene: 'm=QHTEST0001' });
    const b = await wxacode({ scene: 'm=QHTEST0002' });

    expect(again.bytes.equals(a.bytes)).toBe(true);
    expect(b.bytes.equals(a.bytes)).toBe(false);
    expect(decodeQrPng(b.bytes)).toBe('m=QHTEST0002');
  });

  it('draws the width asked for, clamped to WeChat’s 280–1280 px, and the smallest still reads', async () => {
    const draw = async (w: number) => {
      const png = (await wxacode({ scene: 'm=QHTEST0001', width: w })).bytes;
      return { width: pngChunks(png)[0]!.data.readUInt32BE(0), scene: decodeQrPng(png) };
    };
    expect(await draw(100)).toEqual({ width: 280, scene: 'm=QHTEST0001' });
    // Decoding 1280 px takes seconds inside jest's sandbox; the smallest size is the one that could fail.
    expect(pngChunks((await wxacode({ scene: 'x', width: 2000 })).bytes)[0]!.data.readUInt32BE(0)).toBe(1280);
    expect(await draw(431)).toEqual({ width: 431, scene: 'm=QHTEST0001' }); // not a multiple of the module count
    expect((await wxacode({ scene: 'x', width: '430' })).json.errcode).toBe(40097);
  });

  it('decodeQrPng finds no code in a PNG without one', () => {
    const blank = new PNG({ width: 64, height: 64 });
    blank.data.fill(255);

    expect(decodeQrPng(PNG.sync.write(blank))).toBeNull();
  });

  it.each([
    ['empty', '', 40169],
    ['33 characters', 'a'.repeat(33), 40169],
    ['a percent sign', 'm%3DQH1', 40129],
    ['Chinese', '商户=QH1', 40129],
    ['a space', 'm QH1', 40129],
  ])('answers a scene that is %s (%j) with JSON errcode %d instead of an image', async (_what, scene, errcode) => {
    const answer = await wxacode({ scene });

    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.json.errcode).toBe(errcode);
  });

  it('refuses a page with a leading slash or not released (41030) and an unknown env_version (40097)', async () => {
    expect((await wxacode({ scene: 'x', page: '/pages/merchant/index' })).json.errcode).toBe(41030);
    expect((await wxacode({ scene: 'x', page: 'pages/unreleased/index' })).json.errcode).toBe(41030);
    expect((await wxacode({ scene: 'x', page: 'pages/unreleased/index', check_path: false })).contentType).toBe('image/png');
    expect((await wxacode({ scene: 'x', env_version: 'beta' })).json.errcode).toBe(40097);
  });
});

describe('control API', () => {
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${standIn.url}/__control/${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const login = (code: string) =>
    fetch(
      `${standIn.url}/sns/jscode2session?${new URLSearchParams({ appid: standIn.appId, secret: standIn.appSecret, js_code: code, grant_type: 'authorization_code' })}`,
    ).then((r) => r.json() as Promise<Json>);

  it('mints login codes that jscode2session accepts once', async () => {
    const { json } = await control('POST', 'codes', { openid: 'oControl', unionid: 'uControl' });
    const { code } = json as { code: string };

    expect(await login(code)).toEqual({ openid: 'oControl', unionid: 'uControl', session_key: expect.any(String) });
    expect((await login(code)).errcode).toBe(40029);
  });

  it('injects faults from a JSON list, each for `times` calls, and refuses malformed rules', async () => {
    const code = standIn.mintLoginCode('oFaulty');
    expect(await control('POST', 'faults', [{ endpoint: 'jscode2session', kind: 'errcode', errcode: 45011, times: 2 }])).toEqual({
      status: 200,
      json: { pending: 1 },
    });

    expect((await login(code)).errcode).toBe(45011);
    expect((await login(code)).errcode).toBe(45011);
    expect((await login(code)).openid).toBe('oFaulty');

    expect((await control('POST', 'faults', [{ endpoint: 'jscode2session', kind: 'errcode' }])).status).toBe(400);
    expect((await control('POST', 'faults', [{ endpoint: 'nowhere', kind: 'hang' }])).status).toBe(400);
    expect((await control('POST', 'faults', { endpoint: 'wxacode', kind: 'hang' })).status).toBe(400);
  });

  it('applies a fault only with its probability', async () => {
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'errcode', errcode: -1, probability: 0 }]);

    expect((await login(standIn.mintLoginCode('oLucky'))).openid).toBe('oLucky');
  });

  it('lists calls with the secret, tokens and session keys redacted, and the accepted messages', async () => {
    const token = await accessToken();
    await login(standIn.mintLoginCode('oLogged'));
    await send(token, message({ thing1: '投诉已受理' }));

    const calls = (await control('GET', 'calls')).json as Array<{ endpoint: string; request: Json; answer: Json }>;
    expect(calls.map((c) => c.endpoint)).toEqual(['stable_token', 'jscode2session', 'subscribe_send']);
    const text = JSON.stringify(calls);
    expect(text).not.toContain(standIn.appSecret);
    expect(text).not.toContain(token);
    expect(calls[1]?.answer).toMatchObject({ json: { openid: 'oLogged', session_key: '[redacted]' } });
    expect(calls[2]?.request).toMatchObject({ query: { access_token: `…${token.slice(-6)}` } });

    expect((await control('GET', 'messages')).json).toEqual([expect.objectContaining({ touser: 'oCitizen-1' })]);
  });

  it('resets to a fresh server: tokens, calls, messages and faults gone', async () => {
    const token = await accessToken();
    standIn.injectFaults([{ endpoint: 'wxacode', kind: 'hang', times: 5 }]);
    await control('POST', 'reset');

    expect(standIn.calls()).toEqual([]);
    expect((await send(token, message({ thing1: 'x' }))).errcode).toBe(40001);
    expect((await post(`/wxa/getwxacodeunlimit?access_token=${await accessToken()}`, { scene: 'x' })).contentType).toBe('image/png');
  });

  it('answers 404 for an unknown control operation', async () => {
    expect((await control('POST', 'nothing')).status).toBe(404);
  });
});
