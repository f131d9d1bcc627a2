import * as fc from 'fast-check';
import * as z from 'zod/mini';
import { USCC_ALPHABET, USCC_MESSAGES, Uscc, normalizeUscc, usccCheckCharacter, validateUscc } from '../src/domain/uscc';

/**
 * Real, published codes. Each was checked against the implementation before being kept; where the
 * source is a public business-registry extract or certificate, it is named.
 */
const REAL_CODES: ReadonlyArray<readonly [holder: string, code: string, source: string]> = [
  ['华为技术有限公司', '914403001922038216', 'zh.wikipedia.org 「華為」 infobox, 機構代碼'],
  ['中国银行股份有限公司', '911000001000013428', 'subject serialNumber of the www.boc.cn EV TLS certificate'],
  ['深圳市腾讯计算机系统有限公司', '91440300708461136T', 'check-china.com business-licence report for the company'],
  ['腾讯科技（深圳）有限公司', '9144030071526726XG', 'business-licence data used in public e-signature SDK tests'],
  ['阿里巴巴（中国）有限公司', '91330100799655058B', 'enterprise-registry query samples in public repositories'],
  ['中国工商银行股份有限公司', '91100000100003962T', 'REG_NUM of 601398 in Eastmoney company-profile data'],
  ['小米科技有限责任公司', '91110108551385082Q', 'business-licence data in public repositories (纳税人识别号 examples)'],
];

const reasonOf = (input: string): string | undefined => {
  const result = validateUscc(input);
  return result.ok ? undefined : result.reason;
};

/** The code with the character at 0-based `index` replaced. */
const replaceAt = (code: string, index: number, char: string): string => code.slice(0, index) + char + code.slice(index + 1);

