import * as z from 'zod/mini';
import './zod-chinese';

/**
 * The one rule set for text a person types, used by every free-text field of every request in the contract
 * (docs/lifecycle.md, "Text rules", lists which field uses which variant). What is stored, shown and sent to
 * WeChat's content check is the text after these rules, so what the reviewers and the check read is what the
 * public sees:
 *
 * 1. normalised: NFKC (full-width letters and digits become ASCII, Kangxi radicals and compatibility
 *    ideographs the ordinary character, ｆａｋｅ and 𝐟𝐚𝐤𝐞 plain fake) but for a few characters kept as typed;
 *    a variation selector after ©, ® or ™ is dropped (keyboards add it); a multi-line text's line breaks
 *    become `\n`; then trimmed;
 * 2. refused: bidirectional controls; zero-width and other invisible characters (they split a word so the
 *    content check misses it, or make a blank name); control characters; line breaks and tabs in a
 *    single-line field; emoji unless the field allows them (©, ® and ™ are never emoji: they are printed on
 *    boxes);
 * 3. length counted in characters (code points) of the normalised text, not UTF-16 units.
 *
 * Messages name the field: 「问题描述中不能包含表情符号或文字方向控制字符」.
 */

/**
 * What NFKC folds: everything but the characters kept as typed, because folding them changes how Chinese
 * reads (「，」 and 「！」 would become ASCII, 「……」 six dots, ① a bare 1, ㎡ and m² "m2", ™ "TM") and none can
 * hide a word from the content check — full-width punctuation, the ellipsis, ™, circled and parenthesised
 * numbers, superscript and subscript digits, the squared unit signs. A literal, not built at run time, so the
 * mini-program's compiler sees it.
 */
const FOLDED_RUN =
  /[^\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF60\u2026\u2122\u00B2\u00B3\u00B9\u2070-\u209F\u2460-\u249B\u3251-\u325F\u32B1-\u32BF\u3371-\u33DF]+/gu;
const SIGN_WITH_SELECTOR = /([\u00A9\u00AE\u2122])[\uFE0E\uFE0F]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/** Bidirectional controls (the Trojan Source list): they reorder what a reader sees. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Invisible characters: zero-width (U+200B–U+200D, U+2060, U+FEFF), the soft hyphen, U+180E, variation
 * selectors, tags, Hangul fillers and every other default-ignorable or format character, and the blank
 * braille pattern (a "visible" blank used for empty-looking names).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u00AD\u180E\u200B-\u200D\u2060\uFEFF\u2800]/u;
/** C0 and C1 controls except tab and line feed (those are the line rules'), lone surrogates, noncharacters. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\p{Noncharacter_Code_Point}]/u;
const LINE_OR_TAB = /[\t\n\r\u2028\u2029]/;
/** Emoji: pictographs but ©, ® and ™ (printed on every box), skin tones, flags (regional indicators), keycaps. */
const EMOJI = /(?![\u00A9\u00AE\u2122])[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\u20E3]/u;
/**
 * A whole emoji as keyboards send it, for fields that allow emoji: its joiners, presentation selectors, skin
 * tones, keycap and subdivision-flag tags belong to it and are not "invisible characters" there.
 */
