import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { startApi } from '../scripts/local/api';
import { startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { applyLocalEnv, localAwsEnv } from '../scripts/local/env';
import { freePort } from '../scripts/local/ports';
import { BUDGETS, type Figure } from './budgets';

const REQUESTS = 300;

/**
 * The QR scan through the real local stack: serverless-offline running the bundled handler against
 * DynamoDB Local. Loopback only, a fixed number of sequential requests, then it stops.
 */
export async function measureScanLatency(): Promise<Figure[]> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const env = localAwsEnv({
    dynamodbEndpoint: dynamo.endpoint,
    tableName: 'fangxin-bench',
    // The demo seed reads the app id; nothing here calls WeChat or stores photos.
    weChatApiBase: 'http://127.0.0.1:9',
    s3Endpoint: 'http://127.0.0.1:9',
  });
  applyLocalEnv(env);
  try {
    const { ensureTable } = await import('../functions/src/store/table-admin');
    const { dynamoDbClient } = await import('../functions/src/clients');
    await ensureTable(dynamoDbClient, 'fangxin-bench');
    const { seedDemoData } = await import('../scripts/demo/seed');
    await seedDemoData();
    const api = await startApi({ port: await freePort(), lambdaPort: await freePort(), env, quiet: true });
    try {
      const url = `${api.url}/merchants/${DEMO_SHOP_ID}`;
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
        { name: `scan p50 (${REQUESTS} sequential, local)`, value: at(0.5), unit: 'ms' },
        { name: 'scan p95', value: at(0.95), unit: 'ms', budget: BUDGETS.scanP95Ms },
      ];
    } finally {
      await api.stop();
    }
  } finally {
    await dynamo.stop();
  }
}
