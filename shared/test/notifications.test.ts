import { DEFAULT_CLOCK_RULES } from '../src/domain/clock';
import {
  STATUS_LABELS,
  transition,
  type Actor,
  type Command,
  type ComplaintStatus,
  type LifecycleState,
} from '../src/domain/lifecycle';
import { notificationsFor, notificationsForFiling, type NotificationIntent, type Recipient } from '../src/domain/notifications';

/**
 * Who hears about what (consumers get a subscribe message when something happens to their
 * complaint; the shop hears of every new complaint at once; the bureau's town staff hear of escalations;
 * internal notes reach nobody outside the bureau).
 */

const at = (shanghaiLocal: string): Date => new Date(`${shanghaiLocal}+08:00`);
const PARTIES = { consumerId: 'consumer-1', merchantId: 'SHOP000001', townCode: 'town-chengguan' } as const;
const OVERDUE_NOW = at('2026-06-20T10:00');

const CONSUMER: Recipient = { kind: 'consumer', userId: 'consumer-1' };
const MERCHANT: Recipient = { kind: 'merchant', merchantId: 'SHOP000001' };
const TOWN_STAFF: Recipient = { kind: 'staff_town', townCode: 'town-chengguan' };

const ACTORS = {
  consumer: { kind: 'consumer', userId: 'consumer-1' },
  merchant: { kind: 'merchant', userId: 'clerk-1', merchantIds: ['SHOP000001'] },
  regulator: { kind: 'staff', userId: 'staff-reg', role: 'regulator', jurisdiction: ['town-chengguan'] },
  mediator: { kind: 'staff', userId: 'staff-med', role: 'mediator', jurisdiction: 'county' },
  system: { kind: 'system' },
} as const satisfies Record<string, Actor>;

/** Runs one real transition (deadline already passed, so guarded commands go through) and returns its notifications. */
function notify(status: ComplaintStatus, command: Command, actor: Actor): NotificationIntent[] {
  const state: LifecycleState = {
    ...PARTIES,
    status,
    version: 4,
    deadline: { kind: 'merchant_first_reply', dueAt: at('2026-06-12T23:59:59.999').toISOString() },
  };
  const result = transition(state, command, actor, OVERDUE_NOW, DEFAULT_CLOCK_RULES);
  return notificationsFor(result.event, result.state);
}
const recipients = (intents: NotificationIntent[]) => intents.map((intent) => intent.recipient);

describe('filing', () => {
  it('a new complaint notifies the shop, and only the shop', () => {
    expect(notificationsForFiling({ merchantId: 'SHOP000001' })).toEqual([
      { recipient: MERCHANT, headline: '新投诉', status: STATUS_LABELS.submitted },
    ]);
  });
});

describe('the merchant acts → the consumer hears', () => {
  it('a reply notifies the consumer only', () => {
    const intents = notify('submitted', { type: 'reply', text: '已收到' }, ACTORS.merchant);
    expect(intents).toEqual([{ recipient: CONSUMER, headline: '商家已答复', status: STATUS_LABELS.merchant_handling }]);
  });

  it('a proposal notifies the consumer only', () => {
    const intents = notify('merchant_handling', { type: 'propose', proposal: { outcome: 'refund', dueDate: '2026-06-30', text: '退款' } }, ACTORS.merchant);
    expect(intents).toEqual([{ recipient: CONSUMER, headline: '和解方案', status: STATUS_LABELS.settlement_proposed }]);
  });

  it('marking a settlement fulfilled notifies the consumer', () => {
    expect(recipients(notify('settled_in_shop', { type: 'fulfil' }, ACTORS.merchant))).toEqual([CONSUMER]);
  });
});

describe('escalation → the staff of the complaint’s town hear (plus whichever party did not act)', () => {
  it.each<[string, ComplaintStatus, Command, Actor, Recipient[]]>([
    ['the consumer escalating', 'submitted', { type: 'escalate' }, ACTORS.consumer, [MERCHANT, TOWN_STAFF]],
    ['the merchant declining', 'merchant_handling', { type: 'decline', text: '不同意' }, ACTORS.merchant, [CONSUMER, TOWN_STAFF]],
    ['the consumer rejecting a proposal', 'settlement_proposed', { type: 'reject_proposal' }, ACTORS.consumer, [MERCHANT, TOWN_STAFF]],
    ['the sweeper escalating a silent shop', 'submitted', { type: 'expire' }, ACTORS.system, [CONSUMER, MERCHANT, TOWN_STAFF]],
    ['the sweeper escalating an unanswered proposal', 'settlement_proposed', { type: 'expire' }, ACTORS.system, [CONSUMER, MERCHANT, TOWN_STAFF]],
  ])('%s', (_name, status, command, actor, expected) => {
    const intents = notify(status, command, actor);
    expect(recipients(intents)).toEqual(expect.arrayContaining(expected));
    expect(intents).toHaveLength(expected.length);
    expect(intents.find((intent) => intent.recipient.kind === 'staff_town')).toEqual({
      recipient: TOWN_STAFF,
      headline: '待受理',
      status: STATUS_LABELS.escalated,
    });
  });

  it('staff are told only on the move into escalated, not on later bureau steps', () => {
    for (const intents of [
      notify('escalated', { type: 'accept' }, ACTORS.regulator),
      notify('accepted', { type: 'record_mediation', text: '联系双方', party: 'both' }, ACTORS.mediator),
      notify('mediating', { type: 'close_mediated', text: '达成协议' }, ACTORS.mediator),
    ]) {
      expect(recipients(intents)).not.toContainEqual(TOWN_STAFF);
    }
  });

  it('the sweeper ending mediation tells both parties, not the town staff', () => {
    expect(recipients(notify('mediating', { type: 'expire' }, ACTORS.system))).toEqual([CONSUMER, MERCHANT]);
  });
});

