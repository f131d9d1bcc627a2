import type { DynamoDBRecord } from 'aws-lambda';
import { OUTBOX_KEY, isOutboxKey } from './keys';

/**
 * The outbox id of a newly written pending item in a table stream record, or undefined for every other
 * change in the table. serverless.yml's event filter already keeps only new outbox items in AWS; the local
 * stream runner feeds records unfiltered, so the test is made again here.
 */
export function newOutboxItemId(record: DynamoDBRecord): string | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const pk = record.dynamodb?.Keys?.pk?.S;
  if (!isOutboxKey(pk)) return undefined;
  if (record.dynamodb?.NewImage?.state?.S !== 'pending') return undefined;
  return OUTBOX_KEY.decode(pk);
}
