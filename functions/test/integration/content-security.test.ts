import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ApiErrorBody, usccCheckCharacter, ComplaintPage, ComplaintView, MerchantPublicView, ModerationItem, ModerationPage } from '@fangxin/shared';
import { LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET } from '../../../scripts/local/env';
import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as getMerchant } from '../../src/handlers/merchants/get-merchant';
import { handler as updateCommitments } from '../../src/handlers/registry/commitments';
import { handler as applyForMerchant } from '../../src/handlers/registry/apply';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { handler as sendCommand } from '../../src/handlers/complaints/send-command';
import { handler as merchantQueue } from '../../src/handlers/merchant/merchant-queue';
import { handler as recheckSchedule } from '../../src/handlers/scheduled/recheck-content';
import { handler as decideModeration } from '../../src/handlers/staff/decide-moderation';
import { handler as moderationQueue } from '../../src/handlers/staff/moderation-queue';
import { config } from '../../src/config';
import { findModerationTask } from '../../src/store/moderation';
import { documentClient } from '../../src/clients';
import { saveUser } from '../../src/store/users';
import { findMerchant } from '../../src/store/merchants';
import { MAX_RECHECKS, PLACEHOLDERS, recheckDelayMs } from '../../src/use-cases/moderation-rules';
import { recheckContent } from '../../src/use-cases/recheck-content';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, type Person, type SignedIn, dueInDays } from './support/people';
import { useFreshTable } from './support/table';
import { countWithinOneRateWindow } from './support/rate-windows';

/**
 * Content security, end to end through the real handlers, DynamoDB Local and a stand-in WeChat server that
 * applies msgSecCheck's real rule (the author must have used the mini-program in the last 2 hours). This
 * suite runs its own stand-in so its faults and rules touch no other suite.
 */

// Its limits are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();
let standIn: WeChatStandIn;
let people: Record<Person, SignedIn>;

/** The people who write texts here, with the openids WeChat knows them by. */
const AUTHORS: Partial<Record<Person, string>> = {
  consumer: 'o-cs-consumer',
  otherConsumer: 'o-cs-other-consumer',
  ownerA: 'o-cs-owner-a',
  clerkA: 'o-cs-clerk-a',
};

