import { getMerchantRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { getMerchantPublicView } from '../../use-cases/get-merchant-public-view';

/** GET /merchants/{id} — public: the shop page behind every 放心消费 QR code. */
export const handler = httpRoute(getMerchantRoute, ({ pathParams, now }) => getMerchantPublicView(pathParams.id, now), {
  // Short shared cache: a poster is scanned by many people, and a status change shows within a minute.
  cacheControl: 'public, max-age=60',
});
