import { publishRecallRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishShopRecall } from '../../use-cases/recalls';

/** POST /merchant/shops/{id}/recalls — the shop's owner — publish a recall notice (content-checked); `Idempotency-Key` required. */
export const handler = httpRoute(publishRecallRoute, ({ pathParams, body, principal, idempotencyKey, now }) => publishShopRecall(pathParams.id, body, principal, idempotencyKey!, now));
