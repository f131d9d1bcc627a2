import { putYearTasksRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { setYearTasks } from '../../use-cases/tasks';

/** PUT /staff/tasks/{year} — county admins only: the year's task list. */
export const handler = httpRoute(putYearTasksRoute, ({ pathParams, body, principal, now }) => setYearTasks(pathParams.year, body, principal, now));
