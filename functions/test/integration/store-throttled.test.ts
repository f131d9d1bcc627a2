import { startThrottlingProxy, type ThrottlingProxy } from './support/throttling-proxy';

/**
 * A transaction DynamoDB cancels only because it was throttled (a `ThrottlingError` among its reasons, no
 * condition failed) wrote nothing: the person is told the system is busy (503, try again), never that
 * someone else changed the case or that their complaint was probably filed. The functions reach DynamoDB
 * Local through a proxy that answers so, so the store modules are imported only after the endpoint is set.
 */
let proxy: ThrottlingProxy;
const directEndpoint = process.env.DYNAMODB_ENDPOINT!;

beforeAll(async () => {
  proxy = await startThrottlingProxy({ target: directEndpoint, throttleWrites: 0, loseWriteAnswers: 0, cancelTransactions: 1 });
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  process.env.LOG_LEVEL = 'error';
});
afterAll(() => proxy?.stop());

it('a throttled filing or move answers 503 and writes nothing; the retry with the same key files once', async () => {
  const { ensureTable } = await import('../../src/store/table-admin');
  const { dynamoDbClient } = await import('../../src/clients');
  const { config } = await import('../../src/config');
  const { setUpPeople, complaintBody, newIdempotencyKey } = await import('./support/people');
  const { invoke } = await import('./support/http');
  const { handler: fileHandler } = await import('../../src/handlers/complaints/file-complaint');
  const { handler: myComplaints } = await import('../../src/handlers/complaints/my-complaints');
  const { handler: commandHandler } = await import('../../src/handlers/complaints/send-command');
  await ensureTable(dynamoDbClient, config().tableName);
  const people = await setUpPeople();
  const key = newIdempotencyKey();
  const file = () => invoke(fileHandler, { method: 'POST', routePath: '/complaints', token: people.consumer.token, body: complaintBody(), headers: { 'idempotency-key': key } });
  const mine = async () => (await invoke(myComplaints, { method: 'GET', routePath: '/complaints', token: people.consumer.token })).body.items as Array<{ id: string }>;

  proxy.misbehave(true);
  expect(await file()).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE', message: '系统繁忙，请稍后重试' } });
  expect(proxy.counts.transactionsCancelled).toBeGreaterThan(0);
  proxy.misbehave(false);
  expect(await mine()).toEqual([]);

  const filed = await file();
  expect(filed.status).toBe(201);
  expect(await file()).toMatchObject({ status: 201, body: { id: filed.body.id } });
  expect((await mine()).map((complaint) => complaint.id)).toEqual([filed.body.id]);

  // A move on the case, throttled: not 「刚刚被他人更新」, and the case is as it was.
  proxy.misbehave(true);
  const reply = () =>
    invoke(commandHandler, { method: 'POST', routePath: '/complaints/{id}/commands', pathParameters: { id: filed.body.id }, token: people.ownerA.token, body: { version: filed.body.version, command: { type: 'reply', text: '您好，请到店更换新品。' } } });
  expect(await reply()).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });
  proxy.misbehave(false);
  expect((await reply()).status).toBe(200);
});
