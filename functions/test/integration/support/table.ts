import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../../src/store/table-admin';
import { dynamoDbClient } from '../../../src/clients';
import { config } from '../../../src/config';

/** Creates this suite's table (from the deployed definition) before its tests, and drops it after. */
export function useFreshTable(): void {
  beforeAll(async () => {
    await ensureTable(dynamoDbClient, config().tableName);
  });
  afterAll(async () => {
    await dynamoDbClient.send(new DeleteTableCommand({ TableName: config().tableName })).catch(() => undefined);
  });
}
