import { ComplaintView, PartyNoticeView, REFUSAL_GROUNDS, UnsentNoticePage } from '@fangxin/shared';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { handler as partyNotice } from '../../src/handlers/complaints/party-notice';
import { handler as sendCommand } from '../../src/handlers/complaints/send-command';
import { handler as export12315 } from '../../src/handlers/staff/export-12315';
import { handler as triageQueue } from '../../src/handlers/staff/triage-queue';
import { handler as unsentNotices } from '../../src/handlers/staff/unsent-notices';
import { handler as putClockRules } from '../../src/handlers/settings/put-clock-rules';
import { dispatchDue } from '../../src/use-cases/deliver-notifications';
import { loadComplaint } from '../../src/store/complaints';
import { documentClient } from '../../src/clients';
import { config } from '../../src/config';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const command = (who: SignedIn, id: string, version: number, cmd: Record<string, unknown>) =>
  invoke(sendCommand, { method: 'POST', routePath: '/complaints/{id}/commands', pathParameters: { id }, token: who.token, body: { version, command: cmd } });
const noticeOf = (who: SignedIn, id: string) => invoke(partyNotice, { method: 'GET', routePath: '/complaints/{id}/notice', pathParameters: { id }, token: who.token });
const unsent = async (who: SignedIn = people.regulatorChengguan) =>
  UnsentNoticePage.parse((await invoke(unsentNotices, { method: 'GET', routePath: '/staff/notices/unsent', token: who.token })).body).items;
const triage = (who: SignedIn, view: string) => invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: who.token, query: { view } });

/** A complaint the shop declined: with the bureau, awaiting its decision. */
async function escalated(): Promise<ComplaintView> {
  const filed = await invoke(fileComplaint, {
    method: 'POST',
    routePath: '/complaints',
    token: people.consumer.token,
    body: complaintBody(),
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  const declined = await command(people.ownerA, filed.body.id, 1, { type: 'decline', text: '不同意消费者的说法' });
  expect(declined.status).toBe(200);
  return ComplaintView.parse(declined.body);
}

async function accepted(): Promise<ComplaintView> {
  const complaint = await escalated();
  const answer = await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'accept' });
  expect(answer.status).toBe(200);
  return ComplaintView.parse(answer.body);
}

describe('refusing a complaint on an Order 121 ground, and the written notice', () => {
  let refused: ComplaintView;

  it('the ground is one of art. 16’s; another order’s ground is refused, naming the field', async () => {
    const complaint = await escalated();
    const wrongOrder = await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'not_accept', reason: 'o20_materials' });
    expect(wrongOrder).toMatchObject({ status: 400, body: { code: 'INVALID', field: 'command.reason' } });
    expect(wrongOrder.body.message).toContain('第121号');
    const legacy = await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'not_accept', reason: 'no_jurisdiction' });
    expect(legacy).toMatchObject({ status: 400, body: { field: 'command.reason', message: '请选择不予受理的依据' } });

    const answer = await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'not_accept', reason: 'o121_identity', text: '身份核验未通过' });
    expect(answer.status).toBe(200);
    refused = ComplaintView.parse(answer.body);
    expect(refused.status).toBe('not_accepted');
    expect(refused.notice).toMatchObject({ title: '不予受理告知书', overdue: false, reached: {} });
    expect(refused.timeline.at(-1)?.text).toContain('依据：冒用他人名义投诉，或者拒绝配合身份核验（《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）第十六条）');
  });

  it('the consumer opens the notice: ground, article, the bureau, and what to do about identity', async () => {
    const answer = await noticeOf(people.consumer, refused.id);
    expect(answer.status).toBe(200);
    expect(PartyNoticeView.parse(answer.body)).toEqual({
      complaintId: refused.id,
      kind: 'refusal',
      title: '不予受理告知书',
      decidedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      merchantName: SHOP_A.name,
      ground: { code: 'o121_identity', label: '冒用他人名义投诉，或者拒绝配合身份核验', article: '《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）第十六条' },
      note: '身份核验未通过',
      issuer: '清河县市场监督管理局',
      nextSteps: [REFUSAL_GROUNDS.o121_identity.nextStep, '对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。'],
    });
  });

  it('the shop and staff with jurisdiction may open it; anyone else gets 404', async () => {
    for (const who of [people.clerkA, people.regulatorChengguan, people.adminCounty]) expect((await noticeOf(who, refused.id)).status).toBe(200);
    for (const who of [people.otherConsumer, people.ownerB, people.regulatorLongquan]) {
      expect(await noticeOf(who, refused.id)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: '未找到该投诉，或您无权查看' } });
    }
  });

  it('a complaint without a decision has no notice (404)', async () => {
    const open = await escalated();
    expect(await noticeOf(people.consumer, open.id)).toMatchObject({ status: 404, body: { message: '该投诉没有告知书' } });
  });

  it('staff see it on the unsent list until both parties were reached; opening it counts', async () => {
    // The consumer and the clerk opened the first one above: both reached, off the list.
    expect((await loadComplaint(refused.id))!.notice).toMatchObject({ consumerReachedBy: 'opened', merchantReachedBy: 'opened' });
    expect((await unsent()).map((notice) => notice.complaintId)).not.toContain(refused.id);

    const complaint = await escalated();
    await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'not_accept', reason: 'o121_no_dispute' });
    const listed = () => unsent().then((items) => items.find((notice) => notice.complaintId === complaint.id));
    expect(await listed()).toMatchObject({ title: '不予受理告知书', overdue: false, reached: {} });
    await noticeOf(people.consumer, complaint.id);
    expect(await listed()).toMatchObject({ reached: { consumer: expect.any(String) } });
    // Staff opening it reaches nobody.
    await noticeOf(people.regulatorChengguan, complaint.id);
    expect((await listed())?.reached.merchant).toBeUndefined();
    await noticeOf(people.ownerA, complaint.id);
    expect(await listed()).toBeUndefined();
  });

  it('a delivered message carrying the notice counts as reaching that party', async () => {
    const complaint = await escalated();
    await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'not_accept', reason: 'o121_materials' });
    const listed = (await unsent()).find((notice) => notice.complaintId === complaint.id);
    expect(listed).toMatchObject({ title: '不予受理告知书', overdue: false, reached: {} });
    await dispatchDue({ budgetMs: 10_000 });
    const loaded = (await loadComplaint(complaint.id))!;
    expect(loaded.notice).toMatchObject({ consumerReachedBy: 'message', merchantReachedBy: 'message' });
    expect((await unsent()).map((notice) => notice.complaintId)).not.toContain(complaint.id);
  });

  it('the list is the caller’s jurisdiction only', async () => {
    const complaint = await escalated();
    await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'not_accept', reason: 'o121_outside_duties' });
    expect((await unsent(people.regulatorLongquan)).map((notice) => notice.complaintId)).not.toContain(complaint.id);
    expect((await unsent(people.adminCounty)).map((notice) => notice.complaintId)).toContain(complaint.id);
  });
});

