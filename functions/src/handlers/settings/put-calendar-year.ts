import { putCalendarYearRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { enterCalendarYear } from '../../use-cases/calendar';

/** PUT /staff/settings/calendar/{year} — county admins only: enter or correct a year's schedule. */
export const handler = httpRoute(putCalendarYearRoute, ({ pathParams, body, principal, now }) => enterCalendarYear(pathParams.year, body, principal, now));
