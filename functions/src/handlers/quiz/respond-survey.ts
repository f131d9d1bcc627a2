import { respondSurveyRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { respondSurvey } from '../../use-cases/survey';

/** POST /surveys/{period}/responses — signed-in consumers: one counted response per period. */
export const handler = httpRoute(respondSurveyRoute, ({ pathParams, body, principal, now }) => respondSurvey(pathParams.period, body, principal, now));
