import { DEPARTMENT_CODES, TOWN_CODES, departmentCovers } from '@fangxin/shared';
import { findMerchant } from '../store/merchants';
import { listTownInspections } from '../store/inspections';

/**
 * Inspections recorded in a year, per town (`town:<code>`) and per member department over its sectors
 * (`department:<code>`), for the yearly tasks. One Query a page per town; a shop's sector is read once.
 */
export async function countInspections(year: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const sectors = new Map<string, string | undefined>();
  for (const town of TOWN_CODES) {
    let cursor: string | undefined;
    do {
      const page = await listTownInspections(town, year, { cursor, limit: 100 });
      for (const inspection of page.items) {
        add(`town:${town}`);
        if (!sectors.has(inspection.merchantId)) sectors.set(inspection.merchantId, (await findMerchant(inspection.merchantId))?.sector);
        const sector = sectors.get(inspection.merchantId);
        if (!sector) continue;
        for (const department of DEPARTMENT_CODES) if (departmentCovers(department, sector)) add(`department:${department}`);
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return counts;
}
