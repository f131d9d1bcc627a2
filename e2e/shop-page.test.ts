import type { Page } from 'playwright-core';
import { DEMO_SHOP_ID, DEMO_SUSPENDED_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { DEMO_SHOP_COMMITMENT_TITLES } from './support/demo-shop';

const browser = browserForThisFile();
let page: Page;

beforeEach(async () => {
  page = await phonePage(browser());
});
afterEach(async () => {
  await page?.context().close();
});

async function shopName(): Promise<string> {
  const name = page.locator('.merchant-name').first();
  await name.waitFor();
  return (await name.innerText()).trim();
}

/** Opens a page of the H5 build and records every API request it makes. */
async function open(route: string): Promise<string[]> {
  const apiRequests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${url.pathname}`);
  });
  await page.goto(`${h5Url()}/#${route}`);
  return apiRequests;
}

describe('consumer scans a shop’s 放心消费 code (H5 build, local API, headless Chromium)', () => {
  it('sees the shop, its 示范 badge and its commitments, for one API request', async () => {
    const apiRequests = await open(`/pages/merchant/index?id=${DEMO_SHOP_ID}`);

    expect(await shopName()).toBe('清河县城关百货商场有限公司');
    await page.locator('.commitment-item').nth(5).waitFor();
    const titles = await page.locator('.commitment-title').allInnerTexts();
    expect(titles.map((t) => t.trim())).toEqual(DEMO_SHOP_COMMITMENT_TITLES);
    expect(await page.locator('.merchant-badge').first().innerText()).toContain('2025年度放心消费示范企业');
    expect(await page.locator('body').innerText()).toContain('出了问题，本店先行赔付');
    expect(await page.locator('body').innerText()).toContain('2025-03-15');
    expect(await page.locator('.merchant-status-notice').count()).toBe(0);
    await screenshot(page, 'shop-page');
    expect(apiRequests).toEqual([`GET /api/merchants/${DEMO_SHOP_ID}`]);
  });

  it('lands on the same page from a mini-program code (scene = merchant id)', async () => {
    await open(`/pages/merchant/index?scene=${encodeURIComponent(DEMO_SHOP_ID.toLowerCase())}`);
    expect(await shopName()).toBe('清河县城关百货商场有限公司');
  });

  it('warns plainly on a suspended shop', async () => {
    await open(`/pages/merchant/index?id=${DEMO_SUSPENDED_SHOP_ID}`);
    await page.locator('.merchant-status-notice').first().waitFor();
    expect(await page.locator('.merchant-status-notice').first().innerText()).toContain('暂停');
    expect(await page.locator('.merchant-badge').count()).toBe(0);
    await screenshot(page, 'shop-page-suspended');
  });

  it('shows the not-found state for an unknown shop', async () => {
    await open('/pages/merchant/index?id=QHNOSUCH99');
    await page.locator('.state-not-found').first().waitFor();
    expect(await page.locator('.state-not-found').first().innerText()).toContain('未找到该店铺');
    await screenshot(page, 'shop-page-not-found');
  });

  it('explains a malformed code instead of failing silently', async () => {
    const apiRequests = await open(`/pages/merchant/index?id=${'X'.repeat(40)}`);
    const invalid = page.locator('.state-invalid').first();
    await invalid.waitFor();
    expect(await invalid.innerText()).toContain('店铺编号有误');
    expect(await invalid.innerText()).toContain('商户编号过长，请重新扫描店铺二维码');
    // The contract refuses the id on the phone: nothing is asked of the server.
    expect(apiRequests).toEqual([]);
  });
});
