import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { formatShanghaiDate, transition, type LedgerPage, type Session, type StationView } from '@fangxin/shared';
import { handler as listStations } from '../../src/handlers/stations/list-stations';
import { handler as registerStation } from '../../src/handlers/stations/register-station';
import { handler as inviteStaff } from '../../src/handlers/stations/invite-station-staff';
import { handler as redeemCode } from '../../src/handlers/stations/redeem-station-code';
import { handler as stationFile } from '../../src/handlers/stations/file-complaint';
import { handler as reissueCode } from '../../src/handlers/stations/reissue-claim-code';
import { handler as ledger } from '../../src/handlers/stations/ledger';
import { handler as ledgerCsv } from '../../src/handlers/stations/ledger-csv';
import { handler as claimComplaint } from '../../src/handlers/stations/claim-complaint';
import { handler as staffFollowUps } from '../../src/handlers/stations/staff-follow-ups';
import { handler as stationFollowUps } from '../../src/handlers/stations/station-follow-ups';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { handler as myComplaints } from '../../src/handlers/complaints/my-complaints';
import { handler as sendCommand } from '../../src/handlers/complaints/send-command';
import { handler as triageQueue } from '../../src/handlers/staff/triage-queue';
import { handler as dashboardRoute } from '../../src/handlers/campaign/dashboard';
import { claimComplaint as claimUseCase } from '../../src/use-cases/stations';
import { clocksAt } from '../../src/use-cases/clocks';
import { loadComplaint, saveTransition } from '../../src/store/complaints';
import { staffFollowUps as staffFollowUpsUseCase, stationFollowUps as stationFollowUpsUseCase } from '../../src/use-cases/follow-ups';
import { issueToken } from '../../src/auth/token';
import { saveUser } from '../../src/store/users';
import { addShopMember } from '../../src/store/registry';
import { documentClient } from '../../src/clients';
import { config } from '../../src/config';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, SHOP_B, type Person, type SignedIn, dueInDays } from './support/people';
import { useFreshTable } from './support/table';
import { countWithinOneRateWindow } from './support/rate-windows';

/**
 * Complaint stations (投诉站) end to end against DynamoDB Local: the office registers a station and gives its
 * staff a code; the station files for a walk-in consumer, answers for them while the case is unclaimed, and
 * keeps a ledger; the consumer claims the case with a one-time code; a case closed unrated becomes a 回访
 * that staff or the station record, and a satisfaction stated on the phone counts in 满意率, marked as such.
 * Every refusal is checked to have written nothing.
 */
// Its limits are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();
let people: Record<Person, SignedIn>;
let station: StationView;
let otherStation: StationView;
let stationStaff: SignedIn;
let otherStationStaff: SignedIn;

const DAY_MS = 86_400_000;

const STATION_INPUT = {
  name: '城关农贸市场消费维权服务站',
  townCode: 'chengguan',
  placeType: 'market',
  address: '城关镇农贸市场管理办公室',
  contactName: '李站长',
  contactPhone: '0311-5551234',
};

function walkInBody(overrides: Record<string, unknown> = {}) {
  const { phone: _phone, privacyConsent: _consent, ...rest } = complaintBody();
  void _phone;
  void _consent;
  return { ...rest, channel: 'walk_in', consumerName: '王秀兰', consumerPhone: '13912345678', spokenConsent: true, sendClaimCodeBySms: false, ...overrides };
}

async function itemCount(): Promise<number> {
  const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config().tableName }));
  return Items.filter((item) => !String(item.pk).startsWith('RATE#')).length;
}

const register = (who: SignedIn, body: unknown, key = newIdempotencyKey()) =>
  invoke(registerStation, { method: 'POST', routePath: '/staff/stations', token: who.token, body, headers: { 'idempotency-key': key } });
const file = (who: SignedIn, body: unknown, key = newIdempotencyKey()) =>
  invoke(stationFile, { method: 'POST', routePath: '/station/complaints', token: who.token, body, headers: { 'idempotency-key': key } });
