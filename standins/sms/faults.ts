import { checkFaultRule, TRANSPORT_FAULT_CHECKS } from '../common/faults';
import type { SmsState } from './state';
import { toE164 } from './tencent';

/**
 * A fault for the next matching calls. `error`: the call fails with Tencent error `code` (after the
 * signature check, as Tencent's own errors do); `number_code`: the call succeeds but the number (`phone`,
 * or every number) gets `code` as its status; `http_status`: that HTTP status (e.g. 502) with an HTML
 * body; `delay`: answers normally after `ms`; `hang`: never answers (for client timeouts). A rule applies
 * `times` times (default 1), each time with `probability` (default 1); rules are tried in order and the
 * first that fires wins.
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

const TENCENT_CODE = /^[A-Za-z]+(\.[A-Za-z0-9]+)*$/;

function checkCode(rule: SmsFaultRule): string | undefined {
  if (typeof rule.code !== 'string' || !TENCENT_CODE.test(rule.code) || rule.code === 'Ok') {
    return 'code (a Tencent error code such as LimitExceeded.PhoneNumberDailyLimit) is required';
  }
  if (rule.kind === 'number_code' && rule.phone !== undefined && (typeof rule.phone !== 'string' || !toE164(rule.phone))) {
    return 'phone must be a mobile number Tencent accepts';
  }
  return undefined;
}

const KINDS = { error: checkCode, number_code: checkCode, ...TRANSPORT_FAULT_CHECKS };

/** `rule` if it is a well-formed SMS fault rule, else a ControlError saying what is wrong. */
export function checkFault(rule: SmsFaultRule): SmsFaultRule {
  return checkFaultRule(rule, KINDS);
}

/** The fault for the call as a whole (`number_code` faults wait for a number to match). */
export function takeCallFault(state: SmsState): SmsFaultRule | undefined {
  return state.faults.take((rule) => rule.kind !== 'number_code');
}

/** The `number_code` fault for one number of a call, if any. */
export function takeNumberFault(state: SmsState, phoneNumber: string): SmsFaultRule | undefined {
  return state.faults.take((rule) => rule.kind === 'number_code' && (rule.phone === undefined || toE164(rule.phone) === phoneNumber));
}
