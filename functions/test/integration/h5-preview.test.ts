import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../../scripts/local/ports';
import { serveH5, type RunningStaticServer } from '../../../scripts/local/static-server';

/** The local H5 preview server: what a hostile address does to it. */
let root: string;
let preview: RunningStaticServer;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'fangxin-h5-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>放心消费</title>');
  preview = await serveH5({ root, port: await freePort(), apiUrl: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await preview.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the H5 preview server', () => {
  it('answers a malformed escape in the address with 400, and keeps serving', async () => {
    const bad = await fetch(`${preview.url}/%E0%A4%A`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('请求地址无效');
    const page = await fetch(`${preview.url}/pages/index/index`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('放心消费');
  });

  it('never serves a file outside its build, whatever the address climbs to', async () => {
    const climbing = await fetch(`${preview.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await climbing.text()).toContain('放心消费');
  });
});
