import { publicStatisticsRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { publicStatistics } from '../../use-cases/public-statistics';

/** GET /statistics — anyone — monthly complaint figures of the county, a town or a sector (counters). */
export const handler = httpRoute(publicStatisticsRoute, ({ query, now }) => publicStatistics(query, now), { cacheControl: 'public, max-age=300' });
