import { stationFollowUpsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { stationFollowUps } from '../../use-cases/follow-ups';

/** GET /station/follow-ups — station staff: the 回访 due for the cases their station took in. */
export const handler = httpRoute(stationFollowUpsRoute, ({ query, principal, now }) => stationFollowUps(principal!, query, now));
