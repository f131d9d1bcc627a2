import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BundleStats } from '../miniapp/config/bundle-stats';
import { BUDGETS, type Figure } from './budgets';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'miniapp', 'dist', 'weapp');

/**
 * Builds the WeChat package and measures its main package (everything outside the subpackage roots), and
 * checks what the main package's scripts are made of: no module from a subpackage's folder, and no zod
 * (the scan path calls the API without it, see miniapp/src/api/http.ts).
 */
export function measureWeapp(): Figure[] {
  const statsFile = path.join(mkdtempSync(path.join(tmpdir(), 'fangxin-weapp-')), 'stats.json');
  execFileSync('npm', ['run', 'build:weapp', '--silent'], { cwd: root, stdio: 'pipe', env: { ...process.env, FANGXIN_BUNDLE_STATS: statsFile } });
  const subRoots = subpackageRoots();
  let main = 0;
  let total = 0;
  const mainScripts: string[] = [];
  for (const file of listFiles(dist)) {
    const relative = path.relative(dist, file).split(path.sep).join('/');
    const size = statSync(file).size;
    total += size;
    if (subRoots.some((sub) => relative.startsWith(`${sub}/`))) continue;
    main += size;
    if (relative.endsWith('.js')) mainScripts.push(relative);
  }
  const leaked = forbiddenInMain(JSON.parse(readFileSync(statsFile, 'utf8')) as BundleStats, mainScripts, subRoots);
  for (const module of leaked) console.log(`      in the main package but not allowed there: ${module}`);
  return [
    { name: 'weapp main package', value: main, unit: 'bytes', budget: BUDGETS.weappMainPackageBytes },
    { name: 'weapp main package: modules of subpackages or zod', value: leaked.length, unit: 'modules', budget: BUDGETS.weappMainPackageForbiddenModules },
    { name: 'weapp total', value: total, unit: 'bytes' },
  ];
}

export function subpackageRoots(): string[] {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => sub.root.replace(/\/$/, ''));
}

/**
 * The source modules in the main package's scripts that belong elsewhere: any file under a subpackage's
 * source folder (`src/<root>/`), and zod. Module names are webpack's, relative to miniapp/.
 */
export function forbiddenInMain(stats: BundleStats, mainScripts: string[], subRoots: string[]): string[] {
  const forbidden = new Set<string>();
  for (const script of mainScripts) {
    for (const { module } of stats.files[script] ?? []) {
      const source = module.replace(/^\.\//, '');
      const inSubpackage = subRoots.some((sub) => source.startsWith(`src/${sub}/`));
      if (inSubpackage || /node_modules\/zod\//.test(source)) forbidden.add(`${source} (${script})`);
    }
  }
  return [...forbidden].sort();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
