import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { CounterWrite } from './complaints';
import type { UncountedEvent } from './counting';
import { COMPLAINT_KEY, EVENT_KEY } from './keys';

/**
 * The counts a newly written lifecycle event carries, from a table stream record; undefined for every other
 * change (and for events that count nothing). serverless.yml's filter keeps only event inserts in AWS; the
 * local stream runner feeds everything, so the test is made again here.
 */
export function newEventCounts(record: DynamoDBRecord): UncountedEvent | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const pk = record.dynamodb?.Keys?.pk?.S;
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (!pk?.startsWith(COMPLAINT_KEY.encode('')) || !sk?.startsWith(EVENT_KEY.encode(''))) return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image?.counts) return undefined;
  const { counts } = unmarshall({ counts: image.counts } as Record<string, AttributeValue>) as { counts: CounterWrite[] };
  if (!Array.isArray(counts) || counts.length === 0) return undefined;
  return { complaintId: COMPLAINT_KEY.decode(pk), seq: EVENT_KEY.decode(sk), counts };
}

/** Whether a stream record is a new lifecycle event (the counter trigger's filter, see serverless.yml). */
export const isEventInsert = (record: DynamoDBRecord): boolean =>
  record.eventName === 'INSERT' &&
  (record.dynamodb?.Keys?.pk?.S ?? '').startsWith(COMPLAINT_KEY.encode('')) &&
  (record.dynamodb?.Keys?.sk?.S ?? '').startsWith(EVENT_KEY.encode(''));
