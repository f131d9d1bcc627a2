import { recordViolationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { recordViolation } from '../../use-cases/registry';

/** POST /staff/merchants/{id}/violations — regulators (their towns) and county admins: record a credit flag; `Idempotency-Key` required (a retry records it once). */
export const handler = httpRoute(recordViolationRoute, ({ pathParams, body, principal, idempotencyKey, now }) => recordViolation(pathParams.id, body, principal, idempotencyKey!, now));
