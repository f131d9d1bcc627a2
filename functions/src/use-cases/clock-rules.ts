import { Forbidden, isCountyAdmin, type ClockRules } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { getClockRules, saveClockRules } from '../store/settings';

/** Any staff member may read the county's clocks (they work to them). */
export const readClockRules = (now: Date) => getClockRules(now.getTime());

/** Only a county admin changes them; the change applies to moves from now on, never to running deadlines. */
export async function changeClockRules(rules: ClockRules, principal: Principal): Promise<ClockRules> {
  if (!isCountyAdmin(principal.roles.staff)) throw new Forbidden('只有县级管理员可以修改时限规则');
  await saveClockRules(rules);
  return rules;
}
