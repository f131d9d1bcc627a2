import { startWeChatStandIn, type WeChatStandIn } from '../../../standins/wechat/server';
import { createWeChatClient, type WeChatClient } from '../../src/wechat/client';
import { WeChatError, WeChatUnavailable } from '../../src/wechat/errors';

/**
 * The production WeChat client against the stand-in WeChat server: real HTTP on 127.0.0.1, faults
 * injected into the server, never into the client.
 */

let clock = Date.parse('2025-06-01T02:00:00Z');
let standIn: WeChatStandIn;
let client: WeChatClient;

beforeAll(async () => {
  standIn = await startWeChatStandIn({ now: () => clock });
  client = createWeChatClient({ baseUrl: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret, timeoutMs: 2000 });
});

afterAll(() => standIn.stop());

beforeEach(() => {
  standIn.reset();
  clock = Date.parse('2025-06-01T02:00:00Z');
});

/** The rejection of `promise`, failing the test if it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof Error)) throw new Error(`expected an Error, got ${String(outcome.error)}`);
  return outcome.error;
}

describe('code2Session — logging a user in', () => {
  it('trades a fresh code for the openid and a 16-byte session key', async () => {
    const session = await client.code2Session(standIn.mintLoginCode('oUser-login-1'));

    expect(session.openid).toBe('oUser-login-1');
    expect(Buffer.from(session.sessionKey, 'base64')).toHaveLength(16);
    expect(session).not.toHaveProperty('unionid');
  });

  it('passes the unionid on when WeChat sends one', async () => {
    const session = await client.code2Session(standIn.mintLoginCode('oUser-union', { unionid: 'uUnion-1' }));

    expect(session).toMatchObject({ openid: 'oUser-union', unionid: 'uUnion-1' });
  });

  it('gets a different session key for each login', async () => {
    const first = await client.code2Session(standIn.mintLoginCode('oUser-twice'));
    const second = await client.code2Session(standIn.mintLoginCode('oUser-twice'));

    expect(first.sessionKey).not.toBe(second.sessionKey);
  });

  it('refuses a code used a second time with a final 40029', async () => {
    const code = standIn.mintLoginCode('oUser-reuse');
    await client.code2Session(code);

    const error = await rejectionOf(client.code2Session(code));

    expect(error).toBeInstanceOf(WeChatError);
    expect(error).toMatchObject({ name: 'WeChatError', endpoint: 'jscode2session', errcode: 40029, retryable: false });
    expect((error as WeChatError).errmsg).toMatch(/^invalid code/);
  });

  it('accepts a code until 5 minutes after it was issued, and refuses it after', async () => {
    const onTime = standIn.mintLoginCode('oUser-clock');
    const late = standIn.mintLoginCode('oUser-clock');

    clock += 5 * 60_000;
    await expect(client.code2Session(onTime)).resolves.toMatchObject({ openid: 'oUser-clock' });
    clock += 1;
    await expect(client.code2Session(late)).rejects.toMatchObject({ errcode: 40029, retryable: false });
  });

  it('refuses a code WeChat never issued with 40029', async () => {
    await expect(client.code2Session('not-a-code-wechat-issued')).rejects.toMatchObject({ errcode: 40029 });
  });

  it('reports a wrong AppSecret as a final 40125 and a wrong AppID as 40013', async () => {
    const wrongSecret = createWeChatClient({ baseUrl: standIn.url, appId: standIn.appId, appSecret: 'not-the-secret-0000000000000000' });
    const wrongAppId = createWeChatClient({ baseUrl: standIn.url, appId: 'wx1111111111111111', appSecret: standIn.appSecret });

    await expect(wrongSecret.code2Session(standIn.mintLoginCode('oUser-creds'))).rejects.toMatchObject({
      name: 'WeChatError',
      errcode: 40125,
      retryable: false,
    });
    await expect(wrongAppId.code2Session(standIn.mintLoginCode('oUser-creds'))).rejects.toMatchObject({
      errcode: 40013,
      retryable: false,
    });
  });

  it('treats 45011 (too many logins) as retryable, and the same code then still works', async () => {
    const code = standIn.mintLoginCode('oUser-busy');
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'errcode', errcode: 45011 }]);

    const error = await rejectionOf(client.code2Session(code));
    expect(error).toMatchObject({ name: 'WeChatError', errcode: 45011, retryable: true });

    await expect(client.code2Session(code)).resolves.toMatchObject({ openid: 'oUser-busy' });
  });

  it('meets the real 100-logins-per-minute limit of one user as a retryable 45011', async () => {
    for (let i = 0; i < 100; i++) await client.code2Session(standIn.mintLoginCode('oUser-eager'));

    await expect(client.code2Session(standIn.mintLoginCode('oUser-eager'))).rejects.toMatchObject({ errcode: 45011, retryable: true });
    await expect(client.code2Session(standIn.mintLoginCode('oUser-other'))).resolves.toMatchObject({ openid: 'oUser-other' });
    clock += 60_000;
    await expect(client.code2Session(standIn.mintLoginCode('oUser-eager'))).resolves.toMatchObject({ openid: 'oUser-eager' });
  });

  it('treats -1 (system busy) as retryable and 40226 (high-risk user blocked) as final', async () => {
    standIn.injectFaults([
      { endpoint: 'jscode2session', kind: 'errcode', errcode: -1 },
      { endpoint: 'jscode2session', kind: 'errcode', errcode: 40226 },
    ]);

    await expect(client.code2Session(standIn.mintLoginCode('oUser-risk'))).rejects.toMatchObject({ errcode: -1, retryable: true });
    await expect(client.code2Session(standIn.mintLoginCode('oUser-risk'))).rejects.toMatchObject({ errcode: 40226, retryable: false });
  });

  it('reports an HTTP 503 as WeChatUnavailable, retryable, with the status', async () => {
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'http_status', status: 503 }]);

    const error = await rejectionOf(client.code2Session(standIn.mintLoginCode('oUser-503')));

    expect(error).toBeInstanceOf(WeChatUnavailable);
    expect(error).toMatchObject({ name: 'WeChatUnavailable', endpoint: 'jscode2session', reason: 'http_status', status: 503, retryable: true });
  });

  it('reports a 4xx from a proxy as unavailable but not retryable', async () => {
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'http_status', status: 403 }]);

    await expect(client.code2Session(standIn.mintLoginCode('oUser-403'))).rejects.toMatchObject({
      name: 'WeChatUnavailable',
      status: 403,
      retryable: false,
    });
  });

  it('gives up on a server that never answers after timeoutMs, as a retryable WeChatUnavailable', async () => {
    const impatient = createWeChatClient({ baseUrl: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret, timeoutMs: 150 });
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'hang' }]);

    const started = performance.now();
    const error = await rejectionOf(impatient.code2Session(standIn.mintLoginCode('oUser-hang')));
    const waited = performance.now() - started;

    expect(error).toMatchObject({ name: 'WeChatUnavailable', reason: 'timeout', retryable: true });
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1500);
    expect(standIn.calls().at(-1)?.answer).toEqual({ hung: true });
  });

  it('waits for a slow answer that arrives within timeoutMs', async () => {
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'delay', ms: 200 }]);

    await expect(client.code2Session(standIn.mintLoginCode('oUser-slow'))).resolves.toMatchObject({ openid: 'oUser-slow' });
  });

  it('times out on a slow answer that arrives after timeoutMs', async () => {
    const impatient = createWeChatClient({ baseUrl: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret, timeoutMs: 100 });
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'delay', ms: 400 }]);

    await expect(impatient.code2Session(standIn.mintLoginCode('oUser-late'))).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('reports a refused connection as a retryable network failure', async () => {
    const gone = await startWeChatStandIn();
    await gone.stop();
    const nowhere = createWeChatClient({ baseUrl: gone.url, appId: gone.appId, appSecret: gone.appSecret });

    const error = await rejectionOf(nowhere.code2Session('any-code'));

    expect(error).toMatchObject({ name: 'WeChatUnavailable', reason: 'network', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses an answer that is not WeChat JSON, without retrying', async () => {
    standIn.injectFaults([
      { endpoint: 'jscode2session', kind: 'body', body: '<html>portal login</html>' },
      { endpoint: 'jscode2session', kind: 'body', body: '{"openid":42,"session_key":"c2VjcmV0LXNlc3Npb24ta2V5"}' },
    ]);

    await expect(client.code2Session(standIn.mintLoginCode('oUser-garbled'))).rejects.toMatchObject({
      name: 'WeChatUnavailable',
      reason: 'bad_answer',
      retryable: false,
    });
    const reshaped = await rejectionOf(client.code2Session(standIn.mintLoginCode('oUser-garbled')));
    expect(reshaped).toMatchObject({ reason: 'bad_answer' });
    expect(reshaped.message).toContain('openid');
    expect(reshaped.message).not.toContain('c2VjcmV0LXNlc3Npb24ta2V5');
  });

  it('never puts the AppSecret or a session key in an error or in the calls WeChat saw logged', async () => {
    const impatient = createWeChatClient({ baseUrl: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret, timeoutMs: 100 });
    const gone = await startWeChatStandIn({ appSecret: standIn.appSecret });
    await gone.stop();
    const nowhere = createWeChatClient({ baseUrl: gone.url, appId: gone.appId, appSecret: gone.appSecret });
    const malformedUrl = createWeChatClient({ baseUrl: 'http://[::1', appId: standIn.appId, appSecret: standIn.appSecret });

    const session = await client.code2Session(standIn.mintLoginCode('oUser-secret'));
    const errors: Error[] = [];
    errors.push(await rejectionOf(client.code2Session('used-or-unknown')));
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'http_status', status: 502 }]);
    errors.push(await rejectionOf(client.code2Session(standIn.mintLoginCode('oUser-secret'))));
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'hang' }]);
    errors.push(await rejectionOf(impatient.code2Session(standIn.mintLoginCode('oUser-secret'))));
    standIn.injectFaults([{ endpoint: 'jscode2session', kind: 'body', body: `{"openid":"","session_key":"${session.sessionKey}"}` }]);
    errors.push(await rejectionOf(client.code2Session(standIn.mintLoginCode('oUser-secret'))));
    errors.push(await rejectionOf(nowhere.code2Session('code')));
    // fetch's own message for an unparseable URL quotes the URL, AppSecret and all.
    errors.push(await rejectionOf(malformedUrl.code2Session('code')));

    expect(errors.map((e) => (e instanceof WeChatUnavailable ? e.reason : e.name))).toEqual([
      'WeChatError',
      'http_status',
      'timeout',
      'bad_answer',
      'network',
      'network',
    ]);
    for (const error of errors) {
      const everything = [error.message, String(error), error.stack ?? '', JSON.stringify(error), String(error.cause ?? '')].join('\n');
      expect(everything).not.toContain(standIn.appSecret);
      expect(everything).not.toContain(session.sessionKey);
    }
    const log = JSON.stringify(standIn.calls());
    expect(standIn.calls().length).toBeGreaterThanOrEqual(4);
    expect(log).not.toContain(standIn.appSecret);
    expect(log).not.toContain(session.sessionKey);
  });
});

describe('createWeChatClient', () => {
  it('fails at construction when configuration is missing, naming no secret', () => {
    expect(() => createWeChatClient({ baseUrl: '', appId: 'wx1', appSecret: 's' })).toThrow(/baseUrl/);
    expect(() => createWeChatClient({ baseUrl: 'https://api.weixin.qq.com', appId: '', appSecret: 's' })).toThrow(/appId/);
    expect(() => createWeChatClient({ baseUrl: 'https://api.weixin.qq.com', appId: 'wx1', appSecret: '' })).toThrow(/appSecret/);
  });
});
