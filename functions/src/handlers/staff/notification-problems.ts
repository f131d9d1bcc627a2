import { notificationProblemsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { notificationProblems } from '../../use-cases/notification-problems';

/** GET /staff/notifications/problems — bureau staff: notifications that could not be delivered, in their jurisdiction. */
export const handler = httpRoute(notificationProblemsRoute, ({ query, principal }) => notificationProblems(principal, query.cursor, query.limit));
