import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';
import { startSmsStandIn, type SmsStandIn } from '../../../standins/sms/server';
import { freePort } from '../../../scripts/local/ports';
import { LOCAL_SMS, LOCAL_SMS_TEMPLATES, LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET, localSmsEnv } from '../../../scripts/local/env';
import { handler as stationFile } from '../../src/handlers/stations/file-complaint';
import { handler as reissueCode } from '../../src/handlers/stations/reissue-claim-code';
import { handler as claimComplaint } from '../../src/handlers/stations/claim-complaint';
import { documentClient } from '../../src/clients';
import { config } from '../../src/config';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, type Person, type SignedIn } from './support/people';
import { stationWithStaff } from './support/stations';
import { useFreshTable } from './support/table';
import { countWithinOneRateWindow } from './support/rate-windows';

/**
 * A station's answer lost on a cold network: filing or reissuing a claim code sent again with the same
 * Idempotency-Key answers the same code, texts the consumer once, and spends nothing twice. Against the SMS
 * stand-in (which verifies Tencent's signatures) and the WeChat stand-in (the claim page's URL Link).
 */
// Its limits are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();
let people: Record<Person, SignedIn>;
let weChat: WeChatStandIn;
let sms: SmsStandIn;
let stationStaff: SignedIn;

beforeAll(async () => {
  weChat = await startWeChatStandIn({ port: await freePort(), appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
  sms = await startSmsStandIn({ port: await freePort(), secretId: LOCAL_SMS.secretId, secretKey: LOCAL_SMS.secretKey, templates: LOCAL_SMS_TEMPLATES });
  // Before the first call of this worker: this suite's stand-ins, and SMS configured as a deployment would.
  Object.assign(process.env, { WECHAT_API_BASE: weChat.url, ...localSmsEnv(sms.url) });
  people = await setUpPeople();
  ({ staff: stationStaff } = await stationWithStaff(people.adminCounty, 'retry-station'));
});
afterAll(async () => {
  await weChat.stop();
  await sms.stop();
});
beforeEach(() => sms.reset());

function walkIn(phone: string) {
  const { phone: _phone, privacyConsent: _consent, ...rest } = complaintBody();
  void _phone;
  void _consent;
  return { ...rest, channel: 'walk_in', consumerName: '王秀兰', consumerPhone: phone, spokenConsent: true, sendClaimCodeBySms: true };
}
const file = (body: unknown, key: string) =>
  invoke(stationFile, { method: 'POST', routePath: '/station/complaints', token: stationStaff.token, body, headers: { 'idempotency-key': key } });
const reissue = (complaintId: string, key: string, sendBySms = true) =>
  invoke(reissueCode, { method: 'POST', routePath: '/station/complaints/{id}/claim-code', pathParameters: { id: complaintId }, token: stationStaff.token, body: { sendBySms }, headers: { 'idempotency-key': key } });
const claim = (who: SignedIn, code: string) => invoke(claimComplaint, { method: 'POST', routePath: '/complaints/claims', token: who.token, body: { code } });
const textedCodes = () => sms.messages().map((message) => message.params[1]);

async function auditRows(complaintId: string) {
  const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config().tableName }));
  return Items.filter((item) => item.action === 'reissue_claim_code' && item.subjectId === complaintId);
}

describe('a station’s filing sent again', () => {
  it('answers the same code and texts it once', async () => {
    const key = newIdempotencyKey();
    const first = await file(walkIn('13512340001'), key);
    expect(first.status).toBe(201);
    expect(first.body.claimCodeSms).toBe('sent');
    const again = await file(walkIn('13512340001'), key);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ complaint: { id: first.body.complaint.id }, claimCode: first.body.claimCode, claimCodeExpiresAt: first.body.claimCodeExpiresAt, claimCodeSms: 'sent' });
    expect(textedCodes()).toEqual([first.body.claimCode]);
  });

  it('is answered from the first try: WeChat is not asked to check the text again, and the filing is audited once', async () => {
    const key = newIdempotencyKey();
    const first = await file(walkIn('13512340021'), key);
    expect(first.status).toBe(201);
    const checks = () => weChat.calls().filter((call) => call.endpoint === 'msg_sec_check').length;
    const checked = checks();
    expect((await file(walkIn('13512340021'), key)).body.complaint.id).toBe(first.body.complaint.id);
    expect(await file({ ...walkIn('13512340021'), description: '重发时改了描述：电饭煲内胆涂层脱落。' }, key)).toMatchObject({ status: 409, body: { field: 'Idempotency-Key' } });
    expect(checks()).toBe(checked);
    const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config().tableName }));
    const audited = Items.filter((item) => item.subjectId === first.body.complaint.id && String(item.pk).startsWith('AUDIT#'));
    // Under the station member who filed, in the role they acted in; no name or phone in it.
    expect(audited).toEqual([expect.objectContaining({ pk: `AUDIT#${stationStaff.userId}`, action: 'file', role: 'station', subjectType: 'complaint' })]);
    expect(JSON.stringify(audited)).not.toMatch(/13512340021|王秀兰/);
  });

  it('two taps at once: one complaint, one code, one text; the twin is told what the first recorded, or that it is on its way', async () => {
    // The provider answers slowly, so the twin arrives while the first is still texting.
    sms.injectFaults([{ kind: 'delay', ms: 1500 }]);
    const key = newIdempotencyKey();
    const [a, b] = await Promise.all([file(walkIn('13512340011'), key), file(walkIn('13512340011'), key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.complaint.id).toBe(a.body.complaint.id);
    expect(b.body.claimCode).toBe(a.body.claimCode);
    expect([a.body.claimCodeSms, b.body.claimCodeSms]).toContain('sent');
    for (const outcome of [a.body.claimCodeSms, b.body.claimCodeSms]) expect(['sent', 'sending']).toContain(outcome);
    expect(textedCodes()).toEqual([a.body.claimCode]);
  });

  it('once the consumer has claimed the case, a replay no longer hands the code out', async () => {
    const key = newIdempotencyKey();
    const first = await file(walkIn('13512340002'), key);
    expect((await claim(people.consumer, first.body.claimCode)).status).toBe(200);
    const again = await file(walkIn('13512340002'), key);
    expect(again.status).toBe(201);
    expect(again.body.complaint.id).toBe(first.body.complaint.id);
    expect(again.body.claimCode).toBeUndefined();
  });
});

