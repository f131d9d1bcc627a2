import { checkFaultRule, TRANSPORT_FAULT_CHECKS } from '../common/faults';
import { STAND_IN_ENDPOINTS, type StandInEndpoint } from './protocol';

/**
 * A fault to inject into the next matching calls. `errcode` answers HTTP 200 with that WeChat error;
 * `http_status` answers with that status (e.g. 503) and no JSON; `delay` waits `ms` and then answers
 * normally; `hang` never answers (for client timeouts); `body` answers HTTP 200 with `body` as is (a
 * proxy's HTML page, a truncated or reshaped JSON); `lost_answer` does the work (a message is sent) and
 * then never answers — the case where the caller cannot know it succeeded. A rule applies `times` times (default 1), each time
 * with `probability` (default 1); rules are tried in order and the first that fires wins.
 */
export interface FaultRule {
  endpoint: StandInEndpoint;
  kind: 'errcode' | 'http_status' | 'delay' | 'hang' | 'body' | 'lost_answer';
  errcode?: number;
  /** Overrides the errmsg for `errcode` faults. */
  errmsg?: string;
  status?: number;
  ms?: number;
  body?: string;
  /** For `body` faults; text/html unless given. */
  contentType?: string;
  times?: number;
  probability?: number;
}

const KINDS = {
  errcode: (rule: FaultRule) => (!Number.isInteger(rule.errcode) || rule.errcode === 0 ? 'errcode (non-zero integer) is required' : undefined),
  ...TRANSPORT_FAULT_CHECKS,
  lost_answer: () => undefined,
  body: (rule: FaultRule) => (typeof rule.body !== 'string' ? 'body (string) is required' : undefined),
};

/** `rule` if it is a well-formed WeChat fault rule, else a ControlError saying what is wrong. */
export function checkFault(rule: FaultRule): FaultRule {
  return checkFaultRule(rule, KINDS, (r) =>
    (STAND_IN_ENDPOINTS as readonly string[]).includes(r.endpoint) ? undefined : `endpoint must be one of ${STAND_IN_ENDPOINTS.join(', ')}`,
  );
}
