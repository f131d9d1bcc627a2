import { Forbidden, isCountyAdmin, type ClockRules, type ClockRulesView } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { getClockRulesView, saveClockRules } from '../store/settings';

/** Any staff member may read the county's clocks (they work to them), with the version a change must name. */
export const readClockRules = (): Promise<ClockRulesView> => getClockRulesView();

/**
 * Only a county admin changes them (audited), on the version they saw (two admins at once: one wins, the other
 * gets 409); the change applies to moves from now on, never to running deadlines.
 */
export async function changeClockRules(input: ClockRules & { version: number }, principal: Principal, now: Date): Promise<ClockRulesView> {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden('只有县级管理员可以修改时限规则');
  const { version: seen, ...rules } = input;
  const version = await saveClockRules(rules, seen, { userId: principal.userId, role: staff.role }, now.toISOString());
  return { ...rules, version };
}