describe('ending mediation on an Order 121 ground', () => {
  it('needs a ground of art. 23, and issues a termination notice with the referral', async () => {
    const complaint = await accepted();
    const missing = await command(people.mediatorCounty, complaint.id, complaint.version, { type: 'end_mediation', referral: 'litigation', guidance: '可起诉' });
    expect(missing).toMatchObject({ status: 400, body: { field: 'command.ground', message: '请选择终止调解的依据' } });
    const ended = await command(people.mediatorCounty, complaint.id, complaint.version, {
      type: 'end_mediation',
      ground: 'o121_party_absent',
      referral: 'litigation',
      guidance: '请携带购物凭证向县人民法院起诉',
    });
    expect(ended.status).toBe(200);
    const notice = PartyNoticeView.parse((await noticeOf(people.consumer, complaint.id)).body);
    expect(notice).toMatchObject({
      kind: 'termination',
      title: '终止调解告知书',
      ground: { code: 'o121_party_absent', article: expect.stringContaining('第二十三条') },
      issuer: '清河县消费者协会',
      note: '请携带购物凭证向县人民法院起诉',
    });
    expect(notice.nextSteps[0]).toBe('后续途径：向人民法院提起诉讼。');
  });

  it('a county on Order 20 picks from Order 20’s lists', async () => {
    const complaint = await accepted();
    const order20 = await invoke(putClockRules, {
      method: 'PUT',
      routePath: '/staff/settings/clock-rules',
      token: people.adminCounty.token,
      body: { version: 0, preset: 'samr_order_20', merchantFirstReply: { amount: 1, unit: 'working_days' }, merchantProposal: { amount: 3, unit: 'working_days' }, consumerAnswer: { amount: 3, unit: 'days' }, acceptDecision: { amount: 7, unit: 'working_days' }, mediation: { amount: 45, unit: 'working_days' } },
    });
    expect(order20.status).toBe(200);
    try {
      const wrong = await command(people.mediatorCounty, complaint.id, complaint.version, { type: 'end_mediation', ground: 'o121_party_absent', referral: 'litigation', guidance: '可起诉' });
      expect(wrong).toMatchObject({ status: 400, body: { field: 'command.ground', message: expect.stringContaining('第20号') } });
      const right = await command(people.mediatorCounty, complaint.id, complaint.version, { type: 'end_mediation', ground: 'o20_party_absent', referral: 'litigation', guidance: '可起诉' });
      expect(right.status).toBe(200);
      expect((await noticeOf(people.consumer, complaint.id)).body.ground.article).toContain('第二十六条');
    } finally {
      await invoke(putClockRules, {
        method: 'PUT',
        routePath: '/staff/settings/clock-rules',
        token: people.adminCounty.token,
        body: { version: order20.body.version, preset: 'samr_order_121', merchantFirstReply: { amount: 1, unit: 'working_days' }, merchantProposal: { amount: 3, unit: 'working_days' }, consumerAnswer: { amount: 3, unit: 'days' }, acceptDecision: { amount: 7, unit: 'working_days' }, mediation: { amount: 60, unit: 'days' } },
      });
    }
  });
});

