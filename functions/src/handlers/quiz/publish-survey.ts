import { publishSurveyRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishSurvey } from '../../use-cases/survey';

/** POST /staff/surveys/{period} — county admins: publish the period's survey. */
export const handler = httpRoute(publishSurveyRoute, ({ pathParams, body, principal, now }) => publishSurvey(pathParams.period, body, principal, now));
