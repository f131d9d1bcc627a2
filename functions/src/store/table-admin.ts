import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import tableSchema from './table-schema.json';

/**
 * Creates the table from `table-schema.json` — the same file serverless.yml deploys — so local tables and
 * the production table cannot drift. Used by the local product and the test suites, never by a request path.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existed'> {
  if (await tableExists(client, tableName)) return 'existed';
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: tableSchema.BillingMode as 'PAY_PER_REQUEST',
      AttributeDefinitions: tableSchema.AttributeDefinitions as CreateTableInput['AttributeDefinitions'],
      KeySchema: tableSchema.KeySchema as CreateTableInput['KeySchema'],
      GlobalSecondaryIndexes: tableSchema.GlobalSecondaryIndexes as CreateTableInput['GlobalSecondaryIndexes'],
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableSchema.StreamSpecification.StreamViewType as 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableSchema.TimeToLiveAttribute, Enabled: true },
    }),
  );
  return 'created';
}

type CreateTableInput = ConstructorParameters<typeof CreateTableCommand>[0];

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}
