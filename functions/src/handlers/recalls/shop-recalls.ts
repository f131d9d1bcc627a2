import { shopRecallsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publicShopRecalls } from '../../use-cases/public-recalls';

/** GET /merchants/{id}/recalls — anyone — a shop's recall notices in force. */
export const handler = httpRoute(shopRecallsRoute, ({ pathParams, query }) => publicShopRecalls(pathParams.id, query));
