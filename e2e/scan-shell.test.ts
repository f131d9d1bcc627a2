import type { CDPSession, Page } from 'playwright-core';
import { DEMO_SHOP_ID, DEMO_SUSPENDED_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, phonePage } from './support/browser';
import { DEMO_SHOP_COMMITMENT_TITLES } from './support/demo-shop';
import { noteShellWhenItAppears, shellAsSeen, type ShellSeen } from './support/scan-shell';

/**
 * The H5 scan shell (miniapp/src/h5-shell): on a slow phone a scan link shows the shop and its commitments
 * from the page's one API answer before the app has started, then the app's page takes over. The CPU is
 * slowed as on the benchmark's 4G phone, so the shell has time to be seen.
 */
const browser = browserForThisFile();
let page: Page;
let cdp: CDPSession;
let apiRequests: string[];

const SHELL = '#fangxin-scan-shell';

beforeEach(async () => {
  page = await phonePage(browser());
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  apiRequests = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${url.pathname}`);
  });
});
afterEach(async () => {
  await page?.context().close();
});

async function texts(selector: string): Promise<string[]> {
  return (await page.locator(selector).allInnerTexts()).map((text) => text.trim());
}

/** Opens the shop's scan link and returns the shell as it was when it appeared. */
async function shellAsFirstSeen(shopId: string): Promise<ShellSeen> {
  // The local API's first answer after it starts can take over a second; a phone's would not.
  expect((await page.request.get(`${h5Url()}/api/merchants/${shopId}`)).status()).toBe(200);
  await noteShellWhenItAppears(page);
  apiRequests.length = 0;
  await page.goto(`${h5Url()}/#/pages/merchant/index?id=${shopId}`, { waitUntil: 'commit' });
  return shellAsSeen(page);
}

describe('the scan shell (H5, headless Chromium, CPU slowed ×6)', () => {
  it('shows the shop and its commitments before the app, then hands over: one API request, nothing doubled', async () => {
    const seen = await shellAsFirstSeen(DEMO_SHOP_ID);
    // The app's page was not there yet: the shell is what the consumer saw first.
    expect(seen).toMatchObject({
      appThere: false,
      name: ['清河县城关百货商场有限公司'],
      badge: ['2025年度放心消费示范企业'],
      titles: DEMO_SHOP_COMMITMENT_TITLES,
      busy: 'true',
    });
    expect(seen.text).toContain('以上承诺自 2025-03-15 起生效');
    expect(seen.text).toContain('出了问题，本店先行赔付');

    // The app's page replaces it, with what the shell showed and the way to complain.
    await page.locator('.file-complaint').first().waitFor();
    await page.locator(SHELL).waitFor({ state: 'detached' });
    expect(await texts('.commitment-title')).toEqual(DEMO_SHOP_COMMITMENT_TITLES);
    // The shell's request was the page's: the app took its answer instead of asking again.
    expect(apiRequests).toEqual([`GET /api/merchants/${DEMO_SHOP_ID}`]);
    // And the page works: 投诉 leads on (the shell left nothing over it).
    await page.locator('.file-complaint').first().click();
    await page.waitForURL(/complaint-new|login/);
  });

  it('shows a suspended shop’s notice, without a badge', async () => {
    const seen = await shellAsFirstSeen(DEMO_SUSPENDED_SHOP_ID);
    expect(seen.appThere).toBe(false);
    expect(seen.notice.join('')).toContain('暂停');
    expect(seen.badge).toEqual([]);
    await page.locator('.merchant-status-notice').first().waitFor();
    await page.locator(SHELL).waitFor({ state: 'detached' });
  });

  it('draws nothing for an unknown shop: the page explains', async () => {
    await page.goto(`${h5Url()}/#/pages/merchant/index?id=QHNOSUCH99`, { waitUntil: 'commit' });
    await page.locator('.state-not-found').first().waitFor();
    expect(await page.locator(SHELL).count()).toBe(0);
    expect(apiRequests).toEqual(['GET /api/merchants/QHNOSUCH99']);
  });

  it('asks nothing for a malformed code, and stays off other pages', async () => {
    await page.goto(`${h5Url()}/#/pages/merchant/index?id=${'X'.repeat(40)}`, { waitUntil: 'commit' });
    await page.locator('.state-invalid').first().waitFor();
    await page.goto('about:blank');
    await page.goto(`${h5Url()}/#/pages/index/index`, { waitUntil: 'commit' });
    await page.locator('.home-page, .page').first().waitFor();
    expect(await page.locator(SHELL).count()).toBe(0);
    expect(apiRequests.filter((request) => request.startsWith('GET /api/merchants'))).toEqual([]);
  });

  it('when the answer does not come, the app still starts and asks again', async () => {
    let refused = 0;
    await page.route('**/api/merchants/**', async (route) => {
      // The first request (the shell's) fails as on a dropped connection; the page's retry gets through.
      if (refused++ === 0) return route.abort('connectionreset');
      return route.continue();
    });
    await page.goto(`${h5Url()}/#/pages/merchant/index?id=${DEMO_SHOP_ID}`, { waitUntil: 'commit' });
    await page.locator('.file-complaint').first().waitFor();
    expect(await page.locator(SHELL).count()).toBe(0);
    expect(refused).toBe(2);
  });
});
