import { randomBytes } from 'node:crypto';
import type { Answer } from '../common/answers';
import type { Json } from '../common/http';

/**
 * WeChat's wire conventions, shared by every endpoint: HTTP 200 with `errcode`/`errmsg` for WeChat-level
 * errors, the errmsg text the real server sends, and a request id appended to it.
 */

/** The endpoints the stand-in speaks, by the names fault rules and call records use. */
export const STAND_IN_ENDPOINTS = ['jscode2session', 'stable_token', 'subscribe_send', 'msg_sec_check', 'wxacode', 'urllink'] as const;
export type StandInEndpoint = (typeof STAND_IN_ENDPOINTS)[number];

export const JSON_TYPE = 'application/json; encoding=utf-8';

/** The errmsg the real server sends with each code (it appends a request id, `rid: …`, as we do). */
const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40165: 'invalid weapp pagepath',
  40169: 'invalid length for scene, or the data is not json string',
  40212: 'invalid query',
  40226: 'high risk user, login blocked',
  41001: 'access_token missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
  61010: 'code is expired',
  85401: 'time limit between 1min and 30 days',
  85402: 'invalid env_version',
};

/** A request id shaped like the real server's. */
export const rid = (): string => [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');

/** Success as the real server reports it: errcode 0 alongside the endpoint's own fields. */
export function ok(body: Json = {}): Answer {
  return { status: 200, contentType: JSON_TYPE, json: { errcode: 0, errmsg: 'ok', ...body } };
}

/** A WeChat-level error: still HTTP 200, as the real server answers it. */
export function fail(errcode: number, errmsg?: string): Answer {
  return { status: 200, contentType: JSON_TYPE, json: { errcode, errmsg: `${errmsg ?? ERRMSG[errcode] ?? 'error'} rid: ${rid()}` } };
}

/** jscode2session answers JSON with a text/plain content type, as the real server does. */
export function asText(answer: Answer): Answer {
  return { ...answer, contentType: 'text/plain' };
}
