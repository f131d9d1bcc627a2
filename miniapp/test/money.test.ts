import { formatYuan } from '../src/lib/money'

describe('money as the app shows it', () => {
  it('always has two decimals, whatever was typed', () => {
    expect(formatYuan('128.5')).toBe('¥128.50')
    expect(formatYuan('128.50')).toBe('¥128.50')
    expect(formatYuan('99')).toBe('¥99.00')
    expect(formatYuan('0.5')).toBe('¥0.50')
  })

  it('groups thousands', () => {
    expect(formatYuan('5000')).toBe('¥5,000.00')
    expect(formatYuan('1234567.8')).toBe('¥1,234,567.80')
    expect(formatYuan('99999999.99')).toBe('¥99,999,999.99')
    expect(formatYuan('100')).toBe('¥100.00')
  })

  it('works on the digits, never through a float', () => {
    expect(formatYuan('0.07')).toBe('¥0.07')
    expect(formatYuan('19999999.99')).toBe('¥19,999,999.99')
  })

  it('shows what is not an amount as it came rather than guess', () => {
    expect(formatYuan('约200')).toBe('¥约200')
  })
})
