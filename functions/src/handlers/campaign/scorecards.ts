import { scorecardsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { listYearScorecards } from '../../use-cases/assessment';

/** GET /staff/assessments/{year}/scorecards — bureau staff: the results in their towns, failed first. */
export const handler = httpRoute(scorecardsRoute, ({ pathParams, query, principal }) => listYearScorecards(pathParams.year, query, principal));
