import { chineseDate, monthLabel } from '../src/lib/dates-in-words'

describe('dates as a reader in Chinese reads them', () => {
  it('dates a notice or a bulletin as a document does', () => {
    expect(chineseDate('2027-01-04')).toBe('2027年1月4日')
    expect(chineseDate('2026-11-29')).toBe('2026年11月29日')
  })

  it('leaves a value that is not a day as it came, rather than print NaN', () => {
    expect(chineseDate('')).toBe('')
    expect(chineseDate('2026-11')).toBe('2026-11')
    expect(chineseDate('2026年11月29日')).toBe('2026年11月29日')
  })

  it('labels months from their codes, as the public statistics and the dashboard show them', () => {
    expect(monthLabel('2026-03')).toBe('3月')
    expect(monthLabel('2026-12')).toBe('12月')
    expect(monthLabel('12')).toBe('12月')
    expect(monthLabel('x')).toBe('x')
    expect(monthLabel('2026-13')).toBe('2026-13')
  })
})
