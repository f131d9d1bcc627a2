import { triageQueueRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { triageQueue } from '../../use-cases/read-complaints';

/** GET /staff/complaints — bureau staff: escalated and overdue complaints in their jurisdiction. */
export const handler = httpRoute(triageQueueRoute, ({ query, principal, now }) => {
  const { cursor, limit, ...filters } = query;
  return triageQueue(principal, filters, cursor, limit, now);
});
