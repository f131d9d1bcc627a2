import { redeemStationCodeRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { redeemStationCode } from '../../use-cases/stations';

/** POST /station/bindings — signed-in users: join a complaint station with a one-time code (throttled); answers a fresh session. */
export const handler = httpRoute(redeemStationCodeRoute, ({ body, principal, now }) => redeemStationCode(body.code, principal!, now));
