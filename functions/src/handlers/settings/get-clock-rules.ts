import { getClockRulesRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { readClockRules } from '../../use-cases/clock-rules';

/** GET /staff/settings/clock-rules — bureau staff. */
export const handler = httpRoute(getClockRulesRoute, () => readClockRules());
