import { registryRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { listRegistry } from '../../use-cases/registry';

/** GET /staff/merchants — bureau staff: shops by status in their jurisdiction. */
export const handler = httpRoute(registryRoute, ({ query, principal }) => listRegistry(principal, query.status, query.town, query.cursor, query.limit));
