import { exclusionsCsvRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { exclusionsCsv } from '../../use-cases/assessment';

/** GET /staff/assessments/{year}/exclusions.csv — bureau staff: shops not to be put forward for 文明单位 etc. */
export const handler = httpRoute(exclusionsCsvRoute, ({ pathParams, principal, now }) => exclusionsCsv(pathParams.year, principal, now));
