// The filing limits at their defaults, except the shop's day, lowered here so a few accounts reach it (a
// deployment may set any of them the same way). Set before any module reads it.
process.env.FANGXIN_RATE_LIMITS = JSON.stringify({ filingPerShop: 8 });
// Every log line, to prove none holds a secret or a phone number.
process.env.LOG_LEVEL = 'debug';

import path from 'node:path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import * as z from 'zod/mini';
import { allRoutes, RECALL_KIND_CODES, usccCheckCharacter, type RouteContract } from '@fangxin/shared';
import { deployedFunctions, REPO_ROOT } from '../../../scripts/contract/serverless-functions';
import { LOCAL_WECHAT_APP_SECRET } from '../../../scripts/local/env';
import { issueToken } from '../../src/auth/token';
import { documentClient, dynamoDbClient } from '../../src/clients';
import { authConfig, config } from '../../src/config';
import { saveMerchant } from '../../src/store/merchants';
import { addShopMember } from '../../src/store/registry';
import { saveUser } from '../../src/store/users';
import { uploadFolderOf } from '../../src/use-cases/photo-ownership';
import { apiGatewayEvent } from './support/api-gateway-event';
import { invoke, type Answer } from './support/http';
import { complaintBody, dueInDays, newIdempotencyKey, setUpPeople, signInAnother, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { countWithinOneRateWindow } from './support/rate-windows';

/**
 * The hostile suite: what a hostile user tried against the product, and its kind, over every
 * route. Each case asserts the refusal — status, code, Chinese message, the field at fault — and that the
 * table is exactly as it was before (rate-limit counters aside: counting a refused attempt is the point of
 * them). docs/security.md maps each threat to its rule and to the case here that proves it.
 */
// Its limits are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();

type RouteName = keyof typeof allRoutes;
interface Call {
  who?: SignedIn;
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

const handlerFiles = new Map(deployedFunctions().filter((fn) => fn.http).map((fn) => [fn.name, fn.handlerFile]));
/** Every answer of the suite, to look for secrets in them at the end. */
const answers: Answer[] = [];

/** Calls a route by its contract name, through the handler serverless.yml deploys for it. */
async function call(name: RouteName, request: Call = {}): Promise<Answer> {
  const route = allRoutes[name] as RouteContract;
  const file = handlerFiles.get(name);
  if (!file) throw new Error(`no deployed handler for ${name}`);
  const { handler } = (await import(path.join(REPO_ROOT, file))) as { handler: Parameters<typeof invoke>[0] };
  const token = request.token ?? request.who?.token;
  // A create is sent with its Idempotency-Key, as the app sends it, unless the case gives its own.
  const headers = route.idempotent && !request.headers?.['idempotency-key'] ? { ...request.headers, 'idempotency-key': newIdempotencyKey() } : request.headers;
  const answer = await invoke(handler, {
    method: route.method,
    routePath: route.path,
    ...(request.params ? { pathParameters: request.params } : {}),
    ...(request.query ? { query: request.query } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(token ? { token } : {}),
    ...(headers ? { headers } : {}),
  });
  answers.push(answer);
  return answer;
}

/** A raw request body (too big, not JSON, mislabelled), as a client could send it. */
async function callRaw(name: RouteName, body: string, headers: Record<string, string>, who?: SignedIn): Promise<Answer> {
  const route = allRoutes[name] as RouteContract;
  const { handler } = (await import(path.join(REPO_ROOT, handlerFiles.get(name)!))) as { handler: Parameters<typeof invoke>[0] };
  const result = await handler(
    apiGatewayEvent({ method: route.method, routePath: route.path, headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers }, body }),
  );
  const answer = { status: result.statusCode ?? 0, body: JSON.parse(String(result.body)), headers: result.headers ?? {} };
  answers.push(answer);
  return answer;
}

const sortedKeys = (item: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))));

/** The whole table, item by item, rate-limit counters aside. */
async function tableState(): Promise<string> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new ScanCommand({ TableName: config().tableName, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((page.Items ?? []) as Array<Record<string, unknown>>));
    start = page.LastEvaluatedKey;
  } while (start);
  return items
    .filter((item) => !String(item.pk).startsWith('RATE#'))
    .map(sortedKeys)
    .sort()
    .join('\n');
}

interface Refusal {
  status: number;
  code?: string;
  field?: string;
  message?: string | RegExp;
}

/** Sends the request and asserts the refusal, and that nothing in the table changed. */
async function refused(request: () => Promise<Answer>, expected: Refusal): Promise<Answer> {
  const before = await tableState();
  const answer = await request();
  expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: expected.status, code: expected.code ?? answer.body?.code });
  if (expected.field !== undefined) expect(answer.body.field).toBe(expected.field);
  if (expected.message !== undefined) expect(answer.body.message).toMatch(expected.message);
  // A Chinese message a person can act on, never an internal one.
  expect(answer.body.message).toMatch(/\p{Script=Han}/u);
  expect(await tableState()).toBe(before);
  return answer;
}

let people: Record<Person, SignedIn>;
let n = 0;
/** A new signed-in consumer, with their own account. */
async function newConsumer(label: string): Promise<SignedIn> {
  const principal = { userId: `u-hostile-${label}-${n++}`, displayName: label, roles: { merchantIds: [] as string[] } };
  await saveUser({ ...principal, openid: `o-hostile-${principal.userId}` });
  return { userId: principal.userId, token: (await issueToken(principal, new Date())).token, principal };
}

