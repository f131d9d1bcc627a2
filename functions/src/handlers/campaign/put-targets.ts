import { putTargetsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { setYearTargets } from '../../use-cases/dashboard';

/** PUT /staff/settings/targets/{year} — county admins only: the year's indicator targets. */
export const handler = httpRoute(putTargetsRoute, ({ pathParams, body, principal, now }) => setYearTargets(pathParams.year, body, principal, now));
