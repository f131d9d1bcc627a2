/**
 * Performance budgets. A benchmark prints its figures and fails (exit 1) when one is broken.
 * Change a number only with a reason in the commit message.
 */
export const BUDGETS = {
  /**
   * Each function's zip (the SDK and the toolbox included: we pin and bundle them, all but the S3 client,
   * see serverless.yml). Lambda fetches and unpacks the zip on every cold start, before our code runs. Held
   * for every function, not only those on a request path: the stream and schedule ones are no exception.
   */
  lambdaZipBytes: 200 * 1024,
  /** What that zip unpacks to: the source V8 reads and compiles at load. */
  lambdaUnzippedBytes: 700 * 1024,
  /**
   * Module load of one bundle against an empty handler's, each the wall time of a fresh `node` process
   * that requires it, measured side by side: what a bundle adds to a cold start beyond Node's own start.
   */
  lambdaInitRatio: 2.0,
  /**
   * The main package is what WeChat downloads before the scan page can show anything (the cap is 2 MB);
   * a consumer at a shop counter on county 4G waits for all of it.
   */
  weappMainPackageBytes: 350 * 1024,
  /** The H5 scan page (the https fallback link), until the commitments show: bytes that travel, and time on the 4G profile. */
  h5ScanBytes: 350 * 1024,
  h5ScanMs: 2000,
  /** The QR scan through the local API (serverless-offline + DynamoDB Local), loopback, sequential. */
  scanP95Ms: 150,
  /** Modules in the main package's scripts that come from a subpackage's folder, or zod: any is a leak into main. */
  weappMainPackageForbiddenModules: 0,
} as const;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

export function report(figures: Figure[]): boolean {
  let ok = true;
  for (const figure of figures) {
    const broken = figure.budget !== undefined && figure.value > figure.budget;
    if (broken) ok = false;
    const budget = figure.budget !== undefined ? ` (budget ${format(figure.budget, figure.unit)})` : '';
    console.log(`${broken ? 'OVER ' : 'ok   '} ${figure.name}: ${format(figure.value, figure.unit)}${budget}`);
  }
  return ok;
}

function format(value: number, unit: string): string {
  if (unit === 'bytes') return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MB` : `${(value / 1024).toFixed(1)} KB`;
  const decimals = unit === 'ms' ? 1 : unit === '×' ? 2 : 0;
  return `${value.toFixed(decimals)} ${unit}`;
}