const claim = (who: SignedIn, code: string) => invoke(claimComplaint, { method: 'POST', routePath: '/complaints/claims', token: who.token, body: { code } });
const view = (who: SignedIn, id: string) => invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id }, token: who.token });
const command = (who: SignedIn, id: string, version: number, cmd: Record<string, unknown>) =>
  invoke(sendCommand, { method: 'POST', routePath: '/complaints/{id}/commands', pathParameters: { id }, token: who.token, body: { version, command: cmd } });

/** A signed-in person with no role at all. */
async function plainConsumer(name: string): Promise<SignedIn> {
  const principal = { userId: `u-test-${name}`, displayName: name, roles: { merchantIds: [] as string[] } };
  await saveUser({ ...principal, openid: `o-test-${name}` });
  return { userId: principal.userId, token: (await issueToken(principal, new Date())).token, principal };
}

/** A person who joins `stationId` with a code the admin issues, signed in with the refreshed session. */
async function joinStation(name: string, stationId: string): Promise<SignedIn> {
  const principal = { userId: `u-test-${name}`, displayName: name, roles: { merchantIds: [] } };
  await saveUser({ ...principal, openid: `o-test-${name}` });
  const { token } = await issueToken(principal, new Date());
  const invitation = await invoke(inviteStaff, { method: 'POST', routePath: '/staff/stations/{id}/invitations', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: stationId }, token: people.adminCounty.token });
  expect(invitation.status).toBe(201);
  const joined = await invoke<Session>(redeemCode, { method: 'POST', routePath: '/station/bindings', token, body: { code: invitation.body.code } });
  expect(joined.status).toBe(200);
  expect(joined.body.user.roles.station).toEqual({ stationId, townCode: 'chengguan' });
  return { userId: principal.userId, token: joined.body.token, principal: { ...principal, roles: joined.body.user.roles } };
}

beforeAll(async () => {
  people = await setUpPeople();
  const first = await register(people.adminCounty, STATION_INPUT);
  const second = await register(people.adminCounty, { ...STATION_INPUT, name: '城关商场投诉站', placeType: 'mall' });
  station = first.body;
  otherStation = second.body;
  stationStaff = await joinStation('stationStaff', station.id);
  otherStationStaff = await joinStation('otherStationStaff', otherStation.id);
});

