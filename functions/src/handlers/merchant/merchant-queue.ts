import { merchantQueueRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { merchantQueue } from '../../use-cases/read-complaints';

/** GET /merchant/complaints — merchant staff: their own shop's queue. */
export const handler = httpRoute(merchantQueueRoute, ({ query, principal, now }) =>
  merchantQueue(principal, query.merchantId, query.cursor, query.limit, now),
);
