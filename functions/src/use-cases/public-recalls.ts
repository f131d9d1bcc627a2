import { NotFound, RECALL_KINDS, recallPublic, type RecallPage, type RecallView } from '@fangxin/shared';
import { findRecall, listPublicRecalls, listShopRecalls, type StoredRecall } from '../store/content';
import type { PageRequest } from '../store/cursor';

/**
 * Recall notices as the public reads them (the county list, a shop's page, one notice). Kept apart from the
 * writes in recalls.ts so the public functions import no content check and carry no secret (least privilege,
 * scripts/contract/function-secrets.ts).
 */

/** What the public sees of a notice. */
export function toRecallView(recall: StoredRecall): RecallView {
  return {
    id: recall.id,
    kind: recall.kind,
    kindLabel: RECALL_KINDS[recall.kind],
    product: recall.product,
    batch: recall.batch,
    reason: recall.reason,
    consumerAction: recall.consumerAction,
    fromDate: recall.fromDate,
    source: recall.source,
    ...(recall.merchantId && recall.merchantName ? { merchant: { id: recall.merchantId, name: recall.merchantName } } : {}),
    ...(recall.townCode ? { townCode: recall.townCode } : {}),
    publishedBy: recall.publishedBy.kind,
    publishedByLabel: recall.publishedBy.kind === 'merchant' ? '商家发布' : '市场监管部门发布',
    publishedAt: recall.publishedAt,
  };
}

/** A page of views: the items, and the cursor when there is more. */
export const pageOf = <T>(items: T[], nextCursor: string | undefined) => ({ items, ...(nextCursor ? { nextCursor } : {}) });

// — the public —

export async function publicRecalls(page: PageRequest): Promise<RecallPage> {
  const read = await listPublicRecalls(page);
  return pageOf(read.items.map(toRecallView), read.nextCursor);
}

/** A shop's notices in force for its public page (an unknown shop simply has none). */
export async function publicShopRecalls(merchantId: string, page: PageRequest): Promise<RecallPage> {
  const read = await listShopRecalls(merchantId, true, page);
  return pageOf(read.items.map(toRecallView), read.nextCursor);
}

export async function publicRecall(id: string): Promise<RecallView> {
  const recall = await findRecall(id);
  if (!recall || !recallPublic(recall)) throw new NotFound('未找到该召回信息，或已撤回');
  return toRecallView(recall);
}
