import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ApiErrorBody, ComplaintView } from '@fangxin/shared';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as getMerchant } from '../../src/handlers/merchants/get-merchant';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { handler as sendCommand } from '../../src/handlers/complaints/send-command';
import { handler as merchantQueue } from '../../src/handlers/merchant/merchant-queue';
import { handler as triageQueue } from '../../src/handlers/staff/triage-queue';
import { documentClient } from '../../src/clients';
import { config } from '../../src/config';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, type Person, type SignedIn, dueInDays } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

async function fileOne(overrides: Record<string, unknown> = {}): Promise<ComplaintView> {
  const { status, body } = await invoke(fileComplaint, {
    method: 'POST',
    routePath: '/complaints',
    token: people.consumer.token,
    body: complaintBody(overrides),
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  expect(status).toBe(201);
  return ComplaintView.parse(body);
}

const command = (who: SignedIn, id: string, version: number, cmd: Record<string, unknown>) =>
  invoke(sendCommand, { method: 'POST', routePath: '/complaints/{id}/commands', pathParameters: { id }, token: who.token, body: { version, command: cmd } });

const view = (who: SignedIn, id: string) => invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id }, token: who.token });

async function counters(scope: string): Promise<Record<string, number>> {
  await applyPendingCounts();
  const { Items = [] } = await documentClient.send(
    new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `COUNTER#${scope}` } }),
  );
  return (Items.find((item) => String(item.sk).startsWith('Y#')) ?? {}) as Record<string, number>;
}

describe('settled in the shop: file → propose → accept → rate → fulfil', () => {
  it('walks the happy path with the right actions offered to each side', async () => {
    const filed = await fileOne();

    const shopView = ComplaintView.parse((await view(people.clerkA, filed.id)).body);
    expect(shopView.allowedActions).toEqual(['reply', 'propose', 'decline']);
    expect(shopView.phone).toBe('138****8000'); // not shared with the shop

    const proposed = await command(people.clerkA, filed.id, 1, {
      type: 'propose',
      proposal: { outcome: 'replace', dueDate: dueInDays(1), text: '按三包规定为您更换同型号新品。' },
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'settlement_proposed', version: 2 });
    expect(proposed.body.deadline.kind).toBe('consumer_answer');

    const consumerSees = ComplaintView.parse((await view(people.consumer, filed.id)).body);
    expect(consumerSees.allowedActions).toEqual(['accept_proposal', 'reject_proposal', 'withdraw']);
    expect(consumerSees.proposal).toMatchObject({ outcome: 'replace', outcomeLabel: '更换' });

    const accepted = await command(people.consumer, filed.id, 2, { type: 'accept_proposal' });
    expect(accepted.body).toMatchObject({ status: 'settled_in_shop', statusLabel: '店内和解' });
    expect(accepted.body.deadline).toBeUndefined();

    const rated = await command(people.consumer, filed.id, 3, { type: 'rate', rating: 'satisfied', comment: '处理很及时' });
    expect(rated.body.rating).toMatchObject({ rating: 'satisfied', ratingLabel: '满意' });
    const fulfilled = await command(people.ownerA, filed.id, 4, { type: 'fulfil', text: '已当面更换' });
    expect(fulfilled.status).toBe(200);

    expect(fulfilled.body.timeline.map((entry: { title: string }) => entry.title)).toEqual([
      '提交投诉',
      '商家提出和解方案',
      '消费者接受和解方案',
      '消费者评价',
      '商家标记已履行',
    ]);
    expect(await counters('town#chengguan')).toMatchObject({ received: 1, closed: 1, settledInShop: 1, rated: 1, satisfied: 1, firstResponses: 1 });

    // The shop's public record moves with it, read from its own counters.
    const page = await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: SHOP_A.id } });
    expect(page.body.trackRecord).toMatchObject({
      complaints: 1,
      settledInShopShare: 1,
      satisfaction: 1,
      rated: 1,
      medianFirstResponse: '1 小时内',
      summary: '近12个月 1 件投诉，样本较少，比例仅供参考',
    });
    expect(page.body.trackRecord.perCommitment).toEqual([
      { key: 'three_guarantees', title: '三包', invoked: 1, honoured: 1 },
      { key: 'advance_compensation', title: '先行赔付', invoked: 0, honoured: 0 },
    ]);
  });
});

