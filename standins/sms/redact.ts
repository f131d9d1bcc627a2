import type { IncomingMessage } from 'node:http';
import { parseObject } from '../common/http';
import type { SmsCallRecord } from './state';
import { header } from './tencent';

const REDACTED = '[redacted]';
const KEPT_HEADERS = ['content-type', 'host', 'x-tc-action', 'x-tc-version', 'x-tc-region', 'x-tc-timestamp', 'x-tc-language', 'x-tc-requestclient', 'x-tc-traceid'];

/**
 * A request as the call log keeps it: the headers that say what was asked, with the signature and any
 * session token redacted, and the body with the SecretKey cut out — the log is read by tests and over the
 * control API, so nothing in it may sign a request.
 */
export function redactRequest(req: IncomingMessage, url: URL, raw: Buffer, secretKey: string): SmsCallRecord['request'] {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = header(req.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const authorization = header(req.headers, 'authorization');
  if (authorization !== undefined) headers.authorization = authorization.replace(/Signature=[^,\s]*/, `Signature=${REDACTED}`);
  // A session token would be as good as the key for its lifetime.
  if (header(req.headers, 'x-tc-token') !== undefined) headers['x-tc-token'] = REDACTED;

  const request: SmsCallRecord['request'] = { method: req.method ?? 'GET', path: url.pathname, headers };
  if (raw.length > 0) {
    // The body should never carry the key; if a broken client puts it there, the record still must not.
    const text = raw.toString('utf8').split(secretKey).join(REDACTED);
    request.body = parseObject(text) ?? text;
  }
  return request;
}