const control = async (path: string, body?: unknown, method = 'POST') => {
  const response = await fetch(`${standIn.url}/__control/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<unknown>;
};
const injectFaults = (rules: unknown[]) => control('faults', rules);
const clearFaults = () => control('faults', undefined, 'DELETE');

beforeAll(async () => {
  standIn = await startWeChatStandIn({ appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET, requireRecentUse: true });
  // Before this suite's first WeChat call: the client reads its base URL once.
  process.env.WECHAT_API_BASE = standIn.url;
  people = await setUpPeople();
  for (const [person, openid] of Object.entries(AUTHORS) as Array<[Person, string]>) {
    await saveUser({ ...people[person].principal, openid });
    await control('active-users', { openid });
  }
});
afterAll(() => standIn?.stop());
beforeEach(() => clearFaults());

const RISKY = '店员说可以帮忙搞赌博返现，要求退款并道歉。'; // 赌博: one of the stand-in's risky words

async function file(who: SignedIn, description: string): Promise<{ status: number; view: ComplaintView }> {
  const { status, body } = await invoke(fileComplaint, {
    method: 'POST',
    routePath: '/complaints',
    token: who.token,
    body: complaintBody({ description }),
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  expect(status).toBe(201);
  return { status, view: ComplaintView.parse(body) };
}

const view = async (who: SignedIn, id: string) => {
  const { status, body } = await invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id }, token: who.token });
  expect(status).toBe(200);
  return ComplaintView.parse(body);
};

const command = (who: SignedIn, id: string, version: number, cmd: Record<string, unknown>) =>
  invoke(sendCommand, { method: 'POST', routePath: '/complaints/{id}/commands', pathParameters: { id }, token: who.token, body: { version, command: cmd } });

const shopQueue = async () => ComplaintPage.parse((await invoke(merchantQueue, { method: 'GET', routePath: '/merchant/complaints', token: people.ownerA.token, query: { limit: '50' } })).body);

const reviewQueue = async (who: SignedIn) => {
  const { status, body } = await invoke(moderationQueue, { method: 'GET', routePath: '/staff/moderation', token: who.token, query: { limit: '50' } });
  expect(status).toBe(200);
  return ModerationPage.parse(body).items;
};

const decide = (who: SignedIn, complaintId: string, target: string, decision: 'release' | 'block') =>
  invoke(decideModeration, {
    method: 'POST',
    routePath: '/staff/moderation/{complaintId}/{target}',
    pathParameters: { complaintId, target },
    token: who.token,
    body: { decision },
  });

async function storedComplaint(id: string): Promise<Record<string, any>> {
  const { Item } = await documentClient.send(new GetCommand({ TableName: config().tableName, Key: { pk: `COMPLAINT#${id}`, sk: 'PROFILE' } }));
  return Item!;
}

async function indexed(partition: string): Promise<Array<Record<string, any>>> {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({ TableName: config().tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': partition } }),
  );
  return Items;
}

/** Rechecks everything due until nothing is left, so a test starts with no unchecked texts of earlier ones. */
async function drainRechecks(): Promise<void> {
  await clearFaults();
  const far = new Date(Date.now() + 24 * 3_600_000);
  while ((await indexed('MODERATION#unchecked')).length > 0) await recheckContent(far, 50);
}

const msgSecChecks = () => standIn.calls().filter((call) => call.endpoint === 'msg_sec_check');

describe('a clean description', () => {
  it('reaches the shop exactly as written, after one check (scene 2, the author’s openid)', async () => {
    const description = '电水壶使用两周后底座漏电，要求按三包规定更换新品。';
    const before = msgSecChecks().length;
    const { view: filed } = await file(people.consumer, description);

    const checks = msgSecChecks().slice(before);
    expect(checks.map((call) => call.request.body)).toEqual([{ content: description, version: 2, scene: 2, openid: 'o-cs-consumer' }]);
    const shop = await view(people.ownerA, filed.id);
    expect(shop.description).toBe(description);
    expect(shop.descriptionModeration).toBeUndefined();
    expect(filed.descriptionModeration).toBeUndefined();
    expect((await shopQueue()).items.find((item) => item.id === filed.id)?.excerpt).toBe([...description].slice(0, 40).join(''));

    expect((await storedComplaint(filed.id)).descriptionModeration).toMatchObject({ state: 'pass', label: 100 });
    expect(await findModerationTask(filed.id, 'DESC')).toBeUndefined();
  });
});

describe('a filing sent again with its Idempotency-Key', () => {
  it('is answered from the first try without asking WeChat again: the same request, the same complaint; another, 409', async () => {
    const key = newIdempotencyKey();
    const send = (description: string) =>
      invoke(fileComplaint, { method: 'POST', routePath: '/complaints', token: people.consumer.token, body: complaintBody({ description }), headers: { 'idempotency-key': key } });
    const first = await send('电饭煲内胆涂层脱落，要求更换新品。');
    expect(first.status).toBe(201);
    const checked = msgSecChecks().length;
    // A retry is free of the filing limits: were its text checked again, one key sent over and over would spend
    // the app's check allowance without end.
    const again = await send('电饭煲内胆涂层脱落，要求更换新品。');
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    for (let index = 0; index < 3; index++) {
      const other = await send(`另一段描述，第${index + 1}次重发。`);
      expect(other).toMatchObject({ status: 409, body: { code: 'CONFLICT', field: 'Idempotency-Key' } });
    }
    expect(msgSecChecks()).toHaveLength(checked);
  });
});

describe('a risky description', () => {
  it('is filed, kept from the shop (views and list), shown to its author flagged, and queued for the town’s reviewers', async () => {
    const { view: own } = await file(people.consumer, RISKY);
    expect(own.description).toBe(RISKY);
    expect(own.descriptionModeration).toMatchObject({ state: 'held', note: expect.stringContaining('审核') });
    expect(own.descriptionModeration?.label).toBeUndefined(); // WeChat's verdict is for staff

    for (const person of [people.ownerA, people.clerkA]) {
      const shop = await view(person, own.id);
      expect(shop.description).toBe(PLACEHOLDERS.held);
      expect(shop.descriptionModeration).toEqual({ state: 'held', note: PLACEHOLDERS.held });
      expect(JSON.stringify(shop)).not.toContain('赌博');
    }
    const listed = (await shopQueue()).items.find((item) => item.id === own.id);
    expect(listed?.excerpt).toBe(PLACEHOLDERS.held);
    expect(JSON.stringify(await shopQueue())).not.toContain('赌博');

    const staff = await view(people.regulatorChengguan, own.id);
    expect(staff.description).toBe(RISKY);
    expect(staff.descriptionModeration).toMatchObject({ state: 'held', label: 20006 });

    const queued = (await reviewQueue(people.regulatorChengguan)).find((item) => item.complaintId === own.id);
    expect(queued).toMatchObject({
      target: 'description',
      targetLabel: '投诉描述',
      authorLabel: '消费者',
      text: RISKY,
      state: 'held',
      label: 20006,
      townCode: 'chengguan',
      reason: '微信内容安全检测判定有风险（违法犯罪）',
    });
    expect((await reviewQueue(people.adminCounty)).some((item) => item.complaintId === own.id)).toBe(true);

    // The task carries the text and where it belongs, nothing else of the complaint (no phone number).
    const { Item: task } = await documentClient.send(new GetCommand({ TableName: config().tableName, Key: { pk: `MODERATION#${own.id}`, sk: 'DESC' } }));
    expect(task).toMatchObject({ state: 'held', text: RISKY, townCode: 'chengguan', gsi1pk: 'MODERATION#held' });
    expect(task).not.toHaveProperty('phone');
    expect(task).not.toHaveProperty('description');
  });

  it('is neither listed for nor decidable by staff outside the town (404)', async () => {
    const { view: own } = await file(people.consumer, RISKY);
    expect((await reviewQueue(people.regulatorLongquan)).some((item) => item.complaintId === own.id)).toBe(false);
    const outside = await decide(people.regulatorLongquan, own.id, 'description', 'release');
    expect(outside.status).toBe(404);
    expect(ApiErrorBody.parse(outside.body).message).toMatch(/[\u4e00-\u9fff]/);
    // Not a staff member at all: the edge refuses.
    expect((await decide(people.ownerA, own.id, 'description', 'release')).status).toBe(403);
  });

  it('released by a reviewer reaches the shop; a second decision is 409; the decision is audited', async () => {
    const { view: own } = await file(people.consumer, RISKY);
    const released = await decide(people.regulatorChengguan, own.id, 'description', 'release');
    expect(released.status).toBe(200);
    expect(ModerationItem.parse(released.body)).toMatchObject({ state: 'released', stateLabel: '已放行', decidedAt: expect.any(String) });

    const shop = await view(people.ownerA, own.id);
    expect(shop.description).toBe(RISKY);
    expect(shop.descriptionModeration).toBeUndefined();
    expect((await shopQueue()).items.find((item) => item.id === own.id)?.excerpt).toBe([...RISKY].slice(0, 40).join(''));
    expect((await view(people.consumer, own.id)).descriptionModeration).toBeUndefined();
    expect((await view(people.adminCounty, own.id)).descriptionModeration).toMatchObject({ state: 'released' });

    // The reviewer's own decision sent again (its answer lost): the same item, decided and audited once.
    const resent = await decide(people.regulatorChengguan, own.id, 'description', 'release');
    expect(resent).toMatchObject({ status: 200, body: released.body });
    const again = await decide(people.adminCounty, own.id, 'description', 'block');
    expect(again.status).toBe(409);
    expect((await decide(people.regulatorChengguan, own.id, 'description', 'block')).status).toBe(409);
    expect(ApiErrorBody.parse(again.body).message).toBe('该内容已放行，不能重复审核，请刷新后查看');
    expect((await view(people.ownerA, own.id)).description).toBe(RISKY);
    expect((await reviewQueue(people.regulatorChengguan)).some((item) => item.complaintId === own.id)).toBe(false);

    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: config().tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${people.regulatorChengguan.userId}` },
      }),
    );
    expect(Items.filter((item) => item.subjectId === own.id).map((item) => [item.action, item.role, item.subjectType])).toEqual([
      ['moderation_release', 'regulator', 'complaint'],
    ]);
    expect(JSON.stringify(Items)).not.toContain('赌博'); // the audit trail records the decision, not the words
  });

  it('lets exactly one of two reviewers deciding at once win', async () => {
    const { view: own } = await file(people.consumer, RISKY);
    const answers = await Promise.all([
      decide(people.regulatorChengguan, own.id, 'description', 'release'),
      decide(people.adminCounty, own.id, 'description', 'block'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('blocked by a reviewer stays hidden from the shop, and its author is told', async () => {
    const { view: own } = await file(people.consumer, RISKY);
    expect((await decide(people.adminCounty, own.id, 'description', 'block')).status).toBe(200);

    const shop = await view(people.ownerA, own.id);
    expect(shop.description).toBe('该内容未通过审核，已被屏蔽');
    expect(shop.descriptionModeration).toMatchObject({ state: 'blocked' });
    expect((await shopQueue()).items.find((item) => item.id === own.id)?.excerpt).toBe('该内容未通过审核，已被屏蔽');
    const mine = await view(people.consumer, own.id);
    expect(mine.description).toBe(RISKY);
    expect(mine.descriptionModeration).toEqual({ state: 'blocked', note: '该内容未通过审核，对方看不到' });
  });

  it('holds a text WeChat wants reviewed, as well as a risky one', async () => {
    await control('risky-words', { words: ['赌博', '代开发票'], reviewWords: ['私了'] });
    try {
      const { view: own } = await file(people.consumer, '店长让我私了，不许投诉，要求退款。');
      expect((await view(people.ownerA, own.id)).description).toBe(PLACEHOLDERS.held);
      expect((await reviewQueue(people.regulatorChengguan)).find((item) => item.complaintId === own.id)?.reason).toContain('建议人工审核');
    } finally {
      await control('risky-words', { words: ['赌博', '代开发票'] });
    }
  });
});

describe('WeChat failing when the complaint is filed', () => {
  it('HTTP 503: the complaint is still filed (201) and stored, held as unchecked, and passed by the recheck once WeChat is back', async () => {
    await injectFaults([{ endpoint: 'msg_sec_check', kind: 'http_status', status: 503 }]);
    const description = '购买的电饭煲第二天就不加热了，要求退货退款。';
    const { view: own } = await file(people.consumer, description);
    expect(own.descriptionModeration).toMatchObject({ state: 'unchecked' });

    expect((await storedComplaint(own.id)).descriptionModeration).toEqual({ state: 'unchecked' });
    expect((await view(people.ownerA, own.id)).description).toBe(PLACEHOLDERS.held);
    expect((await indexed('MODERATION#unchecked')).some((item) => item.pk === `MODERATION#${own.id}`)).toBe(true);
    // Unchecked texts wait for the recheck, not for a reviewer.
    expect((await reviewQueue(people.regulatorChengguan)).some((item) => item.complaintId === own.id)).toBe(false);

    await clearFaults();
    const result = await recheckContent(new Date());
    expect(result.passed).toBeGreaterThanOrEqual(1);
    const shop = await view(people.ownerA, own.id);
    expect(shop.description).toBe(description);
    expect(shop.descriptionModeration).toBeUndefined();
    expect(await findModerationTask(own.id, 'DESC')).toMatchObject({ state: 'pass', label: 100 });
    expect((await indexed('MODERATION#unchecked')).some((item) => item.pk === `MODERATION#${own.id}`)).toBe(false);
  });

  it('no answer: the filing waits at most the check’s budget, then stores the text unchecked; the scheduled recheck passes it', async () => {
    await injectFaults([{ endpoint: 'msg_sec_check', kind: 'hang' }]);
    const started = Date.now();
    const { view: own } = await file(people.consumer, '理发店办卡后关门，余额无法退还，要求退款。');
    // A filing that waited on the hung check would run into the test's 30 s timeout; the check's own 2.5 s
    // budget plus the filing's writes fit well inside 10 s even on a busy machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(own.descriptionModeration).toMatchObject({ state: 'unchecked' });
    expect((await view(people.ownerA, own.id)).description).toBe(PLACEHOLDERS.held);

    const result = await recheckSchedule();
    expect(result.passed).toBeGreaterThanOrEqual(1);
    expect((await view(people.ownerA, own.id)).description).toBe('理发店办卡后关门，余额无法退还，要求退款。');
  });

  it('an author WeChat will not check (not in the mini-program for 2 hours: 61010) goes to a reviewer at the recheck', async () => {
    await drainRechecks();
    await control('active-users', { openid: AUTHORS.otherConsumer, at: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    const { view: own } = await file(people.otherConsumer, '饭店菜单标价与结账价格不一致，多收了二十元。');
    const answer = msgSecChecks().at(-1)?.answer as { json?: { errcode?: number } };
    expect(answer.json?.errcode).toBe(61010);
    expect(own.descriptionModeration).toMatchObject({ state: 'unchecked' });

    expect(await recheckContent(new Date())).toMatchObject({ held: 1, passed: 0 });
    expect(await findModerationTask(own.id, 'DESC')).toMatchObject({ state: 'held', reason: 'uncheckable', lastError: 'wechat 61010' });
    const queued = (await reviewQueue(people.regulatorChengguan)).find((item) => item.complaintId === own.id);
    expect(queued?.reason).toContain('无法完成');
    expect((await view(people.ownerA, own.id)).description).toBe(PLACEHOLDERS.held);
    await control('active-users', { openid: AUTHORS.otherConsumer });
  });

  it('keeps rechecking with growing pauses while WeChat is down, then hands the text to a reviewer', async () => {
    await drainRechecks();
    await injectFaults([{ endpoint: 'msg_sec_check', kind: 'http_status', status: 502, times: 100 }]);
    const { view: own } = await file(people.consumer, '健身房转让后新老板不认会员卡，要求退还余额。');
    let at = Date.now();
    for (let attempt = 1; attempt < MAX_RECHECKS; attempt++) {
      expect(await recheckContent(new Date(at))).toMatchObject({ retrying: 1 });
      const task = await findModerationTask(own.id, 'DESC');
      expect(task).toMatchObject({ state: 'unchecked', attempts: attempt });
      // Not due again before its pause is over.
      expect(await recheckContent(new Date(at + recheckDelayMs(attempt) - 1000))).toMatchObject({ retrying: 0, held: 0, passed: 0 });
      at += recheckDelayMs(attempt) + 1000;
    }
    expect(await recheckContent(new Date(at))).toMatchObject({ held: 1 });
    expect(await findModerationTask(own.id, 'DESC')).toMatchObject({ state: 'held', reason: 'uncheckable', attempts: MAX_RECHECKS });
    expect((await reviewQueue(people.regulatorChengguan)).some((item) => item.complaintId === own.id)).toBe(true);
  });

  it('two recheck runs at once move each text exactly once', async () => {
    await drainRechecks();
    await injectFaults([{ endpoint: 'msg_sec_check', kind: 'http_status', status: 503, times: 3 }]);
    const filed = [];
    for (const n of [1, 2, 3]) filed.push((await file(people.consumer, `第${n}份：洗衣店洗坏了羊毛大衣，要求按价赔偿。`)).view);
    await clearFaults();

    const now = new Date();
    const runs = await Promise.all([recheckContent(now), recheckContent(now)]);
    expect(runs.reduce((sum, run) => sum + run.passed, 0)).toBe(3);
    expect(runs.reduce((sum, run) => sum + run.held + run.retrying, 0)).toBe(0);
    for (const complaint of filed) {
      expect(await findModerationTask(complaint.id, 'DESC')).toMatchObject({ state: 'pass', attempts: 0 });
      expect((await view(people.ownerA, complaint.id)).description).toBe(complaint.description);
    }
    expect(await recheckContent(new Date())).toEqual({ passed: 0, held: 0, retrying: 0, skipped: 0 });
  });
});

describe('a recheck and a move on the same complaint', () => {
  it('a move prepared before the recheck cannot undo the recheck’s verdict: it fails with 409 and the text stays passed', async () => {
    const { loadComplaint, saveTransition } = await import('../../src/store/complaints');
    const { getClockRules } = await import('../../src/store/settings');
    const { transition } = await import('@fangxin/shared');
    await drainRechecks();
    await injectFaults([{ endpoint: 'msg_sec_check', kind: 'http_status', status: 503 }]);
    const { view: filed } = await file(people.consumer, '手机壳收到时已经破裂，要求换货。');
    const loaded = (await loadComplaint(filed.id))!;
    expect(loaded.record.descriptionModeration).toEqual({ state: 'unchecked' });

    // The shop's reply was read (description unchecked) …, then the recheck passes the description …
    const now = new Date();
    const { state, event } = transition(loaded.record, { type: 'reply', text: '已收到，马上为您换货。' }, { kind: 'merchant', userId: people.ownerA.userId, merchantIds: [SHOP_A.id] }, now, await getClockRules(now.getTime()));
    await clearFaults();
    expect(await recheckContent(now)).toMatchObject({ passed: 1 });
    // … and the reply, written from the stale read, must not put "unchecked" back.
    await expect(saveTransition(loaded.record.version, state, event, { counters: [], notifications: [] })).rejects.toThrow('刷新');
    expect((await storedComplaint(filed.id)).descriptionModeration).toMatchObject({ state: 'pass' });

    // A fresh try goes through and keeps the verdict.
    expect((await command(people.ownerA, filed.id, 1, { type: 'reply', text: '已收到，马上为您换货。' })).status).toBe(200);
    expect((await storedComplaint(filed.id)).descriptionModeration).toMatchObject({ state: 'pass' });
    expect((await view(people.ownerA, filed.id)).description).toBe('手机壳收到时已经破裂，要求换货。');
  });
});

describe('a merchant’s held words', () => {
  it('a risky reply is hidden from the consumer, shown to the shop flagged, and released by a reviewer', async () => {
    const { view: filed } = await file(people.consumer, '买的羽绒服跑绒严重，要求退货退款。');
    const reply = '可以给您代开发票作为补偿，请到店处理。';
    const answer = await command(people.ownerA, filed.id, filed.version, { type: 'reply', text: reply });
    expect(answer.status).toBe(200);
    const shopSees = ComplaintView.parse(answer.body).timeline.at(-1)!;
    expect(shopSees).toMatchObject({ title: '商家答复', text: reply, moderation: { state: 'held' } });
    expect((await view(people.clerkA, filed.id)).timeline.at(-1)).toMatchObject({ text: reply, moderation: { state: 'held' } });

    const consumerSees = await view(people.consumer, filed.id);
    expect(consumerSees.timeline.at(-1)).toMatchObject({ title: '商家答复', text: PLACEHOLDERS.held, moderation: { state: 'held' } });
    expect(JSON.stringify(consumerSees)).not.toContain('代开发票');
    // The consumer's own, clean description is untouched.
    expect(consumerSees.description).toBe('买的羽绒服跑绒严重，要求退货退款。');

    const queued = (await reviewQueue(people.regulatorChengguan)).find((item) => item.complaintId === filed.id);
    expect(queued).toMatchObject({ target: 'event-000002', targetLabel: '商家答复', authorLabel: '商家', text: reply });
    expect((await decide(people.regulatorChengguan, filed.id, 'event-000002', 'release')).status).toBe(200);
    const after = await view(people.consumer, filed.id);
    expect(after.timeline.at(-1)).toMatchObject({ text: reply });
    expect(after.timeline.at(-1)?.moderation).toBeUndefined();
  });

  it('a risky proposal text is hidden from the consumer in the proposal as well as the timeline; the terms stay visible', async () => {
    const { view: filed } = await file(people.consumer, '买的电动牙刷充不进电，要求更换。');
    const text = '退款可以，但只能代开发票给您。';
    const proposed = await command(people.ownerA, filed.id, filed.version, { type: 'propose', proposal: { outcome: 'refund', amount: '59.00', dueDate: dueInDays(14), text } });
    expect(proposed.status).toBe(200);
    expect(ComplaintView.parse(proposed.body).proposal?.text).toBe(text);

    const consumerSees = await view(people.consumer, filed.id);
    expect(consumerSees.proposal).toMatchObject({ outcome: 'refund', amount: '59.00', dueDate: dueInDays(14), text: PLACEHOLDERS.held });
    expect(consumerSees.timeline.at(-1)?.text).toBe(`退款 ¥59.00，${dueInDays(14)} 前履行。${PLACEHOLDERS.held}`);
    expect(JSON.stringify(consumerSees)).not.toContain('代开发票');
    // The consumer can still answer: the clock runs on the terms.
    expect(consumerSees.allowedActions).toEqual(['accept_proposal', 'reject_proposal', 'withdraw']);
  });

  it('a clean reply reaches the consumer exactly as written, with no flag', async () => {
    const { view: filed } = await file(people.consumer, '蛋糕店送错了蛋糕款式，要求重做。');
    await command(people.ownerA, filed.id, filed.version, { type: 'reply', text: '非常抱歉，明天上午为您重做送达。' });
    const entry = (await view(people.consumer, filed.id)).timeline.at(-1);
    expect(entry).toEqual({ type: 'reply', at: expect.any(String), actorLabel: '商家', title: '商家答复', text: '非常抱歉，明天上午为您重做送达。', internal: false });
  });

  it('a consumer’s held rating comment is kept from the shop', async () => {
    const { view: filed } = await file(people.consumer, '奶茶店少给了一杯，要求补上。');
    await command(people.ownerA, filed.id, 1, { type: 'propose', proposal: { outcome: 'replace', dueDate: dueInDays(14), text: '明天补给您一杯。' } });
    await command(people.consumer, filed.id, 2, { type: 'accept_proposal' });
    const rated = await command(people.consumer, filed.id, 3, { type: 'rate', rating: 'satisfied', comment: '老板人好，还说能代开发票' });
    expect(rated.status).toBe(200);
    const shop = await view(people.ownerA, filed.id);
    expect(shop.rating).toMatchObject({ rating: 'satisfied', comment: PLACEHOLDERS.held });
    expect(JSON.stringify(shop)).not.toContain('代开发票');
    expect((await view(people.consumer, filed.id)).rating?.comment).toBe('老板人好，还说能代开发票');
  });

  it('staff texts are not sent to WeChat', async () => {
    const { view: filed } = await file(people.consumer, '装修公司拖延工期两个月，要求赔偿。');
    const before = msgSecChecks().length;
    expect((await command(people.regulatorChengguan, filed.id, 1, { type: 'note', text: '已电话联系商家。' })).status).toBe(200);
    expect(msgSecChecks().length).toBe(before);
  });
});

describe('a shop’s own commitments, public as soon as saved', () => {
  // Each save on the version in force, as the app sends it.
  const save = async (commitments: unknown[]) => {
    const version = (await findMerchant(SHOP_A.id))!.commitmentsVersion;
    return invoke(updateCommitments, { method: 'PUT', routePath: '/merchant/shops/{id}/commitments', pathParameters: { id: SHOP_A.id }, token: people.ownerA.token, body: { commitments, version } });
  };
  const publicTitles = async () => MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: SHOP_A.id } })).body).commitments.map((c) => c.title);
  const clean = { kind: 'custom', title: '免费包装', text: '所售礼品一律免费包装。' };
  // The suites after this one file complaints that invoke shop A's usual commitments.
  afterAll(async () => expect((await save(SHOP_A.commitments)).status).toBe(200));

  /** The shop's edits counted today (commitmentsUpdate, 20 a day). */
  const editsCounted = async () => {
    const { Items = [] } = await documentClient.send(new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `RATE#commitmentsUpdate#${SHOP_A.id}` } }));
    return Items.reduce((sum, item) => sum + Number(item.hits ?? 0), 0);
  };

  it('risky words are refused naming the commitment, and the page keeps what it had; the refusal spends none of the day’s edits', async () => {
    const before = await publicTitles();
    const counted = await editsCounted();
    const refused = await save([{ kind: 'catalogue', code: 'quality' }, { kind: 'custom', title: '返现活动', text: '加微信参与赌博返现。' }]);
    expect(refused).toMatchObject({ status: 400, body: { field: 'commitments.1.text', message: '这条承诺含有不宜公示的内容，请修改后再提交' } });
    expect(await publicTitles()).toEqual(before);
    expect(await editsCounted()).toBe(counted);
  });

  it('when WeChat cannot check now, the save waits (503) rather than publish unchecked words, and spends no edit', async () => {
    const before = await publicTitles();
    const counted = await editsCounted();
    await injectFaults([{ endpoint: 'msg_sec_check', kind: 'http_status', status: 503, times: 10 }]);
    expect(await save([clean])).toMatchObject({ status: 503, body: { message: '承诺内容暂时无法完成安全检查，请稍后再提交' } });
    expect(await publicTitles()).toEqual(before);
    expect(await editsCounted()).toBe(counted);
  });

  it('clean words are published after one check; saved again unchanged, they are not checked again', async () => {
    const checksBefore = msgSecChecks().length;
    expect((await save([clean])).status).toBe(200);
    expect(msgSecChecks().length).toBe(checksBefore + 1);
    expect(await publicTitles()).toContain('免费包装');
    expect((await save([{ kind: 'catalogue', code: 'quality' }, clean])).status).toBe(200);
    expect(msgSecChecks().length).toBe(checksBefore + 1);
  });
});

