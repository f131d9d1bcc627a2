import { startConflictProxy, type ConflictProxy } from './support/conflict-proxy';

/**
 * DynamoDB cancels a transaction that touches an item another in-flight transaction holds. Counters shared
 * by every complaint of the county were once part of each filing's transaction, so on a busy day filings
 * were refused (409) and lost. Here the store is reached through a proxy that applies that rule: 100
 * parallel filings in one county and 100 parallel moves on different complaints must all be stored and
 * acknowledged, and once the counts are applied from the event stream the counters must be exact.
 *
 * The store modules are imported only after DYNAMODB_ENDPOINT points at the proxy.
 */
const PARALLEL = 100;
let proxy: ConflictProxy;
const directEndpoint = process.env.DYNAMODB_ENDPOINT!;

beforeAll(async () => {
  proxy = await startConflictProxy({ target: directEndpoint, holdMs: 40 });
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  process.env.LOG_LEVEL = 'warn';
});
afterAll(async () => {
  await proxy?.stop();
});

it(`stores ${PARALLEL} parallel filings and ${PARALLEL} parallel moves in one county, and counts them exactly`, async () => {
  const { ensureTable } = await import('../../src/store/table-admin');
  const { dynamoDbClient } = await import('../../src/clients');
  const { config } = await import('../../src/config');
  const { issueToken } = await import('../../src/auth/token');
  const { saveUser } = await import('../../src/store/users');
  const { setUpPeople, complaintBody, newIdempotencyKey, SHOP_A } = await import('./support/people');
  const { invoke } = await import('./support/http');
  const { handler: fileHandler } = await import('../../src/handlers/complaints/file-complaint');
  const { handler: commandHandler } = await import('../../src/handlers/complaints/send-command');
  const { openStreamReader } = await import('../../../scripts/local/stream-runner');
  const { LOCAL_REGION } = await import('../../../scripts/local/env');
  const { countStreamRecords, countPendingEvents } = await import('../../src/use-cases/count-events');
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient } = await import('../../src/clients');

  await ensureTable(dynamoDbClient, config().tableName);
  // Read the stream from its start, as a Lambda trigger on a new table would.
  const stream = await openStreamReader({ endpoint: directEndpoint, region: LOCAL_REGION, tableName: config().tableName, from: 'TRIM_HORIZON' });
  const people = await setUpPeople();
  // A hundred different people file, each once: a busy 3·15 morning, not one person hammering the form.
  const filers = await Promise.all(
    Array.from({ length: PARALLEL }, async (_, index) => {
      const principal = { userId: `u-contention-${index}`, displayName: `消费者${index}`, roles: { merchantIds: [] } };
      await saveUser({ ...principal, openid: `o-contention-${index}` });
      return (await issueToken(principal, new Date())).token;
    }),
  );

  const cancelledBefore = proxy.counts.cancelled;
  const filed = await Promise.all(
    filers.map((token) =>
      invoke(fileHandler, { method: 'POST', routePath: '/complaints', token, body: complaintBody(), headers: { 'idempotency-key': newIdempotencyKey() } }),
    ),
  );
  const filingErrors = filed.filter((answer) => answer.status !== 201).map((answer) => `${answer.status} ${JSON.stringify(answer.body)}`);
  expect(filingErrors).toEqual([]);
  const ids = filed.map((answer) => answer.body.id as string);
  expect(new Set(ids).size).toBe(PARALLEL);

  const moved = await Promise.all(
    ids.map((id) =>
      invoke(commandHandler, {
        method: 'POST',
        routePath: '/complaints/{id}/commands',
        pathParameters: { id },
        token: people.ownerA.token,
        body: { version: 1, command: { type: 'reply', text: '您好，已收到您的投诉，正在核实。' } },
      }),
    ),
  );
  expect(moved.filter((answer) => answer.status !== 200).map((answer) => `${answer.status} ${JSON.stringify(answer.body)}`)).toEqual([]);
  const onRequestPath = proxy.counts.cancelled - cancelledBefore;

  // The counts, from the stream, by four consumers at once (as Lambda runs one per shard), in Lambda-sized
  // batches: they contend for the same county counters, are cancelled and try again — and each event still
  // counts once.
  const records: import('aws-lambda').DynamoDBRecord[] = [];
  for (let empty = 0; empty < 3; ) {
    const batch = await stream.next();
    records.push(...batch);
    empty = batch.length === 0 ? empty + 1 : 0;
  }
  const shards = [0, 1, 2, 3].map((worker) => records.filter((_, index) => index % 4 === worker));
  const cancelledBeforeCounting = proxy.counts.cancelled;
  const failures = (
    await Promise.all(
      shards.map(async (shard) => {
        const failed: string[] = [];
        for (let start = 0; start < shard.length; start += 25) failed.push(...(await countStreamRecords(shard.slice(start, start + 25))));
        return failed;
      }),
    )
  ).flat();
  // A record delivered twice (Lambda retries a batch) adds nothing more.
  await countStreamRecords(records.slice(0, 20));
  const catchUp = await countPendingEvents(new Date(Date.now() + 120_000));
  const countingConflicts = proxy.counts.cancelled - cancelledBeforeCounting;

  const counter = async (pk: string, sk: string) =>
    (await documentClient.send(new GetCommand({ TableName: config().tableName, Key: { pk, sk } }))).Item ?? {};
  const month = (await import('@fangxin/shared')).formatShanghaiDate(new Date()).slice(0, 7);
  expect(await counter('COUNTER#county#qinghe', `M#${month}`)).toMatchObject({ received: PARALLEL, firstResponses: PARALLEL });
  expect(await counter(`COUNTER#town#${SHOP_A.townCode}`, `Y#${month.slice(0, 4)}`)).toMatchObject({ received: PARALLEL, firstResponses: PARALLEL });
  expect(await counter(`COUNTER#sector#${SHOP_A.sector}`, `M#${month}`)).toMatchObject({ received: PARALLEL });
  expect(await counter(`MERCHANT#${SHOP_A.id}`, `COUNTER#M#${month}`)).toMatchObject({ received: PARALLEL, firstResponses: PARALLEL });
  expect(await counter(`MERCHANT#${SHOP_A.id}`, `COUNTER#M#${month}#C#three_guarantees`)).toMatchObject({ invoked: PARALLEL });

  console.log(
    JSON.stringify({
      filings: PARALLEL,
      moves: PARALLEL,
      userErrors: filingErrors.length,
      conflictsOnRequestPath: onRequestPath,
      countingConflictsRetried: countingConflicts,
      streamRecords: records.length,
      streamFailuresLeftForCatchUp: failures.length,
      catchUp,
      contestedItems: [...proxy.contested.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3),
    }),
  );
  // The contention was real: counting transactions met each other and tried again.
  expect(countingConflicts).toBeGreaterThan(0);
}, 240_000);
