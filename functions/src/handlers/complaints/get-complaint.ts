import { getComplaintRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { getComplaint } from '../../use-cases/read-complaints';

/** GET /complaints/{id} — its complainant, its shop's staff, or bureau staff with jurisdiction; 404 for anyone else. */
export const handler = httpRoute(getComplaintRoute, ({ pathParams, principal, now }) => getComplaint(pathParams.id, principal, now));
