import { request as httpRequest } from 'node:http';
import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';
import { freePort } from '../../../scripts/local/ports';
import { startSmsStandIn, type SmsStandIn } from '../../../standins/sms/server';
import { createSmsClient, fitTemplateParam, SmsError, type SmsClient, type SmsClientOptions } from '../../src/sms/client';

/**
 * The production SMS client — its own TC3 signing included (tencent-api.ts) — against the stand-in Tencent Cloud SMS
 * API on 127.0.0.1, which verifies every TC3-HMAC-SHA256 signature with the secret. Faults are injected
 * into the server, never into the client.
 */

const SECRET_ID = 'AKIDtest0000000000000000000000000000';
const SECRET_KEY = 'sms-test-secret-key-5ec7e7-000000000';
const SDK_APP_ID = '1400000000';
const SIGN_NAME = '清河县市场监管';
const TEMPLATE_ID = '1000001';
const TEMPLATE_TEXT = '您在{1}的投诉已{2}，请在“放心消费”小程序查看进度。';
const PHONE = '13800138000';

/** Every full number this suite sends to: none may appear in an error message. */
const PHONES_USED = new Set<string>();
/** The stand-in's clock runs this far from the real one (the SDK signs with the real clock). */
let clockOffset = 0;
let standIn: SmsStandIn;
let client: SmsClient;

function clientWith(overrides: Partial<SmsClientOptions> = {}): SmsClient {
  return createSmsClient({
    endpoint: standIn.url,
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    region: 'ap-guangzhou',
    sdkAppId: SDK_APP_ID,
    signName: SIGN_NAME,
    timeoutMs: 1000,
    ...overrides,
  });
}

/** What an accepted SMS answers: Tencent's serial number and fee, the number masked. */
const accepted = (phone = PHONE) => ({ serialNo: expect.stringMatching(/\S/), fee: 1, requestId: expect.any(String), maskedPhone: `${phone.slice(0, 3)}****${phone.slice(7)}` });

function send(phone = PHONE, params: string[] = ['城关镇放心超市', '受理'], via = client) {
  PHONES_USED.add(phone.replace(/\D/g, '').slice(-11));
  return via.send({ phone, templateId: TEMPLATE_ID, params });
}

/** The SmsError `promise` rejects with (failing the test if it resolves); its text is checked for secrets. */
async function rejectionOf(promise: Promise<unknown>): Promise<SmsError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof SmsError)) throw outcome.error;
  const error = outcome.error;
  const everything = `${error.message}\n${error.stack ?? ''}\n${JSON.stringify(error)}\n${String(error)}`;
  expect(everything).not.toContain(SECRET_KEY);
  for (const phone of PHONES_USED) expect(everything).not.toContain(phone);
  return error;
}

beforeAll(async () => {
  standIn = await startSmsStandIn({
    port: await freePort(),
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    now: () => Date.now() + clockOffset,
    sdkAppId: SDK_APP_ID,
    signNames: [SIGN_NAME],
    templates: { [TEMPLATE_ID]: TEMPLATE_TEXT },
  });
  client = clientWith();
});

afterAll(() => standIn.stop());

beforeEach(() => {
  standIn.reset();
  clockOffset = 0;
});