describe('a 参创 application’s own commitments', () => {
  const uscc = (first17: string) => `${first17}${usccCheckCharacter(first17)}`;
  const apply = (who: Person, commitments: unknown[], code: string) =>
    invoke(applyForMerchant, {
      method: 'POST',
      routePath: '/merchant-applications',
      token: people[who].token,
      headers: { 'idempotency-key': newIdempotencyKey() },
      body: {
        name: '石桥镇检查小店',
        type: 'individual',
        uscc: uscc(code),
        sector: 'retail',
        townCode: 'shiqiao',
        areaType: 'commercial',
        address: '清河县石桥镇中心街9号',
        contactName: '钱老板',
        contactPhone: '13905292222',
        commitments,
      },
    });
  const risky = (n: number) => [{ kind: 'custom', title: '返现活动', text: `加微信参与赌博返现第${n}期。` }];

  it('an application whose USCC is already held is refused before its words go to WeChat', async () => {
    expect((await apply('otherConsumer', [{ kind: 'catalogue', code: 'quality' }], '92130529MA0003001')).status).toBe(201);
    const checks = msgSecChecks().length;
    expect(await apply('otherConsumer', [{ kind: 'custom', title: '免费包装', text: '所售礼品一律免费包装。' }], '92130529MA0003001')).toMatchObject({ status: 409, body: { field: 'uscc' } });
    expect(msgSecChecks().length).toBe(checks);
    // Nothing went to WeChat, so nothing of the person's daily checks is spent either.
    const { Items = [] } = await documentClient.send(new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `RATE#commitmentWordsCheck#${people.otherConsumer.userId}` } }));
    expect(Items.reduce((sum, item) => sum + Number(item.hits ?? 0), 0)).toBe(0);
  });

  it('words refused again and again give the application’s tries back, but WeChat is asked at most 30 times a day per person (429 after)', async () => {
    for (let n = 1; n <= 30; n++) {
      expect(await apply('consumer', risky(n), '92130529MA0003011')).toMatchObject({ status: 400, body: { field: 'commitments.0.text' } });
    }
    const checks = msgSecChecks().length;
    expect(await apply('consumer', risky(31), '92130529MA0003011')).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(msgSecChecks().length).toBe(checks);
    // Refused again for the words limit: none of this spends the day's three applications, so three without
    // words of their own still go through.
    expect((await apply('consumer', risky(32), '92130529MA0003011')).status).toBe(429);
    for (const code of ['92130529MA0003011', '92130529MA0003021', '92130529MA0003031']) {
      expect((await apply('consumer', [{ kind: 'catalogue', code: 'quality' }], code)).status).toBe(201);
    }
  });
});

