import { MerchantId, buildPath, isPubliclyVisible, mayBeAwarded, publicBadge, routes, toPublicView, trackRecordOf, withNewCommitments, type Merchant } from '../src';

const noRecord = trackRecordOf([], []);

const merchant: Merchant = {
  id: 'QH8K2M4P6R',
  name: '清河县城关百货商场有限公司',
  type: 'enterprise',
  sector: 'retail',
  townCode: 'chengguan',
  townName: '城关镇',
  areaType: 'commercial',
  address: '清河县城关镇人民路88号',
  status: 'active',
  badge: { kind: 'model', year: 2025 },
  commitments: [{ kind: 'catalogue', code: 'quality' }],
  commitmentsSince: '2025-03-15',
  commitmentsVersion: 1,
  creditFlags: [],
};

describe('merchant id (the QR scene)', () => {
  it('accepts letters and digits and normalises to upper case', () => {
    expect(MerchantId.parse(' qh8k2m4p6r ')).toBe('QH8K2M4P6R');
  });

  it('fits WeChat’s 32-character scene limit', () => {
    expect(MerchantId.safeParse('A'.repeat(32)).success).toBe(true);
    expect(MerchantId.safeParse('A'.repeat(33)).error?.issues[0]?.message).toBe('商户编号过长，请重新扫描店铺二维码');
  });

  it.each(['QH 1', 'ＱＨ１', 'ｑｈ　１'])('takes %s typed on a phone (full-width, spaced) as QH1, as every typed code', (id) => {
    expect(MerchantId.parse(id)).toBe('QH1');
  });

  it.each(['QH-1', 'QH/1', '店铺1'])('refuses %s with a Chinese message', (id) => {
    expect(MerchantId.safeParse(id).error?.issues[0]?.message).toBe('商户编号只能包含字母和数字，请重新扫描店铺二维码');
  });
});

describe('public view of a shop', () => {
  it('labels codes for people and resolves commitments', () => {
    const view = toPublicView(merchant, noRecord);
    expect(view).toMatchObject({
      typeLabel: '企业',
      sectorLabel: '商超零售',
      areaTypeLabel: '商圈街区',
      badge: { kind: 'model', label: '2025年度放心消费示范企业' },
    });
    expect(view.commitments[0]?.title).toBe('商品质量承诺');
    expect(view).not.toHaveProperty('statusNotice');
  });

  it('lists every commitment in force in the record, with zeros where none was invoked', () => {
    const record = trackRecordOf([{ received: 2 }], [{ key: 'quality', invoked: 2, honoured: 1 }, { key: 'retired_code', invoked: 4 }]);
    expect(toPublicView(merchant, record).trackRecord.perCommitment).toEqual([{ key: 'quality', title: '商品质量承诺', invoked: 2, honoured: 1 }]);
  });

  it('shows every active shop without an award as a 参创单位', () => {
    expect(publicBadge({ ...merchant, badge: undefined })).toEqual({ kind: 'participant', label: '放心消费参创单位' });
  });

  it('shows a 示范 shop’s title, and withholds it once the shop is on the 联合惩戒 list', () => {
    const model = { ...merchant, badge: { kind: 'model' as const, year: 2025 } };
    expect(publicBadge(model)).toMatchObject({ kind: 'model', label: expect.stringContaining('2025年度放心消费示范') });
    const flag = { source: '县市场监管局', date: '2026-05-01', description: '虚假宣传', recordedAt: '2026-05-02T02:00:00.000Z' };
    expect(publicBadge({ ...model, creditFlags: [flag] })).toEqual({ kind: 'participant', label: '放心消费参创单位' });
  });

  it.each(['suspended', 'revoked'] as const)('withholds the award of a %s shop and explains why', (status) => {
    const view = toPublicView({ ...merchant, status }, noRecord);
    expect(view.badge).toEqual({ kind: 'none', label: '' });
    expect(view.statusNotice).toMatch(/暂停|摘牌/);
  });

  it('keeps applications and rejected shops out of public view', () => {
    expect(isPubliclyVisible({ status: 'pending' })).toBe(false);
    expect(isPubliclyVisible({ status: 'rejected' })).toBe(false);
    expect(isPubliclyVisible({ status: 'active' })).toBe(true);
    expect(isPubliclyVisible({ status: 'suspended' })).toBe(true);
  });
});

describe('route contract', () => {
  it('fills path templates with encoded values', () => {
    expect(buildPath(routes.getMerchant.path, { id: 'QH8K2M4P6R' })).toBe('/merchants/QH8K2M4P6R');
    expect(buildPath('/x/{id}', { id: 'a/b' })).toBe('/x/a%2Fb');
    expect(() => buildPath('/x/{id}', {})).toThrow('missing path parameter id');
  });

  it('declares the shop page public', () => {
    expect(routes.getMerchant.access).toBe('public');
  });
});

describe('commitment versions', () => {
  it('numbers each edit one past the current and dates it, leaving the original untouched', () => {
    const next = withNewCommitments(merchant, [{ kind: 'catalogue', code: 'three_guarantees' }], '2026-11-27');
    expect(next).toMatchObject({ commitmentsVersion: 2, commitmentsSince: '2026-11-27', commitments: [{ kind: 'catalogue', code: 'three_guarantees' }] });
    expect(merchant.commitmentsVersion).toBe(1);
    expect(merchant.commitments).toEqual([{ kind: 'catalogue', code: 'quality' }]);
    expect(withNewCommitments(next, merchant.commitments, '2026-12-01').commitmentsVersion).toBe(3);
  });
});

describe('awards and recommendations', () => {
  it('are open only to active shops without credit flags', () => {
    expect(mayBeAwarded(merchant)).toBe(true);
    expect(mayBeAwarded({ ...merchant, status: 'suspended' })).toBe(false);
    expect(mayBeAwarded({ ...merchant, creditFlags: [{ source: '行政处罚', date: '2026-10-15', description: '销售过期食品', recordedAt: '2026-10-16T00:00:00Z' }] })).toBe(false);
  });

  it('makes a flagged shop say so on its page', () => {
    const flagged = { ...merchant, creditFlags: [{ source: '行政处罚', date: '2026-10-15', description: '销售过期食品', recordedAt: '2026-10-16T00:00:00Z' }] };
    expect(toPublicView(flagged, noRecord).statusNotice).toContain('联合惩戒');
  });
});
