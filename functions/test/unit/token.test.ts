import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

// authConfig() reads these on first use, so they are set before anything asks.
const SECRET = 'unit-test-signing-key-0123456789-abcdef';
process.env.JWT_SECRET = SECRET;
process.env.TABLE_NAME ??= 'unit';
process.env.AWS_REGION ??= 'cn-north-1';

import { issueToken, verifyToken, type Principal } from '../../src/auth/token';

const key = new TextEncoder().encode(SECRET);
const now = new Date('2026-12-07T10:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
const principal: Principal = { userId: 'u-consumer-1', displayName: '张三', roles: { merchantIds: ['M1'] } };
const claims = { name: '张三', roles: principal.roles };

/** A token signed by jose, the independent implementation, with our issuer and audience unless told otherwise. */
const joseToken = (edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt, secret: Uint8Array = key, alg = 'HS256') =>
  edit(
    new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ alg })
      .setSubject(principal.userId)
      .setIssuer('fangxin')
      .setAudience('fangxin-app')
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 3600),
  ).sign(secret);

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token from raw parts, signed with our key (HS256) over exactly that text. */
const handMade = (header: unknown, payload: unknown) => {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};
const validPayload = { ...claims, sub: principal.userId, iss: 'fangxin', aud: 'fangxin-app', iat: nowSeconds, exp: nowSeconds + 3600 };

const refusal = { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' };
const expectRefused = async (token: string, at: Date = now) => {
  const error = await verifyToken(token, at).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toMatchObject({ code: refusal.code, message: refusal.message });
};

describe('session tokens (HS256), held to jose', () => {
  it('issues a token jose verifies, with our claims', async () => {
    const { token, expiresAt } = await issueToken(principal, now);
    const { payload, protectedHeader } = await jwtVerify(token, key, { issuer: 'fangxin', audience: 'fangxin-app', algorithms: ['HS256'], currentDate: now });
    expect(protectedHeader).toEqual({ alg: 'HS256' });
    expect(payload).toEqual({ ...claims, sub: principal.userId, iss: 'fangxin', aud: 'fangxin-app', iat: nowSeconds, exp: nowSeconds + 2 * 60 * 60 });
    expect(expiresAt).toBe('2026-12-07T12:00:00.000Z');
  });

  it('verifies what it issued and what jose signed', async () => {
    const { token } = await issueToken(principal, now);
    await expect(verifyToken(token, now)).resolves.toEqual(principal);
    await expect(verifyToken(await joseToken(), now)).resolves.toEqual(principal);
    // An audience list that names ours is ours (RFC 7519 §4.1.3).
    await expect(verifyToken(await joseToken((jwt) => jwt.setAudience(['other-app', 'fangxin-app'])), now)).resolves.toEqual(principal);
  });

  it('holds to the expiry to the second, as jose does', async () => {
    const { token } = await issueToken(principal, now);
    const lastSecond = new Date((nowSeconds + 2 * 60 * 60 - 1) * 1000);
    const expiry = new Date((nowSeconds + 2 * 60 * 60) * 1000);
    await expect(verifyToken(token, lastSecond)).resolves.toEqual(principal);
    await expectRefused(token, expiry);
    await expect(jwtVerify(token, key, { currentDate: expiry })).rejects.toThrow(/exp/);
  });

  it.each([
    ['a token signed with another key', () => joseToken(undefined, new TextEncoder().encode('another-key-of-enough-length-0123456789'))],
    ['another algorithm, even with our key (HS512)', () => joseToken(undefined, key, 'HS512')],
    ['another issuer', () => joseToken((jwt) => jwt.setIssuer('someone-else'))],
    ['another audience', () => joseToken((jwt) => jwt.setAudience('other-app'))],
    ['a token not valid before an hour from now', () => joseToken((jwt) => jwt.setNotBefore(nowSeconds + 3600))],
  ])('refuses %s', async (_, token) => {
    await expectRefused(await token());
  });

  it.each([
    ['an unsigned token (alg: none)', () => `${part({ alg: 'none', typ: 'JWT' })}.${part(validPayload)}.`],
    ['alg none with our signature over it', () => handMade({ alg: 'none' }, validPayload)],
    ['a header that makes an extension critical', () => handMade({ alg: 'HS256', crit: ['b64'], b64: false }, validPayload)],
    ['a token without an expiry (jose would take it)', () => handMade({ alg: 'HS256' }, { ...validPayload, exp: undefined })],
    ['an expiry that is not a number', () => handMade({ alg: 'HS256' }, { ...validPayload, exp: String(nowSeconds + 3600) })],
    ['an issued-at that is not a number', () => handMade({ alg: 'HS256' }, { ...validPayload, iat: 'now' })],
    ['no subject', () => handMade({ alg: 'HS256' }, { ...validPayload, sub: undefined })],
    ['roles that are not roles', () => handMade({ alg: 'HS256' }, { ...validPayload, roles: { admin: 'yes please' } })],
    ['claims that are not an object', () => handMade({ alg: 'HS256' }, ['fangxin'])],
    ['a header that is not JSON', () => `bm90LWpzb24.${part(validPayload)}.${createHmac('sha256', key).update(`bm90LWpzb24.${part(validPayload)}`).digest('base64url')}`],
  ])('refuses %s', async (_, token) => {
    await expectRefused(token());
  });

  it('refuses any change to a good token: payload, signature, its encoding, its parts', async () => {
    const { token } = await issueToken(principal, now);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const promoted = part({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), roles: { merchantIds: ['M1', 'M-other-shop'] } });
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    for (const changed of [
      `${header}.${promoted}.${signature}`,
      `${header}.${payload}.${flipped}`,
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}.${signature}.`,
      `${header}.${payload}`,
      '',
      'not a token',
    ]) {
      await expectRefused(changed);
    }
  });
});
