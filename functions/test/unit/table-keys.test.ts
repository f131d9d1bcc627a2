import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  COMPLAINT_KEY,
  DESCRIPTION_TARGET,
  EVENT_KEY,
  OUTBOX_ATTENTION_PARTITION,
  OUTBOX_DUE_PARTITION,
  OUTBOX_KEY,
  eventTarget,
  isOutboxKey,
  merchantCounterKey,
} from '../../src/store/keys';
import { newOutboxItemId } from '../../src/store/outbox-stream-record';
import { targetFromWire, targetToWire } from '../../src/use-cases/moderation-rules';

describe('table keys, declared once', () => {
  it('serverless.yml’s stream filter selects exactly the outbox keys', () => {
    const yml = readFileSync(path.join(__dirname, '../../../serverless.yml'), 'utf8');
    const prefix = /S: \[\{ prefix: '([^']+)' \}\]/.exec(yml)?.[1];
    expect(prefix).toBe(OUTBOX_KEY.encode(''));
    expect(isOutboxKey(OUTBOX_KEY.encode('01J'))).toBe(true);
    expect(isOutboxKey(COMPLAINT_KEY.encode('01J'))).toBe(false);
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
