import { attemptQuizRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { attemptQuiz } from '../../use-cases/quiz';

/** POST /quizzes/{period}/attempts — anyone: graded; signed in, the first attempt of the period counts. */
export const handler = httpRoute(attemptQuizRoute, ({ pathParams, body, principal, now }) => attemptQuiz(pathParams.period, body, principal, now));
