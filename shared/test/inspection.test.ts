import {
  CHECKLISTS,
  CHECKLIST_ITEM_CODE,
  CURRENT_CHECKLIST_VERSION,
  INSPECTION_CATEGORY_CODES,
  checklistItem,
  currentChecklist,
} from '../src/catalogue/inspection-checklist';
import { messagePage, progressMessage } from '../src/domain/delivery';
import { RectificationListQuery } from '../src/contract/inspection';
import { Forbidden, Invalid } from '../src/domain/errors';
import {
  IllegalRectificationMove,
  MAX_RECTIFICATION_ROUNDS,
  RECTIFICATION_COMMANDS,
  RECTIFICATION_STATUSES,
  allowedRectificationActions,
  applyRectification,
  checkInspection,
  deadlineProblem,
  inspectionFacts,
  inspectionRelationOf,
  isRectificationOverdue,
  issueRectification,
  mayBeInspected,
  rectificationNotifications,
  summariseInspection,
  waitingFor,
  type InspectionInput,
  type InspectionRelation,
  type RectificationCommand,
  type RectificationCommandType,
  type RectificationState,
  type RectificationStatus,
} from '../src/domain/inspection';
import type { Actor } from '../src/domain/lifecycle';

/** An instant given as Shanghai wall-clock time. */
const at = (shanghaiLocal: string): Date => new Date(`${shanghaiLocal}+08:00`);
const NOW = at('2026-06-01T10:00');

const SHOP = { merchantId: 'QHSHOPA001', townCode: 'chengguan' } as const;

const ACTORS = {
  'the shop': { kind: 'merchant', userId: 'clerk-1', merchantIds: ['QHOTHER001', 'QHSHOPA001'] },
  'another shop': { kind: 'merchant', userId: 'clerk-2', merchantIds: ['QHOTHER001'] },
  consumer: { kind: 'consumer', userId: 'consumer-1' },
  'regulator of the town': { kind: 'staff', userId: 'reg-1', role: 'regulator', jurisdiction: ['longquan', 'chengguan'] },
  'regulator of another town': { kind: 'staff', userId: 'reg-2', role: 'regulator', jurisdiction: ['longquan'] },
  'county admin': { kind: 'staff', userId: 'adm-1', role: 'admin', jurisdiction: 'county' },
  'county mediator': { kind: 'staff', userId: 'med-1', role: 'mediator', jurisdiction: 'county' },
  system: { kind: 'system' },
} as const satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;

/** How each actor stands to the shop's inspections, stated by hand. */
const RELATION: Record<ActorName, InspectionRelation> = {
  'the shop': 'merchant',
  'another shop': 'none',
  consumer: 'none',
  'regulator of the town': 'inspector',
  'regulator of another town': 'none',
  'county admin': 'inspector',
  'county mediator': 'reader',
  system: 'none',
};

describe('the checklist catalogue', () => {
  it('covers the five 放心 with well-formed, unique codes in every version', () => {
    for (const checklist of Object.values(CHECKLISTS)) {
      const codes = checklist.items.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(CHECKLIST_ITEM_CODE);
      expect(new Set(checklist.items.map((item) => item.category))).toEqual(new Set(INSPECTION_CATEGORY_CODES));
      for (const item of checklist.items) {
        expect(item.label.length).toBeGreaterThan(1);
        expect(item.lookFor.length).toBeGreaterThan(10);
        expect(item.basis).toContain('实施方案');
      }
    }
    expect(CHECKLISTS[CURRENT_CHECKLIST_VERSION]).toBe(currentChecklist());
    expect(currentChecklist().version).toBe(CURRENT_CHECKLIST_VERSION);
  });

  it('marks as bottom lines a major safety hazard, counterfeit goods and a fake or unhonoured commitment — and nothing else', () => {
    expect(currentChecklist().items.filter((item) => item.bottomLine).map((item) => item.code)).toEqual(['AQ03', 'ZL03', 'FW01']);
  });

  it('names the items the plan names', () => {
    const labels = currentChecklist().items.map((item) => item.label);
    for (const label of ['安全出口与疏散通道', '进货查验记录', '明码标价', '无理由退货规则', '投诉二维码', '首问负责', '投诉处理台账', '三包与召回']) {
      expect(labels).toContain(label);
    }
    expect(checklistItem(1, 'JG01')?.category).toBe('price');
    expect(checklistItem(1, 'XX99')).toBeUndefined();
    expect(checklistItem(99, 'JG01')).toBeUndefined();
  });
});

