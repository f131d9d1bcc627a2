import { BannerInput, RecallInput } from '../src/contract/content';
import {
  OPEN_DATA_HEADER,
  PUBLIC_SMALL_SAMPLE,
  bannerActive,
  monthsOfYearUpTo,
  openDataCsv,
  publicFiguresOf,
  publicRateText,
  recallPublic,
} from '../src/domain/public-info';

describe('public rates are worded honestly', () => {
  it('says 「—」 with nothing to divide by, never 0% or 100%', () => {
    expect(publicRateText({ numerator: 0, denominator: 0 })).toBe('—');
  });

  it('says a small sample is a small sample below 10, with its size, and no bare percentage', () => {
    expect(PUBLIC_SMALL_SAMPLE).toBe(10);
    expect(publicRateText({ numerator: 3, denominator: 3 })).toBe('样本较少（n=3），仅供参考');
    expect(publicRateText({ numerator: 8, denominator: 9 })).toBe('样本较少（n=9），仅供参考');
    expect(publicRateText({ numerator: 8, denominator: 9 })).not.toMatch(/%/);
  });

  it('gives the percentage from 10 on, one decimal rounded half up on the exact fraction', () => {
    expect(publicRateText({ numerator: 9, denominator: 10 })).toBe('90.0%');
    expect(publicRateText({ numerator: 393, denominator: 400 })).toBe('98.3%');
  });

  it('builds every figure of a month from the counters, each rate flagged when small', () => {
    const figures = publicFiguresOf({ received: 12, closed: 11, withdrawn: 1, settledInShop: 8, rated: 4, satisfied: 3, dissatisfied: 1 });
    expect(figures).toMatchObject({ received: 12, handled: 11, settledInShop: 8, rated: 4 });
    expect(figures.handlingRate).toEqual({ numerator: 11, denominator: 12, text: '91.7%', smallSample: false });
    expect(figures.inShopShare).toEqual({ numerator: 8, denominator: 10, text: '80.0%', smallSample: false });
    expect(figures.satisfactionRate).toEqual({ numerator: 3, denominator: 4, text: '样本较少（n=4），仅供参考', smallSample: true });
    expect(publicFiguresOf({}).satisfactionRate).toEqual({ numerator: 0, denominator: 0, text: '—', smallSample: false });
  });
});

describe('the open-data file', () => {
  const csv = openDataCsv([
    { month: '2026-03', kind: 'town', code: 'chengguan', counters: { received: 20, closed: 19, settledInShop: 15, rated: 12, satisfied: 10, basicallySatisfied: 1 } },
    { month: '2026-03', kind: 'sector', code: 'retail', counters: { received: 2, closed: 1, rated: 1, satisfied: 1 } },
    { month: '2026-03', kind: 'town', code: '=HYPERLINK("http://x")', counters: {} },
  ]);
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

  it('starts with a UTF-8 BOM so spreadsheets read the Chinese, and ends each row with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has the header and one row per scope and month, counts and rates from the counters', () => {
    expect(lines[0]).toBe(OPEN_DATA_HEADER.map((cell) => `"${cell}"`).join(','));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('"2026-03","乡镇（街道）","chengguan","城关镇","20","19","95.0%","15","19","78.9%","12","11","91.7%",""');
    expect(lines[2]).toContain('"行业","retail"');
    // A small sample is not written as a percentage, as on the public page.
    expect(lines[2]).toContain('"2","1","样本较少（n=2），仅供参考"');
    expect(lines[2]).not.toMatch(/\d%/);
    expect(lines[2]).toContain('处理率、店内和解占比、满意率样本较少');
  });

  it('cannot run a formula: a cell starting with = + - @ is prefixed with an apostrophe and quoted', () => {
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[3]).toContain('"—"');
  });

  it('carries no personal data: no column for a name, phone, complaint or shop', () => {
    expect(OPEN_DATA_HEADER.join()).not.toMatch(/电话|手机|姓名|投诉编号|店铺|商户/);
    expect(csv).not.toMatch(/1[3-9]\d{9}/);
  });
});

describe('a banner shows within its dates', () => {
  const banner = { from: '2027-03-10', to: '2027-03-20', published: true };
  it('from its first day to its last day inclusive, by the calendar date', () => {
    expect(bannerActive(banner, '2027-03-09')).toBe(false);
    expect(bannerActive(banner, '2027-03-10')).toBe(true);
    expect(bannerActive(banner, '2027-03-15')).toBe(true);
    expect(bannerActive(banner, '2027-03-20')).toBe(true);
    expect(bannerActive(banner, '2027-03-21')).toBe(false);
  });
  it('never when unpublished', () => {
    expect(bannerActive({ ...banner, published: false }, '2027-03-15')).toBe(false);
  });
  it('refuses a window that ends before it starts, naming the end date', () => {
    const result = BannerInput.safeParse({ title: '3·15 国际消费者权益日', ...banner, to: '2027-03-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['to']);
  });
});

describe('recall notices', () => {
  it('are public only while published and once their text passed or was released', () => {
    expect(recallPublic({ state: 'published', moderation: { state: 'pass' } })).toBe(true);
    expect(recallPublic({ state: 'published', moderation: { state: 'released' } })).toBe(true);
    for (const state of ['held', 'unchecked', 'blocked']) expect(recallPublic({ state: 'published', moderation: { state } })).toBe(false);
    expect(recallPublic({ state: 'withdrawn', moderation: { state: 'pass' } })).toBe(false);
  });
  it('use the complaint text rules: no emoji, no bidi controls', () => {
    const base = { kind: 'recall', product: '电热水壶', batch: 'KX-2026-03', reason: '底座可能漏电', consumerAction: '停止使用，凭小票到店退货', fromDate: '2026-11-01', source: '生产企业召回公告' };
    expect(RecallInput.safeParse(base).success).toBe(true);
    expect(RecallInput.safeParse({ ...base, product: '电热水壶😀' }).error?.issues[0]?.path).toEqual(['product']);
    expect(RecallInput.safeParse({ ...base, reason: '底座\u202E可能漏电' }).error?.issues[0]?.path).toEqual(['reason']);
  });
});

describe('the months a page shows', () => {
  it('stops at this month, all twelve for a past year, none for a future one', () => {
    expect(monthsOfYearUpTo(2026, '2026-03-15')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfYearUpTo(2025, '2026-03-15')).toHaveLength(12);
    expect(monthsOfYearUpTo(2027, '2026-03-15')).toEqual([]);
  });
});
