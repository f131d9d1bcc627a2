import { changeMerchantStatusRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { changeMerchantStatus } from '../../use-cases/registry';

/** POST /staff/merchants/{id}/status — regulators (their towns) and county admins: suspend, revoke, reinstate. */
export const handler = httpRoute(changeMerchantStatusRoute, ({ pathParams, body, principal, now }) => changeMerchantStatus(pathParams.id, body, principal, now));
