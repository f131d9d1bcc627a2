import { currentQuizRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { currentQuiz } from '../../use-cases/quiz';

/** GET /quiz — anyone: the current period's quiz, questions and options only. */
export const handler = httpRoute(currentQuizRoute, ({ now }) => currentQuiz(now));