describe('escalated and mediated by the bureau', () => {
  it('declined in the shop → accepted by the regulator → mediated, with internal notes hidden and staff actions audited', async () => {
    const filed = await fileOne({ sharePhoneWithMerchant: true });
    expect(ComplaintView.parse((await view(people.ownerA, filed.id)).body).phone).toBe('13800138000');

    const declined = await command(people.ownerA, filed.id, 1, { type: 'decline', text: '商品已超过三包期。' });
    expect(declined.body).toMatchObject({ status: 'escalated' });
    expect(declined.body.deadline.kind).toBe('accept_decision');

    const triage = await invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: people.regulatorChengguan.token, query: { view: 'escalated' } });
    expect(triage.body.items.map((item: { id: string }) => item.id)).toContain(filed.id);
    const elsewhere = await invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: people.regulatorLongquan.token, query: { view: 'escalated' } });
    expect(elsewhere.body.items.map((item: { id: string }) => item.id)).not.toContain(filed.id);

    // A mediator may not make the administrative accept decision.
    const wrongRole = await command(people.mediatorCounty, filed.id, 2, { type: 'accept' });
    expect(wrongRole.status).toBe(403);

    const claimed = await command(people.regulatorChengguan, filed.id, 2, { type: 'claim' });
    expect(claimed.body.assigneeId).toBe(people.regulatorChengguan.userId);
    const noted = await command(people.regulatorChengguan, filed.id, 3, { type: 'note', text: '电话核实：商家称发票日期为一年前。' });
    expect(noted.status).toBe(200);
    const accepted = await command(people.regulatorChengguan, filed.id, 4, { type: 'accept' });
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    expect(accepted.body.deadline.kind).toBe('mediation');
    const contact = await command(people.mediatorCounty, filed.id, 5, { type: 'record_mediation', party: 'both', text: '组织双方电话调解。' });
    expect(contact.body.status).toBe('mediating');
    const closed = await command(people.mediatorCounty, filed.id, 6, { type: 'close_mediated', text: '商家同意维修并补偿 50 元。' });
    expect(closed.body).toMatchObject({ status: 'mediated', statusLabel: '调解成功' });

    const staffTimeline = ComplaintView.parse((await view(people.adminCounty, filed.id)).body).timeline;
    expect(staffTimeline.filter((entry) => entry.internal).map((entry) => entry.title)).toEqual(['工作人员认领', '内部备注']);
    for (const outsider of [people.consumer, people.ownerA]) {
      const seen = ComplaintView.parse((await view(outsider, filed.id)).body);
      expect(seen.timeline.some((entry) => entry.internal)).toBe(false);
      expect(JSON.stringify(seen)).not.toContain('电话核实');
      expect(seen.assigneeId).toBeUndefined();
    }
    expect(ComplaintView.parse((await view(people.consumer, filed.id)).body).allowedActions).toEqual(['rate']);

    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: config().tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${people.regulatorChengguan.userId}` },
      }),
    );
    expect(Items.map((item) => [item.action, item.role, item.subjectId])).toEqual([
      ['claim', 'regulator', filed.id],
      ['note', 'regulator', filed.id],
      ['accept', 'regulator', filed.id],
    ]);
    // With what the staff member gave: the note's words are in its row.
    expect(Items[1]!.detail).toContain('电话核实：商家称发票日期为一年前。');
  });

  it('refuses the bureau’s accept decision outside the state that allows it, with a message', async () => {
    const filed = await fileOne();
    const { status, body } = await command(people.regulatorChengguan, filed.id, 1, { type: 'accept' });
    expect(status).toBe(409);
    expect(ApiErrorBody.parse(body).message).toContain('待商家答复');
  });

  it('lets the consumer ask the bureau in only after the shop’s deadline, and says why', async () => {
    const filed = await fileOne();
    const early = await command(people.consumer, filed.id, 1, { type: 'escalate' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('商家答复期限未到');
  });
});

describe('whose steps the timeline marks as the viewer’s own', () => {
  it('only the person who made a step: not a colleague of the same shop, not the other party', async () => {
    // A form whose answer was lost tells from it that its earlier try went through (miniapp lib/command-outcome.ts).
    const filed = await fileOne();
    const replied = await command(people.clerkA, filed.id, filed.version, { type: 'reply', text: '您好，请带上小票到店处理。' });
    expect(replied.status).toBe(200);
    const byViewer = async (who: SignedIn) =>
      ComplaintView.parse((await view(who, filed.id)).body).timeline.map((entry) => [entry.type, entry.byViewer === true]);
    expect(await byViewer(people.clerkA)).toEqual([['file', false], ['reply', true]]);
    expect(await byViewer(people.ownerA)).toEqual([['file', false], ['reply', false]]);
    expect(await byViewer(people.consumer)).toEqual([['file', true], ['reply', false]]);
  });
});

describe('two people at once', () => {
  it('lets exactly one of two concurrent proposals win; the other gets 409 and nothing of it is stored', async () => {
    const filed = await fileOne();
    const [a, b] = await Promise.all([
      command(people.ownerA, filed.id, 1, { type: 'propose', proposal: { outcome: 'refund', amount: '129.00', dueDate: dueInDays(1), text: '店长：全额退款。' } }),
      command(people.clerkA, filed.id, 1, { type: 'propose', proposal: { outcome: 'repair', dueDate: dueInDays(5), text: '店员：免费维修。' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(ApiErrorBody.parse(loser.body).message).toMatch(/刷新/);

    const final = ComplaintView.parse((await view(people.consumer, filed.id)).body);
    expect(final.version).toBe(2);
    expect(final.timeline.map((entry) => entry.title)).toEqual(['提交投诉', '商家提出和解方案']);
    const winnerText = (a.status === 200 ? '店长' : '店员');
    expect(final.proposal?.text).toContain(winnerText);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const filed = await fileOne();
    await command(people.ownerA, filed.id, 1, { type: 'reply', text: '已收到，正在核实。' });
    const stale = await command(people.clerkA, filed.id, 1, { type: 'reply', text: '重复答复' });
    expect(stale.status).toBe(409);
    expect(ComplaintView.parse((await view(people.consumer, filed.id)).body).timeline).toHaveLength(2);
  });
});

describe('queues', () => {
  it('shows a shop its own complaints by deadline, and answers 404 for another shop’s queue', async () => {
    const filed = await fileOne();
    const mine = await invoke(merchantQueue, { method: 'GET', routePath: '/merchant/complaints', token: people.ownerA.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(filed.id);
    const deadlines = mine.body.items.filter((i: { status: string }) => i.status === 'submitted').map((i: { deadline: { dueAt: string } }) => i.deadline.dueAt);
    expect(deadlines).toEqual([...deadlines].sort());

    const other = await invoke(merchantQueue, { method: 'GET', routePath: '/merchant/complaints', token: people.ownerA.token, query: { merchantId: 'QHSHOPB001' } });
    // Another shop's queue is answered like any resource unrelated to the caller: 404, nothing revealed.
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    const consumer = await invoke(merchantQueue, { method: 'GET', routePath: '/merchant/complaints', token: people.consumer.token });
    expect(consumer.status).toBe(403);
  });
});

describe('the per-case count of actions', () => {
  it('counts only moves the lifecycle allows: thirty refused ones leave the consumer free to act', async () => {
    const filed = await fileOne();
    // A consumer may not 履行 (fulfil) a settlement: refused by the lifecycle, each time, never 429.
    for (let i = 0; i < 31; i++) {
      const refusedMove = await command(people.consumer, filed.id, filed.version, { type: 'fulfil' });
      expect(refusedMove.status).toBe(403);
    }
    expect((await command(people.consumer, filed.id, filed.version, { type: 'withdraw' })).status).toBe(200);
  });
});

describe('DynamoDB cost per call', () => {
  it('files with a read of the shop, an idempotency check, three rate-limit counters and one transaction; a merchant moves a complaint with one Query, one membership read, one rate-limit counter and one transaction', async () => {
    const { countDynamoDbRequests } = await import('./support/request-counter');
    const { dynamoDbClient } = await import('../../src/clients');
    await fileOne(); // warms the clock-rules cache, as a running container has it
    const requests = countDynamoDbRequests(dynamoDbClient);
    try {
      const filed = await fileOne();
      // The shop; the Idempotency-Key (a retry is not counted again); the person's hour, the person's day at
      // this shop and the shop's day (docs/security.md); then the one transaction.
      expect(requests.commands).toEqual(['GetItemCommand', 'GetItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'TransactWriteItemsCommand']);
      requests.reset();
      await command(people.ownerA, filed.id, 1, { type: 'reply', text: '已收到。' });
      // The GetItem is the live check that the merchant still works for the shop; the UpdateItem counts the
      // person's actions on the case (commandPerCase), before any text goes to WeChat's check.
      expect(requests.commands).toEqual(['QueryCommand', 'GetItemCommand', 'UpdateItemCommand', 'TransactWriteItemsCommand']);
      requests.reset();
      await view(people.consumer, filed.id);
      expect(requests.commands).toEqual(['QueryCommand']);
    } finally {
      requests.detach();
    }
  });
});
