import { calendarYearRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { calendarYear } from '../../use-cases/calendar';

/** GET /staff/settings/calendar/{year} — bureau staff: one year's holidays and 调休 days, and where they come from. */
export const handler = httpRoute(calendarYearRoute, ({ pathParams, now }) => calendarYear(pathParams.year, now));
