import { currentSurveyRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { currentSurvey } from '../../use-cases/survey';

/** GET /survey — anyone: the current period's survey. */
export const handler = httpRoute(currentSurveyRoute, ({ now }) => currentSurvey(now));
