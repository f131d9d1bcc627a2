import { recordInspectionRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { recordInspection } from '../../use-cases/inspections';

/** POST /staff/inspections — regulators (their towns) and admins: record an inspection with its rectification orders; `Idempotency-Key` required. */
export const handler = httpRoute(recordInspectionRoute, ({ body, principal, idempotencyKey, now }) => recordInspection(body, principal, idempotencyKey!, now));
