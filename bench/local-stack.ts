import { startApi } from '../scripts/local/api';
import { startDynamoDbLocal } from '../scripts/local/dynamodb-local';
import { applyLocalEnv, localAwsEnv } from '../scripts/local/env';
import { freePort } from '../scripts/local/ports';

export interface BenchStack {
  apiUrl: string;
}

/**
 * DynamoDB Local with the demo data and the API from serverless.yml (serverless-offline running the
 * bundled handlers), on loopback, for the benches that go through the API. Stopped when `run` ends.
 */
export async function withBenchStack<T>(run: (stack: BenchStack) => Promise<T>): Promise<T> {
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
      return await run({ apiUrl: api.url });
    } finally {
      await api.stop();
    }
  } finally {
    await dynamo.stop();
  }
}
