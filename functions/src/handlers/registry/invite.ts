import { inviteClerkRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { inviteClerk } from '../../use-cases/registry';

/** POST /merchant/shops/{id}/invitations — the shop's owner: a one-time code for a new clerk. */
export const handler = httpRoute(inviteClerkRoute, ({ pathParams, principal, idempotencyKey, now }) => inviteClerk(pathParams.id, principal, idempotencyKey!, now));
