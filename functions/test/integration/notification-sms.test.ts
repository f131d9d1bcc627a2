import { FileComplaintRequest } from '@fangxin/shared';
import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';
import { startSmsStandIn, type SmsStandIn } from '../../../standins/sms/server';
import { freePort } from '../../../scripts/local/ports';
import { LOCAL_SMS, LOCAL_SMS_TEMPLATES, LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET, localSmsEnv } from '../../../scripts/local/env';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { deliverOutboxItem, dispatchDue } from '../../src/use-cases/deliver-notifications';
import { listDueOutboxIds, readOutboxItem } from '../../src/store/outbox';
import { keepSmsLinksReady } from '../../src/use-cases/url-links';
import { sendClaimCodeSms } from '../../src/use-cases/claim-code-sms';
import { saveMerchant } from '../../src/store/merchants';
import { rememberOpenid } from '../../src/store/users';
import { complaintBody, newIdempotencyKey, setUpPeople, signInAnother, SHOP_A, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { countWithinOneRateWindow } from './support/rate-windows';
import { hitRateLimit } from '../../src/store/rate-limits';
import { RATE_LIMITS } from '../../src/rate-limit-config';

/**
 * The SMS fallback (Tencent Cloud SMS, against its stand-in, which verifies the request signatures): it is
 * used only when WeChat could reach nobody, goes to the shop's contact phone or the consumer's own, is
 * sent once, retried when Tencent is down, and reported to staff when it cannot go either.
 */
// Its limits are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();
let people: Record<Person, SignedIn>;
let weChat: WeChatStandIn;
let sms: SmsStandIn;
const SHOP_PHONE = '13912345678';
/** The station a claim code is texted for, and the staff member whose allowance it spends. */
const STATION = { name: '城关农贸市场投诉站', staffUserId: 'u-test-station-texter' };

beforeAll(async () => {
  weChat = await startWeChatStandIn({ port: await freePort(), appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
  sms = await startSmsStandIn({ port: await freePort(), secretId: LOCAL_SMS.secretId, secretKey: LOCAL_SMS.secretKey, templates: LOCAL_SMS_TEMPLATES });
  // Before the first call of this worker: this suite's stand-ins, and SMS configured as a deployment would.
  Object.assign(process.env, { WECHAT_API_BASE: weChat.url, ...localSmsEnv(sms.url) });
  people = await setUpPeople();
  await saveMerchant({ ...SHOP_A, contactPhone: SHOP_PHONE });
  for (const [name, person] of Object.entries(people)) await rememberOpenid(person.principal, `openid-${name}`);
});
afterAll(async () => {
  await weChat.stop();
  await sms.stop();
});
beforeEach(async () => {
  await dispatchDue({ now: () => new Date(Date.now() + 7 * 24 * 3_600_000) });
  weChat.reset();
  sms.reset();
});

const file = () => fileComplaint(FileComplaintRequest.parse(complaintBody({ phone: '13700137000' })), people.consumer.principal, newIdempotencyKey(), new Date());
const onlyPending = async () => {
  const { ids } = await listDueOutboxIds(new Date(Date.now() + 7 * 24 * 3_600_000), 100);
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
/** Where the stand-in's link with this token opens (from the generate_urllink call that made it). */
const linkTarget = (token: string) => {
  for (const call of weChat.calls().filter((each) => each.endpoint === 'urllink')) {
    const answer = (call.answer as { json?: { url_link?: string } } | undefined)?.json;
    if (answer?.url_link === `https://wxaurl.cn/${token}`) {
      const { path, query } = call.request.body as { path: string; query: string };
      return { path, query };
    }
  }
  return undefined;
};
const refuseShop = () => {
  weChat.refuseSubscriber('openid-ownerA');
  weChat.refuseSubscriber('openid-clerkA');
};

it('is not used when WeChat reached someone', async () => {
  await file();
  expect(await deliverOutboxItem(await onlyPending())).toBe('delivered');
  expect(weChat.messages()).toHaveLength(2);
  expect(sms.calls()).toHaveLength(0);
});

it('texts the shop’s contact phone once when nobody at the shop can get WeChat messages', async () => {
  refuseShop();
  const complaint = await file();
  const id = await onlyPending();
  expect(await deliverOutboxItem(id)).toBe('delivered');

  const [text] = sms.messages();
  expect(sms.messages()).toHaveLength(1);
  expect(text).toMatchObject({ phoneNumber: `+86${SHOP_PHONE}`, templateId: LOCAL_SMS.templateId, signName: LOCAL_SMS.signName, sessionContext: id });
  expect(text!.params.slice(0, 2)).toEqual([complaint.id.slice(-8), '新投诉']);
  // The third value is a WeChat URL Link's token: one tap opens this complaint on the shop's handling page.
  expect(linkTarget(text!.params[2]!)).toEqual({ path: 'merchant/pages/handle/index', query: `id=${complaint.id}` });
  expect(text!.content).toBe(`【${LOCAL_SMS.signName}】您的投诉${complaint.id.slice(-8)}有新进展：新投诉。点此在微信中查看 https://wxaurl.cn/${text!.params[2]}`);
  expect(sms.calls().every((call) => call.auth === 'ok')).toBe(true); // signed as Tencent requires
  const item = (await readOutboxItem(id))!;
  expect(item.smsSentTo).toBe('139****5678'); // stored masked
  expect(await deliverOutboxItem(id, { now: () => new Date(Date.now() + 3_600_000) })).toBe('skipped');
  expect(sms.messages()).toHaveLength(1);
});

it('retries when Tencent is down, and sends once when it is back', async () => {
  refuseShop();
  await file();
  const id = await onlyPending();
  sms.injectFaults([{ kind: 'http_status', status: 502 }]);
  expect(await deliverOutboxItem(id)).toBe('retry');
  expect((await readOutboxItem(id))!.lastError).toContain('短信');
  const due = Date.parse((await readOutboxItem(id))!.dueAt);
  expect(await deliverOutboxItem(id, { now: () => new Date(due) })).toBe('delivered');
  expect(sms.messages()).toHaveLength(1);
  // WeChat was not asked again: the refusals were recorded the first time.
  expect(weChat.calls().filter((call) => call.endpoint === 'subscribe_send')).toHaveLength(2);
});

it('reports to staff when the SMS cannot go either (number blocked)', async () => {
  refuseShop();
  sms.blockNumber(SHOP_PHONE);
  await file();
  const id = await onlyPending();
  expect(await deliverOutboxItem(id)).toBe('undeliverable');
  const item = (await readOutboxItem(id))!;
  expect(item.lastError).toContain('商家未订阅通知');
  expect(item.lastError).toContain('短信也未发出');
  expect(sms.messages()).toHaveLength(0);
});

it('texts the consumer at the number they gave with the complaint when they have no subscription', async () => {
  const complaint = await file();
  await dispatchDue();
  weChat.refuseSubscriber('openid-consumer');
  await sendCommand(complaint.id, { version: 1, command: { type: 'reply', text: '您好，请到店更换新品。' } }, people.ownerA.principal, new Date());
  await dispatchDue();
  expect(sms.messages().map((m) => [m.phoneNumber, m.params[1]])).toEqual([['+8613700137000', '商家已答复']]);
  expect(linkTarget(sms.messages()[0]!.params[2]!)).toEqual({ path: 'pages/complaint/index', query: `id=${complaint.id}` });
});

it('links to the list when WeChat cannot link the complaint, and waits rather than text a broken link', async () => {
  refuseShop();
  weChat.injectFaults([{ endpoint: 'urllink', kind: 'errcode', errcode: 45009, times: 10 }]);
  await file();
  const id = await onlyPending();
  // No link can be made and none was kept: the SMS waits, nothing is sent.
  expect(await deliverOutboxItem(id)).toBe('retry');
  expect((await readOutboxItem(id))!.lastError).toContain('小程序链接');
  expect(sms.calls()).toHaveLength(0);

  // The sweeper keeps the lists' links ready while WeChat works…
  weChat.clearFaults();
  expect(await keepSmsLinksReady(new Date())).toEqual({ ready: 2, failed: 0 });
  // …so when WeChat fails again, the SMS opens the shop's queue.
  weChat.injectFaults([{ endpoint: 'urllink', kind: 'errcode', errcode: 45009, times: 10 }]);
  const due = Date.parse((await readOutboxItem(id))!.dueAt);
  expect(await deliverOutboxItem(id, { now: () => new Date(due) })).toBe('delivered');
  const [text] = sms.messages();
  expect(linkTarget(text!.params[2]!)).toEqual({ path: 'merchant/pages/queue/index', query: '' });
  // Ready links are read, not minted again.
  weChat.clearFaults();
  const minted = weChat.calls().filter((call) => call.endpoint === 'urllink').length;
  await keepSmsLinksReady(new Date());
  expect(weChat.calls().filter((call) => call.endpoint === 'urllink')).toHaveLength(minted);
});

describe('a station’s claim code', () => {
  it('goes out with its own template: the station, the code, and a link that opens the claim page', async () => {
    expect(await sendClaimCodeSms('13800138000', '12345678', STATION, new Date())).toBe('sent');
    const [text] = sms.messages();
    expect(text).toMatchObject({ phoneNumber: '+8613800138000', templateId: LOCAL_SMS.claimTemplateId });
    expect(text!.params.slice(0, 2)).toEqual(['城关农贸市场投诉站', '12345678']);
    expect(linkTarget(text!.params[2]!)).toEqual({ path: 'consumer/pages/claim/index', query: '' });
    expect(text!.content).toContain('认领码12345678');
  });

  it('reports a failed SMS to the station instead of throwing (the code is on the printed slip); a text not sent spends nothing of the allowance', async () => {
    sms.blockNumber('13800138001');
    for (let index = 0; index < 11; index++) expect(await sendClaimCodeSms('13800138001', '12345678', STATION, new Date())).toBe('failed');
    expect(sms.messages()).toHaveLength(0);
  });
});

describe('one station staff member’s daily allowance of claim codes', () => {
  it('a hundred texts a day, to any numbers; a text that failed spends none of it, and past it none go and the number’s count is given back', async () => {
    // The numbers a station types are not verified: one member must not be able to text without end.
    const texter = { name: STATION.name, staffUserId: 'u-test-station-busy' };
    const { limit } = RATE_LIMITS.claimCodeSmsPerStaff;
    for (let index = 0; index < limit - 1; index++) await hitRateLimit('claimCodeSmsPerStaff', texter.staffUserId, new Date());
    sms.blockNumber('13500135999');
    expect(await sendClaimCodeSms('13500135999', '11112222', texter, new Date())).toBe('failed');
    expect(await sendClaimCodeSms('13500135001', '11113333', texter, new Date())).toBe('sent');
    expect(await sendClaimCodeSms('13500135002', '11114444', texter, new Date())).toBe('over_limit');
    expect(sms.messages().map((message) => message.phoneNumber)).toEqual(['+8613500135001']);
    // The refused text did not spend the number's own allowance: ten still reach it from others.
    for (let index = 0; index < RATE_LIMITS.smsPerPhone.limit; index++) expect(await sendClaimCodeSms('13500135002', `2222333${index}`, STATION, new Date())).toBe('sent');
  });
});

describe('one phone number’s daily allowance, whoever sends', () => {
  it('ten texts a day reach a number; past that neither claim codes nor notices are sent, and staff are told why', async () => {
    const phone = '13600136000';
    for (let index = 0; index < 10; index++) expect(await sendClaimCodeSms(phone, `1234567${index}`, STATION, new Date())).toBe('sent');
    expect(await sendClaimCodeSms(phone, '87654321', STATION, new Date())).toBe('over_limit');
    expect(sms.messages()).toHaveLength(10);

    // A shop replying to a consumer at that number who has no WeChat subscription: nothing more is texted.
    const complaint = await fileComplaint(FileComplaintRequest.parse(complaintBody({ phone })), people.consumer.principal, newIdempotencyKey(), new Date());
    await dispatchDue();
    weChat.refuseSubscriber('openid-consumer');
    await sendCommand(complaint.id, { version: 1, command: { type: 'reply', text: '您好，请到店更换新品。' } }, people.ownerA.principal, new Date());
    const { ids } = await listDueOutboxIds(new Date(Date.now() + 60_000), 100);
    const outcomes = await Promise.all(ids.map(async (id) => [await deliverOutboxItem(id), (await readOutboxItem(id))!.lastError] as const));
    expect(outcomes).toContainEqual(['undeliverable', expect.stringContaining('该号码今日短信已达上限')]);
    expect(sms.messages()).toHaveLength(10);
  });
});

describe('one consumer account’s daily allowance, whatever numbers it gave', () => {
  it('twenty texts a day go out for one account’s complaints, to any numbers; past that none, and staff are told why', async () => {
    // Numbers typed at filing are not verified: an account filing with other people's numbers must not text them all.
    const flooder = await signInAnother('u-test-sms-flooder', { merchantIds: [] });
    await rememberOpenid(flooder.principal, 'openid-flooder');
    weChat.refuseSubscriber('openid-flooder');
    const filed = [];
    for (let index = 0; index < 21; index++) {
      const phone = `1350013${String(index).padStart(4, '0')}`;
      filed.push(await fileComplaint(FileComplaintRequest.parse(complaintBody({ phone })), flooder.principal, newIdempotencyKey(), new Date()));
    }
    await dispatchDue();
    sms.reset();
    for (const complaint of filed) await sendCommand(complaint.id, { version: 1, command: { type: 'reply', text: '您好，请到店处理。' } }, people.ownerA.principal, new Date());
    const { ids } = await listDueOutboxIds(new Date(Date.now() + 60_000), 200);
    const toFlooder = [];
    for (const id of ids) {
      const item = (await readOutboxItem(id))!;
      if (item.recipient.userId === flooder.userId) toFlooder.push(id);
    }
    expect(toFlooder).toHaveLength(21);
    const outcomes = [];
    for (const id of toFlooder) outcomes.push([await deliverOutboxItem(id), (await readOutboxItem(id))!.lastError] as const);
    expect(sms.messages()).toHaveLength(20);
    expect(new Set(sms.messages().map((message) => message.phoneNumber)).size).toBe(20);
    expect(outcomes.filter(([outcome]) => outcome === 'undeliverable')).toEqual([['undeliverable', expect.stringContaining('该用户的投诉今日短信已达上限')]]);
    // 21 filings, replies and deliveries one after another: about 5 s here, over 30 s on a busy CI machine.
  }, 120_000);
});
