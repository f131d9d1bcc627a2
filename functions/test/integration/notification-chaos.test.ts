import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_REGION, LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET } from '../../../scripts/local/env';
import { freePort } from '../../../scripts/local/ports';
import { outboxInserts, startStreamRunner } from '../../../scripts/local/stream-runner';
import { startWeChatStandIn, type FaultRule, type WeChatStandIn } from '../../../standins/wechat/server';
import { PROGRESS_TEMPLATE_FIELDS } from '@fangxin/shared';
import { startThrottlingProxy, type ThrottlingProxy } from './support/throttling-proxy';

/**
 * Chaos: 1,000 complaints filed through the HTTP handler while the stand-in WeChat server fails about
 * 20% of calls and the store throttles some writes (and loses the answer to a few it performed). The
 * stream path delivers while filings go on, then the scheduled dispatcher runs until nothing is pending.
 * Every acknowledged complaint must be stored once, every outbox item must end delivered or
 * dead-lettered (undeliverable counts: those people refused), and nobody gets a message twice.
 * Prints its figures.
 *
 * The functions reach DynamoDB Local through the throttling proxy, so the store modules are imported
 * only after DYNAMODB_ENDPOINT points at it.
 */
const COMPLAINTS = Number(process.env.FANGXIN_CHAOS_COMPLAINTS ?? 1000);
const FILING_CONCURRENCY = 16;
const APP_RETRIES = 4;

