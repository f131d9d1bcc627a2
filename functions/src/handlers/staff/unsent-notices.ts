import { unsentNoticesRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { unsentNotices } from '../../use-cases/party-notices';

/** GET /staff/notices/unsent — bureau staff: written notices not yet known to have reached both parties, in their jurisdiction. */
export const handler = httpRoute(unsentNoticesRoute, ({ query, principal, now }) => unsentNotices(principal, query.cursor, query.limit, now));
