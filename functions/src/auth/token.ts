import { SignJWT, jwtVerify } from 'jose';
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

/** Issues a short-lived session token (HS256). It carries roles so requests need no user lookup. */
export async function issueToken(principal: Principal, now: Date): Promise<{ token: string; expiresAt: string }> {
  const { jwtSecret, tokenTtlSeconds } = authConfig();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + tokenTtlSeconds;
  const token = await new SignJWT({ name: principal.displayName, roles: principal.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .sign(jwtSecret);
  return { token, expiresAt: new Date(expires * 1000).toISOString() };
}

/** Verifies a bearer token; any fault (absent, forged, expired, malformed roles) is `Unauthenticated`. */
export async function verifyToken(token: string, now: Date): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, authConfig().jwtSecret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    const roles = Roles.parse(payload.roles);
    if (!payload.sub) throw new Error('no subject');
    return { userId: payload.sub, displayName: String(payload.name ?? ''), roles };
  } catch {
    throw new Unauthenticated('登录已过期，请重新登录');
  }
}
