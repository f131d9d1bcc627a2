import { createHash, createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { beijingDayStart, commonControl, ControlError, parseJson, parseObject, serveStandIn, sleep, type Json } from '../common/http';

/**
 * A stand-in for Tencent Cloud SMS (API 3.0, service `sms`, version 2021-01-11, action SendSms), for tests
 * and the local product. It speaks the protocol as Tencent's SDK sends it — POST / with a JSON body,
 * `X-TC-*` headers and a TC3-HMAC-SHA256 `Authorization` — and verifies that signature with the configured
 * secret, so the production client, SDK included, is the code under test. Answers have Tencent's shapes:
 * `{ Response: { Error: { Code, Message }, RequestId } }` when the call fails, and otherwise one
 * `SendStatusSet` entry per number whose own `Code` says whether that number got the SMS.
 *
 * A control API under `/__control/` (and the same operations on the returned handle) injects faults —
 * Tencent error codes for the call or for a number, HTTP statuses, delays, hangs — blocks numbers and
 * shows what was sent. Listens on 127.0.0.1 only; state is in memory and per instance.
 */

export const SMS_API_VERSION = '2021-01-11';
/** Regions where Tencent offers SMS. */
export const SMS_REGIONS: readonly string[] = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing'];

/** Tencent: the timestamp may differ from the server's clock by at most five minutes. */
const SIGNATURE_TTL_SECONDS = 300;
/** Tencent's default frequency policy: the same content to the same number at most once in 30 seconds… */
const SAME_CONTENT_WINDOW_MS = 30_000;
/** …and at most 10 SMS to one number in a calendar day. */
const DEFAULT_DAILY_LIMIT_PER_NUMBER = 10;
/** An account verified as a person may put at most 12 characters in a template variable. */
const DEFAULT_MAX_PARAM_CHARS = 12;
const MAX_NUMBERS_PER_CALL = 200;
const SESSION_CONTEXT_MAX_BYTES = 511;
/** SMS longer than this (signature included) are split and billed per 67-character part. */
const SINGLE_SMS_CHARS = 70;
const LONG_SMS_PART_CHARS = 67;
const MAX_SMS_CHARS = 500;

const SEND_SMS_FIELDS = new Set(['PhoneNumberSet', 'SmsSdkAppId', 'TemplateId', 'SignName', 'TemplateParamSet', 'ExtendCode', 'SessionContext', 'SenderId']);

/** The Message Tencent sends with each code, in its words where known. */
const MESSAGES: Readonly<Record<string, string>> = {
  Ok: 'send success',
  'AuthFailure.InvalidAuthorization': 'The Authorization header does not follow the TencentCloud API 3.0 format.',
  'AuthFailure.SecretIdNotFound': 'The SecretId is not found, please ensure that your SecretId is correct.',
  'AuthFailure.SignatureExpire': 'Signature expired. The timestamp must be within 5 minutes of the server time.',
  'AuthFailure.SignatureFailure': 'The provided credentials could not be validated. Please check your signature is correct.',
  'FailedOperation.JsonParseFail': 'Failed to parse the request body.',
  'FailedOperation.PhoneNumberInBlacklist': 'The mobile number is in the opt-out list (unsubscribed, or blocked by the carrier).',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'The signature is not approved or is in an incorrect format.',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'The template is not approved or its content does not match.',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': 'The number of template parameters does not match the approved template.',
  'InternalError.Timeout': 'The request to deliver the SMS timed out.',
  'InternalError.OtherError': 'Other error.',
  InvalidAction: 'The action is not supported.',
  'InvalidParameterValue.ContentLengthLimit': 'The SMS content is too long.',
  'InvalidParameterValue.IncorrectPhoneNumber': 'Incorrect mobile number format.',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': 'URLs are not allowed in template variables.',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'There are more than 12 characters in a single template variable.',
  'LimitExceeded.PhoneNumberCountLimit': 'More than 200 mobile numbers in one request.',
  'LimitExceeded.PhoneNumberDailyLimit': 'The number of SMS delivered to this mobile number today exceeds the limit.',
  'LimitExceeded.PhoneNumberThirtySecondLimit': 'The number of SMS delivered to this mobile number within 30 seconds exceeds the limit.',
  'MissingParameter.EmptyPhoneNumberSet': 'The list of mobile numbers is empty.',
  NoSuchVersion: 'The API version does not exist.',
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': 'The SmsSdkAppId does not belong to the account of this SecretId.',
  'UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone': 'A Chinese mainland template cannot be sent to a global number.',
  'UnsupportedOperation.UnsupportedRegion': 'SMS is not offered in this region.',
};

/**
 * A fault for the next matching calls. `error`: the call fails with Tencent error `code` (after the
 * signature check, as Tencent's own errors do); `number_code`: the call succeeds but the number (`phone`,
 * or every number) gets `code` as its status; `http_status`: that HTTP status (e.g. 502) with an HTML
 * body; `delay`: answers normally after `ms`; `hang`: never answers (for client timeouts). A rule applies
 * `times` times (default 1), each time with `probability` (default 1); the first matching rule wins.
 */
export interface SmsFaultRule {
  kind: 'error' | 'number_code' | 'http_status' | 'delay' | 'hang';
  code?: string;
  /** Overrides Tencent's message for `error` and `number_code`. */
  message?: string;
  /** For `number_code`: only this number (any format Tencent accepts). */
  phone?: string;
  status?: number;
  ms?: number;
  times?: number;
  probability?: number;
}

export type SmsCallAnswer = { status: number; contentType: string; json: unknown } | { status: number; contentType: string; text: string } | { hung: true };

/** One request to the API, with the signature and any secret redacted. */
export interface SmsCallRecord {
  /** ISO time the request arrived, on the stand-in's clock. */
  at: string;
  request: {
    method: string;
    path: string;
    /** Content-Type, Host, the X-TC-* headers and Authorization with `Signature=[redacted]`. */
    headers: Record<string, string>;
    body?: unknown;
  };
  /** `ok` when the signature verified, else the AuthFailure code it got; absent when it was not checked. */
  auth?: string;
  /** Undefined while the answer is still being prepared (a delay fault). */
  answer?: SmsCallAnswer;
}

/** An SMS the stand-in accepted (status `Ok`), as Tencent would deliver it. */
export interface SmsMessageRecord {
  at: string;
  serialNo: string;
  requestId: string;
  /** E.164, as Tencent reports it. */
  phoneNumber: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  params: string[];
  /** The text the phone would show, when the template's text is known (`templates` option). */
  content?: string;
  fee: number;
  sessionContext?: string;
  extendCode?: string;
}

export interface SmsStandInOptions {
  /** 0 or absent: a free port chosen by the OS. */
  port?: number;
  /** The only SecretId the stand-in knows; any other gets AuthFailure.SecretIdNotFound. */
  secretId: string;
  secretKey: string;
  /** The clock, in epoch milliseconds. The SDK signs with the real clock, so stay within 5 minutes of it. */
  now?: () => number;
  /** Random numbers in [0, 1) for fault `probability`. */
  random?: () => number;
  /** When set, any other SmsSdkAppId gets UnauthorizedOperation.SmsSdkAppIdVerifyFail. */
  sdkAppId?: string;
  /** Approved signatures; when set, any other gets FailedOperation.SignatureIncorrectOrUnapproved. */
  signNames?: readonly string[];
  /**
   * Approved templates, id → text with {1}, {2}… for the parameters. When set, other ids get
   * FailedOperation.TemplateIncorrectOrUnapproved, a wrong parameter count gets
   * TemplateParamSetNotMatchApprovedTemplate, and messages() shows the text as delivered.
   */
  templates?: Readonly<Record<string, string>>;
  /** Per-variable limit in characters (default 12, a person-verified account); null for none (an organisation). */
  maxParamChars?: number | null;
  /** SMS one number may get per calendar day (China time); default 10. */
  dailyLimitPerNumber?: number;
}

export interface SmsStandIn {
  /** `http://127.0.0.1:port`: the client's endpoint. */
  readonly url: string;
  readonly secretId: string;
  readonly secretKey: string;
  stop(): Promise<void>;
  injectFaults(rules: readonly SmsFaultRule[]): void;
  clearFaults(): void;
  /** This number unsubscribed or is on a carrier's blocklist: it gets FailedOperation.PhoneNumberInBlacklist. */
  blockNumber(phone: string): void;
  calls(): SmsCallRecord[];
  messages(): SmsMessageRecord[];
  /** Back to the state just after start: no faults, blocked numbers, calls, messages or rate-limit history. */
  reset(): void;
}

type Answer = { status: number; contentType: string; json: unknown } | { status: number; contentType: string; text: string };


const JSON_TYPE = 'application/json';
const FAULT_KINDS = ['error', 'number_code', 'http_status', 'delay', 'hang'] as const;
const CALL_FAULT_KINDS: ReadonlySet<string> = new Set(['error', 'http_status', 'delay', 'hang']);

export async function startSmsStandIn(options: SmsStandInOptions): Promise<SmsStandIn> {
  const { secretId, secretKey } = options;
  if (!secretId || !secretKey) throw new Error('SMS stand-in: secretId and secretKey are required');
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const maxParamChars = options.maxParamChars === undefined ? DEFAULT_MAX_PARAM_CHARS : options.maxParamChars;
  const dailyLimit = options.dailyLimitPerNumber ?? DEFAULT_DAILY_LIMIT_PER_NUMBER;

  const state = {
    faults: [] as Array<SmsFaultRule & { remaining: number }>,
    blocked: new Set<string>(),
    /** Accepted sends per number, for the frequency limits. */
    sent: new Map<string, Array<{ at: number; content: string }>>(),
    calls: [] as SmsCallRecord[],
    messages: [] as SmsMessageRecord[],
    /** Bumped by reset(), so delayed calls from before it are dropped. */
    generation: 0,
  };

  const iso = (): string => new Date(now()).toISOString();

  function errorAnswer(code: string, message: string | undefined, requestId: string): Answer {
    return { status: 200, contentType: JSON_TYPE, json: { Response: { Error: { Code: code, Message: message ?? MESSAGES[code] ?? code }, RequestId: requestId } } };
  }

  // ---- TC3-HMAC-SHA256 ------------------------------------------------------------------------------------

  /** 'ok', or the AuthFailure code Tencent would answer for this request's signature. */
  function verifySignature(method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer): string {
    const authorization = header(headers, 'authorization');
    const match = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      authorization ?? '',
    );
    const timestamp = Number(header(headers, 'x-tc-timestamp'));
    if (!match || !Number.isInteger(timestamp)) return 'AuthFailure.InvalidAuthorization';
    const [, id, date, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
    if (id !== secretId) return 'AuthFailure.SecretIdNotFound';
    if (Math.abs(now() / 1000 - timestamp) > SIGNATURE_TTL_SECONDS) return 'AuthFailure.SignatureExpire';

    const names = signedHeaders.split(';');
    // Tencent requires content-type and host among the signed headers, and the scope to match the timestamp.
    if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure';
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || service !== 'sms') return 'AuthFailure.SignatureFailure';
    const values = names.map((name) => header(headers, name));
    if (values.some((value) => value === undefined)) return 'AuthFailure.SignatureFailure';

    const canonicalHeaders = names.map((name, i) => `${name}:${values[i]!.trim().toLowerCase()}\n`).join('');
    const canonicalRequest = [method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256Hex(body)].join('\n');
    const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
    const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
    const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
    return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? 'ok' : 'AuthFailure.SignatureFailure';
  }

  // ---- SendSms ------------------------------------------------------------------------------------------

  function sendSms(body: Json, requestId: string): Answer {
    const fail = (code: string, message?: string): Answer => errorAnswer(code, message, requestId);
    const unknown = Object.keys(body).find((key) => !SEND_SMS_FIELDS.has(key));
    if (unknown) return fail('UnknownParameter', `The parameter \`${unknown}\` is not recognized.`);
    for (const field of ['PhoneNumberSet', 'SmsSdkAppId', 'TemplateId']) {
      if (body[field] === undefined) return fail('MissingParameter', `The request is missing a required parameter \`${field}\`.`);
    }
    for (const field of ['SmsSdkAppId', 'TemplateId', 'SignName', 'ExtendCode', 'SessionContext', 'SenderId']) {
      if (body[field] !== undefined && typeof body[field] !== 'string') return fail('InvalidParameter', `The value type of parameter \`${field}\` is not valid.`);
    }
    const { PhoneNumberSet: numbers, TemplateParamSet: paramSet } = body;
    if (!isStringList(numbers)) return fail('InvalidParameter', 'The value type of parameter `PhoneNumberSet` is not valid.');
    if (paramSet !== undefined && !isStringList(paramSet)) return fail('InvalidParameter', 'The value type of parameter `TemplateParamSet` is not valid.');
    if (numbers.length === 0) return fail('MissingParameter.EmptyPhoneNumberSet');
    if (numbers.length > MAX_NUMBERS_PER_CALL) return fail('LimitExceeded.PhoneNumberCountLimit');

    const sdkAppId = body.SmsSdkAppId as string;
    const templateId = body.TemplateId as string;
    const signName = body.SignName as string | undefined;
    const sessionContext = body.SessionContext as string | undefined;
    const extendCode = body.ExtendCode as string | undefined;
    const params = paramSet ?? [];
    if (!/^\d+$/.test(sdkAppId) || (options.sdkAppId !== undefined && sdkAppId !== options.sdkAppId)) {
      return fail('UnauthorizedOperation.SmsSdkAppIdVerifyFail');
    }
    if (sessionContext !== undefined && Buffer.byteLength(sessionContext) > SESSION_CONTEXT_MAX_BYTES) {
      return fail('InvalidParameterValue', 'SessionContext must be shorter than 512 bytes.');
    }

    // What is wrong with the content applies to every number; Tencent reports it per number.
    const content = renderContent(signName, templateId, params);
    const contentProblem = problemWithContent(signName, templateId, params, content);
    const contentKey = JSON.stringify([signName, templateId, params]);

    const statuses = numbers.map((given) => {
      const phoneNumber = toE164(given);
      const status = (code: string, message?: string, isoCode = 'CN') => ({
        SerialNo: '',
        PhoneNumber: phoneNumber ?? given,
        Fee: 0,
        SessionContext: sessionContext ?? '',
        Code: code,
        Message: message ?? MESSAGES[code] ?? code,
        IsoCode: isoCode,
      });
      if (!phoneNumber) return status('InvalidParameterValue.IncorrectPhoneNumber', undefined, 'DEF');
      if (!phoneNumber.startsWith('+86')) return status('UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone', undefined, 'DEF');
      if (contentProblem) return status(contentProblem);
      if (state.blocked.has(phoneNumber)) return status('FailedOperation.PhoneNumberInBlacklist');
      const fault = takeNumberFault(phoneNumber);
      if (fault) return status(fault.code!, fault.message);

      const history = (state.sent.get(phoneNumber) ?? []).filter((sent) => sent.at >= beijingDayStart(now()));
      if (history.some((sent) => sent.content === contentKey && now() - sent.at < SAME_CONTENT_WINDOW_MS)) {
        return status('LimitExceeded.PhoneNumberThirtySecondLimit');
      }
      if (history.length >= dailyLimit) return status('LimitExceeded.PhoneNumberDailyLimit');
      state.sent.set(phoneNumber, [...history, { at: now(), content: contentKey }]);

      const serialNo = `2433:${randomInt(10 ** 9, 10 ** 10)}${randomInt(10 ** 9, 10 ** 10)}`;
      const fee = content === undefined ? 1 : feeFor(content);
      state.messages.push({
        at: iso(),
        serialNo,
        requestId,
        phoneNumber,
        sdkAppId,
        signName: signName ?? '',
        templateId,
        params: [...params],
        fee,
        ...(content === undefined ? {} : { content }),
        ...(sessionContext === undefined ? {} : { sessionContext }),
        ...(extendCode === undefined ? {} : { extendCode }),
      });
      return { ...status('Ok'), SerialNo: serialNo, Fee: fee };
    });
    return { status: 200, contentType: JSON_TYPE, json: { Response: { SendStatusSet: statuses, RequestId: requestId } } };
  }

  function renderContent(signName: string | undefined, templateId: string, params: readonly string[]): string | undefined {
    const text = options.templates?.[templateId];
    if (text === undefined) return undefined;
    return `【${signName ?? ''}】${text.replace(/\{(\d+)\}/g, (placeholder, n: string) => params[Number(n) - 1] ?? placeholder)}`;
  }

  function problemWithContent(signName: string | undefined, templateId: string, params: readonly string[], content: string | undefined): string | undefined {
    // A mainland SMS needs an approved signature: 2–12 Chinese characters, letters or digits.
    if (!signName || !/^[\p{Script=Han}A-Za-z0-9]{2,12}$/u.test(signName)) return 'FailedOperation.SignatureIncorrectOrUnapproved';
    if (options.signNames && !options.signNames.includes(signName)) return 'FailedOperation.SignatureIncorrectOrUnapproved';
    if (!/^\d+$/.test(templateId)) return 'FailedOperation.TemplateIncorrectOrUnapproved';
    const text = options.templates?.[templateId];
    if (options.templates && text === undefined) return 'FailedOperation.TemplateIncorrectOrUnapproved';
    if (text !== undefined && placeholderCount(text) !== params.length) return 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate';
    if (maxParamChars !== null && params.some((param) => characters(param) > maxParamChars)) return 'InvalidParameterValue.TemplateParameterLengthLimit';
    if (params.some((param) => /https?:\/\/|www\./i.test(param))) return 'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter';
    if (content !== undefined && characters(content) > MAX_SMS_CHARS) return 'InvalidParameterValue.ContentLengthLimit';
    return undefined;
  }

  // ---- faults -------------------------------------------------------------------------------------------

  function take(matches: (rule: SmsFaultRule) => boolean): SmsFaultRule | undefined {
    const rule = state.faults.find((f) => f.remaining > 0 && matches(f));
    if (!rule || random() >= (rule.probability ?? 1)) return undefined;
    rule.remaining--;
    state.faults = state.faults.filter((f) => f.remaining > 0);
    return rule;
  }

  const takeCallFault = (): SmsFaultRule | undefined => take((rule) => CALL_FAULT_KINDS.has(rule.kind));
  const takeNumberFault = (phoneNumber: string): SmsFaultRule | undefined =>
    take((rule) => rule.kind === 'number_code' && (rule.phone === undefined || toE164(rule.phone) === phoneNumber));

  // ---- request handling ---------------------------------------------------------------------------------

  function route(req: IncomingMessage, url: URL, raw: Buffer, record: SmsCallRecord, fault: SmsFaultRule | undefined): Answer {
    const requestId = randomUUID();
    const fail = (code: string, message?: string): Answer => errorAnswer(code, message, requestId);
    const method = req.method ?? 'GET';
    if (method !== 'POST') return fail('UnsupportedOperation', 'The stand-in takes POST requests with a JSON body, as the SDK sends them.');

    record.auth = verifySignature(method, url, req.headers, raw);
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
    return sendSms(body, requestId);
  }

  async function onApiCall(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
    const record: SmsCallRecord = { at: iso(), request: redactRequest(req, url, raw, secretKey) };
    state.calls.push(record);
    if (url.pathname !== '/') {
      record.answer = { status: 404, contentType: 'text/plain', text: '' };
      res.writeHead(404, { 'content-type': 'text/plain' }).end();
      return;
    }

    const fault = takeCallFault();
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
    const answer: Answer =
      fault?.kind === 'http_status'
        ? { status: fault.status!, contentType: 'text/html', text: `<html><body><h1>${fault.status} Bad Gateway</h1></body></html>` }
        : route(req, url, raw, record, fault);

    record.answer = 'json' in answer ? { status: answer.status, contentType: answer.contentType, json: answer.json } : answer;
    if (res.destroyed) return; // the client gave up during a delay
    const traceId = header(req.headers, 'x-tc-traceid');
    res
      .writeHead(answer.status, { 'content-type': answer.contentType, ...(traceId ? { 'x-tc-traceid': traceId } : {}) })
      .end('json' in answer ? JSON.stringify(answer.json) : answer.text);
  }

  // ---- control ------------------------------------------------------------------------------------------

  let served: Awaited<ReturnType<typeof serveStandIn>>;

  const handle: SmsStandIn = {
    url: '',
    secretId,
    secretKey,
    stop: () => served.stop(),
    injectFaults(rules) {
      const checked = rules.map(checkFault);
      state.faults.push(...checked.map((rule) => ({ ...rule, remaining: rule.times ?? 1 })));
    },
    clearFaults() {
      state.faults = [];
    },
    blockNumber(phone) {
      const phoneNumber = toE164(phone);
      if (!phoneNumber) throw new ControlError('phone must be a mobile number Tencent accepts (11 digits, or E.164)');
      state.blocked.add(phoneNumber);
    },
    calls: () => structuredClone(state.calls),
    messages: () => structuredClone(state.messages),
    reset() {
      state.generation++;
      state.faults = [];
      state.blocked.clear();
      state.sent.clear();
      state.calls = [];
      state.messages = [];
    },
  };

  function onControl(method: string, path: string, rawBody: string): { status: number; json: unknown } {
    const key = `${method} ${path}`;
    switch (key) {
      case 'POST /__control/faults': {
        const rules = parseJson(rawBody);
        if (!Array.isArray(rules)) throw new ControlError('expected a JSON list of fault rules');
        handle.injectFaults(rules as SmsFaultRule[]);
        return { status: 200, json: { pending: state.faults.length } };
      }
      case 'DELETE /__control/faults':
        handle.clearFaults();
        return { status: 200, json: { pending: 0 } };
      case 'POST /__control/blacklist': {
        const body = parseJson(rawBody) as { phone?: unknown } | null;
        if (typeof body?.phone !== 'string') throw new ControlError('phone (string) is required');
        handle.blockNumber(body.phone);
        return { status: 200, json: { blocked: [...state.blocked] } };
      }
      default:
        return commonControl(key, handle);
    }
  }

  served = await serveStandIn(options.port, {
    control: onControl,
    call: (req, res, url, body) => onApiCall(req, res, url, body),
  });
  return { ...handle, url: served.url };
}

