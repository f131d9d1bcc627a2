import { staffQuizRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { staffQuiz } from '../../use-cases/quiz';

/** GET /staff/quizzes/{period} — bureau staff: the period's quiz with its answers. */
export const handler = httpRoute(staffQuizRoute, ({ pathParams }) => staffQuiz(pathParams.period));
