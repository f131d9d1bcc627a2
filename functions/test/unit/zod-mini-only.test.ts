import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../scripts/contract/serverless-functions';

/**
 * The contract and everything that builds schemas write them with `zod/mini`. One import of classic `zod`
 * in a module a function loads brings back the classic build's layer — ~60 methods bound onto each schema
 * class on first use, most of the zod cost in a cold start (docs/performance.md) — without any test noticing.
 */
describe('schemas are written with zod/mini', () => {
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(file);
      return /\.(ts|tsx)$/.test(entry.name) ? [file] : [];
    });
  const files = ['shared/src', 'functions/src', 'miniapp/src'].flatMap((dir) => sourceFiles(path.join(REPO_ROOT, dir)));

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.some((file) => file.endsWith(path.join('shared', 'src', 'contract', 'merchant.ts')))).toBe(true);
  });

  it('no source imports classic zod (type-only imports included: the two builds’ types differ)', () => {
    const classic = files.filter((file) => /from\s+['"]zod(?:\/v4)?(?:\/classic)?['"]/.test(readFileSync(file, 'utf8')));
    expect(classic.map((file) => path.relative(REPO_ROOT, file))).toEqual([]);
  });
});