describe('real published codes', () => {
  it.each(REAL_CODES)('accepts the code of %s', (_holder, code) => {
    expect(validateUscc(code)).toEqual({ ok: true, code });
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it.each(REAL_CODES)('refuses the code of %s with any other check character', (_holder, code) => {
    const others = [...USCC_ALPHABET].filter((c) => c !== code[17]);
    expect(others).toHaveLength(30);
    for (const other of others) expect(reasonOf(replaceAt(code, 17, other))).toBe(USCC_MESSAGES.checkCharacter);
  });

  it('computes check characters that are letters and 0 (the case where 31 − sum mod 31 is 31)', () => {
    expect(usccCheckCharacter('91440300708461136')).toBe('T');
    expect(usccCheckCharacter('9144030071526726X')).toBe('G');
    // Weighted sum ≡ 0 (mod 31): value 31 wraps to 0.
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(validateUscc('000000000000000000')).toEqual({ ok: true, code: '000000000000000000' });
  });
});

describe('what people type', () => {
  const [, tencent] = REAL_CODES[3]!;

  it('accepts lower case, full-width characters and spaces, and returns the normalised code', () => {
    expect(validateUscc('9144030071526726xg')).toEqual({ ok: true, code: tencent });
    expect(validateUscc('９１４４０３００７１５２６７２６ＸＧ')).toEqual({ ok: true, code: tencent });
    expect(validateUscc('９１４４０３００７１５２６７２６ｘｇ')).toEqual({ ok: true, code: tencent });
    expect(validateUscc('  9144 0300 7152 6726 XG\t')).toEqual({ ok: true, code: tencent });
    expect(validateUscc('9144\u30000300715267\u300026XG')).toEqual({ ok: true, code: tencent }); // ideographic space
  });

  it('normalises without judging', () => {
    expect(normalizeUscc(' ａｂ－1 2\u3000c ')).toBe('AB-12C');
    expect(normalizeUscc('ß')).toBe('ß'); // not upper-cased to SS, so it is reported as a bad character
  });

  it.each([
    ['17 characters', tencent.slice(0, 17)],
    ['19 characters', `${tencent}0`],
    ['nothing', ''],
    ['only spaces', '   '],
  ])('refuses %s: 「统一社会信用代码应为 18 位」', (_what, input) => {
    expect(reasonOf(input)).toBe('统一社会信用代码应为 18 位');
  });

  it.each([
    ['I', 3, '，是否应为数字 1？'],
    ['O', 9, '，是否应为数字 0？'],
    ['S', 12, '，是否应为数字 5？'],
    ['V', 15, ''],
    ['Z', 18, '，是否应为数字 2？'],
  ])('refuses the letter %s, naming it and its position %d', (letter, position, hint) => {
    const reason = reasonOf(replaceAt(tencent, position - 1, letter));
    expect(reason).toBe(`统一社会信用代码不能包含字母 I、O、S、V、Z（第 ${position} 位是字母 ${letter}${hint}）`);
    // Typed in lower case, it is still found after normalisation.
    expect(reasonOf(replaceAt(tencent, position - 1, letter.toLowerCase()))).toBe(reason);
  });

  it.each([
    ['a hyphen', '-', 9],
    ['a Chinese character', '号', 1],
    ['a non-ASCII letter', 'É', 18],
  ])('refuses %s, naming its position', (_what, char, position) => {
    expect(reasonOf(replaceAt(tencent, position - 1, char))).toBe(`统一社会信用代码只能包含数字和大写英文字母（第 ${position} 位“${char}”无效）`);
  });

  it('counts characters as a person sees them, so an emoji is one character', () => {
    expect(reasonOf(replaceAt(tencent, 4, '👍'))).toBe(`统一社会信用代码只能包含数字和大写英文字母（第 5 位“👍”无效）`);
  });
});

describe('Uscc schema', () => {
  it('outputs the normalised code', () => {
    expect(Uscc.parse(' ９１４４０３００７１５２６７２６ｘｇ ')).toBe('9144030071526726XG');
  });

  it('reports exactly the reason validateUscc gives, on the field’s path', () => {
    const Form = z.object({ uscc: Uscc });
    for (const input of ['9144030071526726XH', '9144030071526726X', '9144O30071526726XG', '9144030071526726X-']) {
      const issues = Form.safeParse({ uscc: input }).error?.issues;
      expect(issues).toEqual([expect.objectContaining({ path: ['uscc'], message: reasonOf(input) })]);
    }
  });

  it('asks for the code when it is missing or not a string', () => {
    expect(Uscc.safeParse(undefined).error?.issues[0]?.message).toBe('请填写统一社会信用代码');
    expect(Uscc.safeParse(914403001922038216).error?.issues[0]?.message).toBe('请填写统一社会信用代码');
  });
});

describe('usccCheckCharacter', () => {
  it.each([
    ['16 characters', '9144030071526726'],
    ['a forbidden letter', '9144030071526726O'],
    ['lower case (it expects normalised input)', '9144030071526726x'],
  ])('throws for %s', (_what, input) => {
    expect(() => usccCheckCharacter(input)).toThrow();
  });
});

describe('the check character catches mistakes (property)', () => {
  const first17 = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));

  it('makes any 17 alphabet characters a valid code', () => {
    fc.assert(
      fc.property(first17, (head) => {
        const code = head + usccCheckCharacter(head);
        expect(validateUscc(code)).toEqual({ ok: true, code });
      }),
    );
  });

  // Weight i is 3^(i−1) mod 31 and 31 is prime: replacing value a by b at position i moves the sum by
  // (b − a)·wᵢ, which is never 0 mod 31. Replacing the check character itself changes the one value it
  // must equal. So every single substitution, at all 18 positions, is caught; checked exhaustively here.
  it('refuses every code with one character, check character included, replaced by another', () => {
    fc.assert(
      fc.property(first17, (head) => {
        const code = head + usccCheckCharacter(head);
        const accepted: string[] = [];
        for (let i = 0; i < 18; i++) {
          for (const other of USCC_ALPHABET) {
            const changed = replaceAt(code, i, other);
            if (other !== code[i] && reasonOf(changed) !== USCC_MESSAGES.checkCharacter) accepted.push(changed);
          }
        }
        expect(accepted).toEqual([]); // one expect per run: 540 variants each, kept fast
      }),
      { numRuns: 200 },
    );
  });

  // Swapping neighbours i, i+1 within positions 1–17 moves the sum by (a − b)(wᵢ − wᵢ₊₁) = (a − b)·(−2wᵢ),
  // again never 0 mod 31. A swap of position 17 with the check character has no such guarantee.
  it('refuses every code with two different neighbours among positions 1–17 swapped', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 15 }), (head, i) => {
        fc.pre(head[i] !== head[i + 1]);
        const code = head + usccCheckCharacter(head);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(reasonOf(swapped)).toBe(USCC_MESSAGES.checkCharacter);
      }),
    );
  });
});
