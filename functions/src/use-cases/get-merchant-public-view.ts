import { NotFound, isPubliclyVisible, last12Months, shanghaiToday, toPublicView, trackRecordOf, type MerchantPublicView } from '@fangxin/shared';
import { findMerchantPage } from '../store/merchants';

/**
 * What a consumer sees after scanning a shop's code: profile, commitments and the last 12 months' record —
 * one Query. Shops still applying or rejected do not exist for the public: same 404 as an unknown id, so
 * the answer leaks nothing about the registry.
 */
export async function getMerchantPublicView(merchantId: string, now: Date): Promise<MerchantPublicView> {
  const page = await findMerchantPage(merchantId, last12Months(shanghaiToday(now)));
  if (!page || !isPubliclyVisible(page.merchant)) {
    throw new NotFound('未找到该店铺，请确认二维码是否完整，或在首页搜索店铺');
  }
  return toPublicView(page.merchant, trackRecordOf(page.months, page.commitments), page.publicRecalls);
}