const EMOJI_SEQUENCE =
  /(?:\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,7}\u{E007F}|[\u{1F1E6}-\u{1F1FF}]{1,2}|[0-9#*]\uFE0F?\u20E3|\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]*(?:\u200D\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]*)*)/gu;

/** One line (names, titles, addresses, batch numbers) or several (descriptions, reasons, notes, bodies). */
export type TextLines = 'single' | 'multi';

export interface TextOptions {
  /** Default `multi`: line breaks (and tabs) allowed. */
  lines?: TextLines;
  /**
   * Default `refuse`. `allow` only where emoji are harmless: not shown on the public shop page, not printed
   * on notices or exports, not sent in subscribe messages or SMS. No field allows them today.
   */
  emoji?: 'refuse' | 'allow';
}

/** What a free-text field's rules are, as registered in {@link TEXT_FIELDS}. */
export interface TextFieldRules {
  label: string;
  min: number;
  max: number;
  lines: TextLines;
  emoji: 'refuse' | 'allow';
}

/**
 * Every schema built by {@link freeText}, with its rules: the contract test finds free-text fields by it (a
 * plain `z.string()` a person types into is not in it, and the test fails), and nothing else reads it.
 */
export const TEXT_FIELDS = z.registry<TextFieldRules>();

/** Step 1 of the rules: the text as it is stored and checked. */
export function normaliseText(text: string, lines: TextLines = 'multi'): string {
  const folded = text.replace(SIGN_WITH_SELECTOR, '$1').replace(FOLDED_RUN, (run) => run.normalize('NFKC'));
  return (lines === 'multi' ? folded.replace(LINE_BREAK, '\n') : folded).trim();
}

/** Step 2 of the rules: the first thing wrong with the characters of a normalised text, as a message. */
export function textProblem(text: string, label: string, rules: Pick<TextFieldRules, 'lines' | 'emoji'>): string | undefined {
  if (rules.emoji === 'refuse' && EMOJI.test(text)) return `${label}中不能包含表情符号或文字方向控制字符`;
  if (BIDI.test(text)) return rules.emoji === 'refuse' ? `${label}中不能包含表情符号或文字方向控制字符` : `${label}中不能包含文字方向控制字符`;
  const rest = rules.emoji === 'allow' ? text.replace(EMOJI_SEQUENCE, '') : text;
  if (INVISIBLE.test(rest)) return `${label}中不能包含零宽空格等看不见的字符`;
  if (rules.lines === 'single' && LINE_OR_TAB.test(rest)) return `${label}只能填写一行，不能包含换行或制表符`;
  if (CONTROL.test(rest)) return `${label}中包含无法识别的字符`;
  return undefined;
}

/** Length in characters as a person counts them: code points, so 𠀀 is one, not two UTF-16 units. */
export const characterCount = (text: string) => [...text].length;

/**
 * A free-text field a person types: the rules above, then `min`–`max` characters (a `min` of 1 means
 * required: 「请填写…」). Multi-line by default, as `freeText` always was; prefer {@link singleLineText} and
 * {@link multiLineText}, which say which.
 */
export function freeText(label: string, min: number, max: number, options: TextOptions = {}) {
  const rules: TextFieldRules = { label, min, max, lines: options.lines ?? 'multi', emoji: options.emoji ?? 'refuse' };
  return z
    .string({ error: `请填写${label}` })
    .check(z.overwrite((text) => normaliseText(text, rules.lines)))
    .check((ctx) => {
      const problem = textProblem(ctx.value, label, rules);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
      const length = characterCount(ctx.value);
      if (length < min) ctx.issues.push({ code: 'custom', message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`, input: ctx.value });
      if (length > max) ctx.issues.push({ code: 'custom', message: `${label}最多 ${max} 个字`, input: ctx.value });
    })
    // The API document states the bounds: JSON Schema counts code points too (of the normalised text here).
    .register(z.globalRegistry, { minLength: min, maxLength: max })
    .register(TEXT_FIELDS, rules);
}

/** One line: names, titles, addresses, batch numbers, sources. Line breaks and tabs are refused. */
export const singleLineText = (label: string, min: number, max: number, options: Omit<TextOptions, 'lines'> = {}) =>
  freeText(label, min, max, { ...options, lines: 'single' });

/** Several lines: descriptions, replies, reasons, notes, article bodies. Line breaks and tabs are kept. */
export const multiLineText = (label: string, min: number, max: number, options: Omit<TextOptions, 'lines'> = {}) =>
  freeText(label, min, max, { ...options, lines: 'multi' });

/**
 * A code, number or amount as people type it on a phone: a Chinese input method gives full-width digits and
 * letters (１３８…, ＡＢＣＤ), and people put spaces in long numbers (138 0013 8000). Folded (NFKC) and the
 * spaces taken out before the format is checked, as the claim code, USCC and 12315 number always were.
 */
export const typedCode = (required: string) =>
  z.pipe(z.string({ error: required }), z.transform((value) => value.normalize('NFKC').replace(/\s/g, '')));
