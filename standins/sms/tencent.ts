import type { IncomingHttpHeaders } from 'node:http';
import type { JsonAnswer } from '../common/answers';

/**
 * Tencent Cloud API 3.0 conventions the SMS endpoints share: the version and regions, the error answer
 * shape with Tencent's messages, and how Tencent reads a phone number.
 */

export const SMS_API_VERSION = '2021-01-11';
/** Regions where Tencent offers SMS. */
export const SMS_REGIONS: readonly string[] = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing'];

export const JSON_TYPE = 'application/json';

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

/** Tencent's message for `code`, or the code itself where the stand-in does not know Tencent's words. */
export function messageFor(code: string): string {
  return MESSAGES[code] ?? code;
}

/** A failed call, as Tencent answers it: HTTP 200 with `Response.Error`. */
export function errorAnswer(code: string, message: string | undefined, requestId: string): JsonAnswer {
  return { status: 200, contentType: JSON_TYPE, json: { Response: { Error: { Code: code, Message: message ?? messageFor(code) }, RequestId: requestId } } };
}

/** One request header as a string; repeated headers joined as HTTP joins them. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** What Tencent accepts for a number: E.164, or a mainland mobile bare or with 86/0086. Undefined if neither. */
export function toE164(given: string): string | undefined {
  const compact = given.trim();
  const mainland = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  if (mainland) return `+86${mainland[1]}`;
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}
