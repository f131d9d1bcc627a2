import type { ClockRules, WorkingCalendar } from '@fangxin/shared';
import { workingCalendar } from '../store/calendar';
import { getClockRules } from '../store/settings';

/**
 * What every clock is counted with: the county's rules and its working-day calendar. Both are cached per
 * container, so a warm request reads neither.
 */
export async function clocksAt(now: Date): Promise<{ rules: ClockRules; calendar: WorkingCalendar }> {
  const [rules, calendar] = await Promise.all([getClockRules(now.getTime()), workingCalendar(now.getTime())]);
  return { rules, calendar };
}
