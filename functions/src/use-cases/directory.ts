import { AREA_TYPES, SECTORS, TOWNS, type DirectoryPage } from '@fangxin/shared';
import { queryDirectory } from '../store/registry';

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
