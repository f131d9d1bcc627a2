import type { HomeContent, PublicStatisticsView } from '@fangxin/shared';
import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { signIn, textOf, visible } from './support/journey';

/**
 * The campaign's public information, end to end on the H5 build: an admin publishes a 维权知识 article and a
 * 3·15 banner that the home page then shows; a shop's owner publishes a recall notice that appears on the
 * shop page a consumer scans; the public statistics page shows a town's figures as the API counted them.
 */
const browser = browserForThisFile();
const stamp = Date.now().toString(36).slice(-5);

describe('public information (H5 build, local product, headless Chromium)', () => {
  it('an article and a banner published by an admin show on the home page', async () => {
    const admin = await phonePage(browser());
    await signIn(admin, 'admin');
    await admin.goto(`${h5Url()}/#/admin/pages/content/index`);
    await visible(admin, '.article-form').waitFor({ timeout: 20_000 });
    const title = `退货维权指南${stamp}`;
    await visible(admin, '.article-form .field-title input').fill(title);
    await visible(admin, '.article-form .field-summary input').fill('七日无理由退货的条件和做法');
    await visible(admin, '.article-form .field-body textarea').fill('根据消费者权益保护法第二十五条，网购商品自收到之日起七日内可以无理由退货，商品应当完好。');
    await visible(admin, '.save-article').click();
    await visible(admin, '.page-notice--success').waitFor({ timeout: 20_000 });
    await admin.waitForFunction((wanted) => [...document.querySelectorAll<HTMLElement>('.content-card-title')].some((node) => node.innerText.includes(wanted)), title, { timeout: 20_000 });

    await visible(admin, '.kind-banner').click();
    await visible(admin, '.banner-form').waitFor({ timeout: 20_000 });
    const banner = `3·15 放心消费${stamp}`;
    await visible(admin, '.banner-form .field-title input').fill(banner);
    await visible(admin, '.banner-form .field-subtitle input').fill('消费维权，从扫码开始');
    await visible(admin, '.save-banner').click();
    await visible(admin, '.page-notice--success').waitFor({ timeout: 20_000 });
    await screenshot(admin, 'content-admin');

    const consumer = await phonePage(browser());
    const [home] = await Promise.all([
      consumer.waitForResponse((response) => new URL(response.url()).pathname === '/api/content/home', { timeout: 20_000 }),
      consumer.goto(`${h5Url()}/#/pages/index/index`),
    ]);
    // What the API answered first: a missing item here is the server's, not the page's.
    const content = (await home.json()) as HomeContent;
    expect(content.articles.map((article) => article.title)).toContain(title);
    expect(content.banners.map((item) => item.title)).toContain(banner);
    await consumer.waitForFunction(
      ([wantedTitle, wantedBanner]) =>
        [...document.querySelectorAll<HTMLElement>('.home-article')].some((node) => node.innerText.includes(wantedTitle!)) &&
        [...document.querySelectorAll<HTMLElement>('.campaign-banner')].some((node) => node.innerText.includes(wantedBanner!)),
      [title, banner],
      { timeout: 20_000 },
    );
    await screenshot(consumer, 'home-campaign-strip');
    await consumer.locator('.home-article', { hasText: title }).first().click();
    await consumer.waitForURL(/info\/pages\/article\/index\?id=/, { timeout: 20_000 });
    await visible(consumer, '.article-body').waitFor({ timeout: 20_000 });
    expect(await textOf(consumer, '.article-title')).toBe(title);
    expect(await textOf(consumer, '.article-body')).toContain('七日内可以无理由退货');
    await screenshot(consumer, 'article-page');
    for (const page of [admin, consumer]) await page.context().close();
  }, 120_000);

  it('a recall notice the shop’s owner publishes appears on the shop page', async () => {
    const owner = await phonePage(browser());
    await signIn(owner, 'merchant_owner');
    await owner.goto(`${h5Url()}/#/merchant/pages/recalls/index?id=${DEMO_SHOP_ID}`);
    await visible(owner, '.recall-form').waitFor({ timeout: 20_000 });
    const product = `电热水壶KX${stamp}`;
    // Sent empty first: the page names what is missing and sends nothing.
    await visible(owner, '.submit-recall').click();
    await visible(owner, '.field-product .field-error').waitFor({ timeout: 20_000 });
    await visible(owner, '.field-kind .option-recall').click();
    await visible(owner, '.field-product input').fill(product);
    await visible(owner, '.field-batch input').fill('型号 KX-1800，批次 2026-03');
    await visible(owner, '.field-reason textarea').fill('底座接线端子可能松动，存在漏电风险。');
    await visible(owner, '.field-consumer-action textarea').fill('请立即停止使用，凭购物小票到店免费更换或退货。');
    await visible(owner, '.field-source input').fill('生产企业召回公告');
    await visible(owner, '.submit-recall').click();
    await visible(owner, '.page-notice--success').waitFor({ timeout: 20_000 });
    expect(await textOf(owner, '.page-notice--success')).toContain('已发布');
    await owner.waitForFunction((wanted) => [...document.querySelectorAll<HTMLElement>('.recall-card')].some((node) => node.innerText.includes(wanted) && node.innerText.includes('公示中')), product, { timeout: 20_000 });
    await screenshot(owner, 'merchant-recall-published');

    const consumer = await phonePage(browser());
    await consumer.goto(`${h5Url()}/#/pages/merchant/index?id=${DEMO_SHOP_ID}`);
    await consumer.waitForFunction((wanted) => [...document.querySelectorAll<HTMLElement>('.shop-recall')].some((node) => node.offsetParent !== null && node.innerText.includes(wanted)), product, { timeout: 20_000 });
    await screenshot(consumer, 'shop-page-recall');
    await consumer.locator('.shop-recall', { hasText: product }).first().click();
    await consumer.waitForURL(/info\/pages\/recall\/index\?id=/, { timeout: 20_000 });
    await visible(consumer, '.recall-action').waitFor({ timeout: 20_000 });
    expect(await textOf(consumer, '.recall-title')).toContain(product);
    expect(await textOf(consumer, '.recall-action')).toContain('到店免费更换或退货');
    // Leave the demo shop as it was found: the other journeys scan it without a recall (one API request).
    const recallId = /[?&]id=([0-9A-Z]{26})/.exec(consumer.url())![1]!;
    const api = async (path: string, init: { token?: string; body: unknown }) =>
      fetch(`${h5Url()}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
        body: JSON.stringify(init.body),
      });
    const { token } = (await (await api('/auth/demo-login', { body: { persona: 'merchant_owner' } })).json()) as { token: string };
    const withdrawn = await api(`/merchant/shops/${DEMO_SHOP_ID}/recalls/${recallId}/withdraw`, { token, body: { version: 1, reason: '测试结束，撤回演示召回信息' } });
    expect(withdrawn.status).toBe(200);
    for (const page of [owner, consumer]) await page.context().close();
  }, 120_000);

  it('the public statistics page shows a town’s figures as counted', async () => {
    const page = await phonePage(browser());
    const [answer] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/api/statistics'),
      page.goto(`${h5Url()}/#/info/pages/statistics/index?scope=${encodeURIComponent('town:chengguan')}`),
    ]);
    const view = (await answer.json()) as PublicStatisticsView;
    expect(view.scope).toEqual({ kind: 'town', code: 'chengguan', label: '城关镇' });
    await visible(page, '.stats-received').waitFor({ timeout: 20_000 });
    expect(await textOf(page, '.stats-scope-label')).toContain('城关镇');
    expect(await textOf(page, '.stats-received .stats-figure-value')).toBe(String(view.total.received));
    expect(await textOf(page, '.stats-handled .stats-figure-value')).toContain(view.total.handlingRate.text);
    expect(await textOf(page, '.stats-satisfaction .stats-figure-value')).toContain(view.total.satisfactionRate.text);
    for (const month of view.months.filter((row) => row.received > 0)) {
      expect(await textOf(page, `.stats-month-${month.month}`)).toContain(`受理 ${month.received} 件，办结 ${month.handled} 件`);
    }
    expect(await textOf(page, '.statistics-page')).toContain('不公布任何投诉的具体内容和个人信息');
    await screenshot(page, 'public-statistics-town');

    // Switching to a sector asks for it and shows it.
    const [sector] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/api/statistics' && new URL(response.url()).searchParams.get('scope') === 'sector:retail'),
      visible(page, '.stats-scope-option--sector-retail').click(),
    ]);
    const sectorView = (await sector.json()) as PublicStatisticsView;
    await page.waitForFunction((wanted) => [...document.querySelectorAll<HTMLElement>('.stats-scope-label')].some((node) => node.offsetParent !== null && node.innerText.includes(wanted)), sectorView.scope.label, { timeout: 20_000 });
    await page.context().close();
  }, 90_000);
});
