import { openAssessmentRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { openAssessment } from '../../use-cases/assessment';

/** POST /staff/assessments/{year} — county admins only: open the year's assessment. */
export const handler = httpRoute(openAssessmentRoute, ({ pathParams, body, principal, now }) => openAssessment(pathParams.year, body.standard, principal, now));
