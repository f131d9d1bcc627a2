import { inspectionFacts, type InspectionFacts } from '@fangxin/shared';
import { readShopInspectionHistory } from '../store/inspections';

/**
 * What inspections say about one shop for a year — the scorecard inputs the annual assessment (考核验收) calls
 * for: inspections, inspections without failures, items failed, bottom-line failures (with which item, when),
 * and rectification orders issued / closed in time / closed late / still open / overdue / re-issued
 * (`InspectionFacts`, shared/src/domain/inspection.ts).
 *
 * Cost: two DynamoDB Queries per shop, run together — the shop's inspections of the year (`shop-inspections`)
 * and its orders (`shop-rectifications`) — whatever the number of inspections; a further page only past 1 MB
 * of a shop's items. No caller identity: the assessment use case checks who may run it. `now` decides which
 * open orders are overdue.
 */
export async function inspectionFactsOf(merchantId: string, year: number, now: Date = new Date()): Promise<InspectionFacts> {
  const { inspections, rectifications } = await readShopInspectionHistory(merchantId, year);
  return inspectionFacts(year, inspections, rectifications, now);
}
