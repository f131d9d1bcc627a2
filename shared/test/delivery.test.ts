import fc from 'fast-check';
import {
  afterFailedAttempt,
  DELIVERY_POLICY,
  fitCharacterString,
  fitName,
  fitPhrase,
  fitThing,
  formatMessageTime,
  graphemes,
  messagePage,
  progressMessage,
  retryDelayMs,
  settlementAfter,
  truncateText,
  undeliverableReason,
} from '../src/domain/delivery';
import { characterCount, firstInvalidField } from '../../standins/wechat/subscribe-fields';

describe('retry timing', () => {
  it('doubles the wait after each failed attempt, up to the cap', () => {
    const waits = Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1, 0.999999));
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[0]).toBeCloseTo(DELIVERY_POLICY.firstRetryMs, -2);
    expect(waits[1]).toBeCloseTo(2 * DELIVERY_POLICY.firstRetryMs, -2);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DELIVERY_POLICY.maxRetryMs);
    expect(waits.at(-1)).toBeCloseTo(DELIVERY_POLICY.maxRetryMs, -3);
  });

  it('spreads retries over the upper half of each wait (jitter), never below half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempts, jitter) => {
        const low = retryDelayMs(attempts, 0);
        const wait = retryDelayMs(attempts, jitter);
        expect(wait).toBeGreaterThanOrEqual(low);
        expect(wait).toBeLessThanOrEqual(2 * low + 1);
      }),
    );
  });

  it('settles an attempt: reached → delivered, refused → undeliverable, failures retried until the last', () => {
    const last = DELIVERY_POLICY.maxAttempts;
    expect(settlementAfter('reached', 1, true)).toBe('delivered');
    expect(settlementAfter('unreachable', 1, false)).toBe('undeliverable');
    expect(settlementAfter('transient', last - 1, false)).toBe('retry');
    expect(settlementAfter('transient', last, false)).toBe('dead');
    // Someone at the shop got it before the attempts ran out: that is delivered, not dead.
    expect(settlementAfter('transient', last, true)).toBe('delivered');
    expect(settlementAfter('transient', 1, true)).toBe('retry');
  });

  it('dead-letters only after the last allowed attempt', () => {
    expect(afterFailedAttempt(DELIVERY_POLICY.maxAttempts - 1)).toBe('retry');
    expect(afterFailedAttempt(DELIVERY_POLICY.maxAttempts)).toBe('dead');
  });

  it('keeps a send well inside the lease (the duplicate bound depends on it)', () => {
    expect(DELIVERY_POLICY.sendReserveMs).toBeLessThan(DELIVERY_POLICY.leaseMs);
    // WeChat client timeout (5 s) + one token refresh (5 s) + the acknowledgement's retries must fit.
    expect(DELIVERY_POLICY.sendReserveMs).toBeGreaterThanOrEqual(15_000);
  });
});

describe('fitting values to WeChat’s subscribe-message limits', () => {
  it('cuts long text at 20 characters with an ellipsis, never inside an emoji or a flag', () => {
    const text = '商家'.repeat(9) + '👍🏽🇨🇳' + '尾巴';
    const fitted = fitThing(text);
    expect(characterCount(fitted)).toBe(20);
    expect(fitted.endsWith('…')).toBe(true);
    expect(graphemes(fitted).slice(-2, -1)[0]).toBe('👍🏽');
    expect(fitted).not.toMatch(/[\uD800-\uDBFF]$|[\uD800-\uDBFF]…/);
  });

  it('leaves short values alone and drops control and direction characters', () => {
    expect(fitThing('城关测试百货')).toBe('城关测试百货');
    expect(truncateText('a\u202Eb\u0007c', 10)).toBe('abc');
    expect(fitName('张三丰张三丰张三丰张三丰')).toHaveLength(10);
  });

  it('gives a phrase only Chinese characters, and a known phrase when a cut would mislead', () => {
    expect(fitPhrase('和解方案')).toBe('和解方案');
    expect(fitPhrase('已受理!')).toBe('已受理');
    expect(fitPhrase('商家已经答复了您')).toBe('进度更新');
    expect(fitPhrase('OK')).toBe('进度更新');
  });

  it('keeps character_string to 32 printable ASCII characters', () => {
    expect(fitCharacterString('01M8F9JKYSQC592ZQ2QVSKGDRZ')).toBe('01M8F9JKYSQC592ZQ2QVSKGDRZ');
    expect(fitCharacterString('投诉-001 x'.repeat(10))).toMatch(/^[\x21-\x7e]{1,32}$/);
  });

  it('formats time on Beijing time as WeChat expects', () => {
    expect(formatMessageTime(new Date('2026-11-27T19:50:00Z'))).toBe('2026-11-28 03:50');
  });

  it('produces values the WeChat stand-in (which applies WeChat’s rules) accepts, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 12 }), (merchantName, complaintId, headline) => {
        for (const audience of ['consumer', 'merchant', 'staff'] as const) {
          const values = progressMessage({ complaintId, merchantName, headline, at: new Date(), audience });
          const data = {
            character_string1: { value: values.complaintNo },
            thing2: { value: values.merchantName },
            phrase3: { value: values.progress },
            time4: { value: values.time },
            thing5: { value: values.hint },
          };
          expect(firstInvalidField(data)).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('where a message leads and what staff read', () => {
  it('opens the page of the audience’s own part of the app', () => {
    expect(messagePage('consumer', 'C1')).toBe('pages/complaint/index?id=C1');
    expect(messagePage('merchant', 'C1')).toBe('merchant/pages/handle/index?id=C1');
    expect(messagePage('staff', 'C 1')).toBe('admin/pages/case/index?id=C%201');
  });

  it('names why a notification failed in words staff can act on', () => {
    expect(undeliverableReason('merchant', 'refused')).toBe('商家未订阅通知');
    expect(undeliverableReason('merchant', 'nobody')).toBe('商家未绑定小程序');
    expect(undeliverableReason('consumer', 'refused')).toBe('消费者未订阅通知');
  });
});