describe('who may do what with a shop’s inspections', () => {
  it.each(Object.keys(ACTORS) as ActorName[])('%s', (name) => {
    expect(inspectionRelationOf(ACTORS[name], SHOP)).toBe(RELATION[name]);
  });

  it('inspects shops in the campaign only: active and suspended, not pending, rejected or revoked', () => {
    expect(mayBeInspected('active')).toBe(true);
    expect(mayBeInspected('suspended')).toBe(true);
    for (const status of ['pending', 'rejected', 'revoked'] as const) expect(mayBeInspected(status)).toBe(false);
  });
});

describe('checking an inspection before anything is written', () => {
  const valid = (): InspectionInput => ({
    mode: 'mystery',
    inspectedOn: '2026-06-01',
    checklistVersion: 1,
    findings: [
      { code: 'JG01', result: 'fail', note: '部分商品无标价签', photos: [] },
      { code: 'WQ01', result: 'pass', photos: [] },
      { code: 'AQ04', result: 'not_applicable', photos: [] },
    ],
    rectifications: [{ code: 'JG01', requirements: '全部商品一货一签', deadline: '2026-06-08' }],
  });
  const refusal = (patch: Partial<InspectionInput>, now = NOW) => {
    try {
      checkInspection({ ...valid(), ...patch }, now);
    } catch (error) {
      expect(error).toBeInstanceOf(Invalid);
      return { field: (error as Invalid).field, message: (error as Invalid).message };
    }
    return undefined;
  };

  it('accepts a complete, consistent inspection and returns its checklist', () => {
    expect(checkInspection(valid(), NOW).version).toBe(1);
    // A partial inspection is fine (a 暗访 may test prices only), and a failed item need not get an order.
    expect(refusal({ findings: [{ code: 'JG02', result: 'fail', note: '虚构原价', photos: [] }], rectifications: [] })).toBeUndefined();
  });

  it.each([
    ['an unknown checklist version', { checklistVersion: 7 }, 'checklistVersion', '检查表版本不存在，请刷新检查表后重新填写'],
    ['a date in the future', { inspectedOn: '2026-06-02' }, 'inspectedOn', '检查日期不能晚于今天'],
    ['a date older than 30 days', { inspectedOn: '2026-05-01' }, 'inspectedOn', '只能录入 30 日内的检查，请核对检查日期'],
    ['no findings', { findings: [], rectifications: [] }, 'findings', '请至少填写一个检查项目'],
    ['an unknown item', { findings: [{ code: 'XX01', result: 'pass', photos: [] }], rectifications: [] }, 'findings.0.code', '检查项目「XX01」不在第 1 版检查表中'],
    [
      'an item twice',
      { findings: [{ code: 'WQ01', result: 'pass', photos: [] }, { code: 'WQ01', result: 'fail', note: '未张贴', photos: [] }], rectifications: [] },
      'findings.1.code',
      '检查项目「投诉二维码」填写了两次',
    ],
    ['a failed item without a note', { findings: [{ code: 'JG01', result: 'fail', photos: [] }] }, 'findings.0.note', '请说明「明码标价」不合格的情况'],
    [
      'an order for an item that passed',
      { rectifications: [{ code: 'WQ01', requirements: '张贴二维码', deadline: '2026-06-08' }] },
      'rectifications.0.code',
      '「投诉二维码」不是本次检查的不合格项目，不能下达整改通知',
    ],
    [
      'two orders for one item',
      { rectifications: [{ code: 'JG01', requirements: '一货一签', deadline: '2026-06-08' }, { code: 'JG01', requirements: '再次', deadline: '2026-06-09' }] },
      'rectifications.1.code',
      '「明码标价」已下达整改通知，同一项目只能下达一次',
    ],
    ['a deadline in the past', { rectifications: [{ code: 'JG01', requirements: '一货一签', deadline: '2026-05-31' }] }, 'rectifications.0.deadline', '整改期限不能早于今天'],
    [
      'a deadline beyond 90 days',
      { rectifications: [{ code: 'JG01', requirements: '一货一签', deadline: '2026-08-31' }] },
      'rectifications.0.deadline',
      '整改期限最长 90 天（不晚于 2026-08-30）',
    ],
  ])('refuses %s, naming the field', (_name, patch, field, message) => {
    expect(refusal(patch as Partial<InspectionInput>)).toEqual({ field, message });
  });

  it('counts days in Shanghai: just before midnight UTC+8 it is still the same day', () => {
    const lateEvening = at('2026-06-01T23:59');
    expect(refusal({ inspectedOn: '2026-06-01', rectifications: [{ code: 'JG01', requirements: '一货一签', deadline: '2026-06-01' }] }, lateEvening)).toBeUndefined();
    expect(refusal({ inspectedOn: '2026-06-02' }, lateEvening)?.field).toBe('inspectedOn');
    expect(refusal({ inspectedOn: '2026-06-02' }, at('2026-06-02T00:01'))).toBeUndefined();
  });

  it('allows deadlines from today up to 90 days on', () => {
    expect(deadlineProblem('2026-06-01', '2026-06-01')).toBeUndefined();
    expect(deadlineProblem('2026-08-30', '2026-06-01')).toBeUndefined();
    expect(deadlineProblem('2026-08-31', '2026-06-01')).toBe('整改期限最长 90 天（不晚于 2026-08-30）');
    expect(deadlineProblem('2026-05-31', '2026-06-01')).toBe('整改期限不能早于今天');
  });
});