describe('the 12315 case number', () => {
  it('accepted cases without a number are listed (triage view and CSV) until staff record it', async () => {
    const complaint = await accepted();
    const missing = await triage(people.regulatorChengguan, 'missing12315');
    expect(missing.status).toBe(200);
    expect(missing.body.items.map((item: { id: string }) => item.id)).toContain(complaint.id);
    expect((await triage(people.regulatorLongquan, 'missing12315')).body.items.map((item: { id: string }) => item.id)).not.toContain(complaint.id);

    const csv = await invoke(export12315, { method: 'GET', routePath: '/staff/complaints/12315.csv', token: people.regulatorChengguan.token });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = String(csv.body).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      ['本平台投诉编号', '受理时间', '投诉人联系电话', '被投诉人名称', '被投诉人统一社会信用代码', '被投诉人地址', '所在乡镇（街道）', '行业', '投诉类别', '购买日期', '涉及金额（元）', '投诉诉求', '问题描述']
        .map((cell) => `"${cell}"`)
        .join(','),
    );
    const row = lines.find((line) => line.startsWith(`"${complaint.id}"`));
    expect(row).toContain('13800138000');
    expect(row).toContain(SHOP_A.name);
    expect(row).toContain('城关镇');
    // Every complainant's number in one file: who took it, and how many rows, is on record.
    const { Items: audit = [] } = await documentClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${people.regulatorChengguan.userId}` } }),
    );
    expect(audit.filter((item) => item.action === 'export_12315')).toEqual([
      expect.objectContaining({ role: 'regulator', subjectType: 'export', subjectId: '12315', detail: `${lines.filter((line) => line !== '').length - 1} 行` }),
    ]);

    const badNumber = await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'record_12315', caseNumber: '12-34' });
    expect(badNumber).toMatchObject({ status: 400, body: { field: 'command.caseNumber' } });
    const byConsumer = await command(people.consumer, complaint.id, complaint.version, { type: 'record_12315', caseNumber: '3201050020261015001' });
    expect(byConsumer.status).toBe(403);

    const recorded = await command(people.regulatorChengguan, complaint.id, complaint.version, { type: 'record_12315', caseNumber: '3201 0500 2026 1015 001' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ case12315: '3201050020261015001', status: 'accepted' });
    const consumerView = ComplaintView.parse(
      (await invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id: complaint.id }, token: people.consumer.token })).body,
    );
    expect(consumerView.case12315).toBe('3201050020261015001');
    expect(consumerView.timeline.at(-1)).toMatchObject({ title: '登记12315编号', text: '12315平台编号：3201050020261015001' });
    expect((await triage(people.regulatorChengguan, 'missing12315')).body.items.map((item: { id: string }) => item.id)).not.toContain(complaint.id);
    const after = await invoke(export12315, { method: 'GET', routePath: '/staff/complaints/12315.csv', token: people.regulatorChengguan.token });
    expect(String(after.body)).not.toContain(complaint.id);
  });

  it('pages through both stages with a cursor that ends, and refuses a hand-made one', async () => {
    const first = await invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: people.adminCounty.token, query: { view: 'missing12315', limit: '1' } });
    expect(first.status).toBe(200);
    let cursor = first.body.nextCursor as string | undefined;
    let pages = 1;
    while (cursor && pages < 50) {
      const next = await invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: people.adminCounty.token, query: { view: 'missing12315', limit: '1', cursor } });
      expect(next.status).toBe(200);
      cursor = next.body.nextCursor;
      pages++;
    }
    expect(cursor).toBeUndefined();
    const forged = await invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: people.adminCounty.token, query: { view: 'missing12315', cursor: Buffer.from('{"place":7}').toString('base64url') } });
    expect(forged).toMatchObject({ status: 400, body: { field: 'cursor' } });
  });
});
