import { inviteStationStaffRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { inviteStationStaff } from '../../use-cases/stations';

/** POST /staff/stations/{id}/invitations — admins and the town's regulators: a one-time code for new station staff (audited). */
export const handler = httpRoute(inviteStationStaffRoute, ({ pathParams, principal, idempotencyKey, now }) => inviteStationStaff(pathParams.id, principal!, idempotencyKey!, now));
