import { shopQrCodeRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { shopQrCode } from '../../use-cases/shop-qrcode';

/** GET /merchant/shops/{id}/qrcode — the shop's people and bureau staff with jurisdiction. */
export const handler = httpRoute(shopQrCodeRoute, ({ pathParams, principal, now }) => shopQrCode(pathParams.id, principal, now));
