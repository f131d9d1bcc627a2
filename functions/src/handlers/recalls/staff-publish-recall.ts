import { staffPublishRecallRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publishStaffRecall } from '../../use-cases/recalls';

/** POST /staff/recalls — regulators and admins — publish a recall notice (audited). */
export const handler = httpRoute(staffPublishRecallRoute, ({ body, principal, now }) => publishStaffRecall(body, principal, now));
