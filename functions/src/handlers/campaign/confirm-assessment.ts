import { confirmAssessmentRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { confirmAssessment } from '../../use-cases/assessment';

/** POST /staff/assessments/{year}/confirm — county admins only: award the year's 示范 titles (once). */
export const handler = httpRoute(confirmAssessmentRoute, ({ pathParams, principal, now }) => confirmAssessment(pathParams.year, principal, now));
