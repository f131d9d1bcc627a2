import { ComplaintView } from '@fangxin/shared';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { handler as sendCommand } from '../../src/handlers/complaints/send-command';
import { handler as myComplaints } from '../../src/handlers/complaints/my-complaints';
import { handler as triageQueue } from '../../src/handlers/staff/triage-queue';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
let complaint: ComplaintView;

beforeAll(async () => {
  people = await setUpPeople();
  const { body } = await invoke(fileComplaint, {
    method: 'POST',
    routePath: '/complaints',
    token: people.consumer.token,
    body: complaintBody(),
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  complaint = ComplaintView.parse(body);
});

const NOT_FOUND = { code: 'NOT_FOUND', message: '未找到该投诉，或您无权查看' };

describe('who may see a complaint in 城关镇 against shop A, filed by `consumer`', () => {
  it.each<[Person, number]>([
    ['consumer', 200],
    ['ownerA', 200],
    ['clerkA', 200],
    ['regulatorChengguan', 200],
    ['mediatorCounty', 200],
    ['adminCounty', 200],
    ['otherConsumer', 404],
    ['ownerB', 404],
    ['regulatorLongquan', 404],
  ])('%s → %i', async (person, expected) => {
    const { status, body } = await invoke(getComplaint, {
      method: 'GET',
      routePath: '/complaints/{id}',
      pathParameters: { id: complaint.id },
      token: people[person].token,
    });
    expect(status).toBe(expected);
    if (expected === 404) expect(body).toEqual(NOT_FOUND);
  });

  it('gives an unknown id exactly the same answer as someone else’s', async () => {
    const { status, body } = await invoke(getComplaint, {
      method: 'GET',
      routePath: '/complaints/{id}',
      pathParameters: { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      token: people.otherConsumer.token,
    });
    expect({ status, body }).toEqual({ status: 404, body: NOT_FOUND });
  });

  it.each<[Person, Record<string, unknown>, number]>([
    ['otherConsumer', { type: 'withdraw' }, 404],
    ['ownerB', { type: 'reply', text: '不是我的店' }, 404],
    ['regulatorLongquan', { type: 'note', text: '越权备注' }, 404],
    ['consumer', { type: 'reply', text: '消费者冒充商家答复' }, 403],
    ['ownerA', { type: 'withdraw' }, 403],
    ['regulatorChengguan', { type: 'reply', text: '监管员冒充商家' }, 403],
  ])('%s sending %j → %i, and nothing changes', async (person, cmd, expected) => {
    const { status } = await invoke(sendCommand, {
      method: 'POST',
      routePath: '/complaints/{id}/commands',
      pathParameters: { id: complaint.id },
      token: people[person].token,
      body: { version: 1, command: cmd },
    });
    expect(status).toBe(expected);
    const after = await invoke(getComplaint, {
      method: 'GET',
      routePath: '/complaints/{id}',
      pathParameters: { id: complaint.id },
      token: people.consumer.token,
    });
    expect(after.body.version).toBe(1);
  });

  it('lists a consumer’s complaints to them alone', async () => {
    const mine = await invoke(myComplaints, { method: 'GET', routePath: '/complaints', token: people.consumer.token });
    const theirs = await invoke(myComplaints, { method: 'GET', routePath: '/complaints', token: people.otherConsumer.token });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(complaint.id);
    expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(complaint.id);
  });

  it.each<[Person, number]>([
    ['consumer', 403],
    ['ownerA', 403],
    ['regulatorChengguan', 200],
  ])('triage queue for %s → %i', async (person, expected) => {
    const { status } = await invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: people[person].token });
    expect(status).toBe(expected);
  });

  it('rejects a tampered pagination cursor with 400', async () => {
    const { status, body } = await invoke(myComplaints, {
      method: 'GET',
      routePath: '/complaints',
      token: people.consumer.token,
      query: { cursor: 'bm90LWpzb24' },
    });
    expect(status).toBe(400);
    expect(body.field).toBe('cursor');
  });
});
