import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ApiErrorBody, ComplaintView } from '@fangxin/shared';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as myComplaints } from '../../src/handlers/complaints/my-complaints';
import { documentClient } from '../../src/clients';
import { config } from '../../src/config';
import { saveMerchant } from '../../src/store/merchants';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

/** `key: null` sends no Idempotency-Key header. */
const file = (who: SignedIn, body: unknown, key: string | null = newIdempotencyKey()) =>
  invoke(fileComplaint, {
    method: 'POST',
    routePath: '/complaints',
    token: who.token,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

const listMine = (who: SignedIn) => invoke(myComplaints, { method: 'GET', routePath: '/complaints', token: who.token });

async function countyCounter(): Promise<Record<string, number> | undefined> {
  await applyPendingCounts();
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: config().tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'COUNTER#county#qinghe' },
    }),
  );
  return Items?.find((item) => String(item.sk).startsWith('M#'));
}

async function pendingOutbox(): Promise<Array<Record<string, any>>> {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: config().tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'OUTBOX#pending' },
    }),
  );
  return Items;
}

describe('filing a complaint', () => {
  it('stores it with the commitments in force, starts the shop’s clock, counts it and tells the shop', async () => {
    const outboxBefore = (await pendingOutbox()).length;
    const { status, body } = await file(people.consumer, complaintBody());
    expect(status).toBe(201);
    const view = ComplaintView.parse(body);
    expect(view).toMatchObject({
      status: 'submitted',
      statusLabel: '待商家答复',
      merchant: { id: SHOP_A.id, name: SHOP_A.name },
      breachedCommitment: { key: 'three_guarantees', title: '三包' },
      commitmentsInForce: [
        { key: 'three_guarantees', title: '三包' },
        { key: 'advance_compensation', title: '先行赔付' },
      ],
      phone: '13800138000',
      version: 1,
      allowedActions: ['withdraw'],
    });
    expect(view.deadline?.kind).toBe('merchant_first_reply');
    expect(view.deadline?.text).toMatch(/^商家须在 .+前答复/);
    expect(view.timeline.map((entry) => entry.title)).toEqual(['提交投诉']);

    const outbox = await pendingOutbox();
    expect(outbox.length).toBe(outboxBefore + 1);
    expect(outbox.at(-1)).toMatchObject({ complaintId: view.id, recipient: { kind: 'merchant', merchantId: SHOP_A.id }, headline: '新投诉' });
    expect((await countyCounter())?.received).toBeGreaterThanOrEqual(1);
  });

  /** A rate limit's hits for one subject, every window summed. */
  const hitsOf = async (pk: string) => {
    const { Items = [] } = await documentClient.send(new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }));
    return Items.reduce((sum, item) => sum + Number(item.hits ?? 0), 0);
  };

  it('turns 10 parallel submissions with one Idempotency-Key into exactly one complaint', async () => {
    const before = (await listMine(people.otherConsumer)).body.items.length;
    const receivedBefore = (await countyCounter())?.received ?? 0;
    const key = newIdempotencyKey();
    const body = complaintBody({ description: '同一份投诉，连点了十次提交按钮，只应保存一份。' });

    const person = `RATE#filingPerPerson#${people.otherConsumer.userId}`;
    const atShop = `RATE#filingPerPersonShop#${people.otherConsumer.userId}#${SHOP_A.id}`;
    const countedBefore = [await hitsOf(person), await hitsOf(atShop)];

    const answers = await Promise.all(Array.from({ length: 10 }, () => file(people.otherConsumer, body, key)));

    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await listMine(people.otherConsumer)).body.items.length).toBe(before + 1);
    expect((await countyCounter())?.received).toBe(receivedBefore + 1);
    // One filing, one count: the twins that lost gave theirs back (3 a day at one shop is little to lose).
    expect([await hitsOf(person), await hitsOf(atShop)]).toEqual(countedBefore.map((hits) => hits + 1));
  });

  it('answers a retry after the first succeeded with the same complaint', async () => {
    const key = newIdempotencyKey();
    const first = await file(people.consumer, complaintBody({ description: '超时后重试的提交，应得到同一份投诉。' }), key);
    const retry = await file(people.consumer, complaintBody({ description: '超时后重试的提交，应得到同一份投诉。' }), key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('answers a retry with the complaint it made even if the shop changed its commitments in between; a new filing naming the old one is 400', async () => {
    const shop = { ...SHOP_A, id: 'QHRETRY001', name: '重试期间改了承诺的商店' };
    await saveMerchant(shop);
    const key = newIdempotencyKey();
    const body = complaintBody({ merchantId: shop.id, description: '提交后网络中断，重试时店铺已改了承诺。' });
    const first = await file(people.consumer, body, key);
    expect(first.status).toBe(201);
    await saveMerchant({ ...shop, commitments: shop.commitments.filter((choice) => !('code' in choice) || choice.code !== 'three_guarantees'), commitmentsVersion: 2 });
    expect(await file(people.consumer, body, key)).toMatchObject({ status: 201, body: { id: first.body.id, breachedCommitment: { key: 'three_guarantees' } } });
    expect(await file(people.consumer, body)).toMatchObject({ status: 400, body: { field: 'commitmentKey' } });
  });

  it('refuses to reuse a key for a different complaint', async () => {
    const key = newIdempotencyKey();
    await file(people.consumer, complaintBody({ description: '第一份投诉的内容，用这个请求编号提交。' }), key);
    const reuse = await file(people.consumer, complaintBody({ description: '完全不同的第二份投诉，却用了同一个编号。' }), key);
    expect(reuse.status).toBe(409);
    expect(ApiErrorBody.parse(reuse.body).field).toBe('Idempotency-Key');
  });

  it('keeps one person’s key from colliding with another’s', async () => {
    const key = newIdempotencyKey();
    const mine = await file(people.consumer, complaintBody(), key);
    const theirs = await file(people.otherConsumer, complaintBody(), key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  const tomorrow = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  it.each([
    ['missing consent', { privacyConsent: undefined }, 'privacyConsent', '请阅读并同意'],
    ['consent refused', { privacyConsent: false }, 'privacyConsent', '请阅读并同意'],
    ['1001-character description', { description: '坏'.repeat(1001) }, 'description', '最多 1000 个字'],
    ['9-character description', { description: '太短了太短了太短了' }, 'description', '至少 10 个字'],
    ['emoji in the description', { description: '商品质量很差😡，要求退货退款处理' }, 'description', '表情符号'],
    ['right-to-left override', { description: '商品质量很差\u202E，要求退货退款处理' }, 'description', '文字方向'],
    ['bad phone', { phone: '1380013800' }, 'phone', '11 位手机号码'],
    ['landline', { phone: '02988886666' }, 'phone', '11 位手机号码'],
    ['7 photos', { photos: Array.from({ length: 7 }, (_, i) => `uploads/u-test-consumer/01ARZ3NDEKTSV4RRFFQ69G5FA${i}.jpg`) }, 'photos', '最多上传 6 张'],
    ['future purchase date', { purchaseDate: tomorrow }, 'purchaseDate', '不能晚于今天'],
    ['impossible date', { purchaseDate: '2026-02-30' }, 'purchaseDate', '不是有效日期'],
    ['amount with 3 decimals', { amount: '12.345' }, 'amount', '最多两位小数'],
    ['unknown category', { category: 'weather' }, 'category', '请选择投诉类别'],
    ['commitment the shop never made', { commitmentKey: 'defect_recall' }, 'commitmentKey', '不在该店铺的承诺列表中'],
    ['someone else’s photo', { photos: ['uploads/u-test-otherConsumer/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg'] }, 'photos.0', '照片上传信息无效'],
  ])('rejects %s with 400 naming the field, and writes nothing', async (_, overrides, field, message) => {
    const before = (await listMine(people.consumer)).body.items.length;
    const receivedBefore = (await countyCounter())?.received;
    const outboxBefore = (await pendingOutbox()).length;

    const { status, body } = await file(people.consumer, complaintBody(overrides));

    expect(status).toBe(400);
    const error = ApiErrorBody.parse(body);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
    expect((await listMine(people.consumer)).body.items.length).toBe(before);
    expect((await countyCounter())?.received).toBe(receivedBefore);
    expect((await pendingOutbox()).length).toBe(outboxBefore);
  });

  it('requires an Idempotency-Key', async () => {
    const { status, body } = await file(people.consumer, complaintBody(), null);
    expect(status).toBe(400);
    expect(body.field).toBe('Idempotency-Key');
  });

  it('requires a signed-in user', async () => {
    const { status } = await invoke(fileComplaint, { method: 'POST', routePath: '/complaints', body: complaintBody(), headers: { 'idempotency-key': newIdempotencyKey() } });
    expect(status).toBe(401);
  });

  it('refuses a complaint against a shop that is not public', async () => {
    const { status } = await file(people.consumer, complaintBody({ merchantId: 'QHNOSUCH01' }));
    expect(status).toBe(404);
  });
});