const file = (who: SignedIn, overrides: Record<string, unknown> = {}, key = newIdempotencyKey()) =>
  call('fileComplaint', { who, body: complaintBody(overrides), headers: { 'idempotency-key': key } });
const command = (who: SignedIn, id: string, version: number, cmd: Record<string, unknown>) => call('sendCommand', { who, params: { id }, body: { version, command: cmd } });

const logLines: string[] = [];
let complaintOfConsumer: { id: string; version: number };

beforeAll(async () => {
  const capture = (...parts: unknown[]) => {
    logLines.push(parts.map(String).join(' '));
  };
  jest.spyOn(console, 'log').mockImplementation(capture);
  jest.spyOn(console, 'error').mockImplementation(capture);
  people = await setUpPeople();
  // One complaint of the consumer's against shop A, for the cases that need one (and a warm WeChat token).
  const filed = await file(people.consumer, { description: '买的电饭煲内胆涂层脱落，要求退货退款。' });
  expect(filed.status).toBe(201);
  complaintOfConsumer = { id: filed.body.id, version: filed.body.version };
});

describe('filing cannot be flooded', () => {
  it('one person against one shop: the 4th complaint the same day is 429 with Retry-After and a Chinese message, and is not stored', async () => {
    // The consumer filed one in beforeAll: two more are accepted.
    for (let i = 0; i < 2; i++) expect((await file(people.consumer)).status).toBe(201);
    const answer = await refused(() => file(people.consumer), { status: 429, code: 'RATE_LIMITED', message: '您今天已对该店铺提交过投诉' });
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a retry of an accepted filing (same Idempotency-Key) is answered with that complaint even past the limit, and stores nothing new', async () => {
    const key = newIdempotencyKey();
    const spare = await newConsumer('retrier');
    const first = await file(spare, {}, key);
    expect(first.status).toBe(201);
    const before = await tableState();
    const again = await file(spare, {}, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await tableState()).toBe(before);
  });

  it('one person across shops: the 6th complaint within the hour is 429', async () => {
    const busy = await newConsumer('busy');
    for (let i = 0; i < 3; i++) expect((await file(busy, { merchantId: SHOP_B.id })).status).toBe(201);
    // Shop B's per-person day is spent after three; two more against shop A make five in the hour.
    for (let i = 0; i < 2; i++) expect((await file(busy)).status).toBe(201);
    await refused(() => file(busy), { status: 429, code: 'RATE_LIMITED', message: '提交投诉过于频繁' });
  });

  it('many accounts against one shop: filings stop at the shop’s daily limit (configured: 8)', async () => {
    // Shop A has had 1 + 2 + 1 (retrier) + 2 (busy) = 6 today; two more reach 8.
    for (let i = 0; i < 2; i++) expect((await file(await newConsumer('crowd'))).status).toBe(201);
    const late = await newConsumer('crowd-late');
    await refused(() => file(late), { status: 429, code: 'RATE_LIMITED', message: '该店铺今日收到的投诉异常多' });
  });

  it('the owner cannot file against their own shop (403)', async () => {
    await refused(() => file(people.ownerB, { merchantId: SHOP_B.id }), { status: 403, code: 'FORBIDDEN', message: '不能投诉自己所在的店铺' });
  });

  it('nor can a clerk against theirs (403)', async () => {
    await refused(() => file(people.clerkA), { status: 403, code: 'FORBIDDEN', message: '不能投诉自己所在的店铺' });
  });
});