describe('the office registers stations', () => {
  it('an admin registers one (a retry with the same key answers the same station); staff of the town see it', async () => {
    expect(station).toMatchObject({ name: STATION_INPUT.name, townName: '城关镇', placeTypeLabel: '集贸市场', contactPhone: '0311-5551234' });
    const key = newIdempotencyKey();
    const input = { ...STATION_INPUT, name: '城关镇便民服务中心投诉站', placeType: 'town_hall' };
    const [once, again] = [await register(people.adminCounty, input, key), await register(people.adminCounty, input, key)];
    expect(once.status).toBe(201);
    expect(again.body.id).toBe(once.body.id);
    const seen = await invoke(listStations, { method: 'GET', routePath: '/staff/stations', token: people.regulatorChengguan.token });
    expect(seen.body.items.map((item: StationView) => item.id)).toEqual(expect.arrayContaining([station.id, otherStation.id, once.body.id]));
    const elsewhere = await invoke(listStations, { method: 'GET', routePath: '/staff/stations', token: people.regulatorLongquan.token });
    expect(elsewhere.body.items).toEqual([]);
  });

  it('a regulator may not register one, and a malformed one is refused naming the field; nothing is written', async () => {
    const townAdmin = { userId: 'u-test-admin-chengguan', displayName: '城关镇管理员', roles: { merchantIds: [], staff: { role: 'admin' as const, jurisdiction: ['chengguan'] } } };
    await saveUser(townAdmin);
    const before = await itemCount();
    const regulator = await register(people.regulatorChengguan, STATION_INPUT);
    expect(regulator.status).toBe(403);
    // An admin of some towns is not the county office, even in a town of their own.
    const byTownAdmin = await register({ userId: townAdmin.userId, token: (await issueToken(townAdmin, new Date())).token, principal: townAdmin }, STATION_INPUT);
    expect(byTownAdmin.status).toBe(403);
    const noTown = await register(people.adminCounty, { ...STATION_INPUT, townCode: 'atlantis' });
    expect(noTown.status).toBe(400);
    expect(noTown.body).toMatchObject({ field: 'townCode', message: '请选择所在乡镇（街道）' });
    const badPhone = await register(people.adminCounty, { ...STATION_INPUT, contactPhone: '12345' });
    expect(badPhone.body.field).toBe('contactPhone');
    const bidi = await register(people.adminCounty, { ...STATION_INPUT, name: '城关\u202e站' });
    expect(bidi.body.field).toBe('name');
    expect(await itemCount()).toBe(before);
  });

  it('a station code works once; a second use, a consumer on staff routes and a mediator issuing codes are refused', async () => {
    const invitation = await invoke(inviteStaff, { method: 'POST', routePath: '/staff/stations/{id}/invitations', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: station.id }, token: people.adminCounty.token });
    const first = await invoke(redeemCode, { method: 'POST', routePath: '/station/bindings', token: people.otherConsumer.token, body: { code: invitation.body.code } });
    expect(first.status).toBe(200);
    const second = await invoke(redeemCode, { method: 'POST', routePath: '/station/bindings', token: people.consumer.token, body: { code: invitation.body.code } });
    expect(second.status).toBe(400);
    expect(second.body.message).toContain('绑定码无效');
    // The person who used it, sending it again with the token they had before (the first answer was lost): the
    // same session, the same one station.
    const resent = await invoke(redeemCode, { method: 'POST', routePath: '/station/bindings', token: people.otherConsumer.token, body: { code: invitation.body.code } });
    expect(resent).toMatchObject({ status: 200, body: { user: { id: people.otherConsumer.userId, roles: { station: { stationId: station.id } } } } });
    expect(resent.body.token).toEqual(expect.any(String));
    // One station per person, as the record says: a token from before joining does not get a second one.
    const elsewhere = await invoke(inviteStaff, { method: 'POST', routePath: '/staff/stations/{id}/invitations', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: otherStation.id }, token: people.adminCounty.token });
    // Typed in lower case, or with a letter that is not in the code's alphabet: folded, or refused naming the field.
    expect(await invoke(redeemCode, { method: 'POST', routePath: '/station/bindings', token: people.otherConsumer.token, body: { code: 'ULIO123456' } })).toMatchObject({
      status: 400,
      body: { field: 'code', message: '绑定码为 10 位字母数字，请核对后重新输入' },
    });
    const twice = await invoke(redeemCode, { method: 'POST', routePath: '/station/bindings', token: people.otherConsumer.token, body: { code: elsewhere.body.code } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('您已是投诉站工作人员');
    // The code was not used up by the refusal.
    const newcomer = await plainConsumer('stationNewcomer');
    expect((await invoke(redeemCode, { method: 'POST', routePath: '/station/bindings', token: newcomer.token, body: { code: ` ${elsewhere.body.code.toLowerCase()} ` } })).status).toBe(200);
    // Sent again with its key (a lost answer, a double tap): the same code, audited and counted once.
    const inviteKey = newIdempotencyKey();
    const inviteOnce = () => invoke(inviteStaff, { method: 'POST', routePath: '/staff/stations/{id}/invitations', headers: { 'idempotency-key': inviteKey }, pathParameters: { id: station.id }, token: people.adminCounty.token });
    const [firstCode, againCode] = await Promise.all([inviteOnce(), inviteOnce()]);
    expect(firstCode.status).toBe(201);
    expect(againCode.body).toEqual(firstCode.body);
    const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config().tableName }));
    expect(Items.filter((item) => String(item.pk).startsWith('STATION_CODE#') && item.stationId === station.id && !item.usedBy)).toHaveLength(1);
    const mediator = await invoke(inviteStaff, { method: 'POST', routePath: '/staff/stations/{id}/invitations', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: station.id }, token: people.mediatorCounty.token });
    expect(mediator.status).toBe(403);
    const farRegulator = await invoke(inviteStaff, { method: 'POST', routePath: '/staff/stations/{id}/invitations', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: station.id }, token: people.regulatorLongquan.token });
    expect(farRegulator.status).toBe(404);
  });

  it('guessing station codes is throttled: the 11th try in an hour answers 429 with Retry-After', async () => {
    const guesser = people.ownerB;
    const answers = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      answers.push(await invoke(redeemCode, { method: 'POST', routePath: '/station/bindings', token: guesser.token, body: { code: `GAESS${String(attempt).padStart(5, '0')}` } }));
    }
    expect(answers.slice(0, 10).map((answer) => answer.status)).toEqual(Array(10).fill(400));
    expect(answers[10]!.status).toBe(429);
    expect(Number(answers[10]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[10]!.body.message).toBe('绑定尝试过于频繁，请一小时后再试');
  });
});

