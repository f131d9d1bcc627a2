import { stationFileComplaintRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { stationFileComplaint } from '../../use-cases/stations';

/** POST /station/complaints — station staff: file for a walk-in or phone consumer; `Idempotency-Key` required. */
export const handler = httpRoute(stationFileComplaintRoute, ({ body, principal, idempotencyKey, now }) =>
  stationFileComplaint(body, principal!, idempotencyKey!, now),
);
