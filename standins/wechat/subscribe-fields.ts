/**
 * The value rules WeChat applies to subscribe-message fields, keyed by the type prefix of the template's
 * key name (`thing1`, `character_string3`, `time5`…). A value that breaks its rule gets 47003 from the real
 * server; the stand-in applies the same rules so the product's own validation is tested against them.
 *
 * Lengths are counted in characters as a person sees them (grapheme clusters), so an emoji is one character,
 * not the two UTF-16 code units `String.length` would count.
 */

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export function characterCount(value: string): number {
  let count = 0;
  for (const _ of graphemes.segment(value)) count++;
  return count;
}

// Dates: y年m月d日, y年m月, m月d日, or joined by '-', '/' or '.' (2018-01-01, 2018/01/01, 2018.01.01, 2018-01, 01-01).
// `group` names the separator so a period's two dates each keep their own back-reference.
const date = (group: string): string =>
  String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{4}(?<${group}>[-/.])\d{1,2}\k<${group}>\d{1,2}|\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2})`;
// Times: 24-hour HH:MM or HH:MM:SS.
const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;

/** A point in time, or a period of two points joined by '~'. */
function pointOrPeriod(point: (group: string) => string): RegExp {
  return new RegExp(`^${point('from')}(?:\\s*~\\s*${point('to')})?$`);
}

const TIME_VALUE = pointOrPeriod((g) => `(?:${date(g)}\\s*)?${TIME}`);
const DATE_VALUE = pointOrPeriod((g) => `${date(g)}(?:\\s*${TIME})?`);

const HAN = /^\p{Script=Han}+$/u;
const CONTROL = /\p{Cc}/u;
/** "Symbols" in WeChat's sense: printable ASCII that is neither a letter nor a digit. */
const ASCII_SYMBOLS = /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+$/;

type Rule = (value: string) => boolean;

const RULES: Readonly<Record<string, Rule>> = {
  thing: (v) => characterCount(v) <= 20 && !CONTROL.test(v),
  number: (v) => /^\d+(?:\.\d+)?$/.test(v) && v.replace('.', '').length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => v.length <= 5 && ASCII_SYMBOLS.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => TIME_VALUE.test(v),
  date: (v) => DATE_VALUE.test(v),
  amount: (v) => /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[\d+\-() ]{1,17}$/.test(v),
  car_number: (v) => /^[\p{Script=Han}A-Z0-9][A-Z0-9]{0,6}[\p{Script=Han}A-Z0-9]?$/u.test(v) && characterCount(v) <= 8,
  // 10 Chinese characters, or 20 letters/symbols; a mix counts as a Chinese name.
  name: (v) => (/\p{Script=Han}/u.test(v) ? characterCount(v) <= 10 && !CONTROL.test(v) : /^[\x20-\x7e]{1,20}$/.test(v)),
  phrase: (v) => HAN.test(v) && characterCount(v) <= 5,
};

/** The template key's type: `character_string12` → `character_string`. */
export function fieldType(key: string): string | undefined {
  const match = /^([a-z_]+?)(\d+)$/.exec(key);
  return match && match[1]! in RULES ? match[1] : undefined;
}

/**
 * The first field that WeChat would refuse, as the real errmsg names it, or undefined when all are valid.
 * `data` is the request's `data` object, still unvalidated.
 */
export function firstInvalidField(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
    return 'data';
  }
  for (const [key, entry] of Object.entries(data)) {
    const type = fieldType(key);
    const value: unknown = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (type === undefined || typeof value !== 'string' || value.length === 0 || !RULES[type]!(value)) {
      return `data.${key}.value`;
    }
  }
  return undefined;
}
