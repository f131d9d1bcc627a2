import { routes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { currentSurvey } from '../../use-cases/survey';

/** GET /survey — anyone: the current period's survey. */
export const handler = httpRoute(routes.currentSurvey, ({ now }) => currentSurvey(now));