describe('sending an SMS', () => {
  it('delivers the message, and Tencent records exactly what was sent', async () => {
    const receipt = await send(PHONE, ['城关镇放心超市', '受理']);

    const [message, ...others] = standIn.messages();
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({
      serialNo: receipt.serialNo,
      requestId: receipt.requestId,
      phoneNumber: '+8613800138000',
      sdkAppId: SDK_APP_ID,
      signName: SIGN_NAME,
      templateId: TEMPLATE_ID,
      params: ['城关镇放心超市', '受理'],
      content: '【清河县市场监管】您在城关镇放心超市的投诉已受理，请在“放心消费”小程序查看进度。',
    });
    expect(receipt).toEqual({ serialNo: expect.stringMatching(/\S/), fee: 1, requestId: expect.any(String), maskedPhone: '138****8000' });
  });

  it('signs as the SDK does in production: SendSms 2021-01-11 for the sms service, verified by the stand-in', async () => {
    await send();

    const [call] = standIn.calls();
    expect(call?.auth).toBe('ok');
    expect(call?.request).toMatchObject({
      method: 'POST',
      path: '/',
      headers: {
        host: 'sms.tencentcloudapi.com',
        'content-type': 'application/json',
        'x-tc-action': 'SendSms',
        'x-tc-version': '2021-01-11',
        'x-tc-region': 'ap-guangzhou',
        authorization: expect.stringMatching(
          new RegExp(`^TC3-HMAC-SHA256 Credential=${SECRET_ID}/\\d{4}-\\d{2}-\\d{2}/sms/tc3_request, SignedHeaders=content-type;host, Signature=\\[redacted\\]$`),
        ),
      },
      body: { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: SDK_APP_ID, SignName: SIGN_NAME, TemplateId: TEMPLATE_ID },
    });
    expect(JSON.stringify(standIn.calls())).not.toContain(SECRET_KEY);
  });

  it('accepts a mainland mobile written with +86, spaces or dashes, and sends it in E.164', async () => {
    const receipt = await send('+86 139-0013-9000');

    expect(standIn.messages().map((m) => m.phoneNumber)).toEqual(['+8613900139000']);
    expect(receipt.maskedPhone).toBe('139****9000');
  });

  it('sends a parameter fitted with fitTemplateParam, emoji intact, and Tencent accepts it', async () => {
    const name = fitTemplateParam('清河县城关镇放心消费示范超市😀有限公司');

    await send(PHONE, [name, '受理']);

    expect(standIn.messages()[0]?.params[0]).toBe('清河县城关镇放心消费示…');
  });

  it('sends through the control API’s faults too (POST /__control/faults)', async () => {
    const response = await fetch(`${standIn.url}/__control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ kind: 'error', code: 'InternalError.OtherError' }]),
    });
    expect(response.status).toBe(200);

    expect((await rejectionOf(send())).code).toBe('InternalError.OtherError');
    await expect(send()).resolves.toMatchObject({ maskedPhone: '138****8000' });
  });
});

describe('checks before any call', () => {
  it.each([
    ['a landline', '0571-88881234'],
    ['ten digits', '1380013800'],
    ['a foreign number', '+12025550123'],
    ['a number starting 12', '12800138000'],
  ])('refuses %s with a final IncorrectPhoneNumber, and Tencent sees no call', async (_what, phone) => {
    const error = await rejectionOf(send(phone));

    expect(error).toMatchObject({ name: 'SmsError', code: 'InvalidParameterValue.IncorrectPhoneNumber', retryable: false, origin: 'request' });
    expect(standIn.calls()).toHaveLength(0);
  });

  it('refuses a parameter over 12 characters rather than let Tencent refuse it, with no call', async () => {
    const error = await rejectionOf(send(PHONE, ['清河县城关镇放心消费示范超市', '受理']));

    expect(error).toMatchObject({ code: 'InvalidParameterValue.TemplateParameterLengthLimit', retryable: false, origin: 'request' });
    expect(standIn.calls()).toHaveLength(0);
  });

  it('refuses a link in a parameter, with no call', async () => {
    const error = await rejectionOf(send(PHONE, ['www.a.cn', '受理']));

    expect(error.code).toBe('InvalidParameterValue.ProhibitedUseUrlInTemplateParameter');
    expect(standIn.calls()).toHaveLength(0);
  });
});

describe('the signature', () => {
  it('is refused when made with the wrong SecretKey: a final AuthFailure, and nothing is sent', async () => {
    const wrongKey = 'wrong-secret-key-0000000000000000000';
    const error = await rejectionOf(send(PHONE, undefined, clientWith({ secretKey: wrongKey })));

    expect(error).toMatchObject({ code: 'AuthFailure.SignatureFailure', retryable: false, origin: 'tencent', requestId: expect.any(String) });
    expect(error.message).not.toContain(wrongKey);
    expect(standIn.calls().map((call) => call.auth)).toEqual(['AuthFailure.SignatureFailure']);
    expect(standIn.messages()).toHaveLength(0);
  });

  it('is refused for a SecretId Tencent does not know', async () => {
    const error = await rejectionOf(send(PHONE, undefined, clientWith({ secretId: 'AKIDunknown000000000000000000000000' })));

    expect(error).toMatchObject({ code: 'AuthFailure.SecretIdNotFound', retryable: false });
  });

  it('expires when the timestamp is more than 5 minutes off the server’s clock', async () => {
    clockOffset = 5 * 60_000 + 5_000;
    const late = await rejectionOf(send());
    expect(late).toMatchObject({ code: 'AuthFailure.SignatureExpire', retryable: false });

    clockOffset = 4 * 60_000;
    await expect(send()).resolves.toMatchObject({ maskedPhone: '138****8000' });
  });

  it('covers the body: a body changed after signing is refused (raw HTTP, signed by the SDK’s signer)', async () => {
    const signed = { PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: SDK_APP_ID, SignName: SIGN_NAME, TemplateId: TEMPLATE_ID, TemplateParamSet: ['甲', '受理'] };
    const tampered = { ...signed, PhoneNumberSet: ['+8613700137000'] };

    expect(await rawSendSms(signed, signed)).toMatchObject({ Response: { SendStatusSet: [{ Code: 'Ok' }] } });
    expect(await rawSendSms(signed, tampered)).toMatchObject({ Response: { Error: { Code: 'AuthFailure.SignatureFailure' } } });
    expect(standIn.messages().map((m) => m.phoneNumber)).toEqual(['+8613800138000']);
  });
});

describe('per-number status: the call succeeds, the number does not get the SMS', () => {
  it('surfaces the number’s own code as an SmsError with Tencent’s RequestId', async () => {
    standIn.injectFaults([{ kind: 'number_code', code: 'LimitExceeded.PhoneNumberOneHourLimit', phone: PHONE }]);

    const error = await rejectionOf(send());

    expect(error).toMatchObject({ code: 'LimitExceeded.PhoneNumberOneHourLimit', retryable: true, origin: 'tencent', requestId: expect.any(String) });
    expect(error.message).toContain('138****8000');
    expect(standIn.messages()).toHaveLength(0);
  });

  it('is final for a blacklisted number (unsubscribed or blocked by the carrier)', async () => {
    standIn.blockNumber('13800138009');

    const error = await rejectionOf(send('13800138009'));

    expect(error).toMatchObject({ code: 'FailedOperation.PhoneNumberInBlacklist', retryable: false });
    await expect(send('13800138010')).resolves.toEqual(accepted('13800138010'));
  });

  it('limits the same content to the same number to once in 30 seconds — retryable, and fine again after', async () => {
    await send();
    const again = await rejectionOf(send());
    expect(again).toMatchObject({ code: 'LimitExceeded.PhoneNumberThirtySecondLimit', retryable: true });

    await expect(send(PHONE, ['城关镇放心超市', '办结'])).resolves.toEqual(accepted()); // other content
    clockOffset = 31_000;
    await expect(send()).resolves.toEqual(accepted());
    expect(standIn.messages()).toHaveLength(3);
  });

  it('limits one number to 10 SMS a day — retryable (tomorrow)', async () => {
    for (let i = 1; i <= 10; i++) await send(PHONE, [`第${i}家店`, '受理']);

    const eleventh = await rejectionOf(send(PHONE, ['第11家店', '受理']));

    expect(eleventh).toMatchObject({ code: 'LimitExceeded.PhoneNumberDailyLimit', retryable: true });
    await expect(send('13800138011', ['第11家店', '受理'])).resolves.toEqual(accepted('13800138011'));
  });

  it('is final when the signature or template is not approved, or the parameters do not match it', async () => {
    const badSign = await rejectionOf(send(PHONE, undefined, clientWith({ signName: '别的签名' })));
    expect(badSign).toMatchObject({ code: 'FailedOperation.SignatureIncorrectOrUnapproved', retryable: false });

    const badTemplate = await rejectionOf(client.send({ phone: PHONE, templateId: '999', params: ['a', 'b'] }));
    expect(badTemplate).toMatchObject({ code: 'FailedOperation.TemplateIncorrectOrUnapproved', retryable: false });

    const badCount = await rejectionOf(send(PHONE, ['城关镇放心超市']));
    expect(badCount).toMatchObject({ code: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate', retryable: false });
    expect(standIn.messages()).toHaveLength(0);
  });
});

describe('errors for the whole call', () => {
  it('passes Tencent’s code on: InternalError.Timeout is retryable, an empty SMS package is final', async () => {
    standIn.injectFaults([
      { kind: 'error', code: 'InternalError.Timeout' },
      { kind: 'error', code: 'FailedOperation.InsufficientBalanceInSmsPackage', message: 'package balance is insufficient' },
    ]);

    expect(await rejectionOf(send())).toMatchObject({ code: 'InternalError.Timeout', retryable: true, origin: 'tencent' });
    expect(await rejectionOf(send())).toMatchObject({ code: 'FailedOperation.InsufficientBalanceInSmsPackage', retryable: false });
  });

  it('refuses an SdkAppId that is not the account’s, for good', async () => {
    const error = await rejectionOf(send(PHONE, undefined, clientWith({ sdkAppId: '1400999999' })));

    expect(error).toMatchObject({ code: 'UnauthorizedOperation.SmsSdkAppIdVerifyFail', retryable: false });
  });

  it('never repeats the SecretKey or a full number that Tencent’s message quotes', async () => {
    standIn.injectFaults([
      { kind: 'error', code: 'InternalError.OtherError', message: `failed for +8613800138000 (key ${SECRET_KEY})` },
      { kind: 'number_code', code: 'InternalError.OtherError', message: `carrier refused 8613800138000 / 13800138000` },
    ]);

    const whole = await rejectionOf(send());
    const perNumber = await rejectionOf(send());

    expect(whole.message).toContain('failed for 138****8000 (key [redacted])');
    expect(perNumber.message).toContain('carrier refused 138****8000 / 138****8000');
  });
});

describe('when Tencent gives no usable answer', () => {
  it('treats HTTP 5xx as retryable, and the next call goes through', async () => {
    standIn.injectFaults([{ kind: 'http_status', status: 502, times: 2 }]);

    for (const attempt of [1, 2]) {
      const error = await rejectionOf(send());
      expect({ attempt, ...error }).toMatchObject({ attempt, code: 'Transport.HttpStatus', httpStatus: 502, retryable: true, origin: 'transport' });
    }
    await expect(send()).resolves.toEqual(accepted());
  });

  it('treats an HTTP 4xx from a gateway as final', async () => {
    standIn.injectFaults([{ kind: 'http_status', status: 403 }]);

    expect(await rejectionOf(send())).toMatchObject({ code: 'Transport.HttpStatus', httpStatus: 403, retryable: false });
  });

  it('gives up on a hung call after the timeout, retryable', async () => {
    standIn.injectFaults([{ kind: 'hang' }]);
    const quick = clientWith({ timeoutMs: 300 });

    const started = Date.now();
    const error = await rejectionOf(send(PHONE, undefined, quick));

    expect(error).toMatchObject({ code: 'Transport.Timeout', retryable: true, origin: 'transport' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // Well under the client's default timeout: it was this call's 300 ms that ended it (a busy machine adds some).
    expect(Date.now() - started).toBeLessThan(3000);
    expect(standIn.calls()[0]?.answer).toEqual({ hung: true });
  });

  it('waits for a slow answer within the timeout, and gives up on one beyond it', async () => {
    // Wide margins both ways: a busy machine may add a few hundred ms to any answer.
    standIn.injectFaults([
      { kind: 'delay', ms: 50 },
      { kind: 'delay', ms: 2500 },
    ]);
    const quick = clientWith({ timeoutMs: 1200 });

    await expect(send(PHONE, undefined, quick)).resolves.toEqual(accepted());
    expect(await rejectionOf(send(PHONE, ['城关镇放心超市', '办结'], quick))).toMatchObject({ code: 'Transport.Timeout', retryable: true });

    // As with Tencent, a call the client gave up on can still go out: a retry may send it twice.
    const until = Date.now() + 10_000;
    while (standIn.messages().length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(standIn.messages().map((m) => m.params[1])).toEqual(['受理', '办结']);
  });

  it('treats a refused connection as a retryable network failure', async () => {
    const nobody = clientWith({ endpoint: `http://127.0.0.1:${await freePort()}` });

    const error = await rejectionOf(send(PHONE, undefined, nobody));

    expect(error).toMatchObject({ code: 'Transport.Network', retryable: true, origin: 'transport' });
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('the process-wide client, sms()', () => {
  const smsEnv = (): Record<string, string> => ({
    FANGXIN_LOCAL: '1',
    TENCENT_SMS_ENDPOINT: standIn.url,
    TENCENT_SMS_SECRET_ID: SECRET_ID,
    TENCENT_SMS_SECRET_KEY: SECRET_KEY,
    TENCENT_SMS_REGION: 'ap-guangzhou',
    TENCENT_SMS_SDK_APP_ID: SDK_APP_ID,
    TENCENT_SMS_SIGN_NAME: SIGN_NAME,
    TENCENT_SMS_TEMPLATE_ID: TEMPLATE_ID,
    TENCENT_SMS_CLAIM_TEMPLATE_ID: '1000002',
  });

  function freshModule(env: Record<string, string | undefined>): typeof import('../../src/clients') {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
    try {
      let loaded: typeof import('../../src/clients') | undefined;
      jest.isolateModules(() => {
        loaded = require('../../src/clients') as typeof import('../../src/clients');
        loaded.sms(); // read the environment now, while it is set
      });
      return loaded!;
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  }

  it('is created once from the environment and sends through the stand-in', async () => {
    const module = freshModule(smsEnv());
    const first = module.sms();

    expect(first).toEqual(expect.objectContaining({ send: expect.any(Function) }));
    expect(module.sms()).toBe(first);
    await expect(first!.send({ phone: PHONE, templateId: TEMPLATE_ID, params: ['城关镇放心超市', '受理'] })).resolves.toEqual(accepted());
    expect(standIn.messages()).toHaveLength(1);
  });

  it('is undefined when the deployment has no SMS', () => {
    expect(freshModule({ ...smsEnv(), TENCENT_SMS_SDK_APP_ID: undefined }).sms()).toBeUndefined();
  });
});

/** SendSms over raw HTTP: signed (by the SDK's own signer) for `signedBody`, sending `sentBody`. */
function rawSendSms(signedBody: object, sentBody: object): Promise<unknown> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = { 'Content-Type': 'application/json' };
  const authorization = Sign.sign3({
    method: 'POST',
    url: 'http://sms.tencentcloudapi.com/',
    payload: signedBody,
    timestamp,
    service: 'sms',
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    multipart: false,
    boundary: '',
    headers,
  });
  const { port } = new URL(standIn.url);
  const body = JSON.stringify(sentBody);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: '/',
        headers: {
          ...headers,
          Host: 'sms.tencentcloudapi.com',
          'X-TC-Action': 'SendSms',
          'X-TC-Version': '2021-01-11',
          'X-TC-Region': 'ap-guangzhou',
          'X-TC-Timestamp': String(timestamp),
          Authorization: authorization,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
