import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUDGETS, type Figure } from './budgets';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'miniapp', 'dist', 'weapp');

/** Builds the WeChat package and measures its main package (everything outside the subpackage roots). */
export function measureWeapp(): Figure[] {
  execFileSync('npm', ['run', 'build:weapp', '--silent'], { cwd: root, stdio: 'pipe' });
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const subRoots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => sub.root.replace(/\/$/, ''));
  let main = 0;
  let total = 0;
  for (const file of listFiles(dist)) {
    const relative = path.relative(dist, file);
    const size = statSync(file).size;
    total += size;
    if (!subRoots.some((sub) => relative.startsWith(`${sub}/`))) main += size;
  }
  return [
    { name: 'weapp main package', value: main, unit: 'bytes', budget: BUDGETS.weappMainPackageBytes },
    { name: 'weapp total', value: total, unit: 'bytes' },
  ];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
