import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUDGETS, type Figure } from './budgets';
import { localAwsEnv } from '../scripts/local/env';
import { readServerlessConfig } from '../scripts/contract/serverless-functions';

const root = path.resolve(__dirname, '..');
/**
 * Passes over all the bundles; each pass times every bundle once, right after the empty handler, in an
 * order of its own. This machine's noise comes in spells of a few seconds: five runs of one bundle in a row
 * could all fall into one (the same bundle measured 1.44× and 2.67× in two runs). Five passes a minute apart
 * cannot — unless every pass takes them in the same order and the noise recurs about once a pass, which put
 * one bundle at 2.38× in a run and at 1.85× when timed alone.
 */
const PASSES = 5;

/**
 * Packages the service as `serverless package` ships it, then, for each function's zip: its bytes, the
 * bytes of what it unpacks to, and its module load against an empty handler's, measured in the same run.
 * A ratio rather than milliseconds: the absolute figure moves with the machine and its load, and what we
 * control is how much a bundle adds to Node's own start. Without `loadTimes`, only the bytes.
 */
const FUNCTION_ENV = localAwsEnv({ dynamodbEndpoint: 'http://127.0.0.1:1', tableName: 'bench' });

/**
 * What a timed process gets: the function's environment, as Lambda gives it, and nothing of this machine's.
 * Not inherited: a shell's NODE_OPTIONS or NODE_EXTRA_CA_CERTS would change what Node does at start. This
 * machine's environment sets NODE_EXTRA_CA_CERTS to the system's CA bundle, and Node 20 parses it in every
 * process it starts, ~40 ms: it made the empty handler 107 ms instead of 67 and every ratio look smaller
 * than it is. Lambda's Node 20 and later runtimes set no extra CA certificates.
 */
const LAMBDA_PROCESS_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? '',
  ...FUNCTION_ENV,
  // What the bundles leave out (serverless.yml `custom.esbuild.exclude`) Lambda finds in its runtime;
  // here the repository's node_modules stands in for it.
  NODE_PATH: path.join(root, 'node_modules'),
};

interface Bundle {
  name: string;
  kind: 'request' | 'background';
  zip: string;
  entry: string;
  unzippedBytes: number;
}

/** Every function's zip in .serverless, unpacked into `scratch`. */
function unpackBundles(scratch: string): Bundle[] {
  const requestPath = requestPathFunctions();
  const dir = path.join(root, '.serverless');
  const bundles = readdirSync(dir)
    .filter((name) => name.endsWith('.zip'))
    .sort()
    .map((zip): Bundle => {
      const name = zip.replace(/\.zip$/, '');
      const unpacked = path.join(scratch, name);
      execFileSync('unzip', ['-q', path.join(dir, zip), '-d', unpacked]);
      const files = listFiles(unpacked);
      const entry = files.find((file) => file.endsWith('.js'));
      if (!entry) throw new Error(`no bundle in ${zip}`);
      const unzippedBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
      return { name, kind: requestPath.has(name) ? 'request' : 'background', zip: path.join(dir, zip), entry, unzippedBytes };
    });
  if (bundles.length === 0) throw new Error(`no function zips in ${dir}: package first`);
  return bundles;
}