describe('every write a person can repeat is limited, not only filing', () => {
  /** `times` accepted answers, then a 429 with a Chinese message that writes nothing. */
  async function limitedAfter(times: number, send: () => Promise<Answer>, message: RegExp) {
    for (let index = 0; index < times; index++) expect((await send()).status).toBe(200);
    const answer = await refused(send, { status: 429, code: 'RATE_LIMITED', message });
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  }
  // A shop of its own, so the limits this spends leave shop A's and shop B's to the other cases.
  const SHOP = { ...SHOP_B, id: 'QHLIMITS01', name: '龙泉限流测试商店' };
  let owner: SignedIn;
  beforeAll(async () => {
    await saveMerchant(SHOP);
    const principal = { userId: 'u-hostile-limits-owner', displayName: '限流测试店主', roles: { merchantIds: [SHOP.id] } };
    await saveUser({ ...principal, openid: 'o-hostile-limits-owner' });
    await addShopMember(SHOP.id, { userId: principal.userId, role: 'owner', displayName: principal.displayName, since: '2025-01-01T00:00:00.000Z' });
    owner = { userId: principal.userId, token: (await issueToken(principal, new Date())).token, principal };
  });
  const recall = () => ({ kind: RECALL_KIND_CODES[0], product: '某型号电水壶', batch: '2026-10 批次', reason: '底座可能漏电', consumerAction: '停止使用，到店免费更换', fromDate: dueInDays(0), source: '生产企业召回公告' });

  it('one person’s actions on one case: the 31st within the hour is 429', async () => {
    const filed = await file(await newConsumer('chatty'), { merchantId: SHOP.id });
    expect(filed.status).toBe(201);
    let version = filed.body.version as number;
    await limitedAfter(
      30,
      async () => {
        const answer = await command(people.regulatorLongquan, filed.body.id, version, { type: 'note', text: '电话联系商家核实情况。' });
        if (answer.status === 200) version = answer.body.version;
        return answer;
      },
      /操作过于频繁/,
    );
  });

  it('a shop’s commitment changes: the 21st in a day is 429', async () => {
    // Each save on the version the last one made, as the app sends it.
    let version = 1;
    const save = async () => {
      const answer = await call('updateCommitments', { who: owner, params: { id: SHOP.id }, body: { commitments: [{ kind: 'catalogue', code: 'quality' }], version } });
      if (answer.status === 200) version = answer.body.commitmentsVersion;
      return answer;
    };
    await limitedAfter(20, save, /修改承诺次数过多/);
  });

  it('a shop’s clerk codes: the 21st in a day is 429', async () => {
    await limitedAfter(20, () => call('inviteClerk', { who: owner, params: { id: SHOP.id } }), /绑定码过多/);
  });

  it('spreadsheet exports: the 31st in an hour is 429, whichever list (each reads every page of it)', async () => {
    const exporter = await signInAnother('u-hostile-exporter', { merchantIds: [], staff: { role: 'regulator', jurisdiction: ['longquan'] } });
    let index = 0;
    // The 联合惩戒 list and the 12315 cases, taken in turn: one allowance for both.
    const take = () => call(index++ % 2 ? 'creditListCsv' : 'export12315', { who: exporter });
    await limitedAfter(30, take, /导出过于频繁/);
  });

  it('a station’s binding codes: the 21st in a day is 429, whoever asks', async () => {
    const station = await call('registerStation', {
      who: people.adminCounty,
      body: { name: '龙泉商场投诉站', townCode: 'longquan', placeType: 'mall', address: '龙泉商场一楼服务台', contactName: '赵站长', contactPhone: '0311-5550001' },
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    expect(station.status).toBe(201);
    const invite = async () => {
      const answer = await call('inviteStationStaff', { who: people.adminCounty, params: { id: station.body.id } });
      return answer.status === 201 ? { ...answer, status: 200 } : answer;
    };
    await limitedAfter(20, invite, /该投诉站今日发放的绑定码过多/);
    // The regulator of the town shares the station's allowance.
    expect((await call('inviteStationStaff', { who: people.regulatorLongquan, params: { id: station.body.id } })).status).toBe(429);
  });

  it('a shop’s recall notices: the 11th in a day is 429', async () => {
    const publish = async () => {
      const answer = await call('publishRecall', { who: owner, params: { id: SHOP.id }, body: recall() });
      // Created is 201; the helper counts any accepted answer.
      return answer.status === 201 ? { ...answer, status: 200 } : answer;
    };
    await limitedAfter(10, publish, /召回信息过多/);
  });
});

describe('shop membership cannot be turned around', () => {
  it('an owner redeeming their own shop’s clerk code gets 409 and stays owner; the code still works for a newcomer', async () => {
    const invitation = await call('inviteClerk', { who: people.ownerB, params: { id: SHOP_B.id } });
    expect(invitation.status).toBe(200);
    await refused(() => call('redeemBinding', { who: people.ownerB, body: { code: invitation.body.code } }), { status: 409, code: 'CONFLICT', field: 'code', message: '您已是该店人员' });
    const people_ = await call('shopPeople', { who: people.ownerB, params: { id: SHOP_B.id } });
    expect(people_.body.items.find((person: { userId: string }) => person.userId === people.ownerB.userId)?.role).toBe('owner');
    const newcomer = await newConsumer('new-clerk');
    expect((await call('redeemBinding', { who: newcomer, body: { code: invitation.body.code } })).status).toBe(200);
  });

  it('a clerk redeeming another clerk code of the same shop gets 409', async () => {
    const invitation = await call('inviteClerk', { who: people.ownerA, params: { id: SHOP_A.id } });
    await refused(() => call('redeemBinding', { who: people.clerkA, body: { code: invitation.body.code } }), { status: 409, code: 'CONFLICT', field: 'code' });
  });

  it('a code someone else used is refused as a made-up one is, shop’s and station’s alike: the same 400, the same words', async () => {
    const invitation = await call('inviteClerk', { who: people.ownerB, params: { id: SHOP_B.id } });
    expect((await call('redeemBinding', { who: await newConsumer('first-to-use'), body: { code: invitation.body.code } })).status).toBe(200);
    const late = await newConsumer('late-to-use');
    const used = await refused(() => call('redeemBinding', { who: late, body: { code: invitation.body.code } }), { status: 400, code: 'INVALID', field: 'code' });
    const madeUp = await refused(() => call('redeemBinding', { who: late, body: { code: 'ZZZZZZ99' } }), { status: 400, code: 'INVALID', field: 'code' });
    expect(used.body.message).toBe(madeUp.body.message);

    const station = await call('registerStation', {
      who: people.adminCounty,
      body: { name: '龙泉镇便民服务中心投诉站', townCode: 'longquan', placeType: 'town_hall', address: '龙泉镇便民服务中心', contactName: '赵站长', contactPhone: '0311-5554321' },
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    expect(station.status).toBe(201);
    const stationInvitation = await call('inviteStationStaff', { who: people.adminCounty, params: { id: station.body.id } });
    expect((await call('redeemStationCode', { who: await newConsumer('first-to-join'), body: { code: stationInvitation.body.code } })).status).toBe(200);
    const usedStation = await refused(() => call('redeemStationCode', { who: late, body: { code: stationInvitation.body.code } }), { status: 400, code: 'INVALID', field: 'code' });
    const madeUpStation = await refused(() => call('redeemStationCode', { who: late, body: { code: 'ZZZZZZZZ99' } }), { status: 400, code: 'INVALID', field: 'code' });
    expect(usedStation.body.message).toBe(madeUpStation.body.message);
    expect(usedStation.body.message).toBe(used.body.message);
  });

  it('binding codes cannot be guessed: the 11th try in an hour is 429', async () => {
    const guesser = await newConsumer('guesser');
    for (let i = 0; i < 10; i++) expect((await call('redeemBinding', { who: guesser, body: { code: `ZZZZZZ${String(i).padStart(2, '0')}` } })).status).toBe(400);
    await refused(() => call('redeemBinding', { who: guesser, body: { code: 'ZZZZZZ99' } }), { status: 429, code: 'RATE_LIMITED', message: '绑定尝试过于频繁' });
  });

  it('the owner cannot be removed as if a clerk (400)', async () => {
    await refused(() => call('removeClerk', { who: people.ownerA, params: { id: SHOP_A.id, userId: people.ownerA.userId } }), { status: 400, code: 'INVALID', field: 'userId' });
  });

  it('a clerk cannot invite clerks (403)', async () => {
    await refused(() => call('inviteClerk', { who: people.clerkA, params: { id: SHOP_A.id } }), { status: 403, code: 'FORBIDDEN' });
  });

  it('another shop’s queue answers 404, like every unrelated resource', async () => {
    await refused(() => call('merchantQueue', { who: people.ownerB, query: { merchantId: SHOP_A.id } }), { status: 404, code: 'NOT_FOUND' });
  });
});

describe('the registry takes each business once, and only clean text', () => {
  const uscc = (first17: string) => `${first17}${usccCheckCharacter(first17)}`;
  const application = (overrides: Record<string, unknown> = {}) => ({
    name: '石桥镇新开便利店',
    type: 'individual',
    uscc: uscc('92130529MA0000777'),
    sector: 'retail',
    townCode: 'shiqiao',
    areaType: 'commercial',
    address: '清河县石桥镇中心街8号',
    contactName: '赵老板',
    contactPhone: '13905291111',
    commitments: [{ kind: 'catalogue', code: 'quality' }],
    ...overrides,
  });

  it('the same application sent twice makes one pending shop; the second is 409 naming uscc', async () => {
    const applicant = await newConsumer('applicant');
    expect((await call('applyForMerchant', { who: applicant, body: application() })).status).toBe(201);
    await refused(() => call('applyForMerchant', { who: applicant, body: application() }), { status: 409, code: 'CONFLICT', field: 'uscc', message: '请勿重复提交' });
  });

  it('an application sent again with its Idempotency-Key answers the application it made; a refusal spends none of the day’s tries', async () => {
    const applicant = await newConsumer('retrying-applicant');
    const key = newIdempotencyKey();
    const body = application({ name: '重试的小店', uscc: uscc('92130529MA0002001') });
    const first = await call('applyForMerchant', { who: applicant, body, headers: { 'idempotency-key': key } });
    const again = await call('applyForMerchant', { who: applicant, body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id, status: 'pending', name: '重试的小店' } });
    await refused(() => call('applyForMerchant', { who: applicant, body: { ...body, name: '改了名字' }, headers: { 'idempotency-key': key } }), { status: 409, code: 'CONFLICT', field: 'Idempotency-Key' });
    // The same business again under new keys: refused naming uscc, three times, and the tries given back.
    for (let i = 0; i < 3; i++) await refused(() => call('applyForMerchant', { who: applicant, body }), { status: 409, code: 'CONFLICT', field: 'uscc' });
    expect((await call('applyForMerchant', { who: applicant, body: application({ name: '第二家', uscc: uscc('92130529MA0002011') }) })).status).toBe(201);
    expect((await call('applyForMerchant', { who: applicant, body: application({ name: '第三家', uscc: uscc('92130529MA0002021') }) })).status).toBe(201);
    await refused(() => call('applyForMerchant', { who: applicant, body: application({ name: '第四家', uscc: uscc('92130529MA0002031') }) }), { status: 429, code: 'RATE_LIMITED' });
  });

  it('applications stop at three a day per person (429)', async () => {
    const eager = await newConsumer('eager');
    for (let i = 0; i < 3; i++) {
      expect((await call('applyForMerchant', { who: eager, body: application({ name: `第${i + 1}家小店`, uscc: uscc(`92130529MA00010${i}1`) }) })).status).toBe(201);
    }
    await refused(() => call('applyForMerchant', { who: eager, body: application({ uscc: uscc('92130529MA0001091') }) }), { status: 429, code: 'RATE_LIMITED' });
  });

  const HOSTILE_TEXTS: Array<[string, string, RegExp]> = [
    ['a right-to-left override (U+202E)', '假一赔十\u202E十赔一假', /文字方向控制字符/],
    ['a NUL character', '假一赔十\u0000承诺', /无法识别的字符/],
    ['an emoji', '假一赔十😀承诺', /表情符号/],
    ['a risky word split by a zero-width space', '赌\u200B博返现', /看不见的字符/],
  ];

  it.each(HOSTILE_TEXTS)('a custom commitment title with %s is 400 naming the field, and the public page keeps the old commitments', async (_name, text, message) => {
    const body = { commitments: [{ kind: 'custom', title: text, text: '本店承诺所售商品均为正品。' }], version: 1 };
    await refused(() => call('updateCommitments', { who: people.ownerA, params: { id: SHOP_A.id }, body }), { status: 400, code: 'INVALID', field: 'commitments.0.title', message });
  });

  it.each(HOSTILE_TEXTS)('a custom commitment text with %s is 400 naming the field', async (_name, text, message) => {
    const body = { commitments: [{ kind: 'custom', title: '正品保证', text: `本店承诺：${text}` }], version: 1 };
    await refused(() => call('updateCommitments', { who: people.ownerA, params: { id: SHOP_A.id }, body }), { status: 400, code: 'INVALID', field: 'commitments.0.text', message });
  });

  it.each(HOSTILE_TEXTS)('an application whose shop name has %s is 400 naming name', async (_name, text, message) => {
    const applicant = await newConsumer('texty');
    await refused(() => call('applyForMerchant', { who: applicant, body: application({ name: text }) }), { status: 400, code: 'INVALID', field: 'name', message });
  });
});

describe('the lifecycle checks what the contract cannot', () => {
  let escalated: { id: string; version: number };
  beforeAll(async () => {
    // A complaint with the bureau, where assignment applies: filed, the shop declines, the consumer asks for mediation.
    // Against shop B (in 龙泉): shop A reached its day's limit above.
    const filer = await newConsumer('escalator');
    const filed = await file(filer, { merchantId: SHOP_B.id });
    expect(filed.status).toBe(201);
    const proposed = await command(people.ownerB, filed.body.id, filed.body.version, { type: 'propose', proposal: { outcome: 'repair', dueDate: dueInDays(3), text: '免费维修一次。' } });
    expect(proposed.status).toBe(200);
    const asked = await command(filer, filed.body.id, proposed.body.version, { type: 'reject_proposal', text: '不接受维修，要求退货。' });
    expect(asked.status).toBe(200);
    const accepted = await command(people.regulatorLongquan, filed.body.id, asked.body.version, { type: 'accept' });
    expect(accepted.status).toBe(200);
    escalated = { id: filed.body.id, version: accepted.body.version };
  });

  it('assigning a case to a consumer’s id is 400 naming command.assigneeId', async () => {
    await refused(() => command(people.regulatorLongquan, escalated.id, escalated.version, { type: 'assign', assigneeId: people.consumer.userId }), {
      status: 400,
      code: 'INVALID',
      field: 'command.assigneeId',
    });
  });

  it('assigning to an id nobody has is 400', async () => {
    await refused(() => command(people.regulatorLongquan, escalated.id, escalated.version, { type: 'assign', assigneeId: 'u-nobody-at-all' }), { status: 400, code: 'INVALID', field: 'command.assigneeId' });
  });

  it('assigning to a regulator of another town is 400; the county mediator can then take the case', async () => {
    await refused(() => command(people.regulatorLongquan, escalated.id, escalated.version, { type: 'assign', assigneeId: people.regulatorChengguan.userId }), {
      status: 400,
      code: 'INVALID',
      field: 'command.assigneeId',
    });
    const assigned = await command(people.regulatorLongquan, escalated.id, escalated.version, { type: 'assign', assigneeId: people.mediatorCounty.userId });
    expect(assigned.status).toBe(200);
    escalated.version = assigned.body.version;
  });

  it('a shop asking to assign its case is 403 whatever the id: it learns nothing of who is staff', async () => {
    const toStaff = await refused(() => command(people.ownerB, escalated.id, escalated.version, { type: 'assign', assigneeId: people.mediatorCounty.userId }), { status: 403, code: 'FORBIDDEN' });
    const toNobody = await refused(() => command(people.ownerB, escalated.id, escalated.version, { type: 'assign', assigneeId: 'u-nobody-at-all' }), { status: 403, code: 'FORBIDDEN' });
    expect(toNobody.body).toEqual(toStaff.body);
  });

  it('a replayed command with a stale version is 409', async () => {
    await refused(() => command(people.regulatorLongquan, escalated.id, escalated.version - 1, { type: 'note', text: '重复提交的备注。' }), { status: 409, code: 'CONFLICT' });
  });

  it('a settlement proposal due on 2001-01-01 is 400 naming its due date', async () => {
    const filed = await file(await newConsumer('proposal'), { merchantId: SHOP_B.id });
    await refused(() => command(people.ownerB, filed.body.id, filed.body.version, { type: 'propose', proposal: { outcome: 'refund', amount: '10.00', dueDate: '2001-01-01', text: '退款。' } }), {
      status: 400,
      code: 'INVALID',
      field: 'command.proposal.dueDate',
      message: '履行日期不能早于今天',
    });
    await refused(() => command(people.ownerB, filed.body.id, filed.body.version, { type: 'propose', proposal: { outcome: 'refund', amount: '10.00', dueDate: dueInDays(400), text: '退款。' } }), {
      status: 400,
      code: 'INVALID',
      field: 'command.proposal.dueDate',
      message: '一年',
    });
    expect((await command(people.ownerB, filed.body.id, filed.body.version, { type: 'propose', proposal: { outcome: 'refund', amount: '10.00', dueDate: dueInDays(0), text: '今天退款。' } })).status).toBe(200);
  });

  it('an Idempotency-Key reused for a different complaint is 409 naming the key', async () => {
    const key = newIdempotencyKey();
    const filer = await newConsumer('key-reuser');
    expect((await file(filer, { merchantId: SHOP_B.id }, key)).status).toBe(201);
    await refused(() => file(filer, { merchantId: SHOP_B.id, description: '换了内容却用同一个请求编号提交。' }, key), { status: 409, code: 'CONFLICT', field: 'Idempotency-Key' });
  });
});

describe('the request edge', () => {
  it('a 1 MB body (a valid complaint plus padding) is 413 before it is read', async () => {
    const padded = JSON.stringify({ ...complaintBody(), padding: 'x'.repeat(1024 * 1024) });
    await refused(() => callRaw('fileComplaint', padded, { 'content-type': 'application/json', 'idempotency-key': newIdempotencyKey() }, people.otherConsumer), {
      status: 413,
      code: 'TOO_LARGE',
      message: '64 KB',
    });
  });

  it('a text/plain body is 415, never parsed as JSON', async () => {
    await refused(() => callRaw('fileComplaint', JSON.stringify(complaintBody()), { 'content-type': 'text/plain', 'idempotency-key': newIdempotencyKey() }, people.otherConsumer), {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('a body without a content type is 415', async () => {
    await refused(() => callRaw('applyForMerchant', JSON.stringify({ name: '无类型' }), { 'content-type': '' }, people.otherConsumer), { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('malformed JSON is 400', async () => {
    await refused(() => callRaw('fileComplaint', '{"merchantId": "QHSHOPA001",', { 'content-type': 'application/json', 'idempotency-key': newIdempotencyKey() }, people.otherConsumer), {
      status: 400,
      code: 'INVALID',
      message: '不是有效的 JSON',
    });
  });

  it('deeply nested JSON within the size cap is 400, not a crash', async () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    await refused(() => callRaw('fileComplaint', deep, { 'content-type': 'application/json', 'idempotency-key': newIdempotencyKey() }, people.otherConsumer), { status: 400, code: 'INVALID' });
  });

  it('a field of the wrong type is 400 naming it', async () => {
    await refused(() => file(people.otherConsumer, { description: 12345 }), { status: 400, code: 'INVALID', field: 'description' });
  });

  it('an object where a list belongs is 400 naming it', async () => {
    await refused(() => file(people.otherConsumer, { photos: { 0: 'uploads/x/y.jpg' } }), { status: 400, code: 'INVALID', field: 'photos' });
  });
});

describe('tokens', () => {
  const claims = (roles: object) => ({ name: 'forger', roles });
  const staffRoles = { merchantIds: [], staff: { role: 'admin', jurisdiction: 'county' } };

  it('a token signed with another key (claiming to be a county admin) is 401', async () => {
    const forged = await new SignJWT(claims(staffRoles))
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-forger')
      .setIssuer('fangxin')
      .setAudience('fangxin-app')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-deployment-key-but-32-chars-long!'));
    await refused(() => call('dashboard', { token: forged, query: { year: '2026' } }), { status: 401, code: 'UNAUTHENTICATED' });
  });

  it('an expired token is 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT(claims({ merchantIds: [] }))
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(people.consumer.userId)
      .setIssuer('fangxin')
      .setAudience('fangxin-app')
      .setIssuedAt(now - 7_200)
      .setExpirationTime(now - 60)
      .sign(authConfig().jwtSecret);
    await refused(() => call('myComplaints', { token: expired }), { status: 401, code: 'UNAUTHENTICATED' });
  });

  it('an unsigned token (alg: none) is 401', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims(staffRoles), sub: 'u-forger', iss: 'fangxin', aud: 'fangxin-app', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    await refused(() => call('dashboard', { token: unsigned, query: { year: '2026' } }), { status: 401, code: 'UNAUTHENTICATED' });
  });

  it('a token for another audience (signed with the right key) is 401', async () => {
    const other = await new SignJWT(claims(staffRoles))
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-forger')
      .setIssuer('fangxin')
      .setAudience('another-app')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(authConfig().jwtSecret);
    await refused(() => call('dashboard', { token: other, query: { year: '2026' } }), { status: 401, code: 'UNAUTHENTICATED' });
  });

  it('no token on a signed-in write is 401', async () => {
    await refused(() => call('fileComplaint', { body: complaintBody(), headers: { 'idempotency-key': newIdempotencyKey() } }), { status: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('nobody reaches another’s data (404 for the unrelated, 403 for the wrong role)', () => {
  let stationStaff: SignedIn;
  let otherStationStaff: SignedIn;
  let stationCase: string;

  async function joinStation(label: string, stationId: string): Promise<SignedIn> {
    const person = await newConsumer(label);
    const invitation = await call('inviteStationStaff', { who: people.adminCounty, params: { id: stationId } });
    const joined = await call('redeemStationCode', { who: person, body: { code: invitation.body.code } });
    expect(joined.status).toBe(200);
    return { ...person, token: joined.body.token, principal: { ...person.principal, roles: joined.body.user.roles } };
  }

  beforeAll(async () => {
    const station = { townCode: 'chengguan', placeType: 'market', address: '城关镇农贸市场', contactName: '李站长', contactPhone: '0311-5551234' };
    const first = await call('registerStation', { who: people.adminCounty, body: { ...station, name: '城关农贸市场投诉站' }, headers: { 'idempotency-key': newIdempotencyKey() } });
    const second = await call('registerStation', { who: people.adminCounty, body: { ...station, name: '城关商场投诉站', placeType: 'mall' }, headers: { 'idempotency-key': newIdempotencyKey() } });
    stationStaff = await joinStation('station-a', first.body.id);
    otherStationStaff = await joinStation('station-b', second.body.id);
    const { phone: _phone, privacyConsent: _consent, ...rest } = complaintBody({ merchantId: SHOP_B.id });
    void _phone;
    void _consent;
    const filed = await call('stationFileComplaint', {
      who: stationStaff,
      body: { ...rest, channel: 'walk_in', consumerName: '王秀兰', consumerPhone: '13912345678', spokenConsent: true, sendClaimCodeBySms: false },
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    expect(filed.status).toBe(201);
    stationCase = filed.body.complaint.id;
  });

  it('another consumer reading my complaint: 404', async () => {
    await refused(() => call('getComplaint', { who: people.otherConsumer, params: { id: complaintOfConsumer.id } }), { status: 404, code: 'NOT_FOUND' });
  });

  it('another consumer acting on my complaint: 404', async () => {
    await refused(() => command(people.otherConsumer, complaintOfConsumer.id, complaintOfConsumer.version, { type: 'withdraw' }), { status: 404, code: 'NOT_FOUND' });
  });

  it('another shop’s owner reading a complaint against shop A: 404', async () => {
    await refused(() => call('getComplaint', { who: people.ownerB, params: { id: complaintOfConsumer.id } }), { status: 404, code: 'NOT_FOUND' });
  });

  it('a regulator of another town reading it: 404', async () => {
    await refused(() => call('getComplaint', { who: people.regulatorLongquan, params: { id: complaintOfConsumer.id } }), { status: 404, code: 'NOT_FOUND' });
  });

  it('another shop’s owner listing shop A’s people: 404', async () => {
    await refused(() => call('shopPeople', { who: people.ownerB, params: { id: SHOP_A.id } }), { status: 404, code: 'NOT_FOUND' });
  });

  it('another shop’s owner publishing a recall for shop A: 404', async () => {
    const recall = { kind: RECALL_KIND_CODES[0], product: '某型号电水壶', batch: '2026-10 批次', reason: '底座可能漏电', consumerAction: '停止使用，到店免费更换', fromDate: dueInDays(0), source: '生产企业召回公告' };
    await refused(() => call('publishRecall', { who: people.ownerB, params: { id: SHOP_A.id }, body: recall }), { status: 404, code: 'NOT_FOUND' });
  });

  it('another shop’s owner reading shop A’s scorecard: 404', async () => {
    await refused(() => call('myScorecard', { who: people.ownerB, params: { id: SHOP_A.id } }), { status: 404, code: 'NOT_FOUND' });
  });

  it('another station reissuing this station’s claim code: 404', async () => {
    await refused(() => call('reissueClaimCode', { who: otherStationStaff, params: { id: stationCase }, body: { sendBySms: false } }), { status: 404, code: 'NOT_FOUND' });
  });

  it('another station reading this station’s case: 404', async () => {
    await refused(() => call('getComplaint', { who: otherStationStaff, params: { id: stationCase } }), { status: 404, code: 'NOT_FOUND' });
  });

  it('station staff acting as the shop on their own case: refused', async () => {
    const answer = await refused(() => command(stationStaff, stationCase, 1, { type: 'reply', text: '我是店家。' }), { status: 403 });
    expect(answer.body.code).toBe('FORBIDDEN');
  });

  it('a consumer on the bureau’s dashboard: 403', async () => {
    await refused(() => call('dashboard', { who: people.consumer, query: { year: '2026' } }), { status: 403, code: 'FORBIDDEN' });
  });

  it('a shop’s owner on a station’s ledger: 403', async () => {
    await refused(() => call('stationLedger', { who: people.ownerA }), { status: 403, code: 'FORBIDDEN' });
  });

  it('station staff on a shop’s queue: 403', async () => {
    await refused(() => call('merchantQueue', { who: stationStaff }), { status: 403, code: 'FORBIDDEN' });
  });

  it('a mediator publishing a recall: 403', async () => {
    const recall = { kind: RECALL_KIND_CODES[0], product: '某批次食用油', batch: '2026-09', reason: '抽检不合格', consumerAction: '停止食用并退货', fromDate: dueInDays(0), source: '县市场监管局抽检通报' };
    await refused(() => call('staffPublishRecall', { who: people.mediatorCounty, body: recall }), { status: 403, code: 'FORBIDDEN' });
  });

  it('a regulator recording a violation for a shop of another town: 404', async () => {
    await refused(() => call('recordViolation', { who: people.regulatorLongquan, params: { id: SHOP_A.id }, body: { source: '行政处罚', date: dueInDays(0), description: '虚假宣传，已立案查处。' } }), {
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});

describe('paging cursors made by hand are 400 naming cursor on every list, never 500', () => {
  const listRoutes = (Object.entries(allRoutes) as Array<[RouteName, RouteContract]>).filter(
    ([, route]) => route.query instanceof z.ZodMiniObject && 'cursor' in (route.query as z.ZodMiniObject).shape,
  );
  const HAND_MADE = [
    ['not base64 JSON', '!!!not-a-cursor!!!'],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url')],
    ['a number in a key', Buffer.from('{"pk":1}').toString('base64url')],
    ['another table’s key', Buffer.from('{"pk":"MERCHANT#QHSHOPA001","sk":"PROFILE"}').toString('base64url')],
  ] as const;
  let stationStaff: SignedIn;

  beforeAll(async () => {
    const station = await call('registerStation', {
      who: people.adminCounty,
      body: { name: '白鹿景区投诉站', townCode: 'bailu', placeType: 'scenic', address: '白鹿景区游客中心', contactName: '周站长', contactPhone: '0311-5550000' },
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    const person = await newConsumer('cursor-station');
    const invitation = await call('inviteStationStaff', { who: people.adminCounty, params: { id: station.body.id } });
    const joined = await call('redeemStationCode', { who: person, body: { code: invitation.body.code } });
    expect(joined.status).toBe(200);
    stationStaff = { ...person, token: joined.body.token };
    // The scorecards list belongs to an opened assessment.
    expect((await call('openAssessment', { who: people.adminCounty, params: { year: '2026' }, body: {} })).status).toBe(201);
  });

  const caller = (route: RouteContract): SignedIn | undefined =>
    ({ public: undefined, anyone: undefined, user: people.consumer, merchant: people.ownerA, staff: people.adminCounty, station: stationStaff })[route.access];
  const paramsOf = (route: RouteContract): Record<string, string> => {
    const params: Record<string, string> = {};
    if (route.path.includes('{id}')) params.id = SHOP_A.id;
    if (route.path.includes('{year}')) params.year = '2026';
    return params;
  };

  it('covers every list route in the contract', () => {
    expect(listRoutes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(listRoutes.flatMap(([name, route]) => HAND_MADE.map(([kind, cursor]) => [`${name} with ${kind}`, name, route, cursor] as const)))('%s', async (_label, name, route, cursor) => {
    // The staff inspections list asks for a shop or a town first.
    const filters: Record<string, string> = name === 'inspections' ? { merchantId: SHOP_A.id } : {};
    const answer = await call(name, { who: caller(route), params: paramsOf(route), query: { ...filters, cursor } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('INVALID');
    expect(answer.body.field).toBe('cursor');
  });
});

describe('uploads', () => {
  it('a ticket for an HTML file is 400 naming contentType', async () => {
    await refused(() => call('requestUpload', { who: people.consumer, body: { contentType: 'text/html', size: 1000 } }), { status: 400, code: 'INVALID', field: 'contentType' });
  });

  it('a ticket over the size limit is 400 naming size', async () => {
    await refused(() => call('requestUpload', { who: people.consumer, body: { contentType: 'image/jpeg', size: 50 * 1024 * 1024 } }), { status: 400, code: 'INVALID', field: 'size' });
  });

  it('attaching another person’s upload is 400 naming the photo', async () => {
    const theirs = `uploads/${uploadFolderOf(people.otherConsumer.userId)}/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg`;
    await refused(() => file(people.mediatorCounty, { photos: [theirs] }), { status: 400, code: 'INVALID', field: 'photos.0' });
  });

  it('a photo key that climbs out of the uploads folder is 400', async () => {
    await refused(() => file(people.mediatorCounty, { photos: [`uploads/${uploadFolderOf(people.mediatorCounty.userId)}/../../secrets.jpg`] }), { status: 400, code: 'INVALID', field: 'photos.0' });
  });

  it('upload tickets stop at 60 an hour per person (429)', async () => {
    const uploader = await newConsumer('uploader');
    for (let i = 0; i < 60; i++) expect((await call('requestUpload', { who: uploader, body: { contentType: 'image/jpeg', size: 1000 } })).status).toBe(200);
    await refused(() => call('requestUpload', { who: uploader, body: { contentType: 'image/jpeg', size: 1000 } }), { status: 429, code: 'RATE_LIMITED' });
  });

  it('an upload key names no user id', async () => {
    const ticket = await call('requestUpload', { who: people.mediatorCounty, body: { contentType: 'image/png', size: 1000 } });
    expect(ticket.body.key).not.toContain(people.mediatorCounty.userId);
  });
});

describe('what leaves the service', () => {
  it('a CSV cell that starts like a formula is neutralised (the 联合惩戒 list)', async () => {
    const formulaShop = { ...SHOP_A, id: 'QHFORMULA1', name: '=HYPERLINK("http://evil.example","点我")' };
    await saveMerchant(formulaShop);
    const flagged = await call('recordViolation', { who: people.adminCounty, params: { id: formulaShop.id }, body: { source: '行政处罚', date: dueInDays(0), description: '+cmd|/c calc 价格欺诈' } });
    expect(flagged.status).toBe(200);
    const csv = await call('creditListCsv', { who: people.adminCounty });
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'+cmd`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('a forced internal error answers a generic Chinese message with a correlation id, and the log line carries the same id', async () => {
    // The table gone under a running service: nothing the API expects.
    await dynamoDbClient.send(new DeleteTableCommand({ TableName: config().tableName }));
    const answer = await call('getMerchant', { params: { id: SHOP_A.id } });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ code: 'INTERNAL', message: '服务暂时不可用，请稍后重试', correlationId: expect.any(String) });
    expect(JSON.stringify(answer.body)).not.toMatch(/ResourceNotFound|stack|at \w+ \(/);
    expect(logLines.some((line) => line.includes('unhandled error') && line.includes(answer.body.correlationId))).toBe(true);
  });

  it('no answer of this suite held a secret, and no log line a secret or a whole phone number', () => {
    const secrets = [new TextDecoder().decode(authConfig().jwtSecret), LOCAL_WECHAT_APP_SECRET, 'session_key'];
    const everything = JSON.stringify(answers);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(answers.length).toBeGreaterThan(100);
    const logs = logLines.join('\n');
    for (const secret of secrets.slice(0, 2)) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(logLines.length).toBeGreaterThan(0);
  });
});
