import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser';
import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { freePort } from '../scripts/local/ports';
import { serveH5 } from '../scripts/local/static-server';
import { BUDGETS, type Figure } from './budgets';
import type { BenchStack } from './local-stack';

const root = path.resolve(__dirname, '..');
const h5Root = path.join(root, 'miniapp', 'dist', 'h5');
const RUNS = 3;

/**
 * Builds the H5 app, before the local stack starts: a build while the API runs would have its esbuild
 * rebuild in the middle of a measurement. FANGXIN_BENCH_REUSE_H5=1 measures the build already there (CI's
 * test command has just made it).
 */
export function buildH5ForBench(): void {
  if (process.env.FANGXIN_BENCH_REUSE_H5 === '1' && existsSync(path.join(h5Root, 'index.html'))) return;
  execFileSync('npm', ['run', 'build:h5', '--silent'], { cwd: root, stdio: 'pipe' });
}

/**
 * A county phone on 4G: 4 Mbps down, 60 ms latency, a CPU four times slower than this machine's. Applied
 * through the DevTools protocol, as Chrome's own throttling does.
 */
const PROFILE = { downloadBitsPerSecond: 4_000_000, uploadBitsPerSecond: 3_000_000, latencyMs: 60, cpuSlowdown: 4 };

/**
 * What the consumer came for: the shop's commitments on screen — drawn by the scan shell that index.html
 * carries (src/h5-shell), or by the page itself if it got there first.
 */
const SHOWN = '#fangxin-scan-shell .fx-commitment, .commitment-item';
/** The page itself, ready to act on: its 投诉 button (the shell has nothing to tap). */
const READY = '.file-complaint';

/**
 * The H5 scan page (what the https fallback link opens in WeChat's browser), served as the local product
 * serves it — compressed, hashed files cached — over the 4G profile, each run in a fresh browser context
 * (a first visit, nothing cached). Bytes are what travelled until the commitments showed, API included;
 * time is from navigation to the commitments, median of three, and as a ratio to a blank page fetched the
 * same way.
 */
export async function measureH5Scan(stack: BenchStack): Promise<Figure[]> {
  const h5 = await serveH5({ root: h5Root, port: await freePort(), apiUrl: stack.apiUrl });
  const blank = await serveBlankPage();
  // The browser tests' own launch: Debian's Chromium with its background networking off.
  const browser = await launchBrowser();
  try {
    const scanUrl = `${h5.url}/#/pages/merchant/index?id=${DEMO_SHOP_ID}`;
    await visit(browser, scanUrl, SHOWN); // the server compresses each file on its first request: not a visitor's cost
    const scans: Visit[] = [];
    const blanks: Visit[] = [];
    for (let i = 0; i < RUNS; i++) {
      scans.push(await visit(browser, scanUrl, SHOWN, READY));
      blanks.push(await visit(browser, blank.url));
    }
    const scanMs = median(scans.map((run) => run.ms));
    const blankMs = median(blanks.map((run) => run.ms));
    const first = scans[0]!;
    return [
      { name: 'H5 scan page bytes until commitments show (transferred, API included)', value: first.bytes, unit: 'bytes', budget: BUDGETS.h5ScanBytes },
      { name: 'H5 scan page requests', value: first.requests, unit: 'requests' },
      { name: 'H5 scan page time to commitments, 4G profile (median of 3)', value: scanMs, unit: 'ms', budget: BUDGETS.h5ScanMs },
      { name: 'H5 scan page time until the page itself can be acted on (投诉 button), same profile (median of 3)', value: median(scans.map((run) => run.readyMs ?? Number.NaN)), unit: 'ms' },
      { name: 'H5 blank page time, same profile (median of 3)', value: blankMs, unit: 'ms' },
      { name: 'H5 scan page time / blank page time', value: scanMs / blankMs, unit: '×' },
    ];
  } finally {
    await browser.close();
    await blank.stop();
    await h5.stop();
  }
}

interface Visit {
  ms: number;
  /** Until `ready` showed too, when asked. */
  readyMs?: number;
  bytes: number;
  requests: number;
}

/**
 * One first visit: until `selector` is visible (then `ready`, if given), or for a page with nothing to wait
 * for, its load event. Bytes and requests are counted until `selector` showed.
 */
async function visit(browser: Browser, url: string, selector?: string, ready?: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
      requests += 1;
    });
    const start = Date.now();
    await page.goto(url, { waitUntil: selector ? 'commit' : 'load' });
    if (selector) await shown(page, selector);
    const ms = Date.now() - start;
    const counted = { bytes, requests };
    if (!ready) return { ms, ...counted };
    await shown(page, ready);
    return { ms, readyMs: Date.now() - start, ...counted };
  } finally {
    await context.close();
  }
}

async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: PROFILE.downloadBitsPerSecond / 8,
    uploadThroughput: PROFILE.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
}

async function shown(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** An empty HTML page on its own loopback server: the floor any page pays on this profile. */
async function serveBlankPage(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end('<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((done) => server.close(() => done())) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
