import { putClockRulesRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { changeClockRules } from '../../use-cases/clock-rules';

/** PUT /staff/settings/clock-rules — county admins only. */
export const handler = httpRoute(putClockRulesRoute, ({ body, principal, now }) => changeClockRules(body, principal, now));
