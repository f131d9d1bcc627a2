import { AREA_TYPES, SECTORS, TOWNS, toCsv, type DirectoryPage } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { queryDirectory } from '../store/registry';
import { creditList } from './registry';

/**
 * The public directory of 放心消费 shops, badges first. Each query is one Query on one facet's key: the
 * narrowest facet given (sector, then town, then area type); any further facet narrows that page only, so
 * a page may hold fewer than `limit` — follow `nextCursor`. Suspended and revoked shops are not listed.
 */
export async function browseDirectory(filters: { sector?: string; town?: string; areaType?: string }, cursor: string | undefined, limit: number): Promise<DirectoryPage> {
  const page = await queryDirectory(filters, { cursor, limit });
  const items = page.items
    .filter((item) => (!filters.town || item.townCode === filters.town) && (!filters.areaType || item.areaType === filters.areaType))
    .map((item) => ({
      id: item.merchantId,
      name: item.name,
      sectorLabel: SECTORS[item.sector as keyof typeof SECTORS] ?? item.sector,
      townName: TOWNS[item.townCode as keyof typeof TOWNS] ?? item.townCode,
      areaTypeLabel: AREA_TYPES[item.areaType as keyof typeof AREA_TYPES] ?? item.areaType,
      badge: item.badge,
      commitmentTitles: item.commitmentTitles,
    }));
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The 联合惩戒 list as CSV for the staff member's jurisdiction (all pages). */
export async function creditListCsv(principal: Principal): Promise<string> {
  const rows: Array<Array<string | number>> = [['店铺名称', '统一社会信用代码', '乡镇（街道）', '行业', '状态', '来源', '认定日期', '情况说明']];
  let cursor: string | undefined;
  do {
    const page = await creditList(principal, cursor, 50);
    for (const shop of page.items) {
      for (const flag of shop.creditFlags) {
        rows.push([shop.name, shop.uscc, shop.townName, shop.sectorLabel, shop.statusLabel, flag.source, flag.date, flag.description]);
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  return toCsv(rows);
}
