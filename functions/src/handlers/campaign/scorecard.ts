import { scorecardRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { yearScorecard } from '../../use-cases/assessment';

/** GET /staff/assessments/{year}/scorecards/{merchantId} — bureau staff with the shop's town: one scorecard. */
export const handler = httpRoute(scorecardRoute, ({ pathParams, principal }) => yearScorecard(pathParams.year, pathParams.merchantId, principal));
