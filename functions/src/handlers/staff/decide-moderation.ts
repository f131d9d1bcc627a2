import { decideModerationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { decideModeration } from '../../use-cases/moderate-content';

/** POST /staff/moderation/{complaintId}/{target} — bureau staff: release or block a held text (once; audited). */
export const handler = httpRoute(decideModerationRoute, ({ pathParams, body, principal, now }) =>
  decideModeration(pathParams.complaintId, pathParams.target, body, principal, now),
);
