import { calendarRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { calendarOverview } from '../../use-cases/calendar';

/** GET /staff/settings/calendar — bureau staff: the working-day calendar's coverage and years. */
export const handler = httpRoute(calendarRoute, ({ now }) => calendarOverview(now));
