import { staffFollowUpsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { staffFollowUps } from '../../use-cases/follow-ups';

/** GET /staff/follow-ups — bureau staff: the 回访 due in their jurisdiction. */
export const handler = httpRoute(staffFollowUpsRoute, ({ query, principal, now }) => staffFollowUps(principal!, query, now));
