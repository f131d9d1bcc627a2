import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  ChecklistView,
  InspectionPage,
  InspectionView,
  NotificationProblemPage,
  PROGRESS_TEMPLATE_FIELDS,
  RecordInspectionRequest,
  RectificationPage,
  RectificationView,
  addDays,
  shanghaiToday,
  type Merchant,
} from '@fangxin/shared';
import { ulid } from 'ulid';
import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';
import { freePort } from '../../../scripts/local/ports';
import { LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET } from '../../../scripts/local/env';
import { handler as checklist } from '../../src/handlers/inspections/checklist';
import { handler as recordInspectionRoute } from '../../src/handlers/inspections/record-inspection';
import { handler as listInspectionsRoute } from '../../src/handlers/inspections/list-inspections';
import { handler as getInspectionRoute } from '../../src/handlers/inspections/get-inspection';
import { handler as listRectificationsRoute } from '../../src/handlers/inspections/list-rectifications';
import { handler as getRectificationRoute } from '../../src/handlers/inspections/get-rectification';
import { handler as recheckRoute } from '../../src/handlers/inspections/recheck-rectification';
import { handler as merchantRectificationsRoute } from '../../src/handlers/inspections/merchant-rectifications';
import { handler as merchantRectificationRoute } from '../../src/handlers/inspections/merchant-rectification';
import { handler as answerRoute } from '../../src/handlers/inspections/answer-rectification';
import { recordInspection } from '../../src/use-cases/inspections';
import { answerRectification, listRectifications, merchantRectifications, recheckRectification } from '../../src/use-cases/rectifications';
import { inspectionFactsOf } from '../../src/use-cases/inspection-facts';
import { deliverOutboxItem, dispatchDue } from '../../src/use-cases/deliver-notifications';
import { handler as notificationProblems } from '../../src/handlers/staff/notification-problems';
import { listDueOutboxIds, readOutboxItem, type OutboxItem } from '../../src/store/outbox';
import { saveMerchant } from '../../src/store/merchants';
import { documentClient, dynamoDbClient } from '../../src/clients';
import { config } from '../../src/config';
import { invoke } from './support/http';
import { newIdempotencyKey, setUpPeople, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { countDynamoDbRequests } from './support/request-counter';
import { uploadFolderOf } from '../../src/use-cases/photo-ownership';

/**
 * 明查暗访 end to end against DynamoDB Local: an inspection with a failed item issues a rectification order
 * and the shop hears; the shop answers with photos; staff re-check (fail → issued again, pass → closed in
 * time); the overdue list; who may see and do what; what is refused and that nothing of it is written.
 * Routes run on the real clock; the scenarios that need another day call the use cases with their own `now`.
 */
useFreshTable();
let people: Record<Person, SignedIn>;
let weChat: WeChatStandIn;

const REVOKED: Merchant = { ...SHOP_A, id: 'QHSHOPC001', name: '城关已摘牌商店', status: 'revoked' };
const PENDING: Merchant = { ...SHOP_A, id: 'QHSHOPD001', name: '城关待审核商店', status: 'pending' };
const REJECTED: Merchant = { ...SHOP_A, id: 'QHSHOPE001', name: '城关未通过商店', status: 'rejected' };

beforeAll(async () => {
  // This suite's own stand-in, so the messages it reads are only its own.
  weChat = await startWeChatStandIn({ port: await freePort(), appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
  process.env.WECHAT_API_BASE = weChat.url;
  people = await setUpPeople();
  for (const shop of [REVOKED, PENDING, REJECTED]) await saveMerchant(shop);
});
afterAll(async () => {
  await weChat.stop();
});

// China's date when the suite starts, held for the whole suite: requests and expectations agree on it even if
// the suite runs across Shanghai's midnight.
const startedOn = shanghaiToday(new Date());
const today = () => startedOn;
const at = (shanghaiLocal: string) => new Date(`${shanghaiLocal}+08:00`);
const photo = (who: Person) => `uploads/${uploadFolderOf(people[who].userId)}/${ulid()}.jpg`;

function inspectionBody(overrides: Record<string, unknown> = {}) {
  return {
    merchantId: SHOP_A.id,
    mode: 'open',
    inspectedOn: today(),
    checklistVersion: 1,
    findings: [
      { code: 'JG01', result: 'fail', note: '货架上 12 种商品无标价签', photos: [photo('regulatorChengguan')] },
      { code: 'WQ01', result: 'pass', photos: [] },
      { code: 'AQ04', result: 'not_applicable' },
    ],
    rectifications: [{ code: 'JG01', requirements: '全部在售商品一货一签，标明品名、规格、计价单位和价格', deadline: addDays(today(), 7) }],
    ...overrides,
  };
}

/** `key: null` sends no Idempotency-Key header. */
const record = (who: SignedIn | undefined, body: unknown, key: string | null = newIdempotencyKey()) =>
  invoke(recordInspectionRoute, {
    method: 'POST',
    routePath: '/staff/inspections',
    ...(who ? { token: who.token } : {}),
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const getInspection = (who: SignedIn, id: string) => invoke(getInspectionRoute, { method: 'GET', routePath: '/staff/inspections/{id}', pathParameters: { id }, token: who.token });
const getForStaff = (who: SignedIn, id: string) => invoke(getRectificationRoute, { method: 'GET', routePath: '/staff/rectifications/{id}', pathParameters: { id }, token: who.token });
const getForShop = (who: SignedIn, id: string) =>
  invoke(merchantRectificationRoute, { method: 'GET', routePath: '/merchant/rectifications/{id}', pathParameters: { id }, token: who.token });
const answer = (who: SignedIn, id: string, body: unknown) =>
  invoke(answerRoute, { method: 'POST', routePath: '/merchant/rectifications/{id}/answer', pathParameters: { id }, token: who.token, body });
const recheck = (who: SignedIn, id: string, body: unknown) =>
  invoke(recheckRoute, { method: 'POST', routePath: '/staff/rectifications/{id}/recheck', pathParameters: { id }, token: who.token, body });
const staffList = (who: SignedIn, query: Record<string, string>) =>
  invoke(listRectificationsRoute, { method: 'GET', routePath: '/staff/rectifications', token: who.token, query });

/** Every item in this suite's table: "nothing written" means this does not change. */
async function itemCount(): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new ScanCommand({ TableName: config().tableName, Select: 'COUNT', ...(start ? { ExclusiveStartKey: start } : {}) }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

async function auditOf(who: Person): Promise<Array<Record<string, unknown>>> {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${people[who].userId}` } }),
  );
  return Items;
}

/** Outbox items still pending, with their contents. */
async function pendingOutbox(): Promise<OutboxItem[]> {
  const { ids } = await listDueOutboxIds(new Date(Date.now() + 400 * 24 * 3_600_000), 100);
  return Promise.all(ids.map(async (id) => (await readOutboxItem(id))!));
}

/** Settles whatever earlier steps left pending, so each test sees its own outbox items only. */
async function settleOutbox(): Promise<void> {
  await dispatchDue({ now: () => new Date(Date.now() + 400 * 24 * 3_600_000) });
  weChat.reset();
}

describe('the checklist', () => {
  it('is public: the current version, its five categories and items; an unknown version is 404', async () => {
    const read = await invoke(checklist, { method: 'GET', routePath: '/inspection-checklist' });
    expect(read.status).toBe(200);
    expect(read.headers['cache-control']).toBe('public, max-age=3600');
    const view = ChecklistView.parse(read.body);
    expect(view).toMatchObject({ version: 1, current: true });
    expect(view.categories.map((category) => category.label)).toEqual(['安全放心', '质量放心', '价格放心', '服务放心', '维权放心']);
    expect(view.items.find((item) => item.code === 'FW01')).toMatchObject({ label: '公开承诺真实兑现', bottomLine: true, categoryLabel: '服务放心' });
    expect(await invoke(checklist, { method: 'GET', routePath: '/inspection-checklist', query: { version: '9' } })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});

describe('an open inspection of shop A with a failed item', () => {
  let inspection: InspectionView;
  let orderId: string;

  it('is recorded with its rectification order in one GetItem and one transaction', async () => {
    await settleOutbox();
    const counter = countDynamoDbRequests(dynamoDbClient);
    const answer = await record(people.regulatorChengguan, inspectionBody());
    counter.detach();
    expect(answer.status).toBe(201);
    expect(counter.commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    inspection = InspectionView.parse(answer.body);
    orderId = `${inspection.id}-JG01`;
    expect(inspection).toMatchObject({
      merchant: { id: SHOP_A.id, name: SHOP_A.name },
      townCode: 'chengguan',
      mode: 'open',
      modeLabel: '明查',
      inspectedOn: today(),
      checklistVersion: 1,
      checked: 3,
      passed: 1,
      failed: 1,
      notApplicable: 1,
      bottomLineFailures: 0,
      rectifications: 1,
      inspector: { userId: people.regulatorChengguan.userId, role: 'regulator', roleLabel: '市场监管所' },
    });
    expect(inspection.findings[0]).toMatchObject({ code: 'JG01', label: '明码标价', result: 'fail', resultLabel: '不合格', note: '货架上 12 种商品无标价签' });
    expect(inspection.findings[0]!.photos[0]!.url).toContain('X-Amz-Signature');
    expect(inspection.rectificationOrders).toEqual([
      expect.objectContaining({ id: orderId, status: 'issued', statusLabel: '待整改', waitingFor: 'merchant', round: 1, deadline: addDays(today(), 7), overdue: false }),
    ]);
  });

  it('the shop’s owner and clerk hear of the order, on their rectification page', async () => {
    const items = await pendingOutbox();
    expect(items).toEqual([
      expect.objectContaining({
        subject: 'rectification',
        rectificationId: orderId,
        recipient: { kind: 'merchant', merchantId: SHOP_A.id },
        headline: '整改通知',
        status: '待整改',
        merchantId: SHOP_A.id,
        townCode: 'chengguan',
      }),
    ]);
    expect(items[0]!.complaintId).toBeUndefined();
    expect(await deliverOutboxItem(items[0]!.outboxId)).toBe('delivered');
    const messages = weChat.messages();
    expect(messages.map((message) => message.touser).sort()).toEqual(['o-test-clerkA', 'o-test-ownerA']);
    for (const message of messages) {
      expect(message.page).toBe(`merchant/pages/rectification/index?id=${orderId}`);
      expect(message.data[PROGRESS_TEMPLATE_FIELDS.complaintNo]!.value).toBe(orderId);
      expect(message.data[PROGRESS_TEMPLATE_FIELDS.progress]!.value).toBe('整改通知');
      expect(message.data[PROGRESS_TEMPLATE_FIELDS.merchantName]!.value).toBe(SHOP_A.name);
    }
    weChat.reset();
  });

  it('is audited under the inspector', async () => {
    expect(await auditOf('regulatorChengguan')).toEqual([
      expect.objectContaining({
        action: 'record_inspection',
        role: 'regulator',
        subjectType: 'inspection',
        subjectId: inspection.id,
        detail: `明查 ${SHOP_A.name}（${today()}）：合格 1 项，不合格 1 项（底线项 0 项），下达整改通知 1 份`,
      }),
    ]);
  });

  it('staff with jurisdiction read it (mediators too), by id, by shop and by town and year', async () => {
    for (const who of [people.regulatorChengguan, people.adminCounty, people.mediatorCounty]) {
      expect((await getInspection(who, inspection.id)).status).toBe(200);
    }
    const byShop = InspectionPage.parse((await invoke(listInspectionsRoute, { method: 'GET', routePath: '/staff/inspections', token: people.regulatorChengguan.token, query: { merchantId: SHOP_A.id } })).body);
    expect(byShop.items.map((item) => item.id)).toContain(inspection.id);
    const byTown = await invoke(listInspectionsRoute, {
      method: 'GET',
      routePath: '/staff/inspections',
      token: people.adminCounty.token,
      query: { town: 'chengguan', year: today().slice(0, 4) },
    });
    expect(InspectionPage.parse(byTown.body).items[0]).toMatchObject({ id: inspection.id, failed: 1, rectifications: 1 });
    const paged = await invoke(listInspectionsRoute, { method: 'GET', routePath: '/staff/inspections', token: people.adminCounty.token, query: { merchantId: SHOP_A.id, cursor: 'not-a-cursor' } });
    expect(paged).toMatchObject({ status: 400, body: { field: 'cursor' } });
    expect(await staffList(people.adminCounty, { view: 'open', cursor: 'eyJwayI6IngifQ' })).toMatchObject({ status: 400, body: { field: 'cursor' } });
    const neither = await invoke(listInspectionsRoute, { method: 'GET', routePath: '/staff/inspections', token: people.adminCounty.token, query: {} });
    expect(neither).toMatchObject({ status: 400, body: { field: 'merchantId', message: '请选择一个店铺，或一个乡镇（街道）和年份' } });
  });

  it('a regulator of another town gets 404 for the shop, its inspection and its order, and 403 for the town', async () => {
    const before = await itemCount();
    const who = people.regulatorLongquan;
    expect(await record(who, inspectionBody())).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await getInspection(who, inspection.id)).toMatchObject({ status: 404 });
    expect(await invoke(listInspectionsRoute, { method: 'GET', routePath: '/staff/inspections', token: who.token, query: { merchantId: SHOP_A.id } })).toMatchObject({ status: 404 });
    expect(await getForStaff(who, orderId)).toMatchObject({ status: 404 });
    expect(await staffList(who, { view: 'shop', merchantId: SHOP_A.id })).toMatchObject({ status: 404 });
    expect(await recheck(who, orderId, { version: 1, result: 'pass' })).toMatchObject({ status: 404 });
    expect(await invoke(listInspectionsRoute, { method: 'GET', routePath: '/staff/inspections', token: who.token, query: { town: 'chengguan' } })).toMatchObject({
      status: 403,
    });
    // Their own town's open list does not show shop A's order.
    expect(RectificationPage.parse((await staffList(who, { view: 'open' })).body).items).toEqual([]);
    expect(await itemCount()).toBe(before);
  });

  it('a consumer meets the staff and merchant edges (403); nobody signed in, 401; another shop’s people, 404', async () => {
    const before = await itemCount();
    expect(await record(people.consumer, inspectionBody())).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await getInspection(people.consumer, inspection.id)).toMatchObject({ status: 403 });
    expect(await getForShop(people.consumer, orderId)).toMatchObject({ status: 403 });
    expect(await answer(people.consumer, orderId, { version: 1, text: '已经整改完毕', photos: [photo('consumer')] })).toMatchObject({ status: 403 });
    expect(await record(undefined, inspectionBody())).toMatchObject({ status: 401 });
    // B's people: A's order does not exist for them.
    expect(await getForShop(people.ownerB, orderId)).toMatchObject({ status: 404, body: { message: '未找到该整改通知，或您无权查看' } });
    expect(await answer(people.ownerB, orderId, { version: 1, text: '已经整改完毕', photos: [photo('ownerB')] })).toMatchObject({ status: 404 });
    expect(
      await invoke(merchantRectificationsRoute, { method: 'GET', routePath: '/merchant/rectifications', token: people.ownerB.token, query: { merchantId: SHOP_A.id } }),
    ).toMatchObject({ status: 404 });
    expect(await itemCount()).toBe(before);
  });

  it('a mediator reads but neither records nor re-checks (403), and nothing is written', async () => {
    const before = await itemCount();
    expect(await record(people.mediatorCounty, inspectionBody())).toMatchObject({ status: 403, body: { message: '您的岗位可以查看检查记录，但不能录入检查' } });
    const view = RectificationView.parse((await getForStaff(people.mediatorCounty, orderId)).body);
    expect(view.allowedActions).toEqual([]);
    expect(await itemCount()).toBe(before);
  });

  it('the shop reads its order: what was found, what to do by when, and that it may answer', async () => {
    const list = RectificationPage.parse(
      (await invoke(merchantRectificationsRoute, { method: 'GET', routePath: '/merchant/rectifications', token: people.ownerA.token })).body,
    );
    expect(list.items).toEqual([expect.objectContaining({ id: orderId, itemLabel: '明码标价', categoryLabel: '价格放心', status: 'issued', waitingFor: 'merchant' })]);
    const view = RectificationView.parse((await getForShop(people.clerkA, orderId)).body);
    expect(view).toMatchObject({
      version: 1,
      issuer: '清河县市场监督管理局',
      modeLabel: '明查',
      finding: { note: '货架上 12 种商品无标价签' },
      rounds: [{ round: 1, requirements: '全部在售商品一货一签，标明品名、规格、计价单位和价格', deadline: addDays(today(), 7) }],
      allowedActions: ['answer'],
    });
    expect(view.finding.photos).toHaveLength(1);
    // Who inspected is not named to the shop (only the upload path of a photo carries the uploader's opaque id).
    const { finding: _finding, ...rest } = view;
    void _finding;
    expect(JSON.stringify(rest)).not.toContain(people.regulatorChengguan.userId);
  });

  it.each([
    ['no photo', { text: '已补齐全部标价签', photos: [] }, 'photos', '请上传至少 1 张整改后的照片'],
    ['seven photos', { text: '已补齐全部标价签', photos: 'seven' }, 'photos', '整改照片最多上传 6 张'],
    ['an emoji in the text', { text: '已补齐全部标价签😀', photos: 'own' }, 'text', '整改情况说明中不能包含表情符号或文字方向控制字符'],
    ['someone else’s photo', { text: '已补齐全部标价签', photos: 'foreign' }, 'photos.0', '照片上传信息无效，请重新上传'],
  ])('the shop’s answer with %s is 400 naming the field, and nothing is written', async (_name, body, field, message) => {
    const photos = body.photos === 'seven' ? Array.from({ length: 7 }, () => photo('clerkA')) : body.photos === 'own' ? [photo('clerkA')] : body.photos === 'foreign' ? [photo('ownerB')] : [];
    const before = await itemCount();
    expect(await answer(people.clerkA, orderId, { version: 1, text: body.text, photos })).toMatchObject({ status: 400, body: { code: 'INVALID', field, message } });
    expect(await itemCount()).toBe(before);
  });

  it('the clerk answers with a photo; the town’s staff hear; a second answer is 409', async () => {
    const answerBody = { version: 1, text: '已为全部在售商品补齐标价签', photos: [photo('clerkA')] };
    const answered = await answer(people.clerkA, orderId, answerBody);
    expect(answered.status).toBe(200);
    const view = RectificationView.parse(answered.body);
    expect(view).toMatchObject({ version: 2, status: 'answered', statusLabel: '待复查', waitingFor: 'staff', allowedActions: [] });
    expect(view.rounds[0]!.answer).toMatchObject({ text: '已为全部在售商品补齐标价签', inTime: true });
    expect(view.rounds[0]!.answer!.photos).toHaveLength(1);
    expect(await pendingOutbox()).toEqual([
      expect.objectContaining({ subject: 'rectification', rectificationId: orderId, recipient: { kind: 'staff_town', townCode: 'chengguan' }, headline: '整改答复' }),
    ]);
    // The clerk's own answer sent again (its answer lost): the order as it stands, answered once, nobody told twice.
    expect(await answer(people.clerkA, orderId, answerBody)).toMatchObject({ status: 200, body: { version: 2, status: 'answered' } });
    expect(await pendingOutbox()).toHaveLength(1);
    expect(await answer(people.ownerA, orderId, { version: 1, text: '再答复一次试试', photos: [photo('ownerA')] })).toMatchObject({ status: 409 });
    expect(await answer(people.ownerA, orderId, { version: 2, text: '再答复一次试试', photos: [photo('ownerA')] })).toMatchObject({
      status: 409,
      body: { message: '整改当前状态为「待复查」，不能进行此操作，请刷新后查看' },
    });
    await settleOutbox();
  });

  it('staff re-check and it fails: issued again with a new deadline; a deadline in the past is 400; the shop hears; audited', async () => {
    expect(RectificationView.parse((await getForStaff(people.regulatorChengguan, orderId)).body).allowedActions).toEqual(['pass', 'fail']);
    expect(await recheck(people.mediatorCounty, orderId, { version: 2, result: 'pass' })).toMatchObject({ status: 403 });
    const before = await itemCount();
    const past = { version: 2, result: 'fail', note: '仍有 3 种商品无标价签', requirements: '补齐剩余商品的标价签', deadline: addDays(today(), -1) };
    expect(await recheck(people.regulatorChengguan, orderId, past)).toMatchObject({ status: 400, body: { field: 'deadline', message: '整改期限不能早于今天' } });
    expect(await recheck(people.regulatorChengguan, orderId, { ...past, note: '复查\u202E说明' })).toMatchObject({ status: 400, body: { field: 'note' } });
    expect(await itemCount()).toBe(before);

    const failBody = { ...past, deadline: addDays(today(), 5), photos: [photo('regulatorChengguan')] };
    const failed = await recheck(people.regulatorChengguan, orderId, failBody);
    expect(failed.status).toBe(200);
    const view = RectificationView.parse(failed.body);
    expect(view).toMatchObject({ version: 3, status: 'issued', round: 2, deadline: addDays(today(), 5), waitingFor: 'merchant' });
    expect(view.rounds[0]!.recheck).toMatchObject({ result: 'fail', resultLabel: '复查未通过', note: '仍有 3 种商品无标价签' });
    expect(view.rounds[1]).toMatchObject({ round: 2, requirements: '补齐剩余商品的标价签', deadline: addDays(today(), 5) });
    expect(await pendingOutbox()).toEqual([expect.objectContaining({ recipient: { kind: 'merchant', merchantId: SHOP_A.id }, headline: '再次整改', rectificationId: orderId })]);
    expect((await auditOf('regulatorChengguan')).map((entry) => entry.action)).toContain('rectification_fail');
    // Sent again from the same screen (its answer lost): the order as it stands, issued again once, audited once.
    const resent = await recheck(people.regulatorChengguan, orderId, failBody);
    expect(resent).toMatchObject({ status: 200, body: { version: 3, round: 2 } });
    // Sent again with a later deadline, it is another decision: 409, the order as the first one left it.
    expect((await recheck(people.regulatorChengguan, orderId, { ...failBody, deadline: addDays(today(), 9) })).status).toBe(409);
    expect((await auditOf('regulatorChengguan')).filter((entry) => entry.action === 'rectification_fail')).toHaveLength(1);
    expect(await pendingOutbox()).toHaveLength(1);
    await settleOutbox();
  });

  it('the shop answers again, staff re-check and it passes: closed in time; the shop hears; audited; off the open list', async () => {
    expect((await answer(people.ownerA, orderId, { version: 3, text: '剩余商品已全部补签', photos: [photo('ownerA')] })).status).toBe(200);
    await settleOutbox();
    const passed = await recheck(people.adminCounty, orderId, { version: 4, result: 'pass', note: '复查合格' });
    expect(passed.status).toBe(200);
    expect(RectificationView.parse(passed.body)).toMatchObject({ version: 5, status: 'closed', statusLabel: '已完成整改', closedInTime: true, allowedActions: [] });
    expect(await pendingOutbox()).toEqual([expect.objectContaining({ recipient: { kind: 'merchant', merchantId: SHOP_A.id }, headline: '整改通过', status: '已完成整改' })]);
    expect(await auditOf('adminCounty')).toEqual([expect.objectContaining({ action: 'rectification_pass', subjectType: 'inspection', subjectId: orderId, role: 'admin' })]);
    const open = RectificationPage.parse((await staffList(people.regulatorChengguan, { view: 'open' })).body);
    expect(open.items.map((item) => item.id)).not.toContain(orderId);
    const shop = RectificationPage.parse((await staffList(people.regulatorChengguan, { view: 'shop', merchantId: SHOP_A.id })).body);
    expect(shop.items.find((item) => item.id === orderId)).toMatchObject({ status: 'closed', closedInTime: true });
    await settleOutbox();
  });
});

describe('what cannot be recorded', () => {
  it.each([
    ['a revoked shop', REVOKED, '该店铺当前状态为「已摘牌」，不在放心消费创建范围内，不能录入检查'],
    ['a pending shop', PENDING, '该店铺当前状态为「待审核」，不在放心消费创建范围内，不能录入检查'],
    ['a rejected shop', REJECTED, '该店铺当前状态为「未通过」，不在放心消费创建范围内，不能录入检查'],
  ])('%s is not inspected: 409 with the reason, and nothing is written', async (_name, shop, message) => {
    const before = await itemCount();
    expect(await record(people.regulatorChengguan, inspectionBody({ merchantId: shop.id }))).toMatchObject({ status: 409, body: { code: 'CONFLICT', message } });
    expect(await itemCount()).toBe(before);
  });

  const finding = (patch: Record<string, unknown>) => ({ code: 'JG01', result: 'fail', note: '无标价签', photos: [], ...patch });
  it.each([
    ['an unknown item code', { findings: [finding({ code: 'XX99' })], rectifications: [] }, 'findings.0.code', '检查项目「XX99」不在第 1 版检查表中'],
    ['a malformed item code', { findings: [finding({ code: 'price' })], rectifications: [] }, 'findings.0.code', '检查项目编号格式不正确'],
    ['an item twice', { findings: [finding({}), finding({ result: 'pass' })] }, 'findings.1.code', '检查项目「明码标价」填写了两次'],
    ['seven photos on an item', { findings: [finding({ photos: 'seven' })] }, 'findings.0.photos', '每个检查项目最多上传 6 张照片'],
    ['an emoji in a note', { findings: [finding({ note: '没有标价🙄' })] }, 'findings.0.note', '检查情况说明中不能包含表情符号或文字方向控制字符'],
    ['a bidi override in a note', { findings: [finding({ note: '没有\u202E标价' })] }, 'findings.0.note', '检查情况说明中不能包含表情符号或文字方向控制字符'],
    ['a failed item without a note', { findings: [finding({ note: undefined })] }, 'findings.0.note', '请说明「明码标价」不合格的情况'],
    [
      'a deadline in the past',
      { rectifications: [{ code: 'JG01', requirements: '一货一签', deadline: 'yesterday' }] },
      'rectifications.0.deadline',
      '整改期限不能早于今天',
    ],
    ['an order for an item that passed', { rectifications: [{ code: 'WQ01', requirements: '张贴二维码', deadline: 'next week' }] }, 'rectifications.0.code', '「投诉二维码」不是本次检查的不合格项目，不能下达整改通知'],
    ['someone else’s photo', { findings: [finding({ photos: 'foreign' })] }, 'findings.0.photos.0', '照片上传信息无效，请重新上传'],
    ['a date in the future', { inspectedOn: 'tomorrow' }, 'inspectedOn', '检查日期不能晚于今天'],
    ['no mode', { mode: undefined }, 'mode', '请选择检查方式（明查或暗访）'],
  ])('%s is 400 naming the field, and nothing is written', async (_name, patch, field, message) => {
    const dates: Record<string, string> = { yesterday: addDays(today(), -1), 'next week': addDays(today(), 7), tomorrow: addDays(today(), 1) };
    const photos: Record<string, string[]> = { seven: Array.from({ length: 7 }, () => photo('regulatorChengguan')), foreign: [photo('regulatorLongquan')] };
    const body = JSON.parse(
      JSON.stringify(inspectionBody(patch), (_key, value: unknown) => (typeof value === 'string' && dates[value] ? dates[value] : value)),
    ) as Record<string, unknown> & { findings: Array<{ photos: unknown }> };
    for (const item of body.findings) if (typeof item.photos === 'string') item.photos = photos[item.photos];
    const before = await itemCount();
    expect(await record(people.regulatorChengguan, body)).toMatchObject({ status: 400, body: { code: 'INVALID', field, message } });
    expect(await itemCount()).toBe(before);
  });
});

describe('overdue orders (the staff triage list)', () => {
  let orderId: string;
  // Twenty days ago, with a week to rectify: past its deadline on the real clock too.
  const then = () => at(`${addDays(today(), -20)}T10:00`);

  it('an order past its deadline is on the overdue list; on its deadline day it is only open', async () => {
    const inspection = await recordInspection(
      RecordInspectionRequest.parse(
        inspectionBody({
          mode: 'mystery',
          inspectedOn: addDays(today(), -20),
          findings: [{ code: 'WQ02', result: 'fail', note: '未公示首问负责人', photos: [] }],
          rectifications: [{ code: 'WQ02', requirements: '公示首问负责人姓名和电话', deadline: addDays(today(), -13) }],
        }),
      ),
      people.regulatorChengguan.principal,
      newIdempotencyKey(),
      then(),
    );
    orderId = `${inspection.id}-WQ02`;
    const onDeadlineDay = at(`${addDays(today(), -13)}T20:00`);
    const dayAfter = at(`${addDays(today(), -12)}T08:00`);
    const overdueOn = async (now: Date) => (await listRectifications({ view: 'overdue', limit: 20 }, people.regulatorChengguan.principal, now)).items.map((item) => item.id);
    expect(await overdueOn(onDeadlineDay)).not.toContain(orderId);
    expect((await listRectifications({ view: 'open', limit: 20 }, people.regulatorChengguan.principal, onDeadlineDay)).items.map((item) => item.id)).toContain(orderId);
    expect(await overdueOn(dayAfter)).toEqual([orderId]);

    const list = RectificationPage.parse((await staffList(people.adminCounty, { view: 'overdue' })).body);
    expect(list.items).toEqual([expect.objectContaining({ id: orderId, overdue: true, status: 'issued', deadline: addDays(today(), -13) })]);
    expect(RectificationPage.parse((await staffList(people.regulatorLongquan, { view: 'overdue' })).body).items).toEqual([]);
    expect(await staffList(people.regulatorChengguan, { view: 'overdue', town: 'longquan' })).toMatchObject({ status: 403 });
    await settleOutbox();
  });

  it('a late answer closes late', async () => {
    const answered = await answerRectification(orderId, { version: 1, text: '已公示首问负责人及电话', photos: [photo('ownerA')] }, people.ownerA.principal, at(`${addDays(today(), -10)}T09:00`));
    expect(answered.rounds[0]!.answer!.inTime).toBe(false);
    const closed = await recheckRectification(orderId, { version: 2, result: 'pass', photos: [] }, people.regulatorChengguan.principal, at(`${addDays(today(), -9)}T09:00`));
    expect(closed).toMatchObject({ status: 'closed', closedInTime: false, overdue: false });
    await settleOutbox();
  });
});

describe('two staff re-checking at once', () => {
  it('one wins, the other gets 409, and nothing of the loser is stored', async () => {
    const inspection = InspectionView.parse(
      (
        await record(
          people.adminCounty,
          inspectionBody({
            findings: [{ code: 'WQ03', result: 'fail', note: '未建立投诉处理台账', photos: [] }],
            rectifications: [{ code: 'WQ03', requirements: '建立投诉处理台账', deadline: addDays(today(), 10) }],
          }),
        )
      ).body,
    );
    const orderId = `${inspection.id}-WQ03`;
    expect((await answer(people.ownerA, orderId, { version: 1, text: '已建立投诉处理台账', photos: [photo('ownerA')] })).status).toBe(200);
    await settleOutbox();
    const auditBefore = (await auditOf('regulatorChengguan')).length + (await auditOf('adminCounty')).length;

    const [a, b] = await Promise.all([
      recheck(people.regulatorChengguan, orderId, { version: 2, result: 'pass', note: '台账已建立' }),
      recheck(people.adminCounty, orderId, { version: 2, result: 'fail', note: '台账内容不全', requirements: '补全台账', deadline: addDays(today(), 5) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = RectificationView.parse((a.status === 200 ? a : b).body);
    const stored = RectificationView.parse((await getForStaff(people.adminCounty, orderId)).body);
    expect(stored).toMatchObject({ version: 3, status: winner.status, rounds: winner.rounds.map((round) => expect.objectContaining({ round: round.round })) });
    expect((await auditOf('regulatorChengguan')).length + (await auditOf('adminCounty')).length).toBe(auditBefore + 1);
    expect(await pendingOutbox()).toHaveLength(1);
    await settleOutbox();
  });
});

describe('the annual assessment’s inputs', () => {
  it('every staff action above left its audit entry', async () => {
    const actions = [...(await auditOf('regulatorChengguan')), ...(await auditOf('adminCounty'))].map((entry) => `${entry.subjectType}:${entry.action}`);
    expect(actions.filter((action) => action === 'inspection:record_inspection')).toHaveLength(3);
    expect(actions).toEqual(expect.arrayContaining(['inspection:rectification_fail', 'inspection:rectification_pass']));
  });

  it('inspectionFactsOf reads a shop’s year in two Queries', async () => {
    const counter = countDynamoDbRequests(dynamoDbClient);
    const facts = await inspectionFactsOf(SHOP_A.id, Number(today().slice(0, 4)));
    counter.detach();
    expect(counter.commands).toEqual(['QueryCommand', 'QueryCommand']);
    // If "20 days ago" fell in last year, that inspection counts there.
    const lastOneThisYear = addDays(today(), -20).slice(0, 4) === today().slice(0, 4);
    expect(facts).toMatchObject({
      inspections: lastOneThisYear ? 3 : 2,
      inspectionsWithoutFailures: 0,
      itemsFailed: lastOneThisYear ? 3 : 2,
      bottomLineFailures: 0,
      rectificationsIssued: lastOneThisYear ? 3 : 2,
      rectificationsClosedLate: lastOneThisYear ? 1 : 0,
      rectificationsReissued: 1 + (facts.rectificationsOpen > 0 ? 1 : 0),
      rectificationsOverdue: 0,
    });
    expect(facts.rectificationsClosedInTime + facts.rectificationsOpen).toBe(2);
    expect(await inspectionFactsOf(SHOP_B.id, 2026)).toMatchObject({ inspections: 0, rectificationsIssued: 0 });
  });
});

// Last: it adds inspections of shop A that the year's facts above do not expect.
describe('a retried submission (a cold network, a double tap)', () => {
  const body = () => inspectionBody({ findings: [{ code: 'JG01', result: 'fail', note: '价签缺失', photos: [] }] });

  it('five parallel submissions with one Idempotency-Key record one inspection, one order, one message per person', async () => {
    const before = await itemCount();
    const key = newIdempotencyKey();
    const answers = await Promise.all(Array.from({ length: 5 }, () => record(people.regulatorChengguan, body(), key)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(5).fill(201));
    expect(new Set(answers.map((answer) => InspectionView.parse(answer.body).id)).size).toBe(1);
    const written = (await itemCount()) - before;

    const retry = await record(people.regulatorChengguan, body(), key);
    expect(retry.status).toBe(201);
    expect(InspectionView.parse(retry.body).id).toBe(InspectionView.parse(answers[0]!.body).id);
    expect((await itemCount()) - before).toBe(written);
  });

  it('a key reused for a different inspection is 409 naming the header, and nothing is written', async () => {
    const key = newIdempotencyKey();
    expect((await record(people.regulatorChengguan, body(), key)).status).toBe(201);
    const before = await itemCount();
    const other = await record(people.regulatorChengguan, inspectionBody({ remarks: '另一次检查' }), key);
    expect(other).toMatchObject({ status: 409, body: { code: 'CONFLICT', field: 'Idempotency-Key' } });
    expect(await itemCount()).toBe(before);
  });

  it('without a key it is 400 naming the header', async () => {
    expect(await record(people.regulatorChengguan, body(), null)).toMatchObject({ status: 400, body: { code: 'INVALID', field: 'Idempotency-Key' } });
  });
});

// Last: it records one more inspection of shop A, which the counts above must not see.
describe('a 整改通知 the shop could not be sent', () => {
  it('is on the town staff’s list of notices to follow up, opening the order; other towns do not see it', async () => {
    await settleOutbox();
    weChat.refuseSubscriber('o-test-ownerA');
    weChat.refuseSubscriber('o-test-clerkA');
    const recorded = await record(people.regulatorChengguan, inspectionBody());
    expect(recorded.status).toBe(201);
    const orderId = `${recorded.body.id}-JG01`;
    const [item] = await pendingOutbox();
    expect(await deliverOutboxItem(item!.outboxId)).toBe('undeliverable');

    const problems = async (who: SignedIn) =>
      NotificationProblemPage.parse((await invoke(notificationProblems, { method: 'GET', routePath: '/staff/notifications/problems', token: who.token, query: { limit: '50' } })).body).items;
    const mine = (await problems(people.regulatorChengguan)).find((problem) => problem.rectificationId === orderId);
    expect(mine).toMatchObject({ headline: '整改通知', recipientLabel: '商家', merchantId: SHOP_A.id, state: 'undeliverable' });
    expect(mine!.complaintId).toBeUndefined();
    expect((await problems(people.regulatorLongquan)).some((problem) => problem.rectificationId === orderId)).toBe(false);
    weChat.reset();
  });
});

// After the year's facts above, which do not expect this inspection.
describe('an order answered in time, waiting for staff past its deadline', () => {
  it('an order the shop answered in time and staff have not re-checked by the deadline: overdue for staff, not shown to the shop as its fault', async () => {
    const inspection = await recordInspection(
      RecordInspectionRequest.parse(
        inspectionBody({
          mode: 'mystery',
          inspectedOn: addDays(today(), -20),
          findings: [{ code: 'WQ04', result: 'fail', note: '未公示退换货规则', photos: [] }],
          rectifications: [{ code: 'WQ04', requirements: '公示退换货规则', deadline: addDays(today(), -13) }],
        }),
      ),
      people.regulatorChengguan.principal,
      newIdempotencyKey(),
      at(`${addDays(today(), -20)}T10:00`),
    );
    const id = `${inspection.id}-WQ04`;
    await answerRectification(id, { version: 1, text: '已在收银台公示退换货规则', photos: [photo('ownerA')] }, people.ownerA.principal, at(`${addDays(today(), -15)}T09:00`));
    const now = new Date();
    const forStaff = (await listRectifications({ view: 'shop', merchantId: SHOP_A.id, limit: 50 }, people.regulatorChengguan.principal, now)).items.find((item) => item.id === id);
    const forShop = (await merchantRectifications(people.ownerA.principal, SHOP_A.id, undefined, 50, now)).items.find((item) => item.id === id);
    expect(forStaff).toMatchObject({ status: 'answered', overdue: true });
    expect(forShop).toMatchObject({ status: 'answered', overdue: false });
    await recheckRectification(id, { version: 2, result: 'pass', photos: [] }, people.regulatorChengguan.principal, now);
    await settleOutbox();
  });
});
