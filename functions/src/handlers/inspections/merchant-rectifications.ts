import { merchantRectificationsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { merchantRectifications } from '../../use-cases/rectifications';

/** GET /merchant/rectifications — the shop's people: their shop's rectification orders, open ones first. */
export const handler = httpRoute(merchantRectificationsRoute, ({ query, principal, now }) =>
  merchantRectifications(principal, query.merchantId, query.cursor, query.limit, now),
);