describe('the consumer acts → the shop hears', () => {
  it.each<[string, ComplaintStatus, Command]>([
    ['accepting a proposal', 'settlement_proposed', { type: 'accept_proposal' }],
    ['withdrawing', 'merchant_handling', { type: 'withdraw' }],
    ['rating', 'settled_in_shop', { type: 'rate', rating: 'satisfied' }],
  ])('%s notifies the merchant and not the consumer who did it', (_name, status, command) => {
    expect(recipients(notify(status, command, ACTORS.consumer))).toEqual([MERCHANT]);
  });
});

describe('bureau decisions → both parties hear', () => {
  it.each<[string, ComplaintStatus, Command, Actor]>([
    ['acceptance', 'escalated', { type: 'accept' }, ACTORS.regulator],
    ['not accepting', 'escalated', { type: 'not_accept', reason: 'o121_outside_duties' }, ACTORS.regulator],
    ['mediation closed', 'mediating', { type: 'close_mediated', text: '达成协议' }, ACTORS.mediator],
    ['mediation ended', 'accepted', { type: 'end_mediation', ground: 'o121_party_absent', referral: 'litigation', guidance: '可起诉' }, ACTORS.mediator],
  ])('%s', (_name, status, command, actor) => {
    expect(recipients(notify(status, command, actor))).toEqual([CONSUMER, MERCHANT]);
  });
});

describe('internal steps reach nobody outside the bureau', () => {
  it.each<[ComplaintStatus]>([['escalated'], ['accepted'], ['mediating'], ['submitted'], ['withdrawn']])('a note in %s notifies nobody', (status) => {
    expect(notify(status, { type: 'note', text: '商家负责人电话 138…' }, ACTORS.regulator)).toEqual([]);
  });

  it('a claim notifies nobody', () => {
    expect(notify('escalated', { type: 'claim' }, ACTORS.mediator)).toEqual([]);
  });

  it('an assignment notifies the assignee, and only the assignee', () => {
    expect(notify('accepted', { type: 'assign', assigneeId: 'staff-med' }, ACTORS.regulator)).toEqual([
      { recipient: { kind: 'staff_user', userId: 'staff-med' }, headline: '分派投诉', status: STATUS_LABELS.accepted },
    ]);
  });

  it('no staff-only event ever reaches a consumer or merchant', () => {
    const internal = [
      notify('mediating', { type: 'note', text: '内部' }, ACTORS.mediator),
      notify('mediating', { type: 'claim' }, ACTORS.mediator),
      notify('mediating', { type: 'assign', assigneeId: 'staff-reg' }, ACTORS.regulator),
    ].flat();
    for (const intent of internal) expect(['consumer', 'merchant']).not.toContain(intent.recipient.kind);
  });
});

describe('message content', () => {
  it('the status in a message is the complaint’s new status, in words', () => {
    const [intent] = notify('escalated', { type: 'not_accept', reason: 'o121_already_handled' }, ACTORS.regulator);
    expect(intent!.status).toBe(STATUS_LABELS.not_accepted);
    expect(intent!.headline).toBe('不予受理');
  });

  it('headlines fit WeChat’s 5-character phrase field', () => {
    const all = [
      ...notificationsForFiling({ merchantId: 'SHOP000001' }),
      notify('submitted', { type: 'reply', text: 'x' }, ACTORS.merchant),
      notify('submitted', { type: 'propose', proposal: { outcome: 'refund', dueDate: '2026-06-30', text: 'x' } }, ACTORS.merchant),
      notify('submitted', { type: 'decline', text: 'x' }, ACTORS.merchant),
      notify('submitted', { type: 'escalate' }, ACTORS.consumer),
      notify('submitted', { type: 'expire' }, ACTORS.system),
      notify('settlement_proposed', { type: 'accept_proposal' }, ACTORS.consumer),
      notify('settlement_proposed', { type: 'reject_proposal' }, ACTORS.consumer),
      notify('submitted', { type: 'withdraw' }, ACTORS.consumer),
      notify('settled_in_shop', { type: 'rate', rating: 'satisfied' }, ACTORS.consumer),
      notify('settled_in_shop', { type: 'fulfil' }, ACTORS.merchant),
      notify('escalated', { type: 'accept' }, ACTORS.regulator),
      notify('escalated', { type: 'not_accept', reason: 'o121_already_handled' }, ACTORS.regulator),
      notify('mediating', { type: 'close_mediated', text: 'x' }, ACTORS.mediator),
      notify('mediating', { type: 'end_mediation', ground: 'o121_party_absent', referral: 'arbitration', guidance: 'x' }, ACTORS.mediator),
      notify('accepted', { type: 'assign', assigneeId: 'staff-med' }, ACTORS.regulator),
    ].flat();
    for (const intent of all) expect([...intent.headline].length).toBeLessThanOrEqual(5);
  });
});