export async function measureLambdaBundles(options: { loadTimes: boolean; packageFirst: boolean } = { loadTimes: true, packageFirst: true }): Promise<Figure[]> {
  // `lambda-size` (CI, right after its own `serverless package`) measures the zips already there.
  if (options.packageFirst) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/osls/bin/serverless.js'), 'package', '--stage', 'bench'], {
      cwd: root,
      env: { ...process.env, ...FUNCTION_ENV },
      stdio: 'pipe',
    });
  }
  const env = LAMBDA_PROCESS_ENV;
  const scratch = mkdtempSync(path.join(tmpdir(), 'fangxin-bundles-'));
  try {
    const empty = path.join(scratch, 'empty-handler.js');
    writeFileSync(empty, 'exports.handler = async () => ({});\n');
    const bundles = unpackBundles(scratch);
    const figures: Figure[] = bundles.flatMap(({ name, kind, zip, unzippedBytes }) => [
      { name: `${name} (${kind}) zip`, value: statSync(zip).size, unit: 'bytes', budget: BUDGETS.lambdaZipBytes },
      { name: `${name} (${kind}) unzipped`, value: unzippedBytes, unit: 'bytes', budget: BUDGETS.lambdaUnzippedBytes },
    ]);
    if (!options.loadTimes) return figures;
    // Where the budget goes before any code of ours: what the parts every function shares cost alone.
    const references = (await referenceBundles(scratch)).map(([name, entry]) => ({ name: `reference, not a function: ${name}`, entry }));
    const timed = [...bundles, ...references];
    const ratios = new Map(timed.map(({ name }) => [name, [] as number[]]));
    const emptyRuns: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      for (const { name, entry } of shuffled(timed, pass + 1)) {
        // The empty handler is timed right before each bundle, so a machine that slows down slows both.
        const emptyMs = loadMs(empty, env);
        emptyRuns.push(emptyMs);
        ratios.get(name)!.push(loadMs(entry, env) / emptyMs);
      }
    }
    for (const { name, kind } of bundles) {
      figures.push({ name: `${name} (${kind}) init vs empty handler`, value: median(ratios.get(name)!), unit: '×', budget: BUDGETS.lambdaInitRatio });
    }
    figures.push({ name: 'empty handler init (median over the run)', value: median(emptyRuns), unit: 'ms' });
    for (const { name } of references) figures.push({ name: `${name} init vs empty handler`, value: median(ratios.get(name)!), unit: '×' });
    return figures;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * bench/reference-handlers, bundled as serverless.yml bundles the functions (its `custom.esbuild` options and
 * plugins, minified as a deployed stage is): the SDK's document client doing one GetItem, and zod with one schema.
 */
async function referenceBundles(scratch: string): Promise<Array<[string, string]>> {
  const options = (readServerlessConfig().custom as { esbuild: Record<string, unknown> }).esbuild;
  const references: Array<[string, string]> = [
    ['the DynamoDB document client alone, one GetItem', 'dynamodb-get.ts'],
    ['zod with its Chinese messages and one schema', 'zod-schema.ts'],
  ];
  const plugins = (require(path.resolve(root, options.plugins as string)) as () => Plugin[])();
  return Promise.all(references.map(async ([name, file]): Promise<[string, string]> => {
    const outfile = path.join(scratch, 'reference', file.replace(/\.ts$/, '.js'));
    await build({
      entryPoints: [path.join(__dirname, 'reference-handlers', file)],
      outfile,
      bundle: true,
      minify: true,
      platform: options.platform as 'node',
      target: options.target as string,
      format: options.format as 'cjs',
      mainFields: options.mainFields as string[],
      legalComments: options.legalComments as 'none',
      keepNames: options.keepNames as boolean,
      external: options.exclude as string[],
      alias: Object.fromEntries(Object.entries(options.alias as Record<string, string>).map(([from, to]) => [from, path.resolve(root, to)])),
      plugins,
      logLevel: 'silent',
    });
    return [name, outfile];
  }));
}

/**
 * `npm run bench -- lambda-work [function …]`: the instructions (valgrind) a fresh `node` process executes to
 * load each packaged bundle, against the empty handler's, in the same environment as the timed ratio. No
 * budget: a diagnostic. The load ratio's wall times vary by about ±0.1× from run to run on this machine, so
 * a change worth a few milliseconds cannot be seen there; an instruction count moves by well under 1%.
 * Measures the zips already in .serverless (`serverless package --stage bench`, or a `lambda` run, first).
 */
