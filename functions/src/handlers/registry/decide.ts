import { decideApplicationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { decideApplication } from '../../use-cases/registry';

/** POST /staff/merchants/{id}/decision — county admins: approve (issues the owner's binding code) or reject; `Idempotency-Key` required (a retry answers the same decision). */
export const handler = httpRoute(decideApplicationRoute, ({ pathParams, body, principal, idempotencyKey, now }) => decideApplication(pathParams.id, body, principal, idempotencyKey!, now));
