import { createHmac, timingSafeEqual } from 'node:crypto';
import { Roles, Unauthenticated } from '@fangxin/shared';
import { authConfig } from '../config';

/** Who is calling, as our own signed token says. */
export interface Principal {
  userId: string;
  displayName: string;
  roles: Roles;
}

const ISSUER = 'fangxin';
const AUDIENCE = 'fangxin-app';

/**
 * Our session tokens are JWTs (RFC 7519) of one kind only: HS256, signed and checked here with Node's HMAC.
 * A JWT library would bring every algorithm and key type into each function's bundle to serve this one;
 * the tests check these tokens against jose, an independent implementation, both ways.
 */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

const signature = (signingInput: string, secret: Uint8Array) => createHmac('sha256', secret).update(signingInput).digest('base64url');

/** Issues a short-lived session token (HS256). It carries roles so requests need no user lookup. */
export async function issueToken(principal: Principal, now: Date): Promise<{ token: string; expiresAt: string }> {
  const { jwtSecret, tokenTtlSeconds } = authConfig();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + tokenTtlSeconds;
  const claims = { name: principal.displayName, roles: principal.roles, sub: principal.userId, iss: ISSUER, aud: AUDIENCE, iat: issuedAt, exp: expires };
  const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return { token: `${signingInput}.${signature(signingInput, jwtSecret)}`, expiresAt: new Date(expires * 1000).toISOString() };
}

/** Verifies a bearer token; any fault (absent, forged, expired, malformed roles) is `Unauthenticated`. */
export async function verifyToken(token: string, now: Date): Promise<Principal> {
  const claims = verifiedClaims(token, authConfig().jwtSecret, Math.floor(now.getTime() / 1000));
  const roles = claims && Roles.safeParse(claims.roles);
  if (!claims || !roles?.success || typeof claims.sub !== 'string' || !claims.sub) throw new Unauthenticated('登录已过期，请重新登录');
  return { userId: claims.sub, displayName: String(claims.name ?? ''), roles: roles.data };
}

/**
 * The claims of a token we signed that is in force at `nowSeconds`, or undefined. The signature is checked
 * first, in constant time, on the token's exact text; only then is anything in it believed: the header must
 * say HS256 and nothing it would make critical, the issuer and audience must be ours, and the token must
 * carry an expiry not yet reached (and no not-before still ahead).
 */
function verifiedClaims(token: string, secret: Uint8Array, nowSeconds: number): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, given] = parts as [string, string, string];
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const presented = Buffer.from(given);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;

  const protectedHeader = decodeJson(header);
  if (!protectedHeader || protectedHeader.alg !== 'HS256' || 'crit' in protectedHeader) return undefined;
  const claims = decodeJson(payload);
  if (!claims || claims.iss !== ISSUER) return undefined;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(AUDIENCE)) return undefined;
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return undefined;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) return undefined;
  if (claims.iat !== undefined && typeof claims.iat !== 'number') return undefined;
  return claims;
}

/** A base64url JSON object, or undefined for anything else. */
function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