export function measureLambdaWork(only: readonly string[]): Figure[] {
  if (spawnSync('valgrind', ['--version']).status !== 0) throw new Error('lambda-work needs valgrind (apt-get install -y valgrind)');
  const scratch = mkdtempSync(path.join(tmpdir(), 'fangxin-work-'));
  try {
    const empty = path.join(scratch, 'empty-handler.js');
    writeFileSync(empty, 'exports.handler = async () => ({});\n');
    const bundles = unpackBundles(scratch).filter(({ name }) => only.length === 0 || only.includes(name));
    if (bundles.length === 0) throw new Error(`none of ${only.join(', ')} is packaged in .serverless`);
    const emptyInstructions = loadInstructions(empty);
    return [
      { name: 'empty handler load, instructions (millions)', value: emptyInstructions / 1e6, unit: 'M' },
      ...bundles.flatMap(({ name, kind, entry, zip }) => {
        const instructions = loadInstructions(entry);
        const cached = withCodeCache(entry);
        const cachedInstructions = loadInstructions(cached.loader);
        return [
          { name: `${name} (${kind}) load, instructions (millions)`, value: instructions / 1e6, unit: 'M' },
          { name: `${name} (${kind}) load instructions vs empty handler`, value: instructions / emptyInstructions, unit: '×' },
          { name: `${name} (${kind}) with a V8 code cache: load instructions vs empty handler`, value: cachedInstructions / emptyInstructions, unit: '×' },
          { name: `${name} (${kind}) with a V8 code cache: the cache, deflated as a zip stores it`, value: cached.deflatedBytes, unit: 'bytes' },
          { name: `${name} (${kind}) with a V8 code cache: zip and cache`, value: statSync(zip).size + cached.deflatedBytes, unit: 'bytes' },
        ];
      }),
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * What shipping V8's code cache with a bundle would buy and cost: the road not taken (docs/performance.md).
 * A process in the timed environment loads the bundle through `vm.Script` and writes the cache V8 makes
 * after the load, so it holds the functions the load ran; a loader beside it compiles the bundle with that
 * cache. The cache is only valid for the Node build that made it: here, this one.
 */
function withCodeCache(entry: string): { loader: string; deflatedBytes: number } {
  const cacheFile = `${entry}.v8cache`;
  const loader = `${entry}.cached-loader.js`;
  const compile = (cachedData: string) => [
    `const fs = require('node:fs'), vm = require('node:vm'), path = require('node:path'), { wrap } = require('node:module');`,
    `const file = ${JSON.stringify(entry)};`,
    `const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file${cachedData} });`,
    `script.runInThisContext().call(module.exports, module.exports, require, module, file, path.dirname(file));`,
  ];
  const make = spawnSync(process.execPath, ['-e', [...compile(''), `fs.writeFileSync(${JSON.stringify(cacheFile)}, script.createCachedData());`].join('\n')], {
    env: LAMBDA_PROCESS_ENV,
    encoding: 'utf8',
  });
  if (make.status !== 0) throw new Error(`making the code cache of ${entry} failed: ${make.stderr}`);
  writeFileSync(loader, [
    ...compile(`, cachedData: fs.readFileSync(${JSON.stringify(cacheFile)})`).slice(0, 3),
    `if (script.cachedDataRejected) throw new Error('code cache rejected');`,
    ...compile('').slice(3),
  ].join('\n'));
  return { loader, deflatedBytes: deflateRawSync(readFileSync(cacheFile), { level: 9 }).length };
}

/** The instructions valgrind counts while a fresh `node` process requires the file. */
function loadInstructions(file: string): number {
  const result = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '-e', `require(${JSON.stringify(file)})`], {
    env: LAMBDA_PROCESS_ENV,
    encoding: 'utf8',
  });
  const collected = /Collected\s*:\s*(\d+)/.exec(result.stderr);
  if (result.status !== 0 || !collected) throw new Error(`counting ${file} failed: ${result.stderr.slice(-500)}`);
  return Number(collected[1]);
}

/** Functions a person waits on: those behind an `http` or `httpApi` event. */
function requestPathFunctions(): Set<string> {
  const functions = readServerlessConfig().functions as Record<string, { events?: Array<Record<string, unknown>> }>;
  return new Set(Object.entries(functions).filter(([, fn]) => fn.events?.some((event) => 'http' in event || 'httpApi' in event)).map(([name]) => name));
}

/**
 * The wall time of a whole fresh `node` process that requires the file: Node's start plus the module load,
 * a cold start's share that is ours.
 */
function loadMs(file: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { env, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`loading ${file} failed: ${result.stderr}`);
  return elapsed;
}

/** The items in an order fixed by `seed` (a small xorshift generator, then Fisher–Yates): each pass its own. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = (seed * 0x9e3779b9) >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
