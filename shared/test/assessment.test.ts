import {
  AssessmentStandard,
  DEFAULT_STANDARD,
  rollupCandidate,
  scorecardOf,
  type ScorecardInputs,
} from '../src/domain/assessment';

const NO_INSPECTIONS: ScorecardInputs['inspections'] = {
  inspections: 0,
  inspectionsWithoutFailures: 0,
  bottomLineFailures: 0,
  bottomLines: [],
  rectificationsIssued: 0,
  rectificationsClosedInTime: 0,
  rectificationsOverdue: 0,
};

/** A good shop: three commitments, every complaint handled and settled, satisfied customers, quick answers. */
const good = (patch: Partial<ScorecardInputs> = {}): ScorecardInputs => ({
  year: 2026,
  shop: { id: 'QHSHOP0001', name: '测试商店', status: 'active', townCode: 'chengguan', sector: 'retail', commitmentCodes: ['three_guarantees', 'advance_compensation'], commitments: 3, creditFlags: 0 },
  counters: { received: 20, closed: 20, settledInShop: 19, withdrawn: 0, rated: 10, satisfied: 9, basicallySatisfied: 1, firstResponses: 20, firstResponseWithin1h: 12, firstResponseWithin24h: 8 },
  inspections: { ...NO_INSPECTIONS, inspections: 2, inspectionsWithoutFailures: 2 },
  ...patch,
});

const pointsOf = (card: ReturnType<typeof scorecardOf>, code: string) => [...card.base, ...card.bonus].find((item) => item.code === code)?.points;

