import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeAnswer, type Answer } from '../common/answers';
import { isoTime, parseObject, sleep } from '../common/http';
import { jscode2session } from './endpoints/code2session';
import { msgSecCheck } from './endpoints/msg-sec-check';
import { rejectToken, stableToken } from './endpoints/stable-token';
import { subscribeSend } from './endpoints/subscribe-send';
import { wxacode } from './endpoints/wxacode';
import { urlLink } from './endpoints/urllink';
import type { FaultRule } from './faults';
import { fail, type StandInEndpoint } from './protocol';
import { redactAnswer, redactRequest } from './redact';
import type { WeChatState } from './state';

const PATHS: ReadonlyMap<string, StandInEndpoint> = new Map([
  ['/sns/jscode2session', 'jscode2session'],
  ['/cgi-bin/stable_token', 'stable_token'],
  ['/cgi-bin/message/subscribe/send', 'subscribe_send'],
  ['/wxa/msg_sec_check', 'msg_sec_check'],
  ['/wxa/getwxacodeunlimit', 'wxacode'],
  ['/wxa/generate_urllink', 'urllink'],
]);

const NOT_FOUND: Answer = { status: 404, contentType: 'text/plain', bytes: Buffer.alloc(0) };

/**
 * Answers one call to the WeChat API: logs it (redacted), then lets the first fault that fires for its
 * endpoint hold, replace or lose the answer; with no fault, the endpoint answers.
 */
export async function answerWeChatCall(state: WeChatState, req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string): Promise<void> {
  const method = req.method ?? 'GET';
  const endpoint = PATHS.get(url.pathname);
  const record = state.calls.add({ endpoint: endpoint ?? 'unknown', at: isoTime(state.config.now), request: redactRequest(method, url, rawBody) });
  if (!endpoint) {
    record.answer = redactAnswer(NOT_FOUND);
    writeAnswer(res, NOT_FOUND);
    return;
  }

  const fault = state.faults.take((rule) => rule.endpoint === endpoint);
  if (fault?.kind === 'hang') {
    record.answer = { hung: true };
    return; // never answered; the socket is closed by the client's timeout or by stop()
  }
  if (fault?.kind === 'lost_answer') {
    route(state, endpoint, method, url.searchParams, rawBody); // done (a message is sent)…
    record.answer = { hung: true };
    return; // …but the answer is lost on the way back
  }
  if (fault?.kind === 'delay') await sleep(fault.ms ?? 0);

  const answer = (fault && faultAnswer(fault)) ?? route(state, endpoint, method, url.searchParams, rawBody);
  record.answer = redactAnswer(answer);
  writeAnswer(res, answer);
}

/** The answer a fault puts in place of the endpoint's, or undefined for faults that only hold it. */
function faultAnswer(fault: FaultRule): Answer | undefined {
  switch (fault.kind) {
    case 'errcode':
      return fail(fault.errcode ?? -1, fault.errmsg);
    case 'http_status': {
      const status = fault.status ?? 503;
      return { status, contentType: 'text/html', text: `<html><body>${status}</body></html>` };
    }
    case 'body':
      return { status: 200, contentType: fault.contentType ?? 'text/html', text: fault.body ?? '' };
    default:
      return undefined;
  }
}

/** What every endpoint checks before its own rules — method, access token, a JSON body — then the endpoint. */
function route(state: WeChatState, endpoint: StandInEndpoint, method: string, query: URLSearchParams, rawBody: string): Answer {
  if (endpoint === 'jscode2session') return method === 'GET' ? jscode2session(state, query) : fail(43001);
  if (method !== 'POST') return fail(43002);
  if (endpoint !== 'stable_token') {
    const rejected = rejectToken(state, query);
    if (rejected) return rejected;
  }
  if (rawBody.trim() === '') return fail(44002);
  const body = parseObject(rawBody);
  if (!body) return fail(47001);
  switch (endpoint) {
    case 'stable_token':
      return stableToken(state, body);
    case 'subscribe_send':
      return subscribeSend(state, body);
    case 'msg_sec_check':
      return msgSecCheck(state, body);
    case 'wxacode':
      return wxacode(state, body);
    case 'urllink':
      return urlLink(state, body);
  }
}
