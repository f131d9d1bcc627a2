import { registerStationRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { registerStation } from '../../use-cases/stations';

/** POST /staff/stations — county admins: register a complaint station (audited); `Idempotency-Key` required. */
export const handler = httpRoute(registerStationRoute, ({ body, principal, idempotencyKey, now }) => registerStation(body, principal!, idempotencyKey!, now));
