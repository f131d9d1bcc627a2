import QRCode from 'qrcode';
import { NotFound, RateLimited, coversTown, type ShopQrCode } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { weChatConfig } from '../config';
import { logger } from '../observability/log';
import { findMerchant } from '../store/merchants';
import { hitRateLimit } from '../store/rate-limits';
import { findShopMember } from '../store/registry';
import { WeChatError, WeChatUnavailable } from '../wechat/errors';
import { weChat } from '../clients';
import { withAccessToken } from './wechat-access';

const SHOP_PAGE = 'pages/merchant/index';

/**
 * The code on a shop's poster. First choice: the mini-program code (wxacode.getUnlimited, `scene` = the
 * merchant id, ≤ 32 characters). If WeChat cannot draw it (quota, outage, page not yet released), a plain
 * QR of the https link — WeChat opens the mini-program from it too (扫普通链接二维码打开小程序, the page
 * reads `q`) — so a poster can always be printed.
 */
export async function shopQrCode(merchantId: string, principal: Principal, now: Date): Promise<ShopQrCode> {
  const merchant = await findMerchant(merchantId);
  const staff = principal.roles.staff;
  const mayAsk =
    merchant &&
    ((staff && coversTown(staff.jurisdiction, merchant.townCode)) ||
      (await findShopMember(merchant.id, principal.userId)));
  if (!merchant || !mayAsk || merchant.status !== 'active') throw new NotFound('未找到该店铺，或店铺当前不能生成二维码');

  const { codeEnvVersion, qrLinkBase } = weChatConfig();
  try {
    await hitRateLimit('shopQrCode', `${principal.userId}#${merchant.id}`, now);
    const png = await withAccessToken(
      (token) => weChat().getUnlimitedQrCode(token, { scene: merchant.id, page: SHOP_PAGE, checkPath: codeEnvVersion === 'release', envVersion: codeEnvVersion, width: 430 }),
      now,
    );
    return { kind: 'wxacode', scene: merchant.id, pngBase64: png.toString('base64') };
  } catch (error) {
    if (error instanceof RateLimited) {
      logger.warn('wxacode limit for this person reached, drawing a link QR', { merchantId: merchant.id });
    } else if (error instanceof WeChatError || error instanceof WeChatUnavailable) {
      logger.warn('wxacode unavailable, falling back to a link QR', { merchantId: merchant.id, reason: error.message });
    } else {
      throw error;
    }
  }
  const link = `${qrLinkBase}?id=${encodeURIComponent(merchant.id)}`;
  const png = await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 });
  return { kind: 'link', scene: merchant.id, link, pngBase64: png.toString('base64') };
}
