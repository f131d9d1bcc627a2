import { formatShanghaiDate } from '@fangxin/shared';
import { listStations } from '../store/stations';

/**
 * Complaint stations registered per town (`town:<code>` → count) as of the end of `year` (Beijing time), for
 * the yearly tasks: a station registered in an earlier year still serves the town; one registered later does
 * not count towards a past year. One Query over the county's stations (tens of them).
 */
export async function countStations(year: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const station of await listStations()) {
    if (Number(formatShanghaiDate(new Date(station.registeredAt)).slice(0, 4)) > year) continue;
    const key = `town:${station.townCode}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
