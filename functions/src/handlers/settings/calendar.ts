import { routes } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { calendarOverview } from '../../use-cases/calendar';

/** GET /staff/settings/calendar — bureau staff: the working-day calendar's coverage and years. */
export const handler = httpRoute(routes.calendar, ({ now }) => calendarOverview(now));
