import { staffRecallsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { staffRecalls } from '../../use-cases/recalls';

/** GET /staff/recalls — bureau staff — recall notices in their jurisdiction. */
export const handler = httpRoute(staffRecallsRoute, ({ query, principal }) => staffRecalls(query, principal));
