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

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(800); // Taro's page transition
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
