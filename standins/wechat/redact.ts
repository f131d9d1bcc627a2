import type { Answer } from '../common/answers';
import { parseObject, type Json } from '../common/http';
import type { CallAnswer, CallRecord } from './state';

/**
 * The call log is read by tests and over the control API, so it must never hold the AppSecret,
 * a usable access token or a session key.
 */

const REDACTED = '[redacted]';
/** Enough of a token to tell two apart in a log, not enough to use it. */
const mask = (value: string): string => `…${value.slice(-6)}`;

/** A request as the call log keeps it: the AppSecret removed, the access token masked. */
export function redactRequest(method: string, url: URL, rawBody: string): CallRecord['request'] {
  const query = Object.fromEntries(url.searchParams);
  if ('secret' in query) query.secret = REDACTED;
  if (query.access_token) query.access_token = mask(query.access_token);
  const request: CallRecord['request'] = { method, path: url.pathname, query };
  if (rawBody !== '') {
    const body = parseObject(rawBody);
    if (body && 'secret' in body) body.secret = REDACTED;
    // An unparseable body is kept as text only when it cannot carry the secret.
    request.body = body ?? (rawBody.includes('secret') ? REDACTED : rawBody);
  }
  return request;
}

/** An answer as the call log keeps it: images by size, session keys and tokens out of JSON and raw bodies. */
export function redactAnswer(answer: Answer): CallAnswer {
  const { status, contentType } = answer;
  if ('bytes' in answer) return { status, contentType, bytes: answer.bytes.length };
  if ('text' in answer) return { status, contentType, text: redactText(answer.text) };
  return { status, contentType, json: redactJson(answer.json) };
}

/** A raw answer (from a `body` fault) can be JSON carrying a session key too. */
function redactText(text: string): string {
  const json = parseObject(text);
  return json ? JSON.stringify(redactJson(json)) : text;
}

function redactJson(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return json;
  const copy = { ...(json as Json) };
  if (typeof copy.session_key === 'string') copy.session_key = REDACTED;
  if (typeof copy.access_token === 'string') copy.access_token = mask(copy.access_token);
  return copy;
}
