import { routes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { setYearTasks } from '../../use-cases/tasks';

/** PUT /staff/tasks/{year} — county admins only: the year's task list. */
export const handler = httpRoute(routes.putYearTasks, ({ pathParams, body, principal, now }) => setYearTasks(pathParams.year, body, principal, now));
