import { Invalid } from '@fangxin/shared';

/** Pagination cursors: DynamoDB's LastEvaluatedKey, opaque to clients (base64url JSON). */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;

export function decodeCursor(cursor: string | undefined): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every((value) => typeof value === 'string')) {
      return key as Record<string, string>;
    }
  } catch {
    // fall through
  }
  throw new Invalid('分页参数无效，请从第一页重新加载', 'cursor');
}

/**
 * A cursor from another query (other filters, edited by hand) makes DynamoDB refuse the start key.
 * That is the client's mistake: a 400 naming the cursor, not a 500. Results never leave the queried key.
 */
export async function rejectForeignCursor<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof Error && error.name === 'ValidationException') {
      throw new Invalid('分页参数与查询条件不符，请从第一页重新加载', 'cursor');
    }
    throw error;
  }
}

export interface PageRequest {
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  nextCursor?: string;
}

/** A toolbox Query (usually from a named access pattern) whose options can still be added to. */
interface PageableQuery<T> {
  options(next: (previous: never) => object): { send(): Promise<{ Items?: T[]; LastEvaluatedKey?: Record<string, unknown> }> };
}

/**
 * One page of any list the API serves: the page size, the client's cursor (checked: a malformed or
 * foreign one is a 400 naming `cursor`, never a 500) and the next cursor. Every paged list goes through
 * here, so the cursor rules hold for all of them.
 */
export async function readPage<T>(query: PageableQuery<T>, { cursor, limit }: PageRequest): Promise<Page<T>> {
  const exclusiveStartKey = decodeCursor(cursor);
  const { Items = [], LastEvaluatedKey } = await rejectForeignCursor(
    query.options((previous: Record<string, unknown>) => ({ ...previous, limit, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) }) as never).send(),
  );
  const nextCursor = encodeCursor(LastEvaluatedKey);
  return { items: Items, ...(nextCursor ? { nextCursor } : {}) };
}

/**
 * One shop's list (its queue, its orders) described so several shops' lists can be read as one
 * (use-cases/across-shops.ts): a page of up to `limit` items after a place in the index's order (none: from the
 * start), whether more follow, and an item's place (its index sort key, unique: it ends with the item's id).
 */
export interface ShopList<T> {
  readAfter(merchantId: string, after: string | undefined, limit: number): Promise<{ items: T[]; more: boolean }>;
  sortKey(item: T): string;
}