describe('a claim code reissued and sent again', () => {
  it('answers the same code, texts it once, audits and counts it once; the code before it stops working', async () => {
    const filed = (await file(walkIn('13512340003'), newIdempotencyKey())).body;
    const key = newIdempotencyKey();
    const first = await reissue(filed.complaint.id, key);
    expect(first).toMatchObject({ status: 200, body: { claimCodeSms: 'sent' } });
    expect(first.body.claimCode).not.toBe(filed.claimCode);
    const again = await reissue(filed.complaint.id, key);
    expect(again).toMatchObject({ status: 200, body: { claimCode: first.body.claimCode, claimCodeExpiresAt: first.body.claimCodeExpiresAt, claimCodeSms: 'sent' } });
    expect(textedCodes()).toEqual([filed.claimCode, first.body.claimCode]);
    expect(await auditRows(filed.complaint.id)).toHaveLength(1);
    // The case's three reissues a day: the replay spent none of them.
    expect((await reissue(filed.complaint.id, newIdempotencyKey(), false)).status).toBe(200);
    expect((await reissue(filed.complaint.id, newIdempotencyKey(), false)).status).toBe(200);
    expect((await reissue(filed.complaint.id, newIdempotencyKey(), false)).status).toBe(429);
    expect((await claim(people.consumer, filed.claimCode)).status).toBe(400);
  });

  it('the same key for another request is refused naming it; a replay after the code was used or replaced is refused, and texts nobody', async () => {
    const filed = (await file(walkIn('13512340004'), newIdempotencyKey())).body;
    const key = newIdempotencyKey();
    const first = await reissue(filed.complaint.id, key, false);
    expect(first.body.claimCodeSms).toBe('not_requested');
    expect(await reissue(filed.complaint.id, key, true)).toMatchObject({ status: 409, body: { field: 'Idempotency-Key' } });
    const replaced = await reissue(filed.complaint.id, newIdempotencyKey(), false);
    expect(replaced.status).toBe(200);
    const stale = await reissue(filed.complaint.id, key, false);
    expect(stale).toMatchObject({ status: 409, body: { message: '该认领码已被消费者使用或已被新的认领码替换，请刷新后查看' } });
    expect((await claim(people.consumer, replaced.body.claimCode)).status).toBe(200);
    expect((await reissue(filed.complaint.id, newIdempotencyKey(), false)).status).toBe(409);
    expect(textedCodes()).toEqual([filed.claimCode]);
  });

  it('a reissue tapped twice at once: one code, one text, one of the day’s three', async () => {
    const filed = (await file(walkIn('13512340012'), newIdempotencyKey())).body;
    sms.reset();
    sms.injectFaults([{ kind: 'delay', ms: 1500 }]);
    const key = newIdempotencyKey();
    const [a, b] = await Promise.all([reissue(filed.complaint.id, key), reissue(filed.complaint.id, key)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.claimCode).toBe(a.body.claimCode);
    expect(textedCodes()).toEqual([a.body.claimCode]);
    expect(await auditRows(filed.complaint.id)).toHaveLength(1);
    expect((await reissue(filed.complaint.id, newIdempotencyKey(), false)).status).toBe(200);
    expect((await reissue(filed.complaint.id, newIdempotencyKey(), false)).status).toBe(200);
    expect((await reissue(filed.complaint.id, newIdempotencyKey(), false)).status).toBe(429);
  });

  it('two reissues with different keys make different codes; only the last one works', async () => {
    const filed = (await file(walkIn('13512340005'), newIdempotencyKey())).body;
    const one = await reissue(filed.complaint.id, newIdempotencyKey(), false);
    const two = await reissue(filed.complaint.id, newIdempotencyKey(), false);
    expect(one.body.claimCode).not.toBe(two.body.claimCode);
    expect((await claim(people.consumer, one.body.claimCode)).status).toBe(400);
    expect((await claim(people.consumer, two.body.claimCode)).status).toBe(200);
  });
});
