import { openDataCsvRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { openData } from '../../use-cases/public-statistics';

/** GET /statistics/open-data.csv — anyone — the open-data file of monthly aggregates (no personal data). */
export const handler = httpRoute(openDataCsvRoute, ({ query, now }) => openData(query, now), { cacheControl: 'public, max-age=300' });
