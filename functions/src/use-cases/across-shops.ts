import { Invalid, MAX_SHOPS_MERGED, NotFound } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { scopedCursor } from '../auth/sealed-cursor';
import type { Page, ShopList } from '../store/cursor';
import { findShopMember } from '../store/registry';

/**
 * The shops a person works for now: the token's list, each checked against the live membership, so a clerk
 * removed since signing in reads nothing of that shop. None left is the usual 404.
 */
export async function liveShopsOf(principal: Principal): Promise<string[]> {
  const memberships = await Promise.all(principal.roles.merchantIds.map((id) => findShopMember(id, principal.userId)));
  const shops = principal.roles.merchantIds.filter((_, index) => memberships[index]);
  if (shops.length === 0) throw new NotFound('未找到该店铺，或您已不是该店人员');
  return shops;
}

/** Per shop, where its list goes on: the place (sort key) of the last item shown, '' from its start, null once read to the end. */
type Positions = Array<string | null>;

// MAX_SHOPS_MERGED: the cursor holds one place per shop (about 60 characters), sealed, within the API's
// 2,000-character cursor; a chain with more shops picks one (every list takes `merchantId`).

const refused = () => new Invalid('分页参数无效，请从第一页重新加载', 'cursor');

function openPositions(opened: string | undefined, shops: number): Positions {
  if (opened === undefined) return Array.from({ length: shops }, () => '');
  try {
    const positions = JSON.parse(opened) as unknown;
    if (Array.isArray(positions) && positions.length === shops && positions.every((p) => p === null || typeof p === 'string')) return positions as Positions;
  } catch {
    // refused below
  }
  throw refused();
}

/**
 * Several shops' lists read as one, in the order each is kept in (the index sort key), for a person who works
 * for more than one shop. Each page reads up to `limit` from every shop not yet done (a Query on the key after
 * the shop's place), keeps the first `limit` by sort key, and notes per shop the place of its last item kept.
 * Items that keep their place are neither skipped nor shown twice, and a page costs one Query per shop. An item
 * whose place changes between pages (a complaint that leaves the shop for the bureau, a new deadline) can show
 * again or be missed until the list is read again, as on one shop's list. The cursor is sealed to the person
 * and the shop set: after a membership change it is the usual 400 and the list starts again.
 */
export async function pageAcrossShops<T>(
  list: { name: string; shops: ShopList<T> },
  merchantIds: readonly string[],
  principal: Principal,
  cursor: string | undefined,
  limit: number,
): Promise<Page<T>> {
  if (merchantIds.length > MAX_SHOPS_MERGED) throw new Invalid(`您所在的店铺超过 ${MAX_SHOPS_MERGED} 家，请先选择一家店铺查看`, 'merchantId');
  const pager = scopedCursor(list.name, principal.userId, { shops: merchantIds.join(',') });
  const positions = openPositions(pager.incoming(cursor), merchantIds.length);
  const pages = await Promise.all(
    merchantIds.map((merchantId, index) => {
      const position = positions[index];
      return position === null || position === undefined ? undefined : list.shops.readAfter(merchantId, position || undefined, limit);
    }),
  );
  const candidates = pages.flatMap((page, shop) => (page?.items ?? []).map((item) => ({ item, shop, key: list.shops.sortKey(item) })));
  candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.shop - b.shop));
  const kept = candidates.slice(0, limit);

  const next = positions.map((position, shop) => {
    const page = pages[shop];
    if (position === null || !page) return null;
    const keptHere = kept.filter((candidate) => candidate.shop === shop);
    if (keptHere.length === page.items.length && !page.more) return null;
    return keptHere.length > 0 ? keptHere.at(-1)!.key : position;
  });
  const more = next.some((position) => position !== null);
  return { items: kept.map((candidate) => candidate.item), ...pager.outgoing(more ? JSON.stringify(next) : undefined) };
}
