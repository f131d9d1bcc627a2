import { toCsv } from '../src';

describe('CSV export', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(toCsv([['店铺', '说明'], ['城关"百货"', '价格, 欺诈']])).toBe('\uFEFF"店铺","说明"\r\n"城关""百货""","价格, 欺诈"\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('defuses a formula in %j', (value) => {
    const line = toCsv([[value]]).slice(1).trim();
    expect(line.startsWith(`"'`)).toBe(true);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(toCsv([['清河县', 3, '2026-11-27']])).toBe('\uFEFF"清河县","3","2026-11-27"\r\n');
  });
});
