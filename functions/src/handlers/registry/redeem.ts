import { redeemBindingRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { redeemBindingCode } from '../../use-cases/registry';

/** POST /merchant/bindings — signed-in users: bind to a shop with a one-time code; answers a refreshed session. */
export const handler = httpRoute(redeemBindingRoute, ({ body, principal, now }) => redeemBindingCode(body.code, principal, now));
