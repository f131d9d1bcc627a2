import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeAnswer, type JsonAnswer, type TextAnswer } from '../common/answers';
import { isoTime, parseObject, sleep } from '../common/http';
import { sendSms } from './endpoints/send-sms';
import { verifySignature } from './endpoints/tc3-signature';
import { takeCallFault, type SmsFaultRule } from './faults';
import { redactRequest } from './redact';
import type { SmsCallRecord, SmsState } from './state';
import { errorAnswer, header, SMS_API_VERSION, SMS_REGIONS } from './tencent';

const NOT_FOUND: TextAnswer = { status: 404, contentType: 'text/plain', text: '' };

/**
 * Answers one call to the API: logs it (redacted), lets a call fault hold or replace the answer, and
 * otherwise checks the API 3.0 envelope before SendSms sees the body.
 */
export async function answerSmsCall(state: SmsState, req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
  const record = state.calls.add({ at: isoTime(state.config.now), request: redactRequest(req, url, raw, state.config.secretKey) });
  if (url.pathname !== '/') {
    record.answer = NOT_FOUND;
    writeAnswer(res, NOT_FOUND);
    return;
  }

  const fault = takeCallFault(state);
  if (fault?.kind === 'hang') {
    record.answer = { hung: true };
    return; // never answered; the socket is closed by the client's timeout or by stop()
  }
  if (fault?.kind === 'delay') {
    const generation = state.generation;
    await sleep(fault.ms ?? 0);
    // A call from before reset() must not land in the next test's state.
    if (generation !== state.generation) {
      res.destroy();
      return;
    }
  }
  const answer: JsonAnswer | TextAnswer =
    fault?.kind === 'http_status'
      ? { status: fault.status!, contentType: 'text/html', text: `<html><body><h1>${fault.status} Bad Gateway</h1></body></html>` }
      : checkEnvelope(state, req, url, raw, record, fault);

  record.answer = answer;
  const traceId = header(req.headers, 'x-tc-traceid');
  writeAnswer(res, answer, traceId ? { 'x-tc-traceid': traceId } : {});
}

/**
 * What Tencent checks before the action runs, in its order: method, signature (noted on `record`), action,
 * version, region; an `error` fault fails the call after those, as Tencent's own errors do.
 */
function checkEnvelope(state: SmsState, req: IncomingMessage, url: URL, raw: Buffer, record: SmsCallRecord, fault: SmsFaultRule | undefined): JsonAnswer {
  const requestId = randomUUID();
  const fail = (code: string, message?: string): JsonAnswer => errorAnswer(code, message, requestId);
  const method = req.method ?? 'GET';
  if (method !== 'POST') return fail('UnsupportedOperation', 'The stand-in takes POST requests with a JSON body, as the SDK sends them.');

  record.auth = verifySignature(state.config, method, url, req.headers, raw);
  if (record.auth !== 'ok') return fail(record.auth);

  const action = header(req.headers, 'x-tc-action');
  if (action !== 'SendSms') return fail('InvalidAction', `The action \`${action ?? ''}\` is not supported by the SMS stand-in.`);
  if (header(req.headers, 'x-tc-version') !== SMS_API_VERSION) return fail('NoSuchVersion');
  const region = header(req.headers, 'x-tc-region');
  if (!region) return fail('MissingParameter', 'The request is missing a required parameter `Region`.');
  if (!SMS_REGIONS.includes(region)) return fail('UnsupportedOperation.UnsupportedRegion');
  if (fault?.kind === 'error') return fail(fault.code!, fault.message);

  const body = parseObject(raw.toString('utf8'));
  if (!body) return fail('FailedOperation.JsonParseFail');
  return sendSms(state, body, requestId);
}
