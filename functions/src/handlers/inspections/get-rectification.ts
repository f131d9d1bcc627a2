import { getRectificationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { getRectificationForStaff } from '../../use-cases/rectifications';

/** GET /staff/rectifications/{id} — bureau staff with jurisdiction: a rectification order in full. */
export const handler = httpRoute(getRectificationRoute, ({ pathParams, principal, now }) => getRectificationForStaff(pathParams.id, principal, now));
