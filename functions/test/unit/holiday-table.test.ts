import { readFileSync } from 'node:fs';
import { HOLIDAY_TABLE_FILE, encodeYear, renderHolidayTable } from '../../../scripts/calendar/holiday-table';

describe('the holiday table the functions ship (shared/src/domain/holiday-table.ts)', () => {
  it('is current: regenerate it with `npm run holiday-table` after upgrading chinese-days', () => {
    expect(readFileSync(HOLIDAY_TABLE_FILE, 'utf8')).toBe(renderHolidayTable());
  });

  it('writes a run of days as one span, a lone day alone, and a name’s separate runs side by side', () => {
    expect(
      encodeYear([
        ['2025-10-08', '国庆节'],
        ['2025-10-01', '国庆节'],
        ['2025-10-02', '国庆节'],
        ['2025-10-06', '中秋'],
        ['2025-10-07', '国庆节'],
        ['2025-01-01', '元旦'],
      ]),
    ).toBe('元旦 0101; 国庆节 1001-1002 1007-1008; 中秋 1006');
  });

  it('runs a span across the end of a month', () => {
    expect(encodeYear([['2008-09-29', '国庆节'], ['2008-09-30', '国庆节'], ['2008-10-01', '国庆节']])).toBe('国庆节 0929-1001');
  });

  it('refuses a name that would break the format', () => {
    expect(() => encodeYear([['2030-01-01', '元 旦']])).toThrow(/format/);
    expect(() => encodeYear([['2030-01-01', '元旦;']])).toThrow(/format/);
  });
});
