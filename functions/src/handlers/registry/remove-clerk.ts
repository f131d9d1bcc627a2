import { removeClerkRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { removeClerk } from '../../use-cases/registry';

/** DELETE /merchant/shops/{id}/people/{userId} — the shop's owner: remove a clerk (effective at once). */
export const handler = httpRoute(removeClerkRoute, ({ pathParams, principal }) => removeClerk(pathParams.id, pathParams.userId, principal));
