import { freePort } from '../../../../scripts/local/ports';
import { startDynamoDbLocal } from '../../../../scripts/local/dynamodb-local';
import { applyLocalEnv, localAwsEnv } from '../../../../scripts/local/env';

/**
 * One in-memory DynamoDB Local for the integration project; each suite makes its own table in it
 * (fresh-table-name.ts), so suites never see each other's data. The environment set here is inherited
 * by the jest workers, which start after this.
 */
export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  (globalThis as { __fangxinIntegrationDynamo?: typeof dynamo }).__fangxinIntegrationDynamo = dynamo;
  applyLocalEnv(localAwsEnv(dynamo.endpoint, 'unset-use-fresh-table'));
}
