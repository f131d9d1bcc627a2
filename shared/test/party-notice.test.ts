import { REFUSAL_GROUNDS, TERMINATION_GROUNDS, groundsOf } from '../src/catalogue/complaints';
import type { LifecycleEvent } from '../src/domain/lifecycle';
import { noticeEventOf, noticeKindOf, partyNoticeOf } from '../src/domain/party-notice';
import { notificationsFor } from '../src/domain/notifications';

const event = (patch: Partial<LifecycleEvent>): LifecycleEvent => ({
  type: 'note',
  at: '2026-11-30T02:00:00.000Z',
  actor: { kind: 'staff', userId: 's', role: 'regulator' },
  from: 'escalated',
  to: 'escalated',
  visibility: 'all',
  data: {},
  ...patch,
});

describe('the orders’ grounds', () => {
  it('Order 121 has seven grounds for refusing (art. 16) and eight for ending mediation (art. 23)', () => {
    const refusal = groundsOf(REFUSAL_GROUNDS, 'samr_order_121');
    const termination = groundsOf(TERMINATION_GROUNDS, 'samr_order_121');
    expect(refusal).toHaveLength(7);
    expect(termination).toHaveLength(8);
    expect(new Set(refusal.map((code) => REFUSAL_GROUNDS[code].article))).toEqual(new Set(['第十六条']));
    expect(new Set(termination.map((code) => TERMINATION_GROUNDS[code].article))).toEqual(new Set(['第二十三条']));
    // The identity ground is Order 121's own, and tells the consumer what to do.
    expect(REFUSAL_GROUNDS.o121_identity.nextStep).toContain('本人真实身份');
  });

  it('Order 20 keeps its own lists (art. 15, six grounds; art. 26, seven), with no identity ground', () => {
    expect(groundsOf(REFUSAL_GROUNDS, 'samr_order_20')).toHaveLength(6);
    expect(groundsOf(TERMINATION_GROUNDS, 'samr_order_20')).toHaveLength(7);
    expect(groundsOf(REFUSAL_GROUNDS, 'samr_order_20').some((code) => code.includes('identity'))).toBe(false);
  });
});

describe('the written notice to the parties', () => {
  it('a refusal on the identity ground: its article, the bureau, the date in Shanghai and what the consumer can do', () => {
    const notice = partyNoticeOf(event({ type: 'not_accept', to: 'not_accepted', data: { reason: 'o121_identity', text: '多次核验未通过' } }), '清河县');
    expect(notice).toEqual({
      kind: 'refusal',
      title: '不予受理告知书',
      decidedOn: '2026-11-30',
      decidedAt: '2026-11-30T02:00:00.000Z',
      ground: {
        code: 'o121_identity',
        label: '冒用他人名义投诉，或者拒绝配合身份核验',
        article: '《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）第十六条',
        order: '《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）',
      },
      note: '多次核验未通过',
      issuer: '清河县市场监督管理局',
      nextSteps: [REFUSAL_GROUNDS.o121_identity.nextStep, '对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。'],
    });
  });

  it('the end of mediation by a 消协 mediator: ground, referral and guidance, issued by the consumers’ association', () => {
    const notice = partyNoticeOf(
      event({ type: 'end_mediation', from: 'mediating', to: 'mediation_failed', actor: { kind: 'staff', userId: 'm', role: 'mediator' }, data: { ground: 'o121_party_absent', referral: 'litigation', guidance: '请携带购物凭证到县人民法院立案' } }),
      '清河县',
    );
    expect(notice).toMatchObject({
      kind: 'termination',
      title: '终止调解告知书',
      ground: { code: 'o121_party_absent', article: expect.stringContaining('第二十三条') },
      note: '请携带购物凭证到县人民法院立案',
      issuer: '清河县消费者协会',
      nextSteps: ['后续途径：向人民法院提起诉讼。', '对消费纠纷，您可以依法申请仲裁，或者向人民法院提起诉讼。'],
    });
  });

  it('mediation ended by its clock is a termination on the timeout ground', () => {
    const expired = event({ type: 'expire', from: 'mediating', to: 'mediation_failed', actor: { kind: 'system' }, data: { text: '…', ground: 'o121_timeout' } });
    expect(noticeKindOf(expired)).toBe('termination');
    expect(partyNoticeOf(expired, '清河县')?.ground.label).toContain('六十日');
  });

  it('a decision recorded before the orders’ lists still reads, without an article', () => {
    expect(partyNoticeOf(event({ type: 'not_accept', to: 'not_accepted', data: { reason: 'no_jurisdiction' } }), '清河县')?.ground).toEqual({ code: 'no_jurisdiction', label: '不属于本部门管辖' });
  });

  it('other events issue no notice; the deciding event is the latest one that does', () => {
    expect(partyNoticeOf(event({ type: 'accept', to: 'accepted' }), '清河县')).toBeUndefined();
    expect(noticeKindOf({ type: 'expire', to: 'escalated' })).toBeUndefined();
    const deciding = event({ type: 'not_accept', to: 'not_accepted', data: { reason: 'o121_materials' } });
    expect(noticeEventOf([event({ type: 'accept' }), deciding, event({ type: 'rate', from: 'not_accepted', to: 'not_accepted' })])).toBe(deciding);
  });

  it('the messages that carry the decision to the consumer and the shop are marked as carrying the notice', () => {
    const refusal = event({ type: 'not_accept', to: 'not_accepted', data: { reason: 'o121_materials' } });
    const intents = notificationsFor(refusal, { status: 'not_accepted', version: 3, consumerId: 'c', merchantId: 'm', townCode: 't' });
    expect(intents.map((intent) => [intent.recipient.kind, intent.notice])).toEqual([
      ['consumer', 'refusal'],
      ['merchant', 'refusal'],
    ]);
  });
});
