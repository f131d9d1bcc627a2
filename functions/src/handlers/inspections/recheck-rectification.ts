import { recheckRectificationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { recheckRectification } from '../../use-cases/rectifications';

/** POST /staff/rectifications/{id}/recheck — regulators (their towns) and admins: pass, or fail with a new deadline. */
export const handler = httpRoute(recheckRectificationRoute, ({ pathParams, body, principal, now }) => recheckRectification(pathParams.id, body, principal, now));
