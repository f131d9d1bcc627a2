import { spawn } from 'node:child_process';
import path from 'node:path';
import { DELIVERY_POLICY, FileComplaintRequest, NotificationProblemPage, PROGRESS_TEMPLATE_FIELDS } from '@fangxin/shared';
import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';
import { freePort } from '../../../scripts/local/ports';
import { LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET } from '../../../scripts/local/env';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { deliverOutboxItem, dispatchDue } from '../../src/use-cases/deliver-notifications';
import { handler as problemsHandler } from '../../src/handlers/staff/notification-problems';
import { handler as streamHandler } from '../../src/handlers/streams/outbox-stream';
import { handler as scheduledHandler } from '../../src/handlers/scheduled/dispatch-notifications';
import { openStreamReader } from '../../../scripts/local/stream-runner';
import { config } from '../../src/config';
import { listDueOutboxIds, readOutboxItem } from '../../src/store/outbox';
import { rememberOpenid, staffCovering } from '../../src/store/users';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UserEntity } from '../../src/store/support.entities';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { countDynamoDbRequests } from './support/request-counter';
import { dynamoDbClient } from '../../src/clients';

/**
 * Delivery of outbox items against this suite's own stand-in WeChat server (so faults injected here
 * touch no other suite): outages, an expired token, refusals, racing dispatchers and a crashed one.
 */
useFreshTable();
let people: Record<Person, SignedIn>;
let weChat: WeChatStandIn;
const openid = (person: Person) => `openid-${person}`;