describe('the standard', () => {
  it('the default is the plan’s: 100 base points, bonus capped at 15, every bottom line, pass at 80', () => {
    expect(AssessmentStandard.parse(DEFAULT_STANDARD)).toEqual(DEFAULT_STANDARD);
    expect(Object.values(DEFAULT_STANDARD.items).reduce((a, b) => a + b, 0)).toBe(100);
    expect(DEFAULT_STANDARD).toMatchObject({ bonusCap: 15, passMark: 80 });
  });

  it('base items must add up to 100, and the bonus cap may not exceed 15 — refused naming the field', () => {
    const result = AssessmentStandard.safeParse({ ...DEFAULT_STANDARD, items: { ...DEFAULT_STANDARD.items, handling_rate: 25 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['items'], message: '基础项合计应为 100 分，现为 105 分' });
    expect(AssessmentStandard.safeParse({ ...DEFAULT_STANDARD, bonusCap: 20 }).error?.issues[0]).toMatchObject({ path: ['bonusCap'], message: '加分上限最多 15 分' });
  });
});

describe('the scorecard', () => {
  it('a good shop scores full base points plus its bonuses and passes', () => {
    const card = scorecardOf(good(), DEFAULT_STANDARD);
    expect(card.base.map((item) => [item.code, item.points])).toEqual([
      ['commitments_published', 10],
      ['handling_rate', 20],
      ['settlement_rate', 20],
      ['satisfaction', 15],
      ['first_response', 10],
      ['inspections_passed', 15],
      ['rectifications_in_time', 10],
    ]);
    expect(card.bonusTotal).toBe(5);
    expect(card).toMatchObject({ total: 105, passed: true, verdict: '合格', bottomLines: [] });
  });

  it('rates earn points in proportion between a floor and the target, rounded down to whole points', () => {
    // 处理率 89% is exactly halfway between 80% and 98%: 10 of 20; 88% earns 8.9, rounded down to 8.
    expect(pointsOf(scorecardOf(good({ counters: { ...good().counters, received: 100, closed: 89 } }), DEFAULT_STANDARD), 'handling_rate')).toBe(10);
    expect(pointsOf(scorecardOf(good({ counters: { ...good().counters, received: 100, closed: 88 } }), DEFAULT_STANDARD), 'handling_rate')).toBe(8);
    expect(pointsOf(scorecardOf(good({ counters: { ...good().counters, received: 100, closed: 80 } }), DEFAULT_STANDARD), 'handling_rate')).toBe(0);
    expect(pointsOf(scorecardOf(good({ counters: { ...good().counters, received: 100, closed: 98 } }), DEFAULT_STANDARD), 'handling_rate')).toBe(20);
  });

  it('the settlement item counts the shop’s own settlements, not the bureau’s mediations', () => {
    const mediated = scorecardOf(good({ counters: { ...good().counters, received: 10, closed: 10, settledInShop: 0, mediated: 9 } }), DEFAULT_STANDARD);
    expect(mediated.base.find((item) => item.code === 'settlement_rate')).toMatchObject({ label: '店内和解率', points: 0, basis: expect.stringContaining('店内和解 0.0%（0/10') });
    const inShop = scorecardOf(good({ counters: { ...good().counters, received: 10, closed: 10, settledInShop: 9, mediated: 1 } }), DEFAULT_STANDARD);
    expect(pointsOf(inShop, 'settlement_rate')).toBe(20);
  });

  it('first response: more than half within 24 hours for full points; exactly half is not more than half', () => {
    const responses = (within24h: number, within72h: number, over: number) =>
      pointsOf(scorecardOf(good({ counters: { ...good().counters, firstResponses: within24h + within72h + over, firstResponseWithin1h: within24h, firstResponseWithin24h: 0, firstResponseWithin72h: within72h, firstResponseOver72h: over } }), DEFAULT_STANDARD), 'first_response');
    expect(responses(2, 0, 1)).toBe(10);
    expect(responses(1, 0, 1)).toBe(0);
    expect(responses(1, 1, 1)).toBe(5);
    expect(responses(1, 0, 0)).toBe(10);
  });

  it('a year opened under the earlier rules (a stored standard without `rules`) scores as it did then', () => {
    const { rules: _rules, ...before } = DEFAULT_STANDARD;
    void _rules;
    const counters = { ...good().counters, received: 10, closed: 10, settledInShop: 0, mediated: 9, firstResponses: 2, firstResponseWithin1h: 1, firstResponseWithin24h: 0, firstResponseOver72h: 1 };
    const card = scorecardOf(good({ counters }), before);
    expect(card.base.find((item) => item.code === 'settlement_rate')).toMatchObject({ label: '消费纠纷和解率', points: 20, basis: expect.stringContaining('和解率 90.0%') });
    expect(pointsOf(card, 'first_response')).toBe(10);
    // The same inputs under today's rules.
    const now = scorecardOf(good({ counters }), DEFAULT_STANDARD);
    expect(pointsOf(now, 'settlement_rate')).toBe(0);
    expect(pointsOf(now, 'first_response')).toBe(0);
  });

  it('整改 in time is judged only on orders whose time is up', () => {
    const inTime = (patch: Partial<ScorecardInputs['inspections']>) =>
      scorecardOf(good({ inspections: { ...good().inspections, ...patch } }), DEFAULT_STANDARD).base.find((item) => item.code === 'rectifications_in_time');
    // Two issued, neither due yet: nothing to judge.
    expect(inTime({ rectificationsIssued: 2, rectificationsDue: 0 })).toMatchObject({ points: 10, basis: '整改 2 项，均未到期或待复查' });
    // Three issued, two due, one of them closed in time: half.
    expect(inTime({ rectificationsIssued: 3, rectificationsDue: 2, rectificationsClosedInTime: 1 })).toMatchObject({ points: 5, basis: '整改 3 项，已到期 2 项，按期完成 1 项' });
    // A scorecard stored before orders were counted as due: every order issued is taken as due.
    expect(inTime({ rectificationsIssued: 2, rectificationsClosedInTime: 1 })).toMatchObject({ points: 5 });
  });

  it('a year’s own targets are the rates for full points: 96% handled meets a 95% target', () => {
    const counters = { ...good().counters, received: 100, closed: 96 };
    const plan = scorecardOf(good({ counters }), DEFAULT_STANDARD).base.find((item) => item.code === 'handling_rate')!;
    expect(plan.points).toBeLessThan(20);
    const year = { ...DEFAULT_STANDARD, thresholds: { handlingRate: 0.95, settlementRate: 0.85, satisfactionRate: 0.9 } };
    expect(scorecardOf(good({ counters }), year).base.find((item) => item.code === 'handling_rate')).toMatchObject({ points: 20, basis: expect.stringContaining('达到 95% 得满分') });
    // A target set below the usual floor still leaves a range to earn points in.
    const low = { ...DEFAULT_STANDARD, thresholds: { handlingRate: 0.7, settlementRate: 0.85, satisfactionRate: 0.9 } };
    expect(scorecardOf(good({ counters: { ...counters, closed: 70 } }), low).base.find((item) => item.code === 'handling_rate')!.points).toBe(20);
    expect(scorecardOf(good({ counters: { ...counters, closed: 69 } }), low).base.find((item) => item.code === 'handling_rate')!.points).toBe(0);
    expect(AssessmentStandard.safeParse({ ...DEFAULT_STANDARD, thresholds: { handlingRate: 1.2, settlementRate: 0.85, satisfactionRate: 0.9 } }).error?.issues[0]).toMatchObject({
      path: ['thresholds', 'handlingRate'],
      message: '投诉处理率满分线不能超过 100%',
    });
  });

  it('a shop without complaints, ratings or inspections is not penalised for what never happened', () => {
    const quiet = scorecardOf(good({ counters: {}, inspections: NO_INSPECTIONS }), DEFAULT_STANDARD);
    expect(quiet.base.every((item) => item.points === item.max)).toBe(true);
    expect(quiet.base.find((item) => item.code === 'handling_rate')?.basis).toBe('本年度无投诉');
  });

  it('a bottom line fails the shop whatever its points (and says why)', () => {
    const flagged = scorecardOf(good({ shop: { ...good().shop, creditFlags: 1 } }), DEFAULT_STANDARD);
    expect(flagged.total).toBe(105);
    expect(flagged.passed).toBe(false);
    expect(flagged.verdict).toBe('不合格：有经查实的违法违规记录（联合惩戒名单）');
    const unsafe = scorecardOf(
      good({ inspections: { ...good().inspections, bottomLineFailures: 1, bottomLines: [{ inspectionId: 'i1', inspectedOn: '2026-05-02', code: 'safety_exits', label: '安全出口畅通' }] } }),
      DEFAULT_STANDARD,
    );
    expect(unsafe.bottomLines).toEqual([{ code: 'inspection_bottom_line', label: expect.any(String), evidence: '2026-05-02 安全出口畅通' }]);
    expect(unsafe.passed).toBe(false);
    expect(scorecardOf(good({ shop: { ...good().shop, status: 'suspended' } }), DEFAULT_STANDARD).bottomLines[0]?.code).toBe('not_active');
    expect(scorecardOf(good({ inspections: { ...good().inspections, rectificationsIssued: 1, rectificationsOverdue: 1 } }), DEFAULT_STANDARD).passed).toBe(false);
  });

  it('a bottom line the year’s standard does not enforce does not fail the shop', () => {
    const lenient = { ...DEFAULT_STANDARD, bottomLines: DEFAULT_STANDARD.bottomLines.filter((line) => line !== 'credit_flag') };
    expect(scorecardOf(good({ shop: { ...good().shop, creditFlags: 1 } }), lenient).passed).toBe(true);
  });

  it('below the pass mark fails with the score in the verdict', () => {
    const weak = scorecardOf(good({ shop: { ...good().shop, commitments: 0, commitmentCodes: [] }, counters: { received: 10, closed: 8, settledInShop: 4, rated: 5, satisfied: 3, firstResponses: 10, firstResponseOver72h: 10 } }), DEFAULT_STANDARD);
    expect(weak.passed).toBe(false);
    expect(weak.verdict).toBe(`不合格：得分 ${weak.total}，低于合格线 80 分`);
  });

  it('the bonus is capped', () => {
    const generous = { ...DEFAULT_STANDARD, bonusCap: 8 };
    const all = good({ shop: { ...good().shop, commitmentCodes: ['offline_no_reason_return', 'advance_compensation', 'defect_recall'] } });
    expect(scorecardOf(all, generous).bonusTotal).toBe(8);
  });

  it('an override replaces an item’s points within its bounds, keeps what was computed and why, and can turn the verdict', () => {
    const override = { item: 'handling_rate', points: 5, reason: '抽查发现多起投诉未如实登记办结', by: 'u-admin', at: '2026-12-20T02:00:00.000Z' };
    const card = scorecardOf(good(), DEFAULT_STANDARD, [override]);
    expect(card.base.find((item) => item.code === 'handling_rate')).toMatchObject({ points: 5, override: { computed: 20, reason: override.reason, by: 'u-admin' } });
    expect(card.total).toBe(90);
    expect(scorecardOf(good(), DEFAULT_STANDARD, [{ ...override, points: 500 }]).base[1]?.points).toBe(20);
    // The latest override of an item is the one in force.
    expect(scorecardOf(good(), DEFAULT_STANDARD, [override, { ...override, points: 12 }]).base[1]?.points).toBe(12);
    // An override never lifts a bottom line.
    expect(scorecardOf(good({ shop: { ...good().shop, creditFlags: 2 } }), DEFAULT_STANDARD, [{ ...override, points: 20 }]).passed).toBe(false);
  });

  it('is reproducible: the same stored inputs, standard and overrides give the same scorecard', () => {
    const inputs = good();
    const overrides = [{ item: 'satisfaction', points: 10, reason: '回访满意度偏低', by: 'u', at: '2026-12-01T00:00:00.000Z' }];
    expect(scorecardOf(structuredClone(inputs), DEFAULT_STANDARD, overrides)).toEqual(scorecardOf(inputs, DEFAULT_STANDARD, overrides));
  });
});

describe('roll-ups: 示范行业 and 示范镇 proposals', () => {
  const results = (passed: number, failed: number) => [...Array(passed).fill({ passed: true }), ...Array(failed).fill({ passed: false })];
  const goodCounters = { received: 100, closed: 99, settledInShop: 90, rated: 50, satisfied: 46 };

  it('proposed when enough shops passed and the area’s indicators meet the targets', () => {
    expect(rollupCandidate('retail', results(4, 1), goodCounters)).toMatchObject({ proposed: true, passShare: 0.8, indicatorsMet: true });
  });

  it('not proposed with too few shops, too few passing, or indicators short — and says which', () => {
    expect(rollupCandidate('retail', results(2, 0), goodCounters)).toMatchObject({ proposed: false, reason: '参评商户 2 家，少于 3 家' });
    expect(rollupCandidate('retail', results(2, 3), goodCounters)).toMatchObject({ proposed: false, reason: '合格 2/5 家，未达 60%' });
    expect(rollupCandidate('retail', results(5, 0), { ...goodCounters, closed: 90 })).toMatchObject({ proposed: false, reason: '投诉处理指标未全部达标' });
  });
});
