import type { LifecycleEvent } from '@fangxin/shared';
import {
  MAX_RECHECKS,
  PLACEHOLDERS,
  holdReasonText,
  moderationOf,
  moderationTaskFor,
  presentText,
  recheckDelayMs,
  targetFromWire,
  targetToWire,
  authorSideOf,
  userTextOf,
  visibleToOtherParty,
} from '../../src/use-cases/moderation-rules';

/**
 * Content security's pure rules: which words are a person's own (and so checked), and what each viewer is
 * shown while a text is held, released or blocked.
 */

const event = (type: LifecycleEvent['type'], kind: LifecycleEvent['actor']['kind'], data: Record<string, unknown>): LifecycleEvent => ({
  type,
  at: '2026-11-20T02:00:00.000Z',
  actor: { kind, ...(kind === 'system' ? {} : { userId: `u-${kind}` }) },
  from: 'submitted',
  to: 'submitted',
  visibility: 'all',
  data,
});

describe('whose words are checked', () => {
  it.each<[string, LifecycleEvent, string | undefined]>([
    ['a merchant’s reply', event('reply', 'merchant', { text: '已收到' }), '已收到'],
    ['a merchant’s proposal text', event('propose', 'merchant', { proposal: { outcome: 'refund', dueDate: '2026-12-01', text: '全额退款' } }), '全额退款'],
    ['a merchant’s decline reason', event('decline', 'merchant', { text: '已过三包期' }), '已过三包期'],
    ['a consumer’s rejection reason', event('reject_proposal', 'consumer', { text: '金额不够' }), '金额不够'],
    ['a consumer’s rating comment', event('rate', 'consumer', { rating: 'satisfied', comment: '很及时' }), '很及时'],
    ['a consumer’s withdrawal without a reason', event('withdraw', 'consumer', {}), undefined],
    // A station writes for the consumer on a case not yet claimed, and is not the bureau: checked as the consumer's.
    ['a station’s rejection reason for the consumer', event('reject_proposal', 'station', { text: '金额不够' }), '金额不够'],
    ['a station’s escalation text', event('escalate', 'station', { text: '商家不予处理' }), '商家不予处理'],
    ['a staff note', event('note', 'staff', { text: '电话核实' }), undefined],
    ['a staff acceptance text', event('accept', 'staff', { text: '予以受理' }), undefined],
    ['the sweeper’s explanation', event('expire', 'system', { text: '期限届满' }), undefined],
  ])('%s', (_, given, expected) => {
    expect(userTextOf(given)).toBe(expected);
  });
});

it('a station’s words are the consumer’s side’s: shown to the shop as the consumer’s would be', () => {
  expect(authorSideOf(event('escalate', 'station', { text: 'x' }))).toBe('consumer');
  expect(authorSideOf(event('note', 'staff', { text: 'x' }))).toBeUndefined();
});

describe('what each viewer sees', () => {
  const text = '这家店在搞赌博';

  it('shows a clean text to everyone, with no flag', () => {
    for (const viewer of ['consumer', 'merchant', 'staff'] as const) {
      expect(presentText(viewer, 'consumer', text, { state: 'pass', label: 100 })).toEqual({ text });
      expect(presentText(viewer, 'consumer', text, undefined)).toEqual({ text });
    }
  });

  it.each(['held', 'unchecked'] as const)('hides a %s text from the other party only', (state) => {
    expect(presentText('merchant', 'consumer', text, { state })).toEqual({ text: PLACEHOLDERS.held, moderation: { state: 'held', note: PLACEHOLDERS.held } });
    expect(presentText('consumer', 'merchant', text, { state })).toEqual({ text: PLACEHOLDERS.held, moderation: { state: 'held', note: PLACEHOLDERS.held } });
    const own = presentText('consumer', 'consumer', text, { state });
    expect(own.text).toBe(text);
    expect(own.moderation).toMatchObject({ state, note: expect.stringContaining('审核') });
  });

  it('gives staff the text, the state and WeChat’s label', () => {
    expect(presentText('staff', 'consumer', text, { state: 'held', label: 20006 })).toEqual({
      text,
      moderation: { state: 'held', note: expect.any(String), label: 20006 },
    });
  });

  it('shows a released text to the other party as if it had been clean', () => {
    expect(presentText('merchant', 'consumer', text, { state: 'released', label: 20006 })).toEqual({ text });
    expect(presentText('consumer', 'consumer', text, { state: 'released' })).toEqual({ text });
    expect(visibleToOtherParty({ state: 'released' })).toBe(true);
  });

  it('keeps a blocked text from the other party and tells its author', () => {
    expect(presentText('merchant', 'consumer', text, { state: 'blocked' }).text).toBe(PLACEHOLDERS.blocked);
    expect(presentText('consumer', 'consumer', text, { state: 'blocked' })).toEqual({ text, moderation: { state: 'blocked', note: '该内容未通过审核，对方看不到' } });
    expect(visibleToOtherParty({ state: 'blocked' })).toBe(false);
  });
});

describe('what is stored with a text', () => {
  const where = { complaintId: 'C1', target: 'DESC', textType: 'file', text: '文本', authorKind: 'consumer' as const, authorUserId: 'u1', writtenAt: '2026-11-20T02:00:00.000Z' };
  // A whole complaint record is passed in practice: only where it is and whose shop travel with the task.
  const complaint = { townCode: 'chengguan', merchantId: 'M1', merchantName: '店', phone: '13800138000', description: '文本' };

  it('writes no task for a clean text', () => {
    const check = { state: 'pass', label: 100, checkedAt: where.writtenAt } as const;
    expect(moderationOf(check)).toEqual({ state: 'pass', label: 100, checkedAt: where.writtenAt });
    expect(moderationTaskFor(check, where, complaint)).toBeUndefined();
  });

  it('holds a risky text for a reviewer, with WeChat’s verdict', () => {
    const check = { state: 'held', suggest: 'risky', label: 20006, checkedAt: where.writtenAt } as const;
    expect(moderationTaskFor(check, where, complaint)).toEqual({
      ...where,
      townCode: 'chengguan',
      merchantId: 'M1',
      merchantName: '店',
      attempts: 0,
      state: 'held',
      reason: 'risky',
      label: 20006,
      checkedAt: where.writtenAt,
      heldAt: where.writtenAt,
    });
  });

  it('queues a text WeChat could not check for a recheck at once', () => {
    const check = { state: 'unchecked', failure: 'wechat unavailable (http_status)', final: false } as const;
    expect(moderationOf(check)).toEqual({ state: 'unchecked' });
    expect(moderationTaskFor(check, where, complaint)).toMatchObject({ state: 'unchecked', nextCheckAt: where.writtenAt, attempts: 0 });
  });

  it('backs off between rechecks and gives up after a bounded number', () => {
    expect([1, 2, 3, 4].map((n) => recheckDelayMs(n) / 60_000)).toEqual([5, 10, 20, 40]);
    expect(MAX_RECHECKS).toBeGreaterThan(1);
  });

  it('names targets on the wire and back', () => {
    expect(targetToWire('DESC')).toBe('description');
    expect(targetToWire('EVENT#000003')).toBe('event-000003');
    expect(targetFromWire('event-000003')).toBe('EVENT#000003');
    expect(targetFromWire('description')).toBe('DESC');
  });

  it('explains a hold in Chinese', () => {
    expect(holdReasonText('risky', 20006)).toBe('微信内容安全检测判定有风险（违法犯罪）');
    expect(holdReasonText('uncheckable', undefined)).toContain('需人工审核');
  });
});
