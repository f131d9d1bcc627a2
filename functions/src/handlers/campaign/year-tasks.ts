import { yearTasksRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { yearTasks } from '../../use-cases/tasks';

/** GET /staff/tasks/{year} — bureau staff: the year's tasks and their progress (town staff: their towns'). */
export const handler = httpRoute(yearTasksRoute, ({ pathParams, principal, now }) => yearTasks(pathParams.year, principal, now));
