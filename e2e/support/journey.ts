import type { Locator, Page } from 'playwright-core';
import { h5Url } from './browser';

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