describe('an inspection’s summary', () => {
  it('counts passed, failed, not applicable and bottom-line failures against its version', () => {
    const summary = summariseInspection(
      [
        { code: 'AQ01', result: 'pass' },
        { code: 'AQ03', result: 'fail' },
        { code: 'ZL01', result: 'fail' },
        { code: 'FW01', result: 'fail' },
        { code: 'AQ04', result: 'not_applicable' },
        { code: 'ZL03', result: 'pass' },
      ],
      1,
    );
    expect(summary).toEqual({
      checked: 6,
      passed: 2,
      failed: 3,
      notApplicable: 1,
      bottomLineFailures: 2,
      failedCodes: ['AQ03', 'ZL01', 'FW01'],
      bottomLineCodes: ['AQ03', 'FW01'],
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Rectification orders

const order = (status: RectificationStatus, patch: Partial<RectificationState> = {}): RectificationState => {
  const issued = issueRectification(SHOP, { requirements: '全部商品一货一签', deadline: '2026-06-10' }, 'reg-1', NOW).state;
  const rounds = issued.rounds.map((round) => ({ ...round }));
  if (status !== 'issued') rounds[0]!.answer = { text: '已整改', photos: ['uploads/clerk-1/a.jpg'], at: at('2026-06-09T15:00').toISOString(), by: 'clerk-1' };
  if (status === 'closed') rounds[0]!.recheck = { result: 'pass', photos: [], at: at('2026-06-11T09:00').toISOString(), by: 'reg-1' };
  return { ...issued, status, version: status === 'issued' ? 1 : status === 'answered' ? 2 : 3, rounds, ...(status === 'closed' ? { closedAt: at('2026-06-11T09:00').toISOString(), closedInTime: true } : {}), ...patch };
};

const COMMANDS: Record<RectificationCommandType, RectificationCommand> = {
  answer: { type: 'answer', text: '已补齐全部标价签', photos: ['uploads/clerk-1/b.jpg'] },
  pass: { type: 'pass', note: '复查合格', photos: [] },
  fail: { type: 'fail', note: '仍有商品无标价', requirements: '全部商品一货一签，3 日内完成', deadline: '2026-06-20', photos: [] },
};

/** docs/inspections.md as a table: who may issue each command, from which status, to which. */
const EXPECTED: Record<RectificationCommandType, { by: InspectionRelation; from: RectificationStatus; to: RectificationStatus }> = {
  answer: { by: 'merchant', from: 'issued', to: 'answered' },
  pass: { by: 'inspector', from: 'answered', to: 'closed' },
  fail: { by: 'inspector', from: 'answered', to: 'issued' },
};

describe('the rectification state machine, every status × command × actor', () => {
  const MOVE_AT = at('2026-06-12T10:00');
  for (const status of RECTIFICATION_STATUSES) {
    for (const type of RECTIFICATION_COMMANDS) {
      for (const name of Object.keys(ACTORS) as ActorName[]) {
        const expected = EXPECTED[type];
        const allowedBy = RELATION[name] === expected.by;
        const outcome = !allowedBy ? 'forbidden (403)' : status !== expected.from ? 'refused (409)' : `moves to ${expected.to}`;
        it(`${type} by ${name} when ${status}: ${outcome}`, () => {
          const state = order(status);
          const act = () => applyRectification(state, COMMANDS[type], ACTORS[name], MOVE_AT);
          if (!allowedBy) {
            expect(act).toThrow(Forbidden);
            expect(allowedRectificationActions(state, ACTORS[name])).not.toContain(type);
          } else if (status !== expected.from) {
            expect(act).toThrow(IllegalRectificationMove);
            expect(act).toThrow(/整改当前状态为/);
            expect(allowedRectificationActions(state, ACTORS[name])).not.toContain(type);
          } else {
            const { state: next, event } = act();
            expect(next.status).toBe(expected.to);
            expect(next.version).toBe(state.version + 1);
            expect(event).toMatchObject({ type, from: status, to: expected.to, at: MOVE_AT.toISOString() });
            expect(allowedRectificationActions(state, ACTORS[name])).toContain(type);
            // The state read is never changed.
            expect(state).toEqual(order(status));
          }
        });
      }
    }
  }
});

describe('moving an order', () => {
  const shop = ACTORS['the shop'];
  const regulator = ACTORS['regulator of the town'];

  it('issues round 1 with the inspector’s requirements and deadline, waiting for the shop', () => {
    const { state, event } = issueRectification(SHOP, { requirements: '补齐进货台账', deadline: '2026-06-10' }, 'reg-1', NOW);
    expect(state).toEqual({
      ...SHOP,
      status: 'issued',
      version: 1,
      rounds: [{ round: 1, issuedAt: NOW.toISOString(), issuedBy: 'reg-1', requirements: '补齐进货台账', deadline: '2026-06-10' }],
    });
    expect(event).toEqual({ type: 'issue', at: NOW.toISOString(), from: 'issued', to: 'issued', round: 1 });
    expect(waitingFor(state)).toBe('merchant');
  });

  it('records the shop’s answer with who and when; staff are next', () => {
    const { state } = applyRectification(order('issued'), COMMANDS.answer, shop, at('2026-06-09T12:00'));
    expect(state.rounds[0]!.answer).toEqual({ text: '已补齐全部标价签', photos: ['uploads/clerk-1/b.jpg'], at: at('2026-06-09T12:00').toISOString(), by: 'clerk-1' });
    expect(waitingFor(state)).toBe('staff');
  });

  it('takes an answer after the deadline (it will close late)', () => {
    const late = applyRectification(order('issued'), COMMANDS.answer, shop, at('2026-06-15T12:00')).state;
    const closed = applyRectification(late, COMMANDS.pass, regulator, at('2026-06-16T09:00')).state;
    expect(closed).toMatchObject({ status: 'closed', closedInTime: false, closedAt: at('2026-06-16T09:00').toISOString() });
  });

  it('closes in time when the answer came on the deadline day, however late staff re-check', () => {
    const answered = applyRectification(order('issued'), COMMANDS.answer, shop, at('2026-06-10T23:59')).state;
    const closed = applyRectification(answered, COMMANDS.pass, ACTORS['county admin'], at('2026-07-01T09:00')).state;
    expect(closed).toMatchObject({ status: 'closed', closedInTime: true });
    expect(closed.rounds[0]!.recheck).toMatchObject({ result: 'pass', note: '复查合格', by: 'adm-1' });
    expect(waitingFor(closed)).toBeUndefined();
  });

  it('a failed re-check issues the order again: a new round with new requirements and deadline', () => {
    const { state, event } = applyRectification(order('answered'), COMMANDS.fail, regulator, at('2026-06-12T10:00'));
    expect(state.status).toBe('issued');
    expect(state.rounds).toHaveLength(2);
    expect(state.rounds[0]!.recheck).toMatchObject({ result: 'fail', note: '仍有商品无标价', by: 'reg-1' });
    expect(state.rounds[1]).toEqual({ round: 2, issuedAt: at('2026-06-12T10:00').toISOString(), issuedBy: 'reg-1', requirements: '全部商品一货一签，3 日内完成', deadline: '2026-06-20' });
    expect(event.round).toBe(2);
    // In time is judged against the round in force.
    const answered = applyRectification(state, COMMANDS.answer, shop, at('2026-06-19T10:00')).state;
    expect(applyRectification(answered, COMMANDS.pass, regulator, at('2026-06-25T10:00')).state.closedInTime).toBe(true);
  });

  it('a late answer stays late: a failed re-check and a timely second round do not make the order 按期', () => {
    const late = applyRectification(order('issued'), COMMANDS.answer, shop, at('2026-06-12T09:00')).state;
    expect(late.rounds[0]!.answer!.at > '2026-06-10').toBe(true);
    const again = applyRectification(late, COMMANDS.fail, regulator, at('2026-06-12T10:00')).state;
    const answered = applyRectification(again, COMMANDS.answer, shop, at('2026-06-19T10:00')).state;
    expect(applyRectification(answered, COMMANDS.pass, regulator, at('2026-06-25T10:00')).state.closedInTime).toBe(false);
  });

  it('refuses a new deadline in the past or beyond 90 days, naming `deadline`', () => {
    for (const deadline of ['2026-06-11', '2026-09-11']) {
      try {
        applyRectification(order('answered'), { ...COMMANDS.fail, deadline } as RectificationCommand, regulator, at('2026-06-12T10:00'));
        throw new Error('not refused');
      } catch (error) {
        expect(error).toBeInstanceOf(Invalid);
        expect((error as Invalid).field).toBe('deadline');
      }
    }
  });

  it(`stops re-issuing after ${MAX_RECTIFICATION_ROUNDS} rounds: that is a case for enforcement`, () => {
    let state = order('answered');
    for (let round = 1; round < MAX_RECTIFICATION_ROUNDS; round++) {
      state = applyRectification(state, COMMANDS.fail, regulator, at('2026-06-12T10:00')).state;
      state = applyRectification(state, COMMANDS.answer, shop, at('2026-06-13T10:00')).state;
    }
    expect(state.rounds).toHaveLength(MAX_RECTIFICATION_ROUNDS);
    expect(() => applyRectification(state, COMMANDS.fail, regulator, at('2026-06-14T10:00'))).toThrow('已下达 5 轮整改仍未通过，请依法立案处理，不再继续下达整改');
    expect(allowedRectificationActions(state, regulator)).toEqual(['pass']);
  });
});

describe('overdue', () => {
  it('is past the deadline day (Shanghai) and not closed', () => {
    expect(isRectificationOverdue(order('issued'), at('2026-06-10T23:59'))).toBe(false);
    expect(isRectificationOverdue(order('issued'), at('2026-06-11T00:00'))).toBe(true);
    // Answered but not yet re-checked still counts: it is not closed.
    expect(isRectificationOverdue(order('answered'), at('2026-06-11T00:00'))).toBe(true);
    expect(isRectificationOverdue(order('closed'), at('2026-12-31T00:00'))).toBe(false);
  });
});

describe('who hears about a move', () => {
  it('the shop hears when an order is issued, issued again or closed; the town’s staff when the shop answers', () => {
    const event = (type: 'issue' | RectificationCommandType) => ({ type, at: NOW.toISOString(), from: 'issued' as const, to: 'issued' as const, round: 1 });
    const merchant = { kind: 'merchant', merchantId: SHOP.merchantId };
    expect(rectificationNotifications(event('issue'), order('issued'))).toEqual([{ recipient: merchant, headline: '整改通知', status: '待整改' }]);
    expect(rectificationNotifications(event('fail'), order('issued'))).toEqual([{ recipient: merchant, headline: '再次整改', status: '待整改' }]);
    expect(rectificationNotifications(event('pass'), order('closed'))).toEqual([{ recipient: merchant, headline: '整改通过', status: '已完成整改' }]);
    expect(rectificationNotifications(event('answer'), order('answered'))).toEqual([
      { recipient: { kind: 'staff_town', townCode: 'chengguan' }, headline: '整改答复', status: '待复查' },
    ]);
  });

  it('opens the rectification page of the audience’s part of the app; complaint messages are unchanged', () => {
    expect(messagePage('merchant', '01JABC-JG01', 'rectification')).toBe('merchant/pages/rectification/index?id=01JABC-JG01');
    expect(messagePage('staff', '01JABC-JG01', 'rectification')).toBe('admin/pages/rectification/index?id=01JABC-JG01');
    expect(messagePage('merchant', 'C1')).toBe('merchant/pages/handle/index?id=C1');
    expect(messagePage('merchant', 'C1', 'complaint')).toBe('merchant/pages/handle/index?id=C1');
    const message = progressMessage({ complaintId: '01JX7ZK1Q9M3B8C5D2E4F6G7H8-JG01', headline: '整改通知', at: NOW, audience: 'merchant', merchantName: '城关测试百货' });
    expect(message).toMatchObject({ complaintNo: '01JX7ZK1Q9M3B8C5D2E4F6G7H8-JG01', progress: '整改通知', hint: '请在整改期限内整改，并在小程序中答复' });
    expect(progressMessage({ complaintId: 'X', headline: '整改答复', at: NOW, audience: 'staff' }).hint).toBe('商家已答复整改，请复查');
    expect(progressMessage({ complaintId: 'X', headline: '新投诉', at: NOW, audience: 'merchant' }).hint).toBe('请尽快联系消费者，在店内协商解决');
    // Any headline: an inherited property name is not a rectification hint.
    expect(progressMessage({ complaintId: 'X', headline: 'toString', at: NOW, audience: 'merchant' }).hint).toBe('点击查看并处理');
  });
});

describe('the annual assessment’s inputs', () => {
  it('counts a year’s inspections, failures, bottom lines and orders as of `now`', () => {
    const inspections = [
      { id: 'I1', inspectedOn: '2026-03-02', checklistVersion: 1, findings: [{ code: 'JG01', result: 'pass' as const }, { code: 'WQ01', result: 'pass' as const }] },
      { id: 'I2', inspectedOn: '2026-06-01', checklistVersion: 1, findings: [{ code: 'JG01', result: 'fail' as const }, { code: 'FW01', result: 'fail' as const }, { code: 'AQ04', result: 'not_applicable' as const }] },
      { id: 'I3', inspectedOn: '2026-11-20', checklistVersion: 1, findings: [{ code: 'ZL01', result: 'fail' as const }] },
      // Another year's: not counted.
      { id: 'I0', inspectedOn: '2025-12-30', checklistVersion: 1, findings: [{ code: 'AQ03', result: 'fail' as const }] },
    ];
    const closedInTime = { ...order('closed'), inspectedOn: '2026-06-01' };
    const closedLate = { ...order('closed', { closedInTime: false }), inspectedOn: '2026-06-01' };
    const reissuedOpen = {
      ...applyRectification(order('answered'), COMMANDS.fail, ACTORS['regulator of the town'], at('2026-06-12T10:00')).state,
      inspectedOn: '2026-11-20',
    };
    const lastYears = { ...order('issued'), inspectedOn: '2025-12-30' };
    const facts = inspectionFacts(2026, inspections, [closedInTime, closedLate, reissuedOpen, lastYears], at('2026-06-25T10:00'));
    expect(facts).toEqual({
      year: 2026,
      inspections: 3,
      inspectionsWithoutFailures: 1,
      itemsFailed: 3,
      bottomLineFailures: 1,
      bottomLines: [{ inspectionId: 'I2', inspectedOn: '2026-06-01', code: 'FW01', label: '公开承诺真实兑现' }],
      rectificationsIssued: 3,
      rectificationsClosedInTime: 1,
      rectificationsClosedLate: 1,
      rectificationsOpen: 1,
      // Its round-2 deadline is 2026-06-20, passed by 25 June.
      rectificationsOverdue: 1,
      // The two closed and the overdue one.
      rectificationsDue: 3,
      rectificationsReissued: 1,
    });
    expect(inspectionFacts(2026, inspections, [reissuedOpen], at('2026-06-20T10:00'))).toMatchObject({ rectificationsOverdue: 0, rectificationsDue: 0 });
  });

  it('an order answered after its deadline is due and late at once, though still waiting for the re-check; never overdue', () => {
    const answeredLate = { ...applyRectification(order('issued'), COMMANDS.answer, ACTORS['the shop'], at('2026-11-20T10:00')).state, inspectedOn: '2026-06-01' };
    expect(inspectionFacts(2026, [], [answeredLate], at('2026-12-25T10:00'))).toMatchObject({ rectificationsOpen: 1, rectificationsOverdue: 0, rectificationsDue: 1, rectificationsClosedInTime: 0 });
    // Issued again after the late answer failed, and within the new deadline: still due (late), not overdue.
    const reissued = { ...applyRectification(answeredLate, { ...COMMANDS.fail, deadline: '2026-11-30' } as RectificationCommand, ACTORS['regulator of the town'], at('2026-11-21T10:00')).state, inspectedOn: '2026-06-01' };
    expect(inspectionFacts(2026, [], [reissued], at('2026-11-22T10:00'))).toMatchObject({ rectificationsOverdue: 0, rectificationsDue: 1 });
  });

  it('an order answered in time and waiting for the re-check is neither overdue nor due, whatever the date', () => {
    const reissued = applyRectification(order('answered'), COMMANDS.fail, ACTORS['regulator of the town'], at('2026-06-12T10:00')).state;
    const answeredAgain = { ...applyRectification(reissued, COMMANDS.answer, ACTORS['the shop'], at('2026-06-15T10:00')).state, inspectedOn: '2026-06-01' };
    expect(answeredAgain.status).toBe('answered');
    expect(inspectionFacts(2026, [], [answeredAgain], at('2026-12-25T10:00'))).toMatchObject({ rectificationsOpen: 1, rectificationsOverdue: 0, rectificationsDue: 0 });
  });

  it('is all zeros for a shop never inspected', () => {
    expect(inspectionFacts(2026, [], [], NOW)).toMatchObject({ inspections: 0, bottomLineFailures: 0, bottomLines: [], rectificationsIssued: 0, rectificationsOverdue: 0 });
  });
});

describe('the staff rectification list’s query', () => {
  const issuesOf = (query: Record<string, string>) => {
    const parsed = RectificationListQuery.safeParse(query);
    return parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  };

  it('takes a shop only with the shop view, and a town only with the others', () => {
    expect(issuesOf({ view: 'shop', merchantId: 'QHSHOPA001' })).toEqual([]);
    expect(issuesOf({ view: 'open', town: 'chengguan' })).toEqual([]);
    expect(issuesOf({ view: 'overdue' })).toEqual([]);
    expect(issuesOf({ view: 'open', merchantId: 'QHSHOPA001' })).toEqual([{ field: 'merchantId', message: expect.stringContaining('view=shop') }]);
    expect(issuesOf({ merchantId: 'QHSHOPA001' })).toEqual([{ field: 'merchantId', message: expect.stringContaining('才能选择店铺') }]);
    expect(issuesOf({ view: 'shop', merchantId: 'QHSHOPA001', town: 'chengguan' })).toEqual([{ field: 'town', message: expect.stringContaining('不能再按乡镇') }]);
    expect(issuesOf({ view: 'shop' })).toEqual([{ field: 'merchantId', message: '请选择店铺' }]);
  });
});
