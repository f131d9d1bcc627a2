import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { allRoutes } from '@fangxin/shared';
import { REPO_ROOT } from '../../../scripts/contract/serverless-functions';

/**
 * A handler imports its one route constant, and esbuild is to leave every other route — and the schema
 * modules only those use — out of its bundle: zod schemas are built at load, so each one left in is cold
 * start paid for nothing. That holds only while every call in a route's declaration is marked
 * `/* @__PURE__ *\/` and reads nothing through a property (`Other.shape.id`): one unmarked
 * `Schema.extend(…)` keeps its route, and with it the modules it names, in all the bundles.
 */
describe('a route constant bundles alone', () => {
  const names = Object.keys(allRoutes) as Array<keyof typeof allRoutes>;
  const scratch = mkdtempSync(path.join(tmpdir(), 'fangxin-route-bundles-'));
  let outputs: Map<string, string>;

  beforeAll(() => {
    const entryPoints = names.map((name) => {
      const file = path.join(scratch, `${name}.ts`);
      writeFileSync(file, `export { ${name}Route as route } from ${JSON.stringify(path.join(REPO_ROOT, 'shared/src/index.ts'))};\n`);
      return file;
    });
    const result = buildSync({
      entryPoints,
      bundle: true,
      write: false,
      outdir: path.join(scratch, 'out'),
      platform: 'node',
      format: 'cjs',
      // What the bundles share anyway; only the contract's own modules are in question.
      external: ['zod'],
      logLevel: 'silent',
    });
    outputs = new Map(result.outputFiles.map((file) => [path.basename(file.path, '.js'), file.text]));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(names)('%s: its bundle declares its own path and no other route', (name) => {
    const text = outputs.get(name)!;
    const own = allRoutes[name].path;
    expect(text).toContain(JSON.stringify(own));
    const others = names.filter((other) => other !== name && allRoutes[other].path !== own).map((other) => allRoutes[other].path);
    const leaked = [...new Set(others)].filter((other) => text.includes(JSON.stringify(other)));
    expect(leaked).toEqual([]);
  });
});
