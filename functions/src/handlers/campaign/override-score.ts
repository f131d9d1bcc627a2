import { overrideScoreRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { overrideScore } from '../../use-cases/assessment';

/** POST /staff/assessments/{year}/scorecards/{merchantId}/overrides — county admins only, before confirmation. */
export const handler = httpRoute(overrideScoreRoute, ({ pathParams, body, principal, now }) => overrideScore(pathParams.year, pathParams.merchantId, body, principal, now));
