import { reissueClaimCodeRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { reissueClaimCode } from '../../use-cases/stations';

/** POST /station/complaints/{id}/claim-code — station staff: a new claim code for an unclaimed case they took in. */
export const handler = httpRoute(reissueClaimCodeRoute, ({ pathParams, body, principal, idempotencyKey, now }) => reissueClaimCode(pathParams.id, body.sendBySms, principal!, idempotencyKey!, now));
