import * as z from 'zod/mini';

/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): the 18-character code on every business
 * licence and institution certificate, which merchants type when they join the campaign.
 *
 * Layout: position 1 registration authority, 2 entity type, 3–8 administrative division, 9–17 the
 * organisation code (GB 11714, with its own check character at 17), 18 the check character over 1–17.
 * Only the alphabet and the position-18 check are enforced: the check catches every single mistyped
 * character (see {@link usccCheckCharacter}), while the inner structure has historical exceptions that a
 * stricter check would wrongly refuse.
 */

/** The code's 31 characters, in value order; I, O, S, V and Z are left out because they look like 1, 0, 5, U and 2. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const FORBIDDEN_LETTERS = 'IOSVZ';
/** Weight of position i is 3^(i−1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const LENGTH = 18;
/** What a forbidden letter was most likely meant to be, for a message that says how to fix it. */
const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = { I: '1', O: '0', S: '5', Z: '2' };

export const USCC_MESSAGES = {
  length: '统一社会信用代码应为 18 位',
  forbiddenLetters: '统一社会信用代码不能包含字母 I、O、S、V、Z',
  badCharacter: '统一社会信用代码只能包含数字和大写英文字母',
  checkCharacter: '统一社会信用代码校验位不正确，请核对后重新输入',
  required: '请填写统一社会信用代码',
} as const;

/**
 * Puts a code as people type or paste it into canonical form: no surrounding or inner white space
 * (including the ideographic space), full-width ASCII (U+FF01–U+FF5E, as Chinese input methods produce)
 * made half-width, a–z upper-cased. Only ASCII letters are upper-cased, so that a stray non-ASCII letter
 * (ß, ı) is reported as a bad character rather than turned into a forbidden S or I.
 */
export function normalizeUscc(input: string): string {
  return input
    .replace(/\s+/g, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

/**
 * The check character (position 18) for the first 17 characters of a code: with each character's value
 * its index in {@link USCC_ALPHABET}, it is the character whose value is (−Σ value·weight) mod 31.
 *
 * 31 is prime and no weight is 0 mod 31, so changing any one character of a valid code — the check
 * character included — always breaks the check.
 *
 * @throws Error when `first17` is not 17 characters of the alphabet (a programming error: validate first).
 */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== WEIGHTS.length) throw new Error(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`character ${JSON.stringify(first17[i])} is not in the USCC alphabet`);
    sum += value * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccResult = { ok: true; code: string } | { ok: false; reason: string };

/**
 * Normalises and checks a code. The reasons are Chinese sentences for the person who typed the code, and
 * name the position of a wrong character so it can be found on the licence.
 */
export function validateUscc(input: string): UsccResult {
  const code = normalizeUscc(input);
  const chars = [...code]; // by code point, so an emoji counts as one character, as a person sees it
  if (chars.length !== LENGTH) return { ok: false, reason: USCC_MESSAGES.length };

  const forbidden = chars.findIndex((c) => FORBIDDEN_LETTERS.includes(c));
  if (forbidden >= 0) {
    const letter = chars[forbidden]!;
    const digit = LOOKALIKE_DIGITS[letter];
    const hint = digit ? `，是否应为数字 ${digit}？` : '';
    return { ok: false, reason: `${USCC_MESSAGES.forbiddenLetters}（第 ${forbidden + 1} 位是字母 ${letter}${hint}）` };
  }

  const bad = chars.findIndex((c) => !USCC_ALPHABET.includes(c));
  if (bad >= 0) return { ok: false, reason: `${USCC_MESSAGES.badCharacter}（第 ${bad + 1} 位“${chars[bad]}”无效）` };

  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return { ok: false, reason: USCC_MESSAGES.checkCharacter };
  return { ok: true, code };
}

/**
 * A code on the wire or in a form: normalised, then checked, with {@link validateUscc}'s reason as the
 * issue message so the mini-program form and the API say the same thing. Outputs the normalised code.
 */
export const Uscc = z
  .string({ error: USCC_MESSAGES.required }).check(z.overwrite(normalizeUscc))
  .check((ctx) => {
    const result = validateUscc(ctx.value);
    if (!result.ok) ctx.issues.push({ code: 'custom', message: result.reason, input: ctx.value });
  });
export type Uscc = z.infer<typeof Uscc>;
