import {
  CATALOGUE_COMMITMENT_CODES,
  COMMITMENT_CATALOGUE,
  CommitmentChoice,
  resolveCommitment,
} from '../src';

describe('commitments catalogue', () => {
  it('offers the eight commitments the plan names, each with title, plain explanation and legal basis', () => {
    expect(CATALOGUE_COMMITMENT_CODES.map((code) => COMMITMENT_CATALOGUE[code].title)).toEqual([
      '商品质量承诺',
      '服务规范承诺',
      '首问负责',
      '先行赔付',
      '缺陷产品召回',
      '三包',
      '明码标价 · 明码实价',
      '线下无理由退货',
    ]);
    for (const code of CATALOGUE_COMMITMENT_CODES) {
      const entry = COMMITMENT_CATALOGUE[code];
      expect(entry.code).toBe(code);
      expect(entry.explanation.length).toBeGreaterThan(15);
      expect(entry.legalBasis).toMatch(/《.+》|本店自愿承诺/);
    }
  });

  it('states the number of days of a no-reason return, defaulting to 7', () => {
    expect(resolveCommitment({ kind: 'catalogue', code: 'offline_no_reason_return', days: 15 }, 0)).toMatchObject({
      key: 'offline_no_reason_return',
      title: '15天线下无理由退货',
      explanation: expect.stringContaining('15 天内'),
      custom: false,
    });
    expect(resolveCommitment({ kind: 'catalogue', code: 'offline_no_reason_return' }, 0).title).toBe('7天线下无理由退货');
  });

  it('leaves commitments without days untouched', () => {
    const resolved = resolveCommitment({ kind: 'catalogue', code: 'three_guarantees' }, 3);
    expect(resolved.title).toBe('三包');
    expect(resolved.explanation).not.toContain('{days}');
  });

  it('shows a merchant’s own words as a custom commitment with a stable key', () => {
    expect(resolveCommitment({ kind: 'custom', title: '明厨亮灶', text: '后厨全程可视。' }, 4)).toEqual({
      key: 'custom-4',
      title: '明厨亮灶',
      explanation: '后厨全程可视。',
      custom: true,
    });
  });

  it.each([
    [{ kind: 'custom', title: '好', text: '内容足够长了' }, '承诺标题至少 2 个字'],
    [{ kind: 'custom', title: '一二三四五六七八九十一二三四五六七八九十一', text: '内容足够长了' }, '承诺标题最多 20 个字'],
    [{ kind: 'custom', title: '明厨亮灶', text: '短' }, '承诺内容至少 4 个字'],
    [{ kind: 'catalogue', code: 'offline_no_reason_return', days: 91 }, '退货天数最多 90 天'],
    [{ kind: 'catalogue', code: 'offline_no_reason_return', days: 0 }, '退货天数至少 1 天'],
  ])('rejects a bad choice %j with a Chinese message', (choice, message) => {
    const result = CommitmentChoice.safeParse(choice);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('rejects a catalogue code that does not exist', () => {
    expect(CommitmentChoice.safeParse({ kind: 'catalogue', code: 'free_lunch' }).success).toBe(false);
  });
});
