import { staffPublishRecallRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishStaffRecall } from '../../use-cases/recalls';

/** POST /staff/recalls — regulators and admins — publish a recall notice (audited); `Idempotency-Key` required. */
export const handler = httpRoute(staffPublishRecallRoute, ({ body, principal, idempotencyKey, now }) => publishStaffRecall(body, principal, idempotencyKey!, now));
