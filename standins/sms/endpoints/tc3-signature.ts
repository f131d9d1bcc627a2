import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SmsConfig } from '../state';
import { header } from '../tencent';

/** Tencent: the timestamp may differ from the server's clock by at most five minutes. */
const SIGNATURE_TTL_SECONDS = 300;

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

/**
 * Checks a request's TC3-HMAC-SHA256 signature against the configured secret, as Tencent does: 'ok', or
 * the AuthFailure code Tencent would answer.
 */
export function verifySignature(config: SmsConfig, method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer): string {
  const match = AUTHORIZATION.exec(header(headers, 'authorization') ?? '');
  const timestamp = Number(header(headers, 'x-tc-timestamp'));
  if (!match || !Number.isInteger(timestamp)) return 'AuthFailure.InvalidAuthorization';
  const [, id, date, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
  if (id !== config.secretId) return 'AuthFailure.SecretIdNotFound';
  if (Math.abs(config.now() / 1000 - timestamp) > SIGNATURE_TTL_SECONDS) return 'AuthFailure.SignatureExpire';

  const names = signedHeaders.split(';');
  // Tencent requires content-type and host among the signed headers, and the scope to match the timestamp.
  if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure';
  if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || service !== 'sms') return 'AuthFailure.SignatureFailure';
  const values = names.map((name) => header(headers, name));
  if (values.some((value) => value === undefined)) return 'AuthFailure.SignatureFailure';

  const canonicalHeaders = names.map((name, i) => `${name}:${values[i]!.trim().toLowerCase()}\n`).join('');
  const canonicalRequest = [method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256Hex(body)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${config.secretKey}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? 'ok' : 'AuthFailure.SignatureFailure';
}

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
