import { resolveViolationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { resolveViolation } from '../../use-cases/registry';

/** POST /staff/merchants/{id}/violations/resolutions — regulators (their towns) and county admins: resolve a credit flag (信用修复), audited. */
export const handler = httpRoute(resolveViolationRoute, ({ pathParams, body, principal, now }) => resolveViolation(pathParams.id, body, principal, now));
