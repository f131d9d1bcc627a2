import { NotFound, isPubliclyVisible, toPublicView, type MerchantPublicView } from '@fangxin/shared';
import { findMerchant } from '../store/merchants';

/**
 * What a consumer sees after scanning a shop's code. Shops still applying or rejected do not exist for
 * the public: same 404 as an unknown id, so the answer leaks nothing about the registry.
 */
export async function getMerchantPublicView(merchantId: string): Promise<MerchantPublicView> {
  const merchant = await findMerchant(merchantId);
  if (!merchant || !isPubliclyVisible(merchant)) {
    throw new NotFound('未找到该店铺，请确认二维码是否完整，或在首页搜索店铺');
  }
  return toPublicView(merchant);
}
