import { myComplaintsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { myComplaints } from '../../use-cases/read-complaints';

/** GET /complaints — signed-in users: their own complaints only. */
export const handler = httpRoute(myComplaintsRoute, ({ query, principal, now }) => myComplaints(principal, query.cursor, query.limit, now));
