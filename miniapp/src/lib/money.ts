/**
 * Money as the app shows it: yuan with two decimals and thousands separators (¥5,000.00, ¥128.50), whatever
 * was typed (5000, 128.5). Amounts travel as decimal strings (the contract's `Amount`), so this works on the
 * digits and never through a floating-point number.
 */
export function formatYuan(amount: string): string {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(amount.trim())
  // Not an amount as the contract writes one: show it as it came rather than guess.
  if (!match) return `¥${amount}`
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '')
  const cents = (match[2] ?? '').padEnd(2, '0').slice(0, 2)
  return `¥${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`
}
