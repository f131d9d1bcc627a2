import fc from 'fast-check';
import type * as z from 'zod/mini';
import { CommitmentChoice } from '../src/contract/merchant';
import { TEXT_FIELDS, characterCount, freeText, multiLineText, normaliseText, singleLineText } from '../src/contract/text';
import { Merchant } from '../src/domain/merchant';

/**
 * The one rule set for text a person types (shared/src/contract/text.ts, docs/lifecycle.md "Text rules"):
 * what is stored is normalised, hostile characters are refused with a message naming the field, and lengths
 * count characters of the normalised text.
 */

const line = singleLineText('店铺名称', 2, 20);
const lines = multiLineText('问题描述', 1, 100);

const firstMessage = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
};
const hex = (text: string) => [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

describe('normalisation: what is stored and content-checked', () => {
  it.each([
    ['full-width letters and digits become ASCII', 'ＡＢＣ１２３店', 'ABC123店'],
    ['mathematical bold letters become plain ones', '𝐟𝐚𝐤𝐞货', 'fake货'],
    ['a Kangxi radical becomes the ordinary character', '⼈民币', '人民币'],
    ['a CJK compatibility ideograph becomes the unified one', '\uF900店', '\u8C48店'],
    ['circled letters become plain ones', 'ⓐⓑ店', 'ab店'],
    ['a ligature becomes its letters', 'ﬁne店', 'fine店'],
    ['the ideographic space and no-break space count as spaces, trimmed at the ends', '\u3000城关\u00A0百货\u3000', '城关 百货'],
    ['a variation selector after © ® ™ is dropped', '某牌©\uFE0F®\uFE0F™\uFE0E', '某牌©®™'],
  ])('%s', (_name, input, expected) => {
    expect(line.parse(input)).toBe(expected);
  });

  it.each([
    ['full-width Chinese punctuation', '您好，我要投诉！（急）：价格；？'],
    ['the ellipsis', '等了很久……'],
    ['™ (NFKC would write TM)', '某某™电饭煲'],
    ['circled and parenthesised numbers', '①不能加热⑵漏电'],
    ['squared units and superscripts', '面积 120㎡，即 120m²'],
  ])('keeps %s as typed (folding would change how Chinese reads, and hides no word)', (_name, input) => {
    expect(lines.parse(input)).toBe(input);
  });

  it('turns CRLF, CR and the Unicode line and paragraph separators into \\n in a multi-line text', () => {
    expect(lines.parse('第一行\r\n第二行\r第三行\u2028第四行\u2029第五行')).toBe('第一行\n第二行\n第三行\n第四行\n第五行');
  });

  it('is idempotent, and what it stores passes the rules again unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => {
        for (const lineRule of ['single', 'multi'] as const) {
          const once = normaliseText(input, lineRule);
          expect(normaliseText(once, lineRule)).toBe(once);
        }
        const parsed = lines.safeParse(input);
        if (parsed.success) expect(lines.parse(parsed.data)).toBe(parsed.data);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('refused characters, each with a message naming the field', () => {
  const BIDI = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
  it.each(BIDI.map((c) => [hex(c), c]))('the bidirectional control %s', (_name, c) => {
    expect(firstMessage(line, `城关${c}百货`)).toBe('店铺名称中不能包含表情符号或文字方向控制字符');
    expect(firstMessage(lines, `城关${c}百货`)).toBe('问题描述中不能包含表情符号或文字方向控制字符');
  });

  const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u180E', '\u00AD', '\u2061', '\uFE0F', '\u{E0041}', '\u3164', '\uFFA0', '\u2800', '\u034F'];
  it.each(INVISIBLE.map((c) => [hex(c), c]))('the invisible character %s between two characters (a word split past the content check)', (_name, c) => {
    expect(firstMessage(line, `赌${c}博`)).toBe('店铺名称中不能包含零宽空格等看不见的字符');
    expect(firstMessage(lines, `赌${c}博`)).toBe('问题描述中不能包含零宽空格等看不见的字符');
  });

  it('a name made only of Hangul fillers (a blank-looking name) is refused', () => {
    expect(firstMessage(line, '\u3164\u3164\u3164')).toBe('店铺名称中不能包含零宽空格等看不见的字符');
  });

  const C0 = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter((c) => !'\t\n\r'.includes(c));
  const C1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i));
  it.each([...C0, ...C1, '\uD800', '\uDFFF', '\uFFFE', '\uFDD0'].map((c) => [hex(c), c]))('the control or unusable character %s', (_name, c) => {
    expect(firstMessage(line, `城关${c}百货`)).toBe('店铺名称中包含无法识别的字符');
    expect(firstMessage(lines, `城关${c}百货`)).toBe('问题描述中包含无法识别的字符');
  });

  it.each([
    ['a line feed', '城关\n百货'],
    ['a carriage return', '城关\r百货'],
    ['a tab', '城关\t百货'],
    ['a line separator', '城关\u2028百货'],
  ])('%s in a single-line field', (_name, text) => {
    expect(firstMessage(line, text)).toBe('店铺名称只能填写一行，不能包含换行或制表符');
  });

  it('a multi-line field keeps line feeds and tabs (people write paragraphs and paste tables)', () => {
    expect(lines.parse('第一天：不能加热。\n\t第二天：彻底坏了。')).toBe('第一天：不能加热。\n\t第二天：彻底坏了。');
  });
});

describe('emoji, per field', () => {
  const EMOJI = ['😀', '👍🏽', '🇨🇳', '👨\u200D👩\u200D👧', '❤\uFE0F', '1\uFE0F\u20E3', '⭐', '☎', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'];

  it.each(EMOJI.map((e) => [hex(e), e]))('refused by default: %s', (_name, emoji) => {
    expect(firstMessage(line, `城关${emoji}百货`)).toBe('店铺名称中不能包含表情符号或文字方向控制字符');
  });

  it.each(['©', '®', '™'])('%s is not an emoji (it is printed on the box)', (sign) => {
    expect(line.parse(`某某${sign}电饭煲`)).toBe(`某某${sign}电饭煲`);
  });

  const allowing = multiLineText('评价', 1, 100, { emoji: 'allow' });
  it.each(EMOJI.map((e) => [hex(e), e]))('allowed where the field says so, with its joiners and selectors: %s', (_name, emoji) => {
    expect(allowing.parse(`很好${emoji}`)).toBe(`很好${emoji}`);
  });

  it('a field that allows emoji still refuses a stray joiner, a bidi control and a control character', () => {
    expect(firstMessage(allowing, '好\u200D评')).toBe('评价中不能包含零宽空格等看不见的字符');
    expect(firstMessage(allowing, '好评\u202E')).toBe('评价中不能包含文字方向控制字符');
    expect(firstMessage(allowing, '好\u0007评')).toBe('评价中包含无法识别的字符');
    expect(firstMessage(allowing, '😀\u200B')).toBe('评价中不能包含零宽空格等看不见的字符');
  });
});

describe('length: characters of the normalised text', () => {
  const name = singleLineText('联系人', 2, 4);

  it('counts code points: an astral character is one', () => {
    expect(characterCount('𠀀𠀀')).toBe(2);
    expect(name.parse('𠀀𠀀𠀀𠀀')).toBe('𠀀𠀀𠀀𠀀');
  });

  it('counts after normalisation: a ligature is its letters, the trimmed ends do not count', () => {
    expect(firstMessage(name, 'ﬃﬁ')).toBe('联系人最多 4 个字');
    expect(firstMessage(name, '\u3000王\u3000')).toBe('联系人至少 2 个字');
  });

  it('says 请填写 when the field is required (min 1) and empty, and names the field in every message', () => {
    const note = singleLineText('备注', 1, 3);
    expect(firstMessage(note, undefined)).toBe('请填写备注');
    expect(firstMessage(note, '   ')).toBe('请填写备注');
    expect(firstMessage(note, '一二三四')).toBe('备注最多 3 个字');
    expect(firstMessage(name, '王')).toBe('联系人至少 2 个字');
  });
});

describe('the registry the contract test reads', () => {
  it('records each field’s rules', () => {
    expect(TEXT_FIELDS.get(singleLineText('标题', 2, 30))).toEqual({ label: '标题', min: 2, max: 30, lines: 'single', emoji: 'refuse' });
    expect(TEXT_FIELDS.get(multiLineText('正文', 10, 8000, { emoji: 'allow' }))).toEqual({ label: '正文', min: 10, max: 8000, lines: 'multi', emoji: 'allow' });
  });

  it('freeText is the multi-line variant (as it always was)', () => {
    expect(TEXT_FIELDS.get(freeText('备注', 1, 10))?.lines).toBe('multi');
  });
});

describe('the rules guard what comes in, not what is stored', () => {
  const custom = { kind: 'custom', title: '假一赔十\u202E', text: '承诺内容😀写在这里' } as const;

  it('a custom commitment (shown on the public shop page) is refused on the wire', () => {
    expect(CommitmentChoice.safeParse(custom).error?.issues.map((issue) => issue.message)).toEqual([
      '承诺标题中不能包含表情符号或文字方向控制字符',
      '承诺内容中不能包含表情符号或文字方向控制字符',
    ]);
  });

  it('one stored before the rules is still read, so the shop’s page keeps working', () => {
    const stored = {
      id: 'QH8K2M4P6R',
      name: '城关百货',
      type: 'enterprise',
      sector: 'retail',
      townCode: 'chengguan',
      townName: '城关镇',
      areaType: 'commercial',
      address: '清河县城关镇人民路88号',
      status: 'active',
      commitments: [custom],
      commitmentsSince: '2025-03-15',
    };
    expect(Merchant.parse(stored).commitments).toEqual([custom]);
  });
});
