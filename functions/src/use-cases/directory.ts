import { AREA_TYPES, Invalid, SECTORS, TOWNS, type DirectoryPage } from '@fangxin/shared';
import { queryDirectory } from '../store/registry';

/**
 * The public directory of 放心消费 shops, badges first. Each query is one Query on one facet's key: the
 * narrowest facet given (sector, then town, then area type); any further facet narrows that page only, so
 * a page may hold fewer than `limit` — follow `nextCursor`. Suspended and revoked shops are not listed.
 */
export async function browseDirectory(filters: { sector?: string; town?: string; areaType?: string }, cursor: string | undefined, limit: number): Promise<DirectoryPage> {
  // Filtered after reading, as the staff lists are, so the cursor carries the filters it was made for: one from
  // another filter (the same facet, another town) is the usual 400 instead of starting mid-list and skipping
  // shops. Not sealed: everything listed is public, and this function holds no secret (least privilege).
  const fingerprint = JSON.stringify([filters.sector ?? '', filters.town ?? '', filters.areaType ?? '']);
  const page = await queryDirectory(filters, { cursor: openBoundCursor(cursor, fingerprint), limit });
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
  return { items, ...(page.nextCursor ? { nextCursor: boundCursor(page.nextCursor, fingerprint) } : {}) };
}

const boundCursor = (inner: string, fingerprint: string) => Buffer.from(JSON.stringify({ inner, for: fingerprint }), 'utf8').toString('base64url');

function openBoundCursor(cursor: string | undefined, fingerprint: string): string | undefined {
  if (!cursor) return undefined;
  try {
    const bound = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { inner?: unknown; for?: unknown };
    if (typeof bound.inner === 'string' && bound.for === fingerprint) return bound.inner;
  } catch {
    // refused below
  }
  throw new Invalid('分页参数与查询条件不符，请从第一页重新加载', 'cursor');
}
