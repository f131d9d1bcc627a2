import type { Page } from 'playwright-core';
import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, pageSettled, phonePage, screenshot } from './support/browser';
import { visible } from './support/journey';
import { noteShellWhenItAppears, shellAsSeen } from './support/scan-shell';

/**
 * 适老化 on the H5 build (docs/product.md「适老化」): at 1.5× text — the home page's 「大字模式」 switch, or the
 * `fontScale` hook that stands in for WeChat's font setting — the home page and the shop page a scan opens
 * show every text whole (nothing cut off by a box too small for it) and every tap target at least 44×44 CSS
 * px, and their text is really larger than in the standard mode.
 */
const browser = browserForThisFile();

/** A tap target: buttons, links, clickable cells, option buttons, fields, and texts the app marks `fx-tap`. */
const TAPPABLE = [
  'button',
  'a[href]',
  '[role="button"]',
  '.nut-button',
  '.nut-cell-clickable',
  '.nut-radio-button',
  '.nut-checkbox-button',
  '.fx-tap',
  'input:not([type="hidden"])',
  'textarea',
].join(', ');

interface Layout {
  /** Texts cut off: by their own box (overflow hidden, ellipsis, line clamp), a clipping ancestor or the screen. */
  clipped: string[];
  /** Tap targets smaller than 44×44 CSS px. */
  small: string[];
  /** How many texts and targets were looked at (so an empty page cannot pass). */
  texts: number;
  targets: number;
}

