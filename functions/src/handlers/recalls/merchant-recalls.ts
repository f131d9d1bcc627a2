import { merchantRecallsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { shopRecallsForMerchant } from '../../use-cases/recalls';

/** GET /merchant/shops/{id}/recalls — the shop's people — its recall notices, withdrawn and held included. */
export const handler = httpRoute(merchantRecallsRoute, ({ pathParams, query, principal }) => shopRecallsForMerchant(pathParams.id, query, principal));