// ---- helpers ------------------------------------------------------------------------------------------

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** What Tencent accepts for a number: E.164, or a mainland mobile bare or with 86/0086. Undefined if neither. */
function toE164(given: string): string | undefined {
  const compact = given.trim();
  const mainland = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  if (mainland) return `+86${mainland[1]}`;
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}

/** Characters as Tencent counts them: each Chinese character, letter, digit, punctuation mark or space is one. */
function characters(value: string): number {
  return [...value].length;
}

function placeholderCount(text: string): number {
  return new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1])).size;
}

function feeFor(content: string): number {
  const length = characters(content);
  return length <= SINGLE_SMS_CHARS ? 1 : Math.ceil(length / LONG_SMS_PART_CHARS);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}




const REDACTED = '[redacted]';
const KEPT_HEADERS = ['content-type', 'host', 'x-tc-action', 'x-tc-version', 'x-tc-region', 'x-tc-timestamp', 'x-tc-language', 'x-tc-requestclient', 'x-tc-traceid'];

function redactRequest(req: IncomingMessage, url: URL, raw: Buffer, secretKey: string): SmsCallRecord['request'] {
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

function checkFault(rule: SmsFaultRule): SmsFaultRule {
  const where = `fault ${JSON.stringify(rule)}`;
  if (typeof rule !== 'object' || rule === null) throw new ControlError(`${where}: expected an object`);
  const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
  const tencentCode = /^[A-Za-z]+(\.[A-Za-z0-9]+)*$/;
  switch (rule.kind) {
    case 'error':
    case 'number_code':
      if (typeof rule.code !== 'string' || !tencentCode.test(rule.code) || rule.code === 'Ok') {
        throw new ControlError(`${where}: code (a Tencent error code such as LimitExceeded.PhoneNumberDailyLimit) is required`);
      }
      if (rule.kind === 'number_code' && rule.phone !== undefined && (typeof rule.phone !== 'string' || !toE164(rule.phone))) {
        throw new ControlError(`${where}: phone must be a mobile number Tencent accepts`);
      }
      break;
    case 'http_status':
      if (!Number.isInteger(rule.status) || rule.status! < 400 || rule.status! > 599) throw new ControlError(`${where}: status (400–599) is required`);
      break;
    case 'delay':
      if (!isNumber(rule.ms) || rule.ms < 0) throw new ControlError(`${where}: ms (≥ 0) is required`);
      break;
    case 'hang':
      break;
    default:
      throw new ControlError(`${where}: kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  if (rule.times !== undefined && (!isNumber(rule.times) || rule.times < 1)) throw new ControlError(`${where}: times must be ≥ 1`);
  if (rule.probability !== undefined && (!isNumber(rule.probability) || rule.probability < 0 || rule.probability > 1)) {
    throw new ControlError(`${where}: probability must be between 0 and 1`);
  }
  return rule;
}

