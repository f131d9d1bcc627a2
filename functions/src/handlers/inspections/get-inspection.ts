import { getInspectionRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { getInspection } from '../../use-cases/inspections';

/** GET /staff/inspections/{id} — bureau staff with jurisdiction: an inspection and its rectification orders. */
export const handler = httpRoute(getInspectionRoute, ({ pathParams, principal, now }) => getInspection(pathParams.id, principal, now));
