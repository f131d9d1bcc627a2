import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const screenshotDir = path.resolve(__dirname, '../../test-results/screenshots');

/**
 * Debian's headless Chromium, with every background network feature off: this machine has no network
 * beyond loopback, and the browser must not try. Playwright gives each launch a fresh profile directory.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page, as the mini-program is used. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  return context.newPage();
}

export function h5Url(): string {
  const url = process.env.FANGXIN_E2E_H5_URL;
  if (!url) throw new Error('the e2e global setup did not start the local product');
  return url;
}

/**
 * One browser for the test file that calls this at its top level: launched before its tests, closed after
 * them. Returns the way to reach it from inside a test.
 */
export function browserForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll: use it inside a test');
    return browser;
  };
}

/**
 * Waits until Taro's H5 router has finished sliding the page in (a 300 ms CSS transition): every shown
 * page sits at its place and nothing finite is still animating. Endless animations (a skeleton's shimmer,
 * a loading button's spinner) do not count.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const shown = [...document.querySelectorAll<HTMLElement>('.taro_page.taro_page_show')];
      const atRest = (node: HTMLElement) => ['none', 'matrix(1, 0, 0, 1, 0, 0)'].includes(getComputedStyle(node).transform);
      const finite = document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
      return shown.length > 0 && shown.every(atRest) && finite.every((animation) => animation.playState !== 'running');
    },
    null,
    { timeout: 10_000 },
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await pageSettled(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