/** Looks at every visible text and tap target of the page on show (Taro H5 keeps earlier pages, hidden). */
async function layoutOf(page: Page): Promise<Layout> {
  await pageSettled(page);
  return page.evaluate((tappable) => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page.taro_page_show')].filter((node) => node.getClientRects().length > 0);
    const root = shown[shown.length - 1];
    if (!root) throw new Error('no page on show');
    const describe = (node: Element) => {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${node.tagName.toLowerCase()}.${[...node.classList].slice(0, 3).join('.')} «${text}»`;
    };
    const isShown = (node: Element) => {
      const style = getComputedStyle(node);
      return node.getClientRects().length > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
    };
    const clips = (value: string) => value === 'hidden' || value === 'clip';
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
    const viewportWidth = document.documentElement.clientWidth;

    const clipped: string[] = [];
    let texts = 0;
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      const own = [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== '');
      if (own.length === 0 || !isShown(node)) continue;
      texts += 1;
      const style = getComputedStyle(node);
      // Its own box: text that does not fit where it is hidden (ellipsis, line clamp, a fixed height).
      if ((clips(style.overflowX) && node.scrollWidth > node.clientWidth + 1) || (clips(style.overflowY) && node.scrollHeight > node.clientHeight + 1)) {
        clipped.push(`${describe(node)} overflows its own box (${node.scrollWidth}×${node.scrollHeight} in ${node.clientWidth}×${node.clientHeight})`);
        continue;
      }
      // Its text against every clipping ancestor up to the nearest scroller (what scrolls can be read).
      const range = document.createRange();
      const boxes = own.flatMap((child) => {
        range.selectNodeContents(child);
        return [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
      });
      let problem: string | undefined;
      for (const box of boxes) {
        if (box.left < -1 || box.right > viewportWidth + 1) problem = `runs off the screen (${Math.round(box.left)}–${Math.round(box.right)} of ${viewportWidth})`;
      }
      for (let ancestor = node.parentElement; !problem && ancestor && ancestor !== root.parentElement; ancestor = ancestor.parentElement) {
        const look = getComputedStyle(ancestor);
        if (scrolls(look.overflowX) || scrolls(look.overflowY)) break;
        if (!clips(look.overflowX) && !clips(look.overflowY)) continue;
        const frame = ancestor.getBoundingClientRect();
        const left = frame.left + ancestor.clientLeft;
        const top = frame.top + ancestor.clientTop;
        for (const box of boxes) {
          const outX = clips(look.overflowX) && (box.left < left - 1 || box.right > left + ancestor.clientWidth + 1);
          const outY = clips(look.overflowY) && (box.top < top - 1 || box.bottom > top + ancestor.clientHeight + 1);
          if (outX || outY) problem = `is cut off by ${describe(ancestor)}`;
        }
      }
      if (problem) clipped.push(`${describe(node)} ${problem}`);
    }

    const small: string[] = [];
    const targets = [...root.querySelectorAll<HTMLElement>(tappable)].filter(isShown);
    for (const target of targets) {
      const { width, height } = target.getBoundingClientRect();
      if (width < 44 - 0.5 || height < 44 - 0.5) small.push(`${describe(target)} is ${width.toFixed(1)}×${height.toFixed(1)}`);
    }
    return { clipped, small, texts, targets: targets.length };
  }, TAPPABLE);
}

async function fontSizeOf(page: Page, selector: string): Promise<number> {
  return visible(page, selector).evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
}

async function fontScaleOf(page: Page, selector: string): Promise<string> {
  return visible(page, selector).evaluate((node) => getComputedStyle(node).getPropertyValue('--fx-font-scale').trim());
}

/** The home page with its campaign section loaded (or failed: its text is checked either way). */
async function openHome(page: Page, query = ''): Promise<void> {
  await page.goto(`${h5Url()}/#/pages/index/index${query}`);
  await visible(page, '.home-intro').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('.campaign-strip, .campaign-failed') !== null, null, { timeout: 20_000 });
}

/** The shop page as a scan opens it, with its six commitments drawn. */
async function openShop(page: Page, query = ''): Promise<void> {
  await page.goto(`${h5Url()}/#/pages/merchant/index?id=${DEMO_SHOP_ID}${query}`);
  await page.locator('.commitment-item').nth(5).waitFor({ timeout: 20_000 });
}

function expectReadable(layout: Layout): void {
  expect(layout.texts).toBeGreaterThan(10);
  // At least the page's own buttons (the shop page: 投诉 and 维权知识测试; more when a recall shows).
  expect(layout.targets).toBeGreaterThanOrEqual(2);
  expect(layout.clipped).toEqual([]);
  expect(layout.small).toEqual([]);
}

describe('适老化: large text on the consumer pages (H5 build, headless Chromium)', () => {
  it('the home page’s 大字模式 switch makes its text 1.5× with nothing cut off and every target 44 px, and it stays on', async () => {
    const page = await phonePage(browser());
    await openHome(page);
    expect(await fontScaleOf(page, '.home-page')).toBe('1');
    const standard = { intro: await fontSizeOf(page, '.home-intro'), cell: await fontSizeOf(page, '.entry-directory .nut-cell-title') };
    // Targets are 44 px in the standard mode too.
    expect((await layoutOf(page)).small).toEqual([]);

    await visible(page, '.large-text-toggle').click();
    await visible(page, '.large-text-toggle--on').waitFor({ timeout: 10_000 });
    expect(await fontScaleOf(page, '.home-page')).toBe('1.5');
    // Our own text and NutUI's (scaled through its tokens) both grew.
    expect(await fontSizeOf(page, '.home-intro')).toBeGreaterThanOrEqual(standard.intro * 1.4);
    expect(await fontSizeOf(page, '.entry-directory .nut-cell-title')).toBeGreaterThanOrEqual(standard.cell * 1.4);
    expectReadable(await layoutOf(page));
    await screenshot(page, 'home-large-text');

    // The choice is kept on the device: a fresh start of the app still shows large text, and so does a scan.
    await page.reload();
    await visible(page, '.large-text-toggle--on').waitFor({ timeout: 20_000 });
    expect(await fontSizeOf(page, '.home-intro')).toBeGreaterThanOrEqual(standard.intro * 1.4);
    // The scan shell too draws at the chosen size while the app loads.
    await noteShellWhenItAppears(page);
    await page.goto('about:blank');
    await openShop(page);
    expect(await fontScaleOf(page, '.merchant-page')).toBe('1.5');
    expect((await shellAsSeen(page)).scale).toBe('1.5');
    await page.context().close();
  }, 90_000);

  it('the shop page a scan opens, at the 1.5× font setting (fontScale hook), shows every text whole and every target at 44 px', async () => {
    const standardPage = await phonePage(browser());
    await openShop(standardPage);
    const standard = {
      name: await fontSizeOf(standardPage, '.merchant-name'),
      explanation: await fontSizeOf(standardPage, '.commitment-explanation'),
      cell: await fontSizeOf(standardPage, '.merchant-address .nut-cell-title'),
    };
    await standardPage.context().close();

    const page = await phonePage(browser());
    await openShop(page, '&fontScale=1.5');
    expect(await fontScaleOf(page, '.merchant-page')).toBe('1.5');
    expect(await fontSizeOf(page, '.merchant-name')).toBeGreaterThanOrEqual(standard.name * 1.4);
    expect(await fontSizeOf(page, '.commitment-explanation')).toBeGreaterThanOrEqual(standard.explanation * 1.4);
    expect(await fontSizeOf(page, '.merchant-address .nut-cell-title')).toBeGreaterThanOrEqual(standard.cell * 1.4);
    expectReadable(await layoutOf(page));
    await screenshot(page, 'shop-page-large-text');

    // The hook holds for the session, as WeChat's setting would: the home page is large too, and readable.
    await openHome(page);
    expect(await fontScaleOf(page, '.home-page')).toBe('1.5');
    expectReadable(await layoutOf(page));
    await page.context().close();
  }, 90_000);
});
