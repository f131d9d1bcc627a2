import { assessmentRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { assessmentOverview } from '../../use-cases/assessment';

/** GET /staff/assessments/{year} — bureau staff: the year's assessment (their towns' shops). */
export const handler = httpRoute(assessmentRoute, ({ pathParams, principal, now }) => assessmentOverview(pathParams.year, principal, now));
