import { IllegalTransition, initialState, transition, type LifecycleState } from '../src/domain/lifecycle';
import { mergeCalendar, staffYear } from '../src/domain/calendar';
import { DEFAULT_CLOCK_RULES } from '../src/domain/clock-rules';

const at = (shanghaiLocal: string): Date => new Date(`${shanghaiLocal}+08:00`);
const iso = (shanghaiLocal: string) => at(shanghaiLocal).toISOString();
const PARTIES = { consumerId: 'c-1', merchantId: 'SHOP000001', townCode: 'chengguan' };
const SYSTEM = { kind: 'system' } as const;
const RECOUNT = { type: 'recompute_deadline', reason: '县联席会议办公室录入2027年节假日安排' } as const;
const calendar2027 = mergeCalendar([
  staffYear(2027, { holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: [] }, { version: 1, source: { title: '测试安排', publishedOn: '2026-11-20' } }),
]);

/** A complaint escalated on 2026-12-30, its accept-decision clock counted before 2027 was known. */
function escalatedOn30December(): LifecycleState {
  const filed = initialState(PARTIES, at('2026-12-29T09:00'), DEFAULT_CLOCK_RULES);
  const merchant = { kind: 'merchant', userId: 'm', merchantIds: ['SHOP000001'] } as const;
  return transition(filed, { type: 'decline', text: '不同意' }, merchant, at('2026-12-30T10:00'), DEFAULT_CLOCK_RULES).state;
}

describe('recounting a running deadline on a new calendar', () => {
  it('moves the deadline, clears the estimate, and says why on the timeline', () => {
    const before = escalatedOn30December();
    expect(before.deadline).toMatchObject({ kind: 'accept_decision', dueAt: iso('2027-01-08T23:59:59.999'), estimatedYears: [2027] });

    const { state, event } = transition(before, RECOUNT, SYSTEM, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES, calendar2027);
    expect(state.status).toBe('escalated');
    expect(state.version).toBe(before.version + 1);
    expect(state.deadline).toEqual({ ...before.deadline, dueAt: iso('2027-01-11T23:59:59.999'), estimatedYears: undefined } );
    expect(event).toMatchObject({
      type: 'recompute_deadline',
      actor: { kind: 'system' },
      visibility: 'all',
      data: {
        text: '县联席会议办公室录入2027年节假日安排，期限由 2027-01-08 23:59 调整为 2027-01-11 23:59。',
        fromDueAt: iso('2027-01-08T23:59:59.999'),
        toDueAt: iso('2027-01-11T23:59:59.999'),
      },
    });
  });

  it('is refused when nothing would change, so a second run changes nothing', () => {
    const once = transition(escalatedOn30December(), RECOUNT, SYSTEM, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES, calendar2027).state;
    expect(() => transition(once, RECOUNT, SYSTEM, at('2026-12-31T09:15'), DEFAULT_CLOCK_RULES, calendar2027)).toThrow(new IllegalTransition('期限无需调整'));
  });

  it('never moves a deadline that has already passed (it was shown as overdue and may have been acted on)', () => {
    const escalated = escalatedOn30December();
    expect(() => transition(escalated, RECOUNT, SYSTEM, at('2027-01-09T09:00'), DEFAULT_CLOCK_RULES, calendar2027)).toThrow(new IllegalTransition('期限已过，不再调整'));
  });

  it('counts from the clock’s own start and length, not from now or from today’s rules', () => {
    const escalated = escalatedOn30December();
    const longer = { ...DEFAULT_CLOCK_RULES, acceptDecision: { amount: 20, unit: 'working_days' as const } };
    const { state } = transition(escalated, RECOUNT, SYSTEM, at('2027-01-05T09:00'), longer, calendar2027);
    expect(state.deadline?.dueAt).toBe(iso('2027-01-11T23:59:59.999'));
    expect(state.deadline?.startedAt).toBe(iso('2026-12-30T10:00'));
  });

  it('a deadline stored before clocks kept their start is counted from the start the caller found', () => {
    const escalated = escalatedOn30December();
    const legacy = { ...escalated, deadline: { kind: 'accept_decision' as const, dueAt: escalated.deadline!.dueAt } };
    expect(() => transition(legacy, RECOUNT, SYSTEM, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES, calendar2027)).toThrow(IllegalTransition);
    const { state } = transition(legacy, { ...RECOUNT, startedAt: iso('2026-12-30T10:00') }, SYSTEM, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES, calendar2027);
    expect(state.deadline?.dueAt).toBe(iso('2027-01-11T23:59:59.999'));
  });

  it('only the system recounts, and only open complaints with a clock', () => {
    const escalated = escalatedOn30December();
    const staff = { kind: 'staff', userId: 's', role: 'admin', jurisdiction: 'county' } as const;
    expect(() => transition(escalated, RECOUNT, staff, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES, calendar2027)).toThrow('您无权进行此操作');
    const withdrawn = transition(escalated, { type: 'withdraw' }, { kind: 'consumer', userId: 'c-1' }, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES).state;
    expect(() => transition(withdrawn, RECOUNT, SYSTEM, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES, calendar2027)).toThrow(IllegalTransition);
  });
});

describe('grounds come from the order in force', () => {
  const regulator = { kind: 'staff', userId: 'r', role: 'regulator', jurisdiction: 'county' } as const;

  it('Order 121 (the default) takes its own art. 16 grounds and refuses Order 20’s, naming the field', () => {
    const escalated = escalatedOn30December();
    expect(transition(escalated, { type: 'not_accept', reason: 'o121_identity' }, regulator, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES).state.status).toBe('not_accepted');
    expect(() => transition(escalated, { type: 'not_accept', reason: 'o20_materials' }, regulator, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES)).toThrow(
      expect.objectContaining({ code: 'INVALID', field: 'command.reason', message: expect.stringContaining('第121号') }),
    );
  });

  it('a county on Order 20 takes Order 20’s grounds', () => {
    const order20 = { ...DEFAULT_CLOCK_RULES, preset: 'samr_order_20' };
    const escalated = escalatedOn30December();
    expect(transition(escalated, { type: 'not_accept', reason: 'o20_materials' }, regulator, at('2026-12-31T09:00'), order20).state.status).toBe('not_accepted');
    expect(() => transition(escalated, { type: 'not_accept', reason: 'o121_identity' }, regulator, at('2026-12-31T09:00'), order20)).toThrow(
      expect.objectContaining({ field: 'command.reason' }),
    );
  });

  it('mediation ended by its clock records the order’s timeout ground', () => {
    const escalated = escalatedOn30December();
    const accepted = transition(escalated, { type: 'accept' }, regulator, at('2026-12-31T09:00'), DEFAULT_CLOCK_RULES).state;
    const { event } = transition(accepted, { type: 'expire' }, SYSTEM, at('2027-03-10T09:00'), DEFAULT_CLOCK_RULES);
    expect(event.to).toBe('mediation_failed');
    expect(event.data).toMatchObject({ ground: 'o121_timeout' });
  });
});
