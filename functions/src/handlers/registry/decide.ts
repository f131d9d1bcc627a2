import { decideApplicationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { decideApplication } from '../../use-cases/registry';

/** POST /staff/merchants/{id}/decision — county admins: approve (issues the owner's binding code) or reject. */
export const handler = httpRoute(decideApplicationRoute, ({ pathParams, body, principal, now }) => decideApplication(pathParams.id, body, principal, now));
