import { routes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { myComplaints } from '../../use-cases/read-complaints';

/** GET /complaints — signed-in users: their own complaints only. */
export const handler = httpRoute(routes.myComplaints, ({ query, principal, now }) => myComplaints(principal, query.cursor, query.limit, now));
