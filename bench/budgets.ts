/**
 * Performance budgets. A benchmark prints its figures and fails (exit 1) when one is broken.
 * Change a number only with a reason in the commit message.
 */
export const BUDGETS = {
  /** Each function's zip, SDK and toolbox included (we pin and bundle them). */
  lambdaZipBytes: 450 * 1024,
  lambdaUnzippedBytes: 1.5 * 1024 * 1024,
  /**
   * The two notification-delivery functions carry the Tencent Cloud SMS SDK (its form-data dependency
   * brings a ~200 KB MIME table). They run from the stream and the schedule, never on a request a person
   * waits on, and the SDK is loaded only when an SMS is sent, so their init stays under the common budget.
   */
  lambdaBytesExceptions: {
    outboxStream: { zip: 700 * 1024, unzipped: 2.2 * 1024 * 1024 },
    dispatchNotifications: { zip: 700 * 1024, unzipped: 2.2 * 1024 * 1024 },
  } as Readonly<Record<string, { zip: number; unzipped: number }>>,
  /** Module load of one bundle in a fresh Node process (the part of a cold start we control). */
  lambdaInitMs: 400,
  /** WeChat caps the main package at 2 MB; the consumer page must open fast on a county 4G phone. */
  weappMainPackageBytes: 800 * 1024,
  /** The QR scan through the local API (serverless-offline + DynamoDB Local), loopback, sequential. */
  scanP95Ms: 150,
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
  return `${value.toFixed(unit === 'ms' ? 1 : 0)} ${unit}`;
}
