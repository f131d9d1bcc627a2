import { publishQuizRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishQuiz } from '../../use-cases/quiz';

/** POST /staff/quizzes/{period} — county admins: publish the period's quiz. */
export const handler = httpRoute(publishQuizRoute, ({ pathParams, body, principal, now }) => publishQuiz(pathParams.period, body, principal, now));
