import { rectificationsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { listRectifications } from '../../use-cases/rectifications';

/** GET /staff/rectifications — bureau staff: open or overdue rectification orders in their jurisdiction, or one shop's. */
export const handler = httpRoute(rectificationsRoute, ({ query, principal, now }) => listRectifications(query, principal, now));
