import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { BUDGETS, type Figure } from './budgets';
import type { BenchStack } from './local-stack';

const REQUESTS = 300;

/**
 * The QR scan through the real local stack: serverless-offline running the bundled handler against
 * DynamoDB Local. Loopback only, a fixed number of sequential requests, then it stops.
 */
export async function measureScanLatency(stack: BenchStack): Promise<Figure[]> {
  const url = `${stack.apiUrl}/merchants/${DEMO_SHOP_ID}`;
  for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer(); // warm the worker
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`scan answered ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return [
    { name: `scan API p50 (${REQUESTS} sequential, local)`, value: at(0.5), unit: 'ms' },
    { name: 'scan API p95', value: at(0.95), unit: 'ms', budget: BUDGETS.scanP95Ms },
  ];
}
