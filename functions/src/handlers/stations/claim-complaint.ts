import { claimComplaintRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { claimComplaint } from '../../use-cases/stations';

/** POST /complaints/claims — signed-in consumers: claim a station-filed complaint with its one-time code (throttled). */
export const handler = httpRoute(claimComplaintRoute, ({ body, principal, now }) => claimComplaint(body.code, principal!, now));
