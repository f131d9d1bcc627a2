import { staffContentRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { staffContent } from '../../use-cases/content';

/** GET /staff/content — county admins — every article or banner, unpublished included. */
export const handler = httpRoute(staffContentRoute, ({ query, principal, now }) => staffContent(query.kind, query, principal, now));
