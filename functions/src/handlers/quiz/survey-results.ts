import { surveyResultsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { surveyResults } from '../../use-cases/survey';

/** GET /staff/surveys/{period}/results — bureau staff: counts per option per town. */
export const handler = httpRoute(surveyResultsRoute, ({ pathParams, principal }) => surveyResults(pathParams.period, principal));
