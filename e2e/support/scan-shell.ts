import type { Page } from 'playwright-core';

/** The H5 scan shell (miniapp/src/h5-shell) as it was the moment it appeared. */
export interface ShellSeen {
  /** Whether the app's own page (its 投诉 button) was already there. */
  appThere: boolean;
  name: string[];
  badge: string[];
  notice: string[];
  titles: string[];
  text: string;
  busy: string | null;
  /** Its `--fx-font-scale`. */
  scale: string;
}

/**
 * From the next page load on, notes the scan shell the moment it appears: the app replaces it soon after,
 * so it is read then, in the page. Read the note with {@link shellAsSeen}.
 */
export async function noteShellWhenItAppears(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const note = window as unknown as { __shellSeen?: unknown };
    new MutationObserver((_, observer) => {
      const shell = document.getElementById('fangxin-scan-shell');
      if (!shell) return;
      const texts = (selector: string) => [...shell.querySelectorAll<HTMLElement>(selector)].map((node) => node.firstChild?.textContent?.trim());
      note.__shellSeen = {
        appThere: document.querySelector('.file-complaint') !== null,
        name: texts('.fx-name'),
        badge: texts('.fx-badge'),
        notice: texts('.fx-notice'),
        titles: texts('.fx-commitment .fx-cell-title'),
        text: shell.textContent,
        busy: shell.getAttribute('aria-busy'),
        scale: shell.style.getPropertyValue('--fx-font-scale'),
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The shell as noted when it appeared (waits for it to appear). */
export async function shellAsSeen(page: Page): Promise<ShellSeen> {
  await page.waitForFunction(() => (window as unknown as { __shellSeen?: unknown }).__shellSeen !== undefined);
  return page.evaluate(() => (window as unknown as { __shellSeen: ShellSeen }).__shellSeen);
}
