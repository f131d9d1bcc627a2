import { targetsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { yearTargets } from '../../use-cases/dashboard';

/** GET /staff/settings/targets/{year} — bureau staff: the year's indicator targets and where they come from. */
export const handler = httpRoute(targetsRoute, ({ pathParams, now }) => yearTargets(pathParams.year, now));