describe('a station files for a walk-in consumer', () => {
  it('files through the same lifecycle, answers the claim code once, and a retry files nothing twice', async () => {
    const key = newIdempotencyKey();
    const filed = await file(stationStaff, walkInBody(), key);
    expect(filed.status).toBe(201);
    expect(filed.body.claimCode).toMatch(/^\d{8}$/);
    expect(filed.body.claimCodeSms).toBe('not_requested');
    expect(filed.body.complaint).toMatchObject({
      status: 'submitted',
      phone: '13912345678',
      intake: { channel: 'walk_in', channelLabel: '现场受理', stationId: station.id, consumerName: '王秀兰', spokenConsent: true },
    });
    const replay = await file(stationStaff, walkInBody(), key);
    expect(replay.status).toBe(201);
    expect(replay.body.complaint.id).toBe(filed.body.complaint.id);
    // The answer that was lost is answered again: the same code, still the case's live one.
    expect(replay.body).toMatchObject({ claimCode: filed.body.claimCode, claimCodeExpiresAt: filed.body.claimCodeExpiresAt, claimCodeSms: 'not_requested' });
    // The code is stored only as a hash.
    const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config().tableName }));
    expect(JSON.stringify(Items)).not.toContain(filed.body.claimCode);
  });

  it('refuses without the consumer’s spoken consent, a phone, or as someone who is not station staff; nothing written', async () => {
    const before = await itemCount();
    const noConsent = await file(stationStaff, walkInBody({ spokenConsent: false }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.field).toBe('spokenConsent');
    const noPhone = await file(stationStaff, walkInBody({ consumerPhone: '' }));
    expect(noPhone.body.field).toBe('consumerPhone');
    const onlineChannel = await file(stationStaff, walkInBody({ channel: 'mini_program' }));
    expect(onlineChannel.body.field).toBe('channel');
    const consumer = await file(people.consumer, walkInBody());
    expect(consumer.status).toBe(403);
    const regulator = await file(people.regulatorChengguan, walkInBody());
    expect(regulator.status).toBe(403);
    expect(await itemCount()).toBe(before);
  });

  it('the station sees only its own cases, cannot act as the shop or the bureau, and may answer for the consumer until claimed', async () => {
    const filed = (await file(stationStaff, walkInBody())).body.complaint;
    expect((await view(otherStationStaff, filed.id)).status).toBe(404);
    const triage = await invoke(triageQueue, { method: 'GET', routePath: '/staff/complaints', token: stationStaff.token });
    expect(triage.status).toBe(403);
    const asShop = await command(stationStaff, filed.id, filed.version, { type: 'reply', text: '我们会处理' });
    expect(asShop.status).toBe(403);
    const proposed = await command(people.ownerA, filed.id, filed.version, { type: 'propose', proposal: { outcome: 'replace', dueDate: dueInDays(7), text: '三日内换新' } });
    expect(proposed.status).toBe(200);
    const seen = await view(stationStaff, filed.id);
    expect(seen.body.allowedActions).toEqual(expect.arrayContaining(['accept_proposal', 'reject_proposal', 'withdraw']));
    const accepted = await command(stationStaff, filed.id, proposed.body.version, { type: 'accept_proposal' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('settled_in_shop');
    expect(accepted.body.timeline.at(-1)).toMatchObject({ type: 'accept_proposal', actorLabel: '投诉站' });
    // The shop never learns the consumer's name or the station's consent record.
    const shop = await view(people.ownerA, filed.id);
    expect(shop.body.intake).toBeUndefined();
    expect(shop.body.phone).toBe('139****5678');
  });

  it('the ledger lists what the station took in, masked, newest first; the CSV is formula-safe; other stations see theirs only', async () => {
    await file(stationStaff, walkInBody({ consumerName: '=HYPERLINK("x")', channel: 'phone' }));
    const page = await invoke<LedgerPage>(ledger, { method: 'GET', routePath: '/station/ledger', token: stationStaff.token });
    expect(page.status).toBe(200);
    expect(page.body.station.id).toBe(station.id);
    expect(page.body.items.length).toBeGreaterThanOrEqual(3);
    const [newest] = page.body.items;
    expect(newest).toMatchObject({ channelLabel: '电话受理', consumerPhone: '139****5678', merchantName: SHOP_A.name, claimed: false });
    expect(newest!.consumerName).toBe('=***');
    expect(page.body.items.map((line) => line.filedAt)).toEqual([...page.body.items.map((line) => line.filedAt)].sort().reverse());
    const csv = await invoke<string>(ledgerCsv, { method: 'GET', routePath: '/station/ledger.csv', token: stationStaff.token });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`"'=***"`);
    expect(csv.body).not.toContain('13912345678');
    const other = await invoke<LedgerPage>(ledger, { method: 'GET', routePath: '/station/ledger', token: otherStationStaff.token });
    expect(other.body.items).toEqual([]);
    const badCursor = await invoke(ledger, { method: 'GET', routePath: '/station/ledger', token: stationStaff.token, query: { cursor: 'not-a-cursor' } });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.field).toBe('cursor');
  });
});

