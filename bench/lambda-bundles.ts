import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUDGETS, type Figure } from './budgets';
import { localAwsEnv } from '../scripts/local/env';

const root = path.resolve(__dirname, '..');

/**
 * Packages the service as `serverless package` ships it, then measures each function's zip and its
 * module-load time in a fresh Node process (five runs, median).
 */
export function measureLambdaBundles(): Figure[] {
  const env = { ...process.env, ...localAwsEnv({ dynamodbEndpoint: 'http://127.0.0.1:1', tableName: 'bench' }) };
  execFileSync(process.execPath, [path.join(root, 'node_modules/osls/bin/serverless.js'), 'package', '--stage', 'bench'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  const dir = path.join(root, '.serverless');
  const figures: Figure[] = [];
  for (const zip of readdirSync(dir).filter((name) => name.endsWith('.zip'))) {
    const name = zip.replace(/\.zip$/, '');
    const unpacked = mkdtempSync(path.join(tmpdir(), `fangxin-${name}-`));
    execFileSync('unzip', ['-q', path.join(dir, zip), '-d', unpacked]);
    const files = listFiles(unpacked);
    const unzipped = files.reduce((sum, file) => sum + statSync(file).size, 0);
    const entry = files.find((file) => file.endsWith('.js'));
    if (!entry || !existsSync(entry)) throw new Error(`no bundle in ${zip}`);
    const exception = BUDGETS.lambdaBytesExceptions[name];
    figures.push({ name: `${name} zip`, value: statSync(path.join(dir, zip)).size, unit: 'bytes', budget: exception?.zip ?? BUDGETS.lambdaZipBytes });
    figures.push({ name: `${name} unzipped`, value: unzipped, unit: 'bytes', budget: exception?.unzipped ?? BUDGETS.lambdaUnzippedBytes });
    figures.push({ name: `${name} init (module load)`, value: medianInitMs(entry, env), unit: 'ms', budget: BUDGETS.lambdaInitMs });
  }
  return figures;
}

function medianInitMs(entry: string, env: NodeJS.ProcessEnv): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(entry)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const runs = Array.from({ length: 5 }, () => {
    const result = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`loading ${entry} failed: ${result.stderr}`);
    return Number(result.stdout.trim());
  }).sort((a, b) => a - b);
  return runs[2]!;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
