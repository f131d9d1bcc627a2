import { DEFAULT_CLOCK_RULES, initialState, notificationsFor, transition, type Actor, type LifecycleState } from '../src';

const FILED = new Date('2026-11-02T02:00:00Z');
const LATER = new Date('2027-06-01T02:00:00Z');
const consumer: Actor = { kind: 'consumer', userId: 'c1' };
const merchant: Actor = { kind: 'merchant', userId: 'm1', merchantIds: ['shop'] };
const regulator: Actor = { kind: 'staff', userId: 's1', role: 'regulator', jurisdiction: ['town'] };
const system: Actor = { kind: 'system' };

const filed = (): LifecycleState => initialState({ consumerId: 'c1', merchantId: 'shop', townCode: 'town' }, FILED, DEFAULT_CLOCK_RULES);
const step = (state: LifecycleState, command: Parameters<typeof transition>[1], actor: Actor, at = FILED) =>
  transition(state, command, actor, at, DEFAULT_CLOCK_RULES);

describe('what the sweeper says when it moves a complaint', () => {
  it('tells the consumer where to turn when mediation runs out', () => {
    const accepted = step(step(filed(), { type: 'decline', text: '不同意' }, merchant).state, { type: 'accept' }, regulator).state;
    const { state, event } = step(accepted, { type: 'expire' }, system, LATER);
    expect(state.status).toBe('mediation_failed');
    expect(event.data.text).toMatch(/仲裁.*人民法院/);
  });

  it('says why a silent shop’s complaint went to the bureau', () => {
    const { event } = step(filed(), { type: 'expire' }, system, LATER);
    expect(event.data.text).toBe('商家未在期限内答复，投诉已自动转交市场监管部门。');
  });
});

describe('withdrawing a complaint the bureau is working on', () => {
  it('tells the staff member who claimed it', () => {
    const escalated = step(filed(), { type: 'decline', text: '不同意' }, merchant).state;
    const claimed = step(escalated, { type: 'claim' }, regulator).state;
    const { state, event } = step(claimed, { type: 'withdraw' }, consumer);
    expect(notificationsFor(event, state).map((intent) => intent.recipient)).toEqual([
      { kind: 'merchant', merchantId: 'shop' },
      { kind: 'staff_user', userId: 's1' },
    ]);
  });

  it('tells the town’s staff when nobody has claimed it yet', () => {
    const escalated = step(filed(), { type: 'decline', text: '不同意' }, merchant).state;
    const { state, event } = step(escalated, { type: 'withdraw' }, consumer);
    expect(notificationsFor(event, state).map((intent) => intent.recipient)).toContainEqual({ kind: 'staff_town', townCode: 'town' });
  });

  it('does not bother the bureau about a complaint still in the shop', () => {
    const { state, event } = step(filed(), { type: 'withdraw' }, consumer);
    expect(notificationsFor(event, state).map((intent) => intent.recipient)).toEqual([{ kind: 'merchant', merchantId: 'shop' }]);
  });
});
