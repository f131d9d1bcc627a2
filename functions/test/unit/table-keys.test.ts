import { deployedFunctions } from '../../../scripts/contract/serverless-functions';
import {
  COMPLAINT_KEY,
  COUNTABLE_KEY_PREFIXES,
  DESCRIPTION_TARGET,
  EVENT_KEY,
  OUTBOX_ATTENTION_PARTITION,
  OUTBOX_DUE_PARTITION,
  OUTBOX_KEY,
  eventTarget,
  isOutboxKey,
  merchantCounterKey,
  QUIZ_ATTEMPT_KEY,
  SURVEY_RESPONSE_KEY,
} from '../../src/store/keys';
import { newOutboxItemId } from '../../src/store/outbox-stream-record';
import { isCountableInsert, newCountable } from '../../src/store/event-stream-record';
import { targetFromWire, targetToWire } from '../../src/use-cases/moderation-rules';

describe('table keys, declared once', () => {
  const filtersOf = (name: string) => {
    const fn = deployedFunctions().find((candidate) => candidate.name === name)!;
    const patterns = (fn.stream?.filterPatterns ?? []) as Array<{ eventName: string[]; dynamodb: { Keys: Record<string, { S: Array<{ prefix: string }> }> } }>;
    return patterns.map((pattern) => ({
      eventName: pattern.eventName,
      prefixes: Object.fromEntries(Object.entries(pattern.dynamodb.Keys).map(([key, value]) => [key, value.S[0]!.prefix])),
    }));
  };
  const filterOf = (name: string) => filtersOf(name)[0]!;

  it('serverless.yml’s outbox trigger selects exactly the new outbox items', () => {
    expect(filterOf('outboxStream')).toEqual({ eventName: ['INSERT'], prefixes: { pk: OUTBOX_KEY.encode('') } });
    expect(isOutboxKey(OUTBOX_KEY.encode('01J'))).toBe(true);
    expect(isOutboxKey(COMPLAINT_KEY.encode('01J'))).toBe(false);
  });

  it('serverless.yml’s counter trigger selects exactly the new countable items (events, quiz attempts, survey responses)', () => {
    expect(filtersOf('counterStream')).toEqual(COUNTABLE_KEY_PREFIXES.map((prefixes) => ({ eventName: ['INSERT'], prefixes })));
    expect(filtersOf('counterStream')[0]).toEqual({ eventName: ['INSERT'], prefixes: { pk: COMPLAINT_KEY.encode(''), sk: EVENT_KEY.encode('') } });
  });

  it('the counter stream parser reads a new countable item’s counts, and nothing else', () => {
    const counts = [{ kind: 'scope', scope: 'county#qinghe', period: 'M#2026-11', deltas: { received: 1 } }];
    const image = { counts: { L: [{ M: { kind: { S: 'scope' }, scope: { S: 'county#qinghe' }, period: { S: 'M#2026-11' }, deltas: { M: { received: { N: '1' } } } } }] } };
    const record = (pk: string, sk: string, eventName: 'INSERT' | 'MODIFY' = 'INSERT', newImage: object = image) =>
      ({ eventName, dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } }, NewImage: newImage } }) as never;
    expect(newCountable(record(COMPLAINT_KEY.encode('01J'), EVENT_KEY.encode('000001')))).toEqual({ source: { kind: 'event', complaintId: '01J', seq: '000001' }, counts });
    expect(newCountable(record(COMPLAINT_KEY.encode('01J'), EVENT_KEY.encode('000001'), 'MODIFY'))).toBeUndefined();
    expect(newCountable(record(COMPLAINT_KEY.encode('01J'), 'PROFILE'))).toBeUndefined();
    expect(newCountable(record(COMPLAINT_KEY.encode('01J'), EVENT_KEY.encode('000002'), 'INSERT', {}))).toBeUndefined();
    expect(newCountable(record(OUTBOX_KEY.encode('01J'), EVENT_KEY.encode('000001')))).toBeUndefined();
    expect(newCountable(record(QUIZ_ATTEMPT_KEY.encode('2026#u1'), 'RECORD'))).toEqual({ source: { kind: 'quiz_attempt', key: '2026#u1' }, counts });
    expect(newCountable(record(SURVEY_RESPONSE_KEY.encode('2026#u1'), 'RECORD'))).toEqual({ source: { kind: 'survey_response', key: '2026#u1' }, counts });
    expect(newCountable(record(QUIZ_ATTEMPT_KEY.encode('2026#u1'), 'RECORD', 'MODIFY'))).toBeUndefined();
    expect(isCountableInsert(record(QUIZ_ATTEMPT_KEY.encode('2026#u1'), 'RECORD'))).toBe(true);
    expect(isCountableInsert(record(COMPLAINT_KEY.encode('01J'), 'PROFILE'))).toBe(false);
  });

  it('the stream parser reads the outbox id of a new pending item, and nothing else', () => {
    const record = (pk: string, eventName: 'INSERT' | 'MODIFY' = 'INSERT', state = 'pending') =>
      ({ eventName, dynamodb: { Keys: { pk: { S: pk } }, NewImage: { state: { S: state } } } }) as never;
    expect(newOutboxItemId(record(OUTBOX_KEY.encode('01JABC')))).toBe('01JABC');
    expect(newOutboxItemId(record(OUTBOX_KEY.encode('01JABC'), 'MODIFY'))).toBeUndefined();
    expect(newOutboxItemId(record(OUTBOX_KEY.encode('01JABC'), 'INSERT', 'delivered'))).toBeUndefined();
    expect(newOutboxItemId(record(COMPLAINT_KEY.encode('01JABC')))).toBeUndefined();
  });

  it('the outbox index partitions live under the outbox prefix and differ', () => {
    expect(OUTBOX_DUE_PARTITION).toBe('OUTBOX#pending');
    expect(OUTBOX_ATTENTION_PARTITION).toBe('OUTBOX#attention');
  });

  it('a moderation target survives the trip to the wire and back', () => {
    expect(targetToWire(DESCRIPTION_TARGET)).toBe('description');
    expect(targetToWire(eventTarget('000003'))).toBe('event-000003');
    expect(targetFromWire('event-000003')).toBe(eventTarget('000003'));
    expect(targetFromWire('description')).toBe(DESCRIPTION_TARGET);
    expect(EVENT_KEY.decode(eventTarget('000007'))).toBe('000007');
  });

  it('a shop counter key gives back its month and commitment', () => {
    expect(merchantCounterKey.parse(merchantCounterKey.month('2026-03'))).toEqual({ month: '2026-03' });
    expect(merchantCounterKey.parse(merchantCounterKey.commitment('2026-03', 'c1'))).toEqual({ month: '2026-03', commitmentKey: 'c1' });
  });
});
