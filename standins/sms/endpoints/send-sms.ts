import { randomInt } from 'node:crypto';
import type { JsonAnswer } from '../../common/answers';
import { beijingDayStart, ControlError, isoTime, type Json } from '../../common/http';
import { takeNumberFault } from '../faults';
import type { SmsState } from '../state';
import { errorAnswer, JSON_TYPE, messageFor, toE164 } from '../tencent';

/** Tencent's default frequency policy: the same content to the same number at most once in 30 seconds… */
const SAME_CONTENT_WINDOW_MS = 30_000;
/** …and at most 10 SMS to one number in a calendar day. */
export const DEFAULT_DAILY_LIMIT_PER_NUMBER = 10;
/** An account verified as a person may put at most 12 characters in a template variable. */
export const DEFAULT_MAX_PARAM_CHARS = 12;
const MAX_NUMBERS_PER_CALL = 200;
const SESSION_CONTEXT_MAX_BYTES = 511;
/** SMS longer than this (signature included) are split and billed per 67-character part. */
const SINGLE_SMS_CHARS = 70;
const LONG_SMS_PART_CHARS = 67;
const MAX_SMS_CHARS = 500;

const SEND_SMS_FIELDS = new Set(['PhoneNumberSet', 'SmsSdkAppId', 'TemplateId', 'SignName', 'TemplateParamSet', 'ExtendCode', 'SessionContext', 'SenderId']);

/**
 * Action SendSms, once the call is signed and addressed: a call-level error for a malformed request, else
 * one `SendStatusSet` entry per number whose own `Code` says whether that number got the SMS.
 */
export function sendSms(state: SmsState, body: Json, requestId: string): JsonAnswer {
  const { config } = state;
  const fail = (code: string, message?: string): JsonAnswer => errorAnswer(code, message, requestId);
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
  if (!/^\d+$/.test(sdkAppId) || (config.sdkAppId !== undefined && sdkAppId !== config.sdkAppId)) {
    return fail('UnauthorizedOperation.SmsSdkAppIdVerifyFail');
  }
  if (sessionContext !== undefined && Buffer.byteLength(sessionContext) > SESSION_CONTEXT_MAX_BYTES) {
    return fail('InvalidParameterValue', 'SessionContext must be shorter than 512 bytes.');
  }

  // What is wrong with the content applies to every number; Tencent reports it per number.
  const content = renderContent(state, signName, templateId, params);
  const contentProblem = problemWithContent(state, signName, templateId, params, content);
  const contentKey = JSON.stringify([signName, templateId, params]);

  const statuses = numbers.map((given) => {
    const phoneNumber = toE164(given);
    const status = (code: string, message?: string, isoCode = 'CN') => ({
      SerialNo: '',
      PhoneNumber: phoneNumber ?? given,
      Fee: 0,
      SessionContext: sessionContext ?? '',
      Code: code,
      Message: message ?? messageFor(code),
      IsoCode: isoCode,
    });
    if (!phoneNumber) return status('InvalidParameterValue.IncorrectPhoneNumber', undefined, 'DEF');
    if (!phoneNumber.startsWith('+86')) return status('UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone', undefined, 'DEF');
    if (contentProblem) return status(contentProblem);
    if (state.blocked.has(phoneNumber)) return status('FailedOperation.PhoneNumberInBlacklist');
    const fault = takeNumberFault(state, phoneNumber);
    if (fault) return status(fault.code!, fault.message);

    const at = config.now();
    const history = (state.sent.get(phoneNumber) ?? []).filter((sent) => sent.at >= beijingDayStart(at));
    if (history.some((sent) => sent.content === contentKey && at - sent.at < SAME_CONTENT_WINDOW_MS)) {
      return status('LimitExceeded.PhoneNumberThirtySecondLimit');
    }
    if (history.length >= config.dailyLimitPerNumber) return status('LimitExceeded.PhoneNumberDailyLimit');
    state.sent.set(phoneNumber, [...history, { at, content: contentKey }]);

    const serialNo = `2433:${randomInt(10 ** 9, 10 ** 10)}${randomInt(10 ** 9, 10 ** 10)}`;
    const fee = content === undefined ? 1 : feeFor(content);
    state.messages.add({
      at: isoTime(config.now),
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

/** This number unsubscribed or is on a carrier's blocklist: it gets FailedOperation.PhoneNumberInBlacklist. */
export function blockNumber(state: SmsState, phone: string): void {
  const phoneNumber = toE164(phone);
  if (!phoneNumber) throw new ControlError('phone must be a mobile number Tencent accepts (11 digits, or E.164)');
  state.blocked.add(phoneNumber);
}

function renderContent(state: SmsState, signName: string | undefined, templateId: string, params: readonly string[]): string | undefined {
  const text = state.config.templates?.[templateId];
  if (text === undefined) return undefined;
  return `【${signName ?? ''}】${text.replace(/\{(\d+)\}/g, (placeholder, n: string) => params[Number(n) - 1] ?? placeholder)}`;
}

function problemWithContent(
  state: SmsState,
  signName: string | undefined,
  templateId: string,
  params: readonly string[],
  content: string | undefined,
): string | undefined {
  const { signNames, templates, maxParamChars } = state.config;
  // A mainland SMS needs an approved signature: 2–12 Chinese characters, letters or digits.
  if (!signName || !/^[\p{Script=Han}A-Za-z0-9]{2,12}$/u.test(signName)) return 'FailedOperation.SignatureIncorrectOrUnapproved';
  if (signNames && !signNames.includes(signName)) return 'FailedOperation.SignatureIncorrectOrUnapproved';
  if (!/^\d+$/.test(templateId)) return 'FailedOperation.TemplateIncorrectOrUnapproved';
  const text = templates?.[templateId];
  if (templates && text === undefined) return 'FailedOperation.TemplateIncorrectOrUnapproved';
  if (text !== undefined && placeholderCount(text) !== params.length) return 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate';
  if (maxParamChars !== null && params.some((param) => characters(param) > maxParamChars)) return 'InvalidParameterValue.TemplateParameterLengthLimit';
  if (params.some((param) => /https?:\/\/|www\./i.test(param))) return 'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter';
  if (content !== undefined && characters(content) > MAX_SMS_CHARS) return 'InvalidParameterValue.ContentLengthLimit';
  return undefined;
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
