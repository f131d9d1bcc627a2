/** `npm run bench`: every benchmark, its figures, and exit 1 if any budget is broken. */
import { report } from './budgets';
import { measureLambdaBundles } from './lambda-bundles';
import { measureScanLatency } from './scan-latency';
import { measureWeapp } from './weapp-size';

async function main(): Promise<void> {
  const only = process.argv[2];
  const figures = [
    ...(!only || only === 'lambda' ? measureLambdaBundles() : []),
    ...(!only || only === 'weapp' ? measureWeapp() : []),
    ...(!only || only === 'scan' ? await measureScanLatency() : []),
  ];
  if (!report(figures)) {
    console.error('a performance budget is broken');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
