import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_SHOP_ID } from '../../scripts/demo/demo-merchants';
import { h5Url, screenshot } from './browser';

/** Taro H5 keeps earlier pages in the DOM (hidden): act on the visible one. */
export const visible = (page: Page, selector: string): Locator => page.locator(`${selector} >> visible=true`).first();

export async function textOf(page: Page, selector: string): Promise<string> {
  return (await visible(page, selector).innerText()).trim();
}

/** Demo sign-in: the page asks the stand-in WeChat server for a code, then takes the real login path. */
export async function signIn(page: Page, persona: string): Promise<void> {
  await page.goto(`${h5Url()}/#/pages/login/index`);
  await visible(page, `.persona-${persona}`).click();
  await visible(page, '.entry-current-user').waitFor({ timeout: 20_000 });
}

/** Waits until the visible complaint status reads `expected`. */
export async function statusIs(page: Page, expected: string): Promise<void> {
  await page.waitForFunction(
    ([wanted]) => [...document.querySelectorAll<HTMLElement>('.complaint-status')].some((node) => node.offsetParent !== null && node.textContent?.includes(wanted!)),
    [expected],
    { timeout: 20_000 },
  );
}

export const complaintIdFromUrl = (page: Page): string => {
  const match = /[?&]id=([0-9A-Z]{26})/i.exec(page.url());
  if (!match?.[1]) throw new Error(`no complaint id in ${page.url()}`);
  return match[1];
};

// A small real PNG (a receipt photo stand-in).
const RECEIPT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let receiptFile: string | undefined;

/** Files a complaint against the demo shop through the form, with a photo, as the signed-in consumer. */
export async function fileComplaint(page: Page, description: string, screenshotName?: string): Promise<string> {
  await page.goto(`${h5Url()}/#/pages/merchant/index?id=${DEMO_SHOP_ID}`);
  await visible(page, '.file-complaint').click();
  await visible(page, '.complaint-form').waitFor({ timeout: 20_000 });
  await visible(page, '.field-category .option-quality').click();
  await visible(page, '.field-commitment .option-three_guarantees').click();
  await visible(page, '.field-description textarea').fill(description);
  await visible(page, '.field-purchase-date .option-yesterday').click();
  await visible(page, '.field-amount input').fill('299.00');
  await visible(page, '.field-outcome .option-replace').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.add-photo').click()]);
  if (!receiptFile) {
    receiptFile = path.join(mkdtempSync(path.join(tmpdir(), 'fangxin-e2e-')), 'receipt.png');
    writeFileSync(receiptFile, RECEIPT);
  }
  await chooser.setFiles(receiptFile);
  await page.waitForFunction(() => document.querySelectorAll('.photo-slot--done').length === 1, null, { timeout: 20_000 });
  await visible(page, '.field-phone input').fill('13800138000');
  await visible(page, '.field-consent').click();
  if (screenshotName) await screenshot(page, screenshotName);
  await visible(page, '.submit-complaint').click();
  await page.waitForURL(/pages\/complaint\/index\?id=/, { timeout: 20_000 });
  await statusIs(page, '待商家答复');
  return complaintIdFromUrl(page);
}