describe('the consumer claims a station-filed complaint', () => {
  it('a wrong code reveals nothing; the right one makes it theirs once; after that the station may not answer for them', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const wrong = await claim(people.consumer, '00000000');
    expect(wrong.status).toBe(400);
    const message = wrong.body.message;
    expect(message).toBe('认领码不正确或已失效，请核对受理回执上的认领码，或请投诉站重新发送');

    const claimed = await claim(people.consumer, filed.claimCode!);
    expect(claimed.status).toBe(200);
    expect(claimed.body.id).toBe(filed.complaint.id);
    expect(claimed.body.timeline.at(-1)).toMatchObject({ type: 'link_consumer', title: '消费者认领投诉' });
    expect(JSON.stringify(claimed.body.timeline)).not.toContain(people.consumer.userId);
    const mine = await invoke(myComplaints, { method: 'GET', routePath: '/complaints', token: people.consumer.token });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(filed.complaint.id);

    const again = await claim(people.otherConsumer, filed.claimCode!);
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(message);
    // The claimant sending the code again (the first answer lost on the way) gets the same complaint, claimed once.
    const resent = await claim(people.consumer, filed.claimCode!);
    expect(resent).toMatchObject({ status: 200, body: { id: filed.complaint.id, version: claimed.body.version } });
    expect(resent.body.timeline.filter((entry: { type: string }) => entry.type === 'link_consumer')).toHaveLength(1);
    const withdraw = await command(stationStaff, filed.complaint.id, claimed.body.version, { type: 'withdraw' });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.message).toContain('消费者已在小程序中认领该投诉');
    // The station no longer acts for the consumer: it sees their number and name masked from now on; staff in full.
    expect((await view(stationStaff, filed.complaint.id)).body).toMatchObject({ phone: '139****5678', intake: { consumerName: '王**' } });
    expect((await view(people.adminCounty, filed.complaint.id)).body).toMatchObject({ phone: '13912345678', intake: { consumerName: '王秀兰' } });
  });

  it('two people racing with one code: exactly one gets the complaint', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    // Two plain consumers (otherConsumer has joined a station above, and station staff may not claim).
    const rival = await plainConsumer('rival');
    const answers = await Promise.all([claim(people.consumer, filed.claimCode!), claim(rival, filed.claimCode!)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
  });

  it('one person tapping twice at once: both taps answer the claimed complaint, claimed once', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const claimant = await plainConsumer('doubleTap');
    const answers = await Promise.all([claim(claimant, filed.claimCode!), claim(claimant, filed.claimCode!)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(new Set(answers.map((answer) => answer.body.version)).size).toBe(1);
    const { record, events } = (await loadComplaint(filed.complaint.id))!;
    expect(record.consumerId).toBe(claimant.userId);
    expect(events.filter((event) => event.type === 'link_consumer')).toHaveLength(1);
  });

  it('an expired code is refused with the same words; a reissued code replaces the old one', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const later = new Date(Date.now() + 31 * DAY_MS);
    await expect(claimUseCase(filed.claimCode!, people.consumer.principal, later)).rejects.toThrow('认领码不正确或已失效');
    const reissued = await invoke(reissueCode, {
      method: 'POST',
      routePath: '/station/complaints/{id}/claim-code',
      headers: { 'idempotency-key': newIdempotencyKey() },
      pathParameters: { id: filed.complaint.id },
      token: stationStaff.token,
      body: { sendBySms: false },
    });
    expect(reissued.status).toBe(200);
    expect(reissued.body.claimCode).toMatch(/^\d{8}$/);
    expect((await claim(people.consumer, filed.claimCode!)).status).toBe(400);
    expect((await claim(people.consumer, reissued.body.claimCode)).status).toBe(200);
    const notTheirs = await invoke(reissueCode, {
      method: 'POST',
      routePath: '/station/complaints/{id}/claim-code',
      headers: { 'idempotency-key': newIdempotencyKey() },
      pathParameters: { id: filed.complaint.id },
      token: otherStationStaff.token,
      body: { sendBySms: false },
    });
    expect(notTheirs.status).toBe(404);
  });

  it('a change read before a reissue cannot point the case back at the old code: it is refused, and the new code still works', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const readBefore = (await loadComplaint(filed.complaint.id))!;
    const reissued = await invoke(reissueCode, {
      method: 'POST',
      routePath: '/station/complaints/{id}/claim-code',
      headers: { 'idempotency-key': newIdempotencyKey() },
      pathParameters: { id: filed.complaint.id },
      token: stationStaff.token,
      body: { sendBySms: false },
    });
    expect(reissued.status).toBe(200);
    // A staff note (or the sweeper, or a reply) that read the case before the reissue writes the whole complaint back.
    const now = new Date();
    const { rules, calendar } = await clocksAt(now);
    const { state, event } = transition(readBefore.record, { type: 'note', text: '已电话联系消费者' }, { kind: 'staff', userId: 'staff-note', role: 'admin', jurisdiction: 'county' }, now, rules, calendar);
    await expect(saveTransition(readBefore.record.version, state, event, { counters: [], notifications: [] })).rejects.toThrow('刚刚被他人更新');
    expect((await loadComplaint(filed.complaint.id))!.record.version).toBe(readBefore.record.version);
    expect((await claim(people.consumer, reissued.body.claimCode)).status).toBe(200);
  });

  it('a station’s words for the consumer are checked as the consumer’s: risky ones are kept from the shop', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const withdrawn = await command(stationStaff, filed.complaint.id, filed.complaint.version, { type: 'withdraw', text: '消费者说店员介绍去赌博，不想再追究。' });
    expect(withdrawn.status).toBe(200);
    const textOf = (answer: { body: { timeline: Array<{ type: string; text?: string }> } }) => answer.body.timeline.find((entry) => entry.type === 'withdraw')?.text;
    expect(textOf(await view(people.ownerA, filed.complaint.id))).toBe('该内容正在审核，审核通过后显示');
    expect(textOf(await view(stationStaff, filed.complaint.id))).toContain('赌博');
  });

  it('nobody on either side of the desk may claim: the filing station’s staff and the shop’s people are refused, the code still works', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const newClerk = await plainConsumer('newClerk');
    await addShopMember(SHOP_A.id, { userId: newClerk.userId, role: 'clerk', displayName: 'newClerk', since: new Date().toISOString() });
    for (const who of [stationStaff, people.ownerA, newClerk]) {
      const refused = await claim(who, filed.claimCode!);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/不能认领/);
    }
    // A staff member whose token predates joining the station is refused as well: checked live.
    const joinedLater = await joinStation('joinedLater', station.id);
    const oldPrincipal = { ...joinedLater.principal, roles: { merchantIds: [] } };
    await expect(claimUseCase(filed.claimCode!, oldPrincipal, new Date())).rejects.toThrow('不能认领');
    const claimed = await claim(people.consumer, filed.claimCode!);
    expect(claimed.status).toBe(200);
  });

  it('reissuing a claim code is audited, and limited per case however many staff ask', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const reissue = (who: SignedIn) =>
      invoke(reissueCode, { method: 'POST', routePath: '/station/complaints/{id}/claim-code', headers: { 'idempotency-key': newIdempotencyKey() }, pathParameters: { id: filed.complaint.id }, token: who.token, body: { sendBySms: false } });
    const colleague = await joinStation('colleague', station.id);
    const statuses = [(await reissue(stationStaff)).status, (await reissue(colleague)).status, (await reissue(stationStaff)).status];
    expect(statuses).toEqual([200, 200, 200]);
    const fourth = await reissue(colleague);
    expect(fourth.status).toBe(429);
    expect(fourth.body.message).toContain('重发认领码');
    const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config().tableName }));
    const audited = Items.filter((item) => item.action === 'reissue_claim_code' && item.subjectId === filed.complaint.id);
    expect(audited.map((item) => String(item.pk).replace(/^AUDIT#/, '')).sort()).toEqual([colleague.userId, stationStaff.userId, stationStaff.userId].sort());
  });

  it('guessing claim codes is throttled per person', async () => {
    const guesser = people.clerkA;
    const statuses = [];
    for (let attempt = 0; attempt < 11; attempt++) statuses.push((await claim(guesser, String(10_000_000 + attempt))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  });
});

describe('回访 (follow-up calls)', () => {
  it('a case closed unrated is due for a call N days on; a missed call keeps it due; a stated satisfaction closes it and counts in 满意率', async () => {
    const filed = (await file(stationStaff, walkInBody())).body.complaint;
    const proposed = await command(people.ownerA, filed.id, filed.version, { type: 'propose', proposal: { outcome: 'refund', amount: '129.00', dueDate: dueInDays(7), text: '全额退款' } });
    const settled = await command(stationStaff, filed.id, proposed.body.version, { type: 'accept_proposal' });
    expect(settled.body.status).toBe('settled_in_shop');

    // Not due yet today; due a week on, for the town's staff and for the station.
    const now = new Date();
    const dueBy = new Date(now.getTime() + 8 * DAY_MS);
    expect((await staffFollowUpsUseCase(people.regulatorChengguan.principal, { limit: 50 }, now)).items.map((item) => item.complaintId)).not.toContain(filed.id);
    const forStaff = await staffFollowUpsUseCase(people.regulatorChengguan.principal, { limit: 50 }, dueBy);
    expect(forStaff.items.find((item) => item.complaintId === filed.id)).toMatchObject({ phone: '13912345678', stationName: station.name, attempts: 0 });
    const forStation = await stationFollowUpsUseCase(stationStaff.principal, { limit: 50 }, dueBy);
    expect(forStation.items.map((item) => item.complaintId)).toContain(filed.id);
    expect((await stationFollowUpsUseCase(otherStationStaff.principal, { limit: 50 }, dueBy)).items.map((item) => item.complaintId)).not.toContain(filed.id);
    expect((await staffFollowUpsUseCase(people.regulatorLongquan.principal, { limit: 50 }, dueBy)).items).toEqual([]);

    // The merchant may not record a call; the consumer's phone words need a reached call.
    expect((await command(people.ownerA, filed.id, settled.body.version, { type: 'follow_up', outcome: 'no_answer' })).status).toBe(403);
    const invalid = await command(stationStaff, filed.id, settled.body.version, { type: 'follow_up', outcome: 'reached' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.field).toBe('command.rating');

    const missed = await command(stationStaff, filed.id, settled.body.version, { type: 'follow_up', outcome: 'no_answer', note: '上午十点拨打无人接听' });
    expect(missed.status).toBe(200);
    // What the station does for the bureau is audited under the member who did it, as staff actions are.
    const audit = await documentClient.send(new ScanCommand({ TableName: config().tableName }));
    const ownTrail = (audit.Items ?? []).filter((item) => item.pk === `AUDIT#${stationStaff.userId}` && item.subjectId === filed.id);
    expect(ownTrail.sort((a, b) => String(a.sk).localeCompare(String(b.sk))).map((item) => [item.action, item.role])).toEqual([
      ['file', 'station'],
      ['accept_proposal', 'station'],
      ['follow_up', 'station'],
    ]);
    const stillDue = await stationFollowUpsUseCase(stationStaff.principal, { limit: 50 }, dueBy);
    expect(stillDue.items.find((item) => item.complaintId === filed.id)).toMatchObject({ attempts: 1, lastOutcome: '无人接听' });

    const reached = await command(people.regulatorChengguan, filed.id, missed.body.version, { type: 'follow_up', outcome: 'reached', rating: 'satisfied', note: '消费者表示满意' });
    expect(reached.status).toBe(200);
    expect(reached.body.rating).toMatchObject({ rating: 'satisfied', sourceLabel: '电话回访' });
    const gone = await staffFollowUpsUseCase(people.regulatorChengguan.principal, { limit: 50 }, dueBy);
    expect(gone.items.map((item) => item.complaintId)).not.toContain(filed.id);
    // Once rated, no second call and no rating by the consumer.
    expect((await command(stationStaff, filed.id, reached.body.version, { type: 'follow_up', outcome: 'no_answer' })).status).toBe(409);

    // The call record is the bureau's and the station's; the shop sees the rating with its source, not the notes.
    const shop = await view(people.ownerA, filed.id);
    expect(shop.body.rating.sourceLabel).toBe('电话回访');
    expect(JSON.stringify(shop.body.timeline)).not.toContain('消费者表示满意');

    await applyPendingCounts();
    // The counters keep China's year, which starts eight hours before UTC's.
    const year = formatShanghaiDate(now).slice(0, 4);
    const board = await invoke(dashboardRoute, { method: 'GET', routePath: '/staff/dashboard', token: people.adminCounty.token, query: { year: String(year) } });
    expect(board.status).toBe(200);
    expect(board.body.ratedByFollowUp).toBeGreaterThanOrEqual(1);
    const walkIn = board.body.byChannel.find((row: { code: string }) => row.code === 'walk_in');
    expect(walkIn.received).toBeGreaterThanOrEqual(1);
  });

  it('a consumer’s own rating in the app closes the 回访 too', async () => {
    const filed = (await file(stationStaff, walkInBody())).body;
    const proposed = await command(people.ownerA, filed.complaint.id, filed.complaint.version, { type: 'propose', proposal: { outcome: 'refund', amount: '50.00', dueDate: dueInDays(7), text: '退款' } });
    const settled = await command(stationStaff, filed.complaint.id, proposed.body.version, { type: 'accept_proposal' });
    const claimed = await claim(people.consumer, filed.claimCode!);
    expect(claimed.body.version).toBe(settled.body.version + 1);
    const rated = await command(people.consumer, filed.complaint.id, claimed.body.version, { type: 'rate', rating: 'basically_satisfied' });
    expect(rated.status).toBe(200);
    const dueBy = new Date(Date.now() + 8 * DAY_MS);
    expect((await stationFollowUpsUseCase(stationStaff.principal, { limit: 50 }, dueBy)).items.map((item) => item.complaintId)).not.toContain(filed.complaint.id);
  });

  it('the staff list answers over the route; a station member may not read it', async () => {
    const staff = await invoke(staffFollowUps, { method: 'GET', routePath: '/staff/follow-ups', token: people.adminCounty.token });
    expect(staff.status).toBe(200);
    expect((await invoke(staffFollowUps, { method: 'GET', routePath: '/staff/follow-ups', token: stationStaff.token })).status).toBe(403);
    expect((await invoke(stationFollowUps, { method: 'GET', routePath: '/station/follow-ups', token: people.regulatorChengguan.token })).status).toBe(403);
    void SHOP_B;
  });
});
