import { bulletinRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { bulletin } from '../../use-cases/bulletin';

/** GET /staff/bulletins/{period} — county-wide staff: the bulletin for a month (2026-11) or a year (2026). */
export const handler = httpRoute(bulletinRoute, ({ pathParams, principal, now }) => bulletin(pathParams.period, principal, now));
