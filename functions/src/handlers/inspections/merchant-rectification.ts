import { merchantRectificationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { getRectificationForMerchant } from '../../use-cases/rectifications';

/** GET /merchant/rectifications/{id} — the shop's people: one of their shop's rectification orders. */
export const handler = httpRoute(merchantRectificationRoute, ({ pathParams, principal, now }) => getRectificationForMerchant(pathParams.id, principal, now));
