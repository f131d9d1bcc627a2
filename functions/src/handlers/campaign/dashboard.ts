import { dashboardRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { dashboard } from '../../use-cases/dashboard';

/** GET /staff/dashboard — bureau staff: indicators against targets for a year and a scope in their jurisdiction. */
export const handler = httpRoute(dashboardRoute, ({ query, principal, now }) => dashboard(principal, query, now));
