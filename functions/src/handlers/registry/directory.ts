import { directoryRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { browseDirectory } from '../../use-cases/directory';

/** GET /merchants — public: the 放心消费 directory by sector, town and area type, badges first. */
export const handler = httpRoute(
  directoryRoute,
  ({ query }) => browseDirectory({ ...(query.sector ? { sector: query.sector } : {}), ...(query.town ? { town: query.town } : {}), ...(query.areaType ? { areaType: query.areaType } : {}) }, query.cursor, query.limit),
  { cacheControl: 'public, max-age=60' },
);