beforeAll(async () => {
  weChat = await startWeChatStandIn({ port: await freePort(), appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
  // Before the first WeChat call of this worker, so the client and config point at this suite's stand-in.
  process.env.WECHAT_API_BASE = weChat.url;
  people = await setUpPeople();
  for (const [name, person] of Object.entries(people)) await rememberOpenid(person.principal, openid(name as Person));
});
afterAll(async () => {
  await weChat.stop();
});
beforeEach(async () => {
  weChat.reset();
  // Anything earlier tests left pending is settled first, so each test sees only its own items.
  await dispatchDue({ now: () => new Date(Date.now() + 7 * 24 * 3_600_000) });
  weChat.reset();
});

const file = async () =>
  fileComplaint(FileComplaintRequest.parse(complaintBody()), people.consumer.principal, newIdempotencyKey(), new Date());
const later = (ms: number) => () => new Date(Date.now() + ms);
async function pendingIds(): Promise<string[]> {
  return (await listDueOutboxIds(new Date(Date.now() + 7 * 24 * 3_600_000), 100)).ids;
}
const sendsTo = (person: Person) => weChat.messages().filter((m) => m.touser === openid(person));
const sendCalls = () => weChat.calls().filter((c) => c.endpoint === 'subscribe_send');

describe('delivering a new complaint to the shop', () => {
  it('sends one subscribe message to each person bound to the shop, fields within WeChat’s limits, and never again', async () => {
    const complaint = await file();
    const [id] = await pendingIds();
    expect(await deliverOutboxItem(id!)).toBe('delivered');

    for (const person of ['ownerA', 'clerkA'] as const) {
      const [message] = sendsTo(person);
      expect(sendsTo(person)).toHaveLength(1);
      expect(message!.page).toBe(`merchant/pages/handle/index?id=${complaint.id}`);
      expect(message!.data[PROGRESS_TEMPLATE_FIELDS.complaintNo]!.value).toBe(complaint.id);
      expect(message!.data[PROGRESS_TEMPLATE_FIELDS.merchantName]!.value).toBe(SHOP_A.name);
      expect(message!.data[PROGRESS_TEMPLATE_FIELDS.progress]!.value).toBe('新投诉');
    }
    expect(weChat.messages()).toHaveLength(2); // nobody outside the shop
    const item = await readOutboxItem(id!);
    expect(item).toMatchObject({ state: 'delivered', attempts: 1 });
    expect([...item!.sentTo].sort()).toEqual([openid('clerkA'), openid('ownerA')]);

    // A second dispatcher, the stream redelivering the record, the schedule: nothing more is sent.
    expect(await deliverOutboxItem(id!)).toBe('skipped');
    await dispatchDue({ now: later(3_600_000) });
    expect(weChat.messages()).toHaveLength(2);
  });

  it('costs a fixed, small number of DynamoDB requests per delivery (two people at the shop: 7)', async () => {
    await file();
    await dispatchDue(); // the access token is cached in the table from here on
    await file();
    const [id] = await pendingIds();
    const requests = countDynamoDbRequests(dynamoDbClient);
    try {
      expect(await deliverOutboxItem(id!)).toBe('delivered');
      // claim; the shop's people; their openids; per person the acknowledgement; settle. The access token is
      // remembered by the container, so a warm delivery reads no token from the table.
      expect([...requests.commands].sort()).toEqual(
        ['UpdateItemCommand', 'QueryCommand', 'GetItemCommand', 'GetItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'UpdateItemCommand'].sort(),
      );
    } finally {
      requests.detach();
    }
  });

  it('tells the consumer what the shop did, opening their own complaint page', async () => {
    const complaint = await file();
    await dispatchDue();
    await sendCommand(complaint.id, { version: 1, command: { type: 'reply', text: '您好，请到店更换。' } }, people.ownerA.principal, new Date());
    await dispatchDue();
    const [message] = sendsTo('consumer');
    expect(sendsTo('consumer')).toHaveLength(1);
    expect(message!.page).toBe(`pages/complaint/index?id=${complaint.id}`);
    expect(message!.data[PROGRESS_TEMPLATE_FIELDS.progress]!.value).toBe('商家已答复');
  });
});

describe('the bureau hears about escalations', () => {
  it('tells every staff member whose jurisdiction covers the town — town staff and county-wide — and nobody else', async () => {
    const complaint = await file();
    // The shop declines: the complaint goes to the bureau (escalated) at once.
    await sendCommand(complaint.id, { version: 1, command: { type: 'decline', text: '不同意退换。' } }, people.ownerA.principal, new Date());
    await dispatchDue();
    const toStaff = weChat.messages().filter((m) => m.page === `admin/pages/case/index?id=${complaint.id}`);
    expect(toStaff.map((m) => m.touser).sort()).toEqual([openid('adminCounty'), openid('mediatorCounty'), openid('regulatorChengguan')]);
    expect(toStaff.every((m) => m.data[PROGRESS_TEMPLATE_FIELDS.progress]!.value === '待受理')).toBe(true);
  });

  it('finds staff who were staff before the roster existed, once they sign in again', async () => {
    // As stored before this release: a staff user item and no roster entry.
    await UserEntity.build(PutItemCommand)
      .item({ userId: 'u-old-regulator', displayName: '老监管员', staff: { role: 'regulator', jurisdiction: ['chengguan'] } })
      .send();
    expect((await staffCovering('chengguan')).some((member) => member.userId === 'u-old-regulator')).toBe(false);
    await rememberOpenid({ userId: 'u-old-regulator', displayName: '老监管员', roles: { merchantIds: [], staff: { role: 'regulator', jurisdiction: ['chengguan'] } } }, 'openid-old');
    expect(await staffCovering('chengguan')).toEqual(expect.arrayContaining([{ userId: 'u-old-regulator', role: 'regulator', jurisdiction: ['chengguan'], openid: 'openid-old' }]));
    expect((await staffCovering('longquan')).some((member) => member.userId === 'u-old-regulator')).toBe(false);
  });
});

describe('the production triggers', () => {
  it('the stream function, fed the records DynamoDB Local’s stream really carries, delivers the new item once', async () => {
    const reader = await openStreamReader({ endpoint: process.env.DYNAMODB_ENDPOINT!, region: config().region, tableName: config().tableName, from: 'LATEST' });
    const complaint = await file();
    let records: Awaited<ReturnType<typeof reader.next>> = [];
    for (let i = 0; i < 20 && !records.some((r) => r.dynamodb?.Keys?.pk?.S?.startsWith('OUTBOX#')); i++) {
      records = [...records, ...(await reader.next())];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The filing's transaction wrote the complaint, its event, counters, the idempotency record and one outbox item.
    expect(records.length).toBeGreaterThan(3);
    expect(records.filter((r) => r.dynamodb?.Keys?.pk?.S?.startsWith('OUTBOX#'))).toHaveLength(1);

    expect(await streamHandler({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(sendsTo('ownerA').map((m) => m.data[PROGRESS_TEMPLATE_FIELDS.complaintNo]!.value)).toEqual([complaint.id]);
    // Lambda may deliver a batch again: nothing more is sent. The settling write's own record is ignored too.
    const later = await reader.next();
    expect(await streamHandler({ Records: [...records, ...later] })).toEqual({ batchItemFailures: [] });
    expect(sendsTo('ownerA')).toHaveLength(1);
    expect(sendsTo('clerkA')).toHaveLength(1);
  });

  it('the scheduled function delivers what is due and reports what it did', async () => {
    await file();
    await file();
    const summary = await scheduledHandler();
    expect(summary).toEqual({ examined: 2, results: { delivered: 2 } });
    expect(sendsTo('ownerA')).toHaveLength(2);
    expect(await scheduledHandler()).toEqual({ examined: 0, results: {} });
  });
});

describe('when WeChat fails', () => {
  it('retries with growing waits while WeChat is down, then delivers exactly once after recovery', async () => {
    await file();
    const [id] = await pendingIds();
    weChat.injectFaults([
      { endpoint: 'subscribe_send', kind: 'http_status', status: 503, times: 2 },
      { endpoint: 'subscribe_send', kind: 'hang', times: 1 },
    ]);

    const dueTimes: number[] = [];
    let clock = Date.now();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverOutboxItem(id!, { now: () => new Date(clock), random: () => 0.5 })).toBe('retry');
      const item = (await readOutboxItem(id!))!;
      expect(item).toMatchObject({ state: 'pending', attempts: attempt });
      expect(item.claimToken).toBeUndefined();
      dueTimes.push(Date.parse(item.dueAt) - clock);
      // Not due yet: a dispatcher running now leaves it alone.
      expect(await deliverOutboxItem(id!, { now: () => new Date(clock + 1_000) })).toBe('skipped');
      clock = Date.parse(item.dueAt);
    }
    expect(dueTimes[1]).toBeGreaterThan(dueTimes[0]!);
    expect(dueTimes[2]).toBeGreaterThan(dueTimes[1]!);

    expect(await deliverOutboxItem(id!, { now: () => new Date(clock) })).toBe('delivered');
    expect(sendsTo('ownerA')).toHaveLength(1);
    expect(sendsTo('clerkA')).toHaveLength(1);
  }, 60_000);

  it('renews an expired access token once, without force_refresh, and delivers', async () => {
    await file();
    await dispatchDue(); // a token is now cached in the table
    await file();
    weChat.expireToken(40001);
    const tokenCallsBefore = weChat.calls().filter((c) => c.endpoint === 'stable_token').length;

    const summary = await dispatchDue();
    expect(summary.results.delivered).toBe(1);
    const tokenCalls = weChat.calls().filter((c) => c.endpoint === 'stable_token').slice(tokenCallsBefore);
    expect(tokenCalls).toHaveLength(1);
    expect((tokenCalls[0]!.request.body as { force_refresh?: boolean }).force_refresh).toBeUndefined();
    expect(sendsTo('ownerA')).toHaveLength(2);
  });

  it('a WeChat that refuses a token it keeps handing back gets one forced refresh from all the dispatchers at once, not one each', async () => {
    for (let index = 0; index < 4; index++) await file();
    const ids = await pendingIds();
    const tokenCallsBefore = weChat.calls().filter((c) => c.endpoint === 'stable_token').length;
    // Each first try is refused as if the token were invalid, though WeChat still hands out the same one.
    weChat.injectFaults([{ endpoint: 'subscribe_send', kind: 'errcode', errcode: 40001, times: 4 }]);
    const results = await Promise.all(ids.map((id) => deliverOutboxItem(id)));
    const forced = weChat
      .calls()
      .filter((c) => c.endpoint === 'stable_token')
      .slice(tokenCallsBefore)
      .filter((c) => (c.request.body as { force_refresh?: boolean }).force_refresh === true);
    expect(forced).toHaveLength(1);
    // The one that forced delivered; the others wait for their retry, with the token problem noted.
    expect(results).toContain('delivered');
    for (const [index, result] of results.entries()) {
      if (result === 'retry') expect((await readOutboxItem(ids[index]!))!.lastError).toContain('40001');
    }
  });

  it('does not retry 43101 (no subscription): the item is undeliverable and staff see 商家未订阅通知 with the shop’s phone', async () => {
    weChat.refuseSubscriber(openid('ownerA'));
    weChat.refuseSubscriber(openid('clerkA'));
    const complaint = await file();
    const [id] = await pendingIds();

    expect(await deliverOutboxItem(id!)).toBe('undeliverable');
    expect(sendCalls()).toHaveLength(2); // one try per person
    await dispatchDue({ now: later(24 * 3_600_000) });
    expect(sendCalls()).toHaveLength(2); // and never again
    expect(weChat.messages()).toHaveLength(0);

    const page = async (who: SignedIn) =>
      NotificationProblemPage.parse((await invoke(problemsHandler, { method: 'GET', routePath: '/staff/notifications/problems', token: who.token })).body);
    const problem = (await page(people.regulatorChengguan)).items.find((item) => item.complaintId === complaint.id);
    expect(problem).toMatchObject({ state: 'undeliverable', recipientLabel: '商家', merchantName: SHOP_A.name, headline: '新投诉' });
    expect(problem!.reason).toContain('商家未订阅通知');
    expect((await page(people.regulatorLongquan)).items.some((item) => item.complaintId === complaint.id)).toBe(false);
    const forbidden = await invoke(problemsHandler, { method: 'GET', routePath: '/staff/notifications/problems', token: people.ownerA.token });
    expect(forbidden.status).toBe(403);
  });

  it.each([
    ['a template the deployment has wrong (40037)', [{ endpoint: 'subscribe_send', kind: 'errcode', errcode: 40037, times: 4 }], '40037'],
    ['a token refused for the server’s IP (40164)', [{ endpoint: 'subscribe_send', kind: 'errcode', errcode: 40001, times: 1 }, { endpoint: 'stable_token', kind: 'errcode', errcode: 40164, times: 1 }], '40164'],
  ] as const)('%s is the deployment’s, not the people’s: nobody is put down as refusing, and it is delivered once fixed', async (_what, faults, code) => {
    await file();
    const [id] = await pendingIds();
    weChat.injectFaults(faults.map((fault) => ({ ...fault })));
    let clock = Date.now();
    expect(await deliverOutboxItem(id!, { now: () => new Date(clock), random: () => 0.5 })).toBe('retry');
    const waiting = (await readOutboxItem(id!))!;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect([...waiting.refusedBy]).toEqual([]);
    expect(waiting.lastError).toContain(code);
    expect(waiting.lastError).toContain('与接收人无关');
    // The configuration is put right (the faults run out): what waited is delivered, to both.
    clock = Date.parse(waiting.dueAt);
    weChat.clearFaults();
    expect(await deliverOutboxItem(id!, { now: () => new Date(clock) })).toBe('delivered');
    expect(sendsTo('ownerA')).toHaveLength(1);
    expect(sendsTo('clerkA')).toHaveLength(1);
  });

  it('counts a message as delivered when one person at the shop accepted it and the other refused', async () => {
    weChat.refuseSubscriber(openid('clerkA'));
    await file();
    const [id] = await pendingIds();
    expect(await deliverOutboxItem(id!)).toBe('delivered');
    expect(sendsTo('ownerA')).toHaveLength(1);
    expect([...(await readOutboxItem(id!))!.refusedBy]).toEqual([openid('clerkA')]);
  });

  it('dead-letters an item once its attempts run out, for staff to follow up', async () => {
    await file();
    const [id] = await pendingIds();
    weChat.injectFaults([{ endpoint: 'subscribe_send', kind: 'errcode', errcode: 45009, times: 100 }]);
    let clock = Date.now();
    const results: string[] = [];
    for (let attempt = 1; attempt <= DELIVERY_POLICY.maxAttempts; attempt++) {
      results.push(await deliverOutboxItem(id!, { now: () => new Date(clock) }));
      clock = Date.parse((await readOutboxItem(id!))!.dueAt) + 1;
    }
    expect(results.slice(0, -1).every((r) => r === 'retry')).toBe(true);
    expect(results.at(-1)).toBe('dead');
    const item = (await readOutboxItem(id!))!;
    expect(item).toMatchObject({ state: 'dead', attempts: DELIVERY_POLICY.maxAttempts });
    expect(item.lastError).toContain('45009');
    expect(await deliverOutboxItem(id!, { now: () => new Date(clock + 3_600_000) })).toBe('skipped');
    expect(weChat.messages()).toHaveLength(0);
  });
});

describe('the invocation’s end', () => {
  it('no send starts that could not be recorded before Lambda stops the invocation: the items wait, unclaimed, for the next run', async () => {
    await file();
    await file();
    const ids = await pendingIds();
    expect(ids).toHaveLength(2);
    // Five seconds left: less than the reserve a send needs. The scheduled function, as Lambda calls it.
    const summary = await scheduledHandler(undefined, { awsRequestId: 'ending', getRemainingTimeInMillis: () => 5_000 });
    expect(summary.results.delivered ?? 0).toBe(0);
    expect(sendCalls()).toHaveLength(0);
    for (const id of ids) expect(await readOutboxItem(id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await readOutboxItem(ids[0]!))!.claimToken).toBeUndefined();
    // With a minute left, the next run delivers both.
    expect((await scheduledHandler(undefined, { awsRequestId: 'next', getRemainingTimeInMillis: () => 60_000 })).results).toEqual({ delivered: 2 });
  });
});

describe('concurrent and crashed dispatchers', () => {
  it('sends once when two dispatchers race for the same items', async () => {
    for (let i = 0; i < 5; i++) await file();
    weChat.injectFaults([{ endpoint: 'subscribe_send', kind: 'delay', ms: 50, times: 100 }]);
    const ids = await pendingIds();
    expect(ids).toHaveLength(5);

    const [a, b] = await Promise.all([dispatchDue(), dispatchDue(), ...ids.map((id) => deliverOutboxItem(id))]);
    expect((a!.results.delivered ?? 0) + (b!.results.delivered ?? 0)).toBeLessThanOrEqual(5);
    expect(sendsTo('ownerA')).toHaveLength(5);
    expect(sendsTo('clerkA')).toHaveLength(5);
    expect(new Set(sendsTo('ownerA').map((m) => m.data[PROGRESS_TEMPLATE_FIELDS.complaintNo]!.value)).size).toBe(5);
  });

  it('after a dispatcher dies between WeChat’s send and its acknowledgement, the next one sends that message once more and no more', async () => {
    await file();
    const [id] = await pendingIds();
    // WeChat takes the first message and the answer never arrives; meanwhile the dispatcher process is killed.
    weChat.injectFaults([{ endpoint: 'subscribe_send', kind: 'lost_answer', times: 1 }]);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support/deliver-once.ts'), id!], {
      env: process.env,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // A cold `node --import tsx` that loads the SDK can take a while on a busy machine; the test allows 60 s.
    const deadline = Date.now() + 45_000;
    while (weChat.messages().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await exited;
    expect(weChat.messages()).toHaveLength(1);
    const claimed = (await readOutboxItem(id!))!;
    expect(claimed.claimToken).toMatch(/^[0-9a-f-]{36}$/); // the dead dispatcher's claim
    expect(Date.parse(claimed.claimedUntil!)).toBeGreaterThan(Date.now());
    expect(claimed.sentTo.size).toBe(0); // it never recorded the send

    // While the dead dispatcher's lease lasts, nobody else touches the item.
    expect(await deliverOutboxItem(id!)).toBe('skipped');
    // After it, the next dispatcher sends to both: the first person a second time (the one duplicate), the other once.
    expect(await deliverOutboxItem(id!, { now: later(DELIVERY_POLICY.leaseMs + 1_000) })).toBe('delivered');
    const counts = [sendsTo('ownerA').length, sendsTo('clerkA').length].sort();
    expect(counts).toEqual([1, 2]);
    expect(weChat.messages()).toHaveLength(3);
  }, 60_000);

  it('a lost answer (timeout after WeChat sent it) costs at most one duplicate, then the item settles', async () => {
    await file();
    const [id] = await pendingIds();
    weChat.injectFaults([{ endpoint: 'subscribe_send', kind: 'lost_answer', times: 1 }]);
    expect(await deliverOutboxItem(id!)).toBe('retry'); // the client timed out: it cannot know WeChat sent it
    const due = Date.parse((await readOutboxItem(id!))!.dueAt);
    expect(await deliverOutboxItem(id!, { now: () => new Date(due) })).toBe('delivered');
    expect(weChat.messages()).toHaveLength(3);
    expect(Math.max(sendsTo('ownerA').length, sendsTo('clerkA').length)).toBe(2);
  }, 60_000);
});
