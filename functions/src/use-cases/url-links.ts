import { MESSAGE_LIST_PAGES, NotFound, RateLimited, Unavailable, isPubliclyVisible, type Audience, type WeChatLink } from '@fangxin/shared';
import { weChat } from '../clients';
import { weChatConfig } from '../config';
import { logger } from '../observability/log';
import { findMerchant } from '../store/merchants';
import { findUrlLink, saveUrlLink } from '../store/url-links';
import { hitRateLimit } from '../store/rate-limits';
import { WeChatError, WeChatUnavailable } from '../wechat/errors';
import { withAccessToken } from './wechat-access';

const DAY_SECONDS = 86_400;
/** WeChat's longest life for a link; a cached one is used until a day before it ends. */
const LINK_DAYS = 30;

/**
 * A WeChat URL Link (https://wxaurl.cn/…) that opens `page?query` in the mini-program from outside WeChat's
 * own pages — an H5 page in a phone browser, an SMS. Cached per page and query for its month of life.
 */
export async function urlLinkFor(page: string, query: string, now: Date): Promise<{ url: string; validUntil: number }> {
  const target = `${page}?${query}`;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const cached = await findUrlLink(target);
  if (cached && cached.expiresAt > nowSeconds) return cached;
  // In its last day a cached link is renewed, but still handed out (for an hour more) if WeChat cannot renew it.
  const stillUsable = cached && cached.validUntil > nowSeconds + 3_600 ? cached : undefined;
  const { codeEnvVersion } = weChatConfig();
  try {
    // Bounded per target: the shop's link route needs no sign-in, and while WeChat refuses (its daily quota
    // spent, the page not released) every request would otherwise ask it again.
    await hitRateLimit('urlLinkMint', target, now);
    const url = await withAccessToken((token) => weChat().generateUrlLink(token, { path: page, query, expireDays: LINK_DAYS, envVersion: codeEnvVersion }), now);
    const validUntil = nowSeconds + LINK_DAYS * DAY_SECONDS;
    await saveUrlLink(target, { url, validUntil, expiresAt: validUntil - DAY_SECONDS });
    return { url, validUntil };
  } catch (error) {
    if (!(error instanceof WeChatError || error instanceof WeChatUnavailable || error instanceof RateLimited)) throw error;
    logger.warn('url link unavailable', { page, reason: error.message, usingCached: stillUsable !== undefined });
    if (stillUsable) return stillUsable;
    throw new Unavailable('暂时无法生成「在微信中打开」的链接，请在微信中扫描店铺的放心消费码');
  }
}

/** Anyone: the link that opens a shop's page in the mini-program (only for shops the public may see). */
export async function shopWeChatLink(merchantId: string, now: Date): Promise<WeChatLink> {
  const merchant = await findMerchant(merchantId);
  if (!merchant || !isPubliclyVisible(merchant)) throw new NotFound('未找到该店铺');
  const link = await urlLinkFor('pages/merchant/index', `id=${encodeURIComponent(merchant.id)}`, now);
  return { url: link.url, expiresAt: new Date(link.validUntil * 1000).toISOString() };
}

/**
 * The link token an SMS about a message carries (the template holds `https://wxaurl.cn/` before it): the
 * message's own page — the complaint, the 整改 order — or, when WeChat cannot make that link now, the
 * audience's list (`MESSAGE_LIST_PAGES`), whose link the sweeper keeps ready. Unavailable when neither exists.
 */
export async function smsLinkToken(messagePath: string, audience: Audience, now: Date): Promise<string> {
  const [page = '', query = ''] = messagePath.split('?', 2);
  try {
    return linkToken((await urlLinkFor(page, query, now)).url);
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error;
    return linkToken((await urlLinkFor(MESSAGE_LIST_PAGES[audience], '', now)).url);
  }
}

/**
 * Keeps the lists' links (`MESSAGE_LIST_PAGES` of the audiences an SMS reaches) minted and renewed, so an SMS
 * sent while WeChat is down still opens the mini-program. Run by the sweeper; two reads when nothing is due.
 */
export async function keepSmsLinksReady(now: Date): Promise<{ ready: number; failed: number }> {
  let ready = 0;
  let failed = 0;
  for (const audience of ['consumer', 'merchant'] as const) {
    try {
      await urlLinkFor(MESSAGE_LIST_PAGES[audience], '', now);
      ready++;
    } catch (error) {
      if (!(error instanceof Unavailable)) throw error;
      failed++;
    }
  }
  return { ready, failed };
}

/** The part of a link after `wxaurl.cn/`: what an SMS template's variable carries (the template holds the host). */
export const linkToken = (url: string) => url.replace(/^https?:\/\/wxaurl\.cn\//, '');
