import { applyForMerchantRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { applyForMerchant } from '../../use-cases/shop-commitments';

/** POST /merchant-applications — signed-in users: a shop applies to join the campaign. */
export const handler = httpRoute(applyForMerchantRoute, ({ body, principal, idempotencyKey, now }) => applyForMerchant(body, principal!, idempotencyKey!, now));
