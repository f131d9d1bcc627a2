import { Forbidden, isCountyAdmin, type ClockRules } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { getClockRules, saveClockRules } from '../store/settings';

/** Any staff member may read the county's clocks (they work to them). */
export const readClockRules = (now: Date) => getClockRules(now.getTime());

/** Only a county admin changes them (audited); the change applies to moves from now on, never to running deadlines. */
export async function changeClockRules(rules: ClockRules, principal: Principal, now: Date): Promise<ClockRules> {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden('只有县级管理员可以修改时限规则');
  await saveClockRules(rules, { userId: principal.userId, role: staff.role }, now.toISOString());
  return rules;
}
