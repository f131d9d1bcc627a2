import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { CounterWrite } from './complaints';
import type { Countable, CountableSource } from './counting';
import { COMPLAINT_KEY, COUNTABLE_KEY_PREFIXES, EVENT_KEY, QUIZ_ATTEMPT_KEY, SURVEY_RESPONSE_KEY } from './keys';

/** Which countable item a table key is, if any. */
function sourceOf(pk: string, sk: string): CountableSource | undefined {
  if (pk.startsWith(COMPLAINT_KEY.encode('')) && sk.startsWith(EVENT_KEY.encode(''))) {
    return { kind: 'event', complaintId: COMPLAINT_KEY.decode(pk), seq: EVENT_KEY.decode(sk) };
  }
  if (pk.startsWith(QUIZ_ATTEMPT_KEY.encode(''))) return { kind: 'quiz_attempt', key: QUIZ_ATTEMPT_KEY.decode(pk) };
  if (pk.startsWith(SURVEY_RESPONSE_KEY.encode(''))) return { kind: 'survey_response', key: SURVEY_RESPONSE_KEY.decode(pk) };
  return undefined;
}

/**
 * The counts a newly written countable item carries (a lifecycle event, a counted quiz attempt or survey
 * response), from a table stream record; undefined for every other change (and for items that count
 * nothing). serverless.yml's filters keep only these inserts in AWS; the local stream runner feeds
 * everything, so the test is made again here.
 */
export function newCountable(record: DynamoDBRecord): Countable | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const pk = record.dynamodb?.Keys?.pk?.S;
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (pk === undefined || sk === undefined) return undefined;
  const source = sourceOf(pk, sk);
  if (!source) return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image?.counts) return undefined;
  const { counts } = unmarshall({ counts: image.counts } as Record<string, AttributeValue>) as { counts: CounterWrite[] };
  if (!Array.isArray(counts) || counts.length === 0) return undefined;
  return { source, counts };
}

/** Whether a stream record is a new countable item (the counter trigger's filters, see serverless.yml). */
export const isCountableInsert = (record: DynamoDBRecord): boolean => {
  if (record.eventName !== 'INSERT') return false;
  const pk = record.dynamodb?.Keys?.pk?.S ?? '';
  const sk = record.dynamodb?.Keys?.sk?.S ?? '';
  return COUNTABLE_KEY_PREFIXES.some((prefixes) => pk.startsWith(prefixes.pk) && (prefixes.sk === undefined || sk.startsWith(prefixes.sk)));
};
