import { staffWithdrawRecallRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { withdrawStaffRecall } from '../../use-cases/recalls';

/** POST /staff/recalls/{id}/withdraw — regulators and admins — withdraw a recall notice (audited). */
export const handler = httpRoute(staffWithdrawRecallRoute, ({ pathParams, body, principal, now }) => withdrawStaffRecall(pathParams.id, body, principal, now));
