import { last12Months, medianBucket, trackRecordOf } from '../src';

describe('public track record (from counters)', () => {
  it('says so honestly when there were no complaints', () => {
    expect(trackRecordOf([], [])).toEqual({
      complaints: 0,
      settledInShopShare: null,
      medianFirstResponse: null,
      satisfaction: null,
      rated: 0,
      perCommitment: [],
      summary: '近12个月暂无投诉',
    });
  });

  it('cautions that a handful of complaints is not a statistic', () => {
    expect(trackRecordOf([{ received: 3 }], []).summary).toBe('近12个月 3 件投诉，样本较少，比例仅供参考');
    expect(trackRecordOf([{ received: 3 }, { received: 4 }], []).summary).toBe('近12个月 7 件投诉');
  });

  it('sums the months and divides by what can be judged', () => {
    const record = trackRecordOf(
      [
        { received: 6, closed: 5, withdrawn: 1, settledInShop: 3, rated: 4, satisfied: 2, basicallySatisfied: 1, dissatisfied: 1 },
        { received: 4, closed: 3, settledInShop: 3 },
      ],
      [],
    );
    expect(record.complaints).toBe(10);
    // settled in shop 6 of 7 concluded (8 closed − 1 withdrawn)
    expect(record.settledInShopShare).toBeCloseTo(6 / 7);
    expect(record.satisfaction).toBeCloseTo(3 / 4);
  });

  it('reads the median first response from the histogram', () => {
    expect(medianBucket({ firstResponseWithin1h: 1, firstResponseWithin4h: 1, firstResponseWithin24h: 3 })).toBe('24 小时内');
    expect(medianBucket({ firstResponseWithin1h: 3, firstResponseOver72h: 3 })).toBe('1 小时内');
    expect(medianBucket({ firstResponseOver72h: 1 })).toBe('超过 3 天');
    expect(medianBucket({})).toBeNull();
  });

  it('adds per-commitment counts across months', () => {
    expect(
      trackRecordOf([], [
        { key: 'three_guarantees', invoked: 2, honoured: 1 },
        { key: 'three_guarantees', invoked: 1 },
        { key: 'price_marking', invoked: 1, honoured: 1 },
      ]).perCommitment,
    ).toEqual([
      { key: 'three_guarantees', invoked: 3, honoured: 1 },
      { key: 'price_marking', invoked: 1, honoured: 1 },
    ]);
  });

  it('covers the 12 months ending this month, across a year boundary', () => {
    expect(last12Months('2026-02-15')).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
    expect(last12Months('2026-12-31').at(0)).toBe('2026-01');
  });
});
