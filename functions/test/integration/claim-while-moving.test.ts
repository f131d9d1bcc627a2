import { startThrottlingProxy, type ThrottlingProxy } from './support/throttling-proxy';

/**
 * A consumer claims a station-filed case with a good code at the moment the case moves (a staff note, the shop,
 * the sweeper): the claim's write loses on the version. It is made again on the new version, once, rather than
 * telling the consumer their code is wrong. The other writer lands between the claim's read and its write
 * through a proxy in front of DynamoDB Local, so the store modules are imported only after the endpoint is set.
 */
let proxy: ThrottlingProxy;
const directEndpoint = process.env.DYNAMODB_ENDPOINT!;
/** Set by the test: runs once, before the first transaction that uses a claim code. */
let otherWriter: (() => Promise<void>) | undefined;

beforeAll(async () => {
  proxy = await startThrottlingProxy({
    target: directEndpoint,
    throttleWrites: 0,
    loseWriteAnswers: 0,
    beforeForward: async (operation, body) => {
      if (!operation.endsWith('.TransactWriteItems') || !body.includes('CLAIM_CODE#') || !body.includes('usedBy')) return;
      const run = otherWriter;
      otherWriter = undefined;
      await run?.();
    },
  });
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  process.env.LOG_LEVEL = 'error';
});
afterAll(() => proxy?.stop());

it('a claim that loses its write to a move of the case is made on the new version, once', async () => {
  const { ensureTable } = await import('../../src/store/table-admin');
  const { dynamoDbClient } = await import('../../src/clients');
  const { config } = await import('../../src/config');
  const { transition } = await import('@fangxin/shared');
  const { setUpPeople, complaintBody, newIdempotencyKey } = await import('./support/people');
  const { invoke } = await import('./support/http');
  const { loadComplaint, saveTransition } = await import('../../src/store/complaints');
  const { clocksAt } = await import('../../src/use-cases/clocks');
  const { issueToken } = await import('../../src/auth/token');
  const { saveUser } = await import('../../src/store/users');
  const { stationWithStaff } = await import('./support/stations');
  const { handler: stationFile } = await import('../../src/handlers/stations/file-complaint');
  const { handler: claimComplaint } = await import('../../src/handlers/stations/claim-complaint');
  await ensureTable(dynamoDbClient, config().tableName);
  const people = await setUpPeople();

  const signIn = async (name: string) => {
    const principal = { userId: `u-test-${name}`, displayName: name, roles: { merchantIds: [] as string[] } };
    await saveUser({ ...principal, openid: `o-test-${name}` });
    return (await issueToken(principal, new Date())).token;
  };
  const { staff } = await stationWithStaff(people.adminCounty, 'moving-station');
  const { phone: _phone, privacyConsent: _consent, ...rest } = complaintBody();
  void _phone;
  void _consent;
  const filed = await invoke(stationFile, {
    method: 'POST',
    routePath: '/station/complaints',
    token: staff.token,
    headers: { 'idempotency-key': newIdempotencyKey() },
    body: { ...rest, channel: 'walk_in', consumerName: '王秀兰', consumerPhone: '13512340009', spokenConsent: true, sendClaimCodeBySms: false },
  });
  expect(filed.status).toBe(201);
  const complaintId = filed.body.complaint.id as string;

  otherWriter = async () => {
    const now = new Date();
    const { record } = (await loadComplaint(complaintId))!;
    const { rules, calendar } = await clocksAt(now);
    const noted = transition(record, { type: 'note', text: '已电话联系消费者' }, { kind: 'staff', userId: 'staff-note', role: 'admin', jurisdiction: 'county' }, now, rules, calendar);
    await saveTransition(record.version, noted.state, noted.event, { counters: [], notifications: [] });
  };
  const claimant = await signIn('moving-claimant');
  const claimed = await invoke(claimComplaint, { method: 'POST', routePath: '/complaints/claims', token: claimant, body: { code: filed.body.claimCode } });
  expect(otherWriter).toBeUndefined();
  expect(claimed.status).toBe(200);
  const { record, events } = (await loadComplaint(complaintId))!;
  expect(record.consumerId).toBe('u-test-moving-claimant');
  expect(events.map((event) => event.type)).toEqual(['file', 'note', 'link_consumer']);
});