/** A small seeded generator, so a failing run can be replayed with the same faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.FANGXIN_CHAOS_SEED ?? 20261127);

// About one call in five fails: 8% HTTP 503, 6.5% system busy (-1), 4.5% quota (45009), 1.5% no answer.
const flaky = (endpoint: FaultRule['endpoint']): FaultRule[] => [
  { endpoint, kind: 'http_status', status: 503, probability: 0.08, times: 1e9 },
  { endpoint, kind: 'errcode', errcode: -1, probability: 0.065, times: 1e9 },
  { endpoint, kind: 'errcode', errcode: 45009, probability: 0.045, times: 1e9 },
  { endpoint, kind: 'hang', probability: 0.015, times: 1e9 },
];

let weChat: WeChatStandIn;
let proxy: ThrottlingProxy;
const directEndpoint = process.env.DYNAMODB_ENDPOINT!;

beforeAll(async () => {
  weChat = await startWeChatStandIn({ port: await freePort(), appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET, random: seeded(SEED) });
  proxy = await startThrottlingProxy({ target: directEndpoint, throttleWrites: 0.1, loseWriteAnswers: 0.02, random: seeded(SEED + 1) });
  process.env.WECHAT_API_BASE = weChat.url;
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  process.env.LOG_LEVEL = 'error';
});
afterAll(async () => {
  await weChat?.stop();
  await proxy?.stop();
});

it(`files ${COMPLAINTS} complaints through chaos and loses, duplicates or strands nothing`, async () => {
  const started = Date.now();
  const { ensureTable } = await import('../../src/store/table-admin');
  const { dynamoDbClient } = await import('../../src/clients');
  const { config } = await import('../../src/config');
  const { setUpPeople, complaintBody, SHOP_B } = await import('./support/people');
  const { rememberOpenid } = await import('../../src/store/users');
  const { invoke } = await import('./support/http');
  const { handler: fileHandler } = await import('../../src/handlers/complaints/file-complaint');
  const { handler: streamHandler } = await import('../../src/handlers/streams/outbox-stream');
  const { dispatchDue } = await import('../../src/use-cases/deliver-notifications');
  const { listDueOutboxIds } = await import('../../src/store/outbox');

  await ensureTable(dynamoDbClient, config().tableName);
  const people = await setUpPeople();
  for (const [name, person] of Object.entries(people)) await rememberOpenid(person.principal, `openid-${name}`);
  // Shop B's only person never subscribed: its items must end undeliverable, not retried forever.
  weChat.refuseSubscriber('openid-ownerB');
  const consumers = [people.consumer, people.otherConsumer];

  weChat.injectFaults([...flaky('subscribe_send'), ...flaky('stable_token'), ...flaky('msg_sec_check')]);
  proxy.misbehave(true);

  // The stream path runs while complaints are filed, reading DynamoDB Local's real stream.
  const streamFailures: unknown[] = [];
  const stream = await startStreamRunner({
    endpoint: directEndpoint,
    region: LOCAL_REGION,
    tableName: config().tableName,
    handler: streamHandler,
    filter: outboxInserts,
    from: 'TRIM_HORIZON',
    pollMs: 200,
    onError: (error) => streamFailures.push(error),
  });

  // ---- file, as the app does: one Idempotency-Key per complaint, retried on failure --------------------
  const statuses: Record<number, number> = {};
  const acknowledged = new Map<string, string>(); // key → complaint id
  let appRetries = 0;
  let next = 0;
  const fileOne = async (n: number) => {
    const key = `chaos-${SEED}-${n}`;
    const who = consumers[n % consumers.length]!;
    const body = complaintBody(n % 5 === 0 ? { merchantId: SHOP_B.id } : {});
    for (let attempt = 0; attempt <= APP_RETRIES; attempt++) {
      if (attempt > 0) appRetries++;
      const answer = await invoke(fileHandler, { method: 'POST', routePath: '/complaints', body, token: who.token, headers: { 'idempotency-key': key } });
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.status === 201 || answer.status === 200) {
        acknowledged.set(key, (answer.body as { id: string }).id);
        return;
      }
      expect(answer.status).toBeGreaterThanOrEqual(500); // chaos may fail a request, never make it invalid
    }
  };
  await Promise.all(
    Array.from({ length: FILING_CONCURRENCY }, async () => {
      for (let n = next++; n < COMPLAINTS; n = next++) await fileOne(n);
    }),
  );
  const filedAt = Date.now();
  const pendingWhenFiled = (await listDueOutboxIds(new Date(Date.now() + 365 * 24 * 3_600_000), 1000)).ids.length;
  const messagesWhenFiled = weChat.messages().length;
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let the stream catch up with the last writes
  await stream.stop();

  // ---- the schedule: every pending item is due each round (a simulated half hour apart) ----------------
  let rounds = 0;
  const roundSeconds: string[] = [];
  let clock = Date.now();
  while ((await listDueOutboxIds(new Date(clock + 365 * 24 * 3_600_000), 1)).ids.length > 0 && rounds < 30) {
    clock += 31 * 60_000; // past any backoff (≤ 30 min) and any dead dispatcher's lease
    rounds++;
    const roundStarted = Date.now();
    const summary = await dispatchDue({ now: () => new Date(clock), budgetMs: 600_000, concurrency: 16 });
    roundSeconds.push(`${summary.examined} in ${((Date.now() - roundStarted) / 1000).toFixed(1)} s`);
  }

  // ---- verify against the store as it is (no more chaos) ------------------------------------------------
  weChat.clearFaults();
  proxy.misbehave(false);
  const raw = new DynamoDBClient({ endpoint: directEndpoint, region: LOCAL_REGION });
  const scan = async (prefix: string, sk: string) => {
    const items: Array<Record<string, { S?: string; N?: string }>> = [];
    let start: Record<string, never> | undefined;
    do {
      const page = await raw.send(
        new ScanCommand({
          TableName: config().tableName,
          FilterExpression: 'begins_with(pk, :p) AND sk = :sk',
          ExpressionAttributeValues: { ':p': { S: prefix }, ':sk': { S: sk } },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...((page.Items ?? []) as typeof items));
      start = page.LastEvaluatedKey as typeof start;
    } while (start);
    return items;
  };
  const complaints = await scan('COMPLAINT#', 'PROFILE');
  const outbox = await scan('OUTBOX#', 'ITEM');
  raw.destroy();

  const storedIds = new Set(complaints.map((item) => item.pk!.S!.slice('COMPLAINT#'.length)));
  const states: Record<string, number> = {};
  for (const item of outbox) states[item.state!.S!] = (states[item.state!.S!] ?? 0) + 1;
  const perPersonAndComplaint = new Map<string, number>();
  for (const message of weChat.messages()) {
    const key = `${message.touser}|${message.data[PROGRESS_TEMPLATE_FIELDS.complaintNo]!.value}`;
    perPersonAndComplaint.set(key, (perPersonAndComplaint.get(key) ?? 0) + 1);
  }
  const duplicates = [...perPersonAndComplaint.values()].filter((count) => count > 1).length;
  const calls = weChat.calls().filter((call) => call.endpoint !== 'jscode2session');
  // Injected faults only: the 43101 refusals from shop B's owner are an answer, not a failure.
  const errcodeOf = (call: (typeof calls)[number]) => (call.answer as { json?: { errcode?: number } } | undefined)?.json?.errcode ?? 0;
  const failedCalls = calls.filter(
    (call) => !('status' in (call.answer ?? {})) || (call.answer as { status: number }).status !== 200 || ![0, 43101].includes(errcodeOf(call)),
  );

  const figures = {
    complaints: COMPLAINTS,
    acknowledged: acknowledged.size,
    appRetries,
    httpStatuses: statuses,
    stored: storedIds.size,
    outboxItems: outbox.length,
    outboxStates: states,
    weChatCalls: calls.length,
    weChatCallsFailed: `${failedCalls.length} (${((failedCalls.length / Math.max(1, calls.length)) * 100).toFixed(1)}%)`,
    messagesSent: weChat.messages().length,
    duplicates,
    storeWritesThrottled: proxy.counts.throttled,
    storeWriteAnswersLost: proxy.counts.answersLost,
    streamBatchFailures: streamFailures.length,
    dispatcherRounds: rounds,
    roundSeconds,
    pendingWhenFilingEnded: pendingWhenFiled,
    messagesWhenFilingEnded: messagesWhenFiled,
    fileSeconds: ((filedAt - started) / 1000).toFixed(1),
    totalSeconds: ((Date.now() - started) / 1000).toFixed(1),
    seed: SEED,
  };
  process.stdout.write(`\nnotification chaos figures:\n${JSON.stringify(figures, null, 2)}\n`);

  // Every acknowledged complaint is stored — and, one key one complaint, nothing else is.
  expect(acknowledged.size).toBe(COMPLAINTS);
  for (const id of acknowledged.values()) expect(storedIds.has(id)).toBe(true);
  expect(storedIds.size).toBe(new Set(acknowledged.values()).size);
  // One outbox item per complaint (the shop's), each settled.
  expect(outbox.length).toBe(storedIds.size);
  expect(states.pending ?? 0).toBe(0);
  expect((states.delivered ?? 0) + (states.undeliverable ?? 0) + (states.dead ?? 0)).toBe(outbox.length);
  // Shop B's items ended undeliverable (43101), never retried into a duplicate; shop A's were delivered.
  expect(states.undeliverable ?? 0).toBeGreaterThanOrEqual(COMPLAINTS / 5 - (states.dead ?? 0));
  expect(duplicates).toBe(0);
  // The faults really happened.
  expect(failedCalls.length / calls.length).toBeGreaterThan(0.1);
  expect(proxy.counts.throttled).toBeGreaterThan(0);
}, 900_000);
