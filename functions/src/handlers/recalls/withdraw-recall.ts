import { withdrawRecallRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { withdrawShopRecall } from '../../use-cases/recalls';

/** POST /merchant/shops/{id}/recalls/{recallId}/withdraw — the shop's owner — withdraw the shop's recall notice. */
export const handler = httpRoute(withdrawRecallRoute, ({ pathParams, body, principal, now }) => withdrawShopRecall(pathParams.id, pathParams.recallId, body, principal, now));