describe('what a check costs', () => {
  it('a warm container files with the same requests as without a check: the WeChat check adds no store request', async () => {
    const { countDynamoDbRequests } = await import('./support/request-counter');
    const { dynamoDbClient } = await import('../../src/clients');
    await file(people.consumer, '预热：同一位消费者再次投诉，检查读取次数。');
    const requests = countDynamoDbRequests(dynamoDbClient);
    try {
      const before = msgSecChecks().length;
      await file(people.consumer, '第二次投诉：商品与描述不符，要求退货。');
      expect(msgSecChecks().length).toBe(before + 1);
      // The shop, the Idempotency-Key, the three filing limits, the transaction (lifecycle-flow.test.ts says why).
      expect(requests.commands).toEqual(['GetItemCommand', 'GetItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'TransactWriteItemsCommand']);
    } finally {
      requests.detach();
    }
  });
});

describe('the stand-in’s msgSecCheck, as WeChat runs it', () => {
  const check = async (openid: string) => {
    const tokenAnswer = await fetch(`${standIn.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: standIn.appId, secret: standIn.appSecret }),
    });
    const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
    const answer = await fetch(`${standIn.url}/wxa/msg_sec_check?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({ content: '正常的文字', version: 2, scene: 2, openid }),
    });
    return (await answer.json()) as { errcode: number; errmsg: string };
  };

  it('checks text only for users active in the mini-program in the last 2 hours (61010 otherwise), and the rule can be switched off', async () => {
    expect(await check('o-never-seen')).toMatchObject({ errcode: 61010, errmsg: expect.stringContaining('code is expired') });
    await control('active-users', { openid: 'o-long-ago', at: new Date(Date.now() - 2 * 3_600_000 - 60_000).toISOString() });
    expect((await check('o-long-ago')).errcode).toBe(61010);
    // A login code minted for a user (wx.login ran in the mini-program) makes them active.
    await control('codes', { openid: 'o-just-opened' });
    expect((await check('o-just-opened')).errcode).toBe(0);

    await control('msg-sec-check', { requireRecentUse: false });
    try {
      expect((await check('o-never-seen')).errcode).toBe(0);
    } finally {
      await control('msg-sec-check', { requireRecentUse: true });
    }
  });
});
