/**
 * 138****8000 — enough to recognise a number, not enough to call it. Used wherever a viewer has no need
 * for the whole number (a shop seeing an unshared phone, SMS receipts and logs). Accepts +86/0086 forms.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length > 11 && /^(?:0086|86)/.test(digits) ? digits.slice(-11) : digits;
  if (national.length < 8) return '****';
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

/** 王** — a name as a list shows it to someone who only needs to tell cases apart. */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return `${characters[0]}${'*'.repeat(Math.max(1, Math.min(characters.length - 1, 3)))}`;
}

/**
 * Mainland mobile numbers (with or without +86/0086, spaces or a hyphen after the country code) standing
 * alone in a text — not inside a longer run of digits such as a timestamp or a 12315 case number.
 */
const MOBILE_IN_TEXT = /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d{9}(?!\d)/g;

/**
 * Every mainland mobile number in a text, masked (`138****8000`). The last guard before a text leaves for a
 * place that must never hold a whole number: log lines, a third party's error text.
 */
export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (match) => maskPhone(match));
}
