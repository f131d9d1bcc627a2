import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

/** The least a function of ours does: one GetItem through the SDK's document client, nothing else. */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));

export const handler = async (event: { pk: string; sk: string }) =>
  client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: event.pk, SK: event.sk } }));
