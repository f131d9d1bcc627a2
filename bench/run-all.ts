/**
 * `npm run bench [lambda|lambda-size|lambda-work|weapp|scan|h5]`: every benchmark (or one), its figures, and exit 1 if
 * any budget is broken. `scan` and `h5` share one local stack (DynamoDB Local, demo data, the API).
 */
import { report, type Figure } from './budgets';
import { buildH5ForBench, measureH5Scan } from './h5-scan';
import { measureLambdaBundles, measureLambdaWork } from './lambda-bundles';
import { withBenchStack } from './local-stack';
import { measureScanLatency } from './scan-latency';
import { measureWeapp } from './weapp-size';

async function main(): Promise<void> {
  const only = process.argv[2];
  const wants = (name: string) => !only || only === name;
  const figures: Figure[] = [
    ...(wants('lambda') ? await measureLambdaBundles() : []),
    // Bytes only, of the zips `serverless package` has just made (CI): no packaging, no load timing.
    ...(only === 'lambda-size' ? await measureLambdaBundles({ loadTimes: false, packageFirst: false }) : []),
    // Instructions instead of wall time, for the zips already packaged; the functions named after it, or all.
    ...(only === 'lambda-work' ? measureLambdaWork(process.argv.slice(3)) : []),
    ...(wants('weapp') ? measureWeapp() : []),
  ];
  if (wants('scan') || wants('h5')) {
    if (wants('h5')) buildH5ForBench();
    figures.push(
      ...(await withBenchStack(async (stack) => [
        ...(wants('scan') ? await measureScanLatency(stack) : []),
        ...(wants('h5') ? await measureH5Scan(stack) : []),
      ])),
    );
  }
  if (!report(figures)) {
    console.error('a performance budget is broken');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
