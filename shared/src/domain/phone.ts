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
