import type * as z from 'zod/mini';
import { COMPLAINT_CATEGORY_CODES, OUTCOME_CODES } from '../src/catalogue/complaints';
import { Amount, CommandInput, FileComplaintRequest, MainlandMobile, PhotoKey, freeText } from '../src/contract/complaint';
import { COMMAND_TYPES } from '../src/domain/lifecycle';

/**
 * The wire contract for filing a complaint and sending lifecycle commands. The API edge shows a person the first
 * issue's message and field, so every refusal must carry a Chinese message a person can act on, at the right path.
 */

const VALID = {
  merchantId: 'ab12cd34ef',
  category: 'quality',
  description: '买的电饭煲用了两天就不能加热了，要求退货',
  purchaseDate: '2026-03-01',
  amount: '299.00',
  wantedOutcome: 'return',
  photos: ['uploads/consumer_1/01J8Z3K4M5N6P7Q8R9S0T1V2W3.jpg'],
  phone: '13800138000',
  sharePhoneWithMerchant: true,
  privacyConsent: true,
};

type Issue = { path: PropertyKey[]; message: string };
const issuesOf = (schema: z.ZodMiniType, input: unknown): Issue[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
};
const fileIssues = (patch: Record<string, unknown>) => issuesOf(FileComplaintRequest, { ...VALID, ...patch });
const CHINESE = /[\u4e00-\u9fff]/;

describe('FileComplaintRequest: a valid request', () => {
  it('passes, with the merchant id upper-cased and nothing else changed', () => {
    const parsed = FileComplaintRequest.parse(VALID);
    expect(parsed).toEqual({ ...VALID, merchantId: 'AB12CD34EF' });
  });

  it('passes with only the required fields, defaulting photos to none and phone sharing to off', () => {
    const { amount: _a, photos: _p, phone: _ph, sharePhoneWithMerchant: _s, ...required } = VALID;
    const parsed = FileComplaintRequest.parse(required);
    expect(parsed.photos).toEqual([]);
    expect(parsed.sharePhoneWithMerchant).toBe(false);
    expect(parsed).not.toHaveProperty('amount');
    expect(parsed).not.toHaveProperty('phone');
  });

  it.each(COMPLAINT_CATEGORY_CODES)('accepts category %s', (category) => {
    expect(fileIssues({ category })).toEqual([]);
  });

  it.each(OUTCOME_CODES)('accepts wanted outcome %s', (wantedOutcome) => {
    expect(fileIssues({ wantedOutcome })).toEqual([]);
  });

  it('trims the description before storing it', () => {
    expect(FileComplaintRequest.parse({ ...VALID, description: `  ${VALID.description}\n` }).description).toBe(VALID.description);
  });
});

describe('FileComplaintRequest: each bad input gives its Chinese message at its field', () => {
  const CONSENT = '请阅读并同意《个人信息保护说明》后再提交';
  const PHONE = '请填写 11 位手机号码，例如 13800138000';
  const AMOUNT_FORMAT = '金额应为数字，最多两位小数，例如 128.50';

  it.each<[string, Record<string, unknown>, Issue]>([
    ['privacy consent missing', { privacyConsent: undefined }, { path: ['privacyConsent'], message: CONSENT }],
    ['privacy consent false', { privacyConsent: false }, { path: ['privacyConsent'], message: CONSENT }],
    ['privacy consent as the string "true"', { privacyConsent: 'true' }, { path: ['privacyConsent'], message: CONSENT }],
    ['description missing', { description: undefined }, { path: ['description'], message: '请填写问题描述' }],
    ['description of 9 characters', { description: '电饭煲坏了不能用了' }, { path: ['description'], message: '问题描述至少 10 个字' }],
    ['description of 9 characters padded with spaces', { description: `   电饭煲坏了不能用了   ` }, { path: ['description'], message: '问题描述至少 10 个字' }],
    ['description of 1001 characters', { description: '坏'.repeat(1001) }, { path: ['description'], message: '问题描述最多 1000 个字' }],
    [
      'description of 1001 characters, one astral (1002 UTF-16 units)',
      { description: `${'坏'.repeat(1000)}𠀀` },
      { path: ['description'], message: '问题描述最多 1000 个字' },
    ],
    ['phone 1234', { phone: '1234' }, { path: ['phone'], message: PHONE }],
    ['phone not starting 1[3-9]', { phone: '23800138000' }, { path: ['phone'], message: PHONE }],
    ['phone with 12 digits', { phone: '138001380001' }, { path: ['phone'], message: PHONE }],
    ['phone 12 starting', { phone: '12800138000' }, { path: ['phone'], message: PHONE }],
    ['7 photos', { photos: Array.from({ length: 7 }, () => VALID.photos[0]) }, { path: ['photos'], message: '最多上传 6 张照片' }],
    ['amount 12.345', { amount: '12.345' }, { path: ['amount'], message: AMOUNT_FORMAT }],
    ['amount 0', { amount: '0' }, { path: ['amount'], message: '金额应大于 0' }],
    ['amount 0.00', { amount: '0.00' }, { path: ['amount'], message: '金额应大于 0' }],
    ['amount 1,200', { amount: '1,200' }, { path: ['amount'], message: AMOUNT_FORMAT }],
    ['amount as a number', { amount: 12.5 }, { path: ['amount'], message: '请填写金额' }],
    ['purchase date 2026-02-30', { purchaseDate: '2026-02-30' }, { path: ['purchaseDate'], message: '购买日期不是有效日期' }],
    ['purchase date 2026-13-01', { purchaseDate: '2026-13-01' }, { path: ['purchaseDate'], message: '购买日期不是有效日期' }],
    ['purchase date 2026/03/01', { purchaseDate: '2026/03/01' }, { path: ['purchaseDate'], message: '购买日期格式应为 年-月-日' }],
    ['purchase date missing', { purchaseDate: undefined }, { path: ['purchaseDate'], message: '请选择购买日期' }],
    ['unknown category', { category: 'weather' }, { path: ['category'], message: '请选择投诉类别' }],
    ['category missing', { category: undefined }, { path: ['category'], message: '请选择投诉类别' }],
    ['unknown wanted outcome', { wantedOutcome: 'free_stuff' }, { path: ['wantedOutcome'], message: '请选择您的诉求' }],
    ['merchant id with a slash', { merchantId: 'AB12/CD34' }, { path: ['merchantId'], message: '商户编号只能包含字母和数字，请重新扫描店铺二维码' }],
  ])('%s', (_name, patch, expected) => {
    const issues = fileIssues(patch);
    // The first issue is the one a person sees; it must be this one.
    expect(issues[0]).toEqual(expected);
    expect(issues.every((issue) => issue.path[0] === expected.path[0])).toBe(true);
  });

  it.each([
    ['an emoji', '电饭煲用了两天就坏了😡要求退货'],
    ['a flag (regional indicators)', '进口电饭煲🇯🇵用了两天就坏了要求退货'],
    ['an RTL override (U+202E)', '电饭煲用了两天就坏了\u202E货退求要'],
    ['a left-to-right mark (U+200E)', '电饭煲用了两天就坏了\u200E要求退货'],
    ['a first-strong isolate (U+2068)', '电饭煲用了两天就坏了\u2068要求退货'],
  ])('description with %s is refused', (_name, description) => {
    expect(fileIssues({ description })[0]).toEqual({
      path: ['description'],
      message: '问题描述中不能包含表情符号或文字方向控制字符',
    });
  });

  it('description with a control character is refused', () => {
    expect(fileIssues({ description: '电饭煲用了两天就坏了\u0007要求退货' })[0]).toEqual({
      path: ['description'],
      message: '问题描述中包含无法识别的字符',
    });
  });

  it('description with line breaks and tabs is fine (people write paragraphs)', () => {
    expect(fileIssues({ description: '第一天：不能加热。\n第二天：\t彻底坏了。\r\n要求退货。' })).toEqual([]);
  });

  it.each([
    ['not under uploads/', 'photos/consumer_1/01J8Z3K4M5N6P7Q8R9S0T1V2W3.jpg'],
    ['a path climbing out', 'uploads/../01J8Z3K4M5N6P7Q8R9S0T1V2W3.jpg'],
    ['a gif', 'uploads/consumer_1/01J8Z3K4M5N6P7Q8R9S0T1V2W3.gif'],
    ['an id that is not a ULID (I, L, O, U are not Crockford)', 'uploads/consumer_1/01J8Z3K4M5N6P7Q8R9S0T1V2WI.jpg'],
    ['a short id', 'uploads/consumer_1/01J8Z3.jpg'],
    ['a URL', 'https://example.com/uploads/consumer_1/01J8Z3K4M5N6P7Q8R9S0T1V2W3.jpg'],
  ])('a photo key that is %s is refused at its index', (_name, key) => {
    expect(fileIssues({ photos: [VALID.photos[0], key] })[0]).toEqual({ path: ['photos', 1], message: '照片上传信息无效，请重新上传' });
  });

  it.each(['abc', '-1'])('amount %s is refused with the format message first', (amount) => {
    expect(fileIssues({ amount })[0]).toEqual({ path: ['amount'], message: AMOUNT_FORMAT });
  });

  it('reports every bad field at once, each at its own path', () => {
    const paths = fileIssues({ privacyConsent: false, phone: '1234', category: 'x', description: '短' }).map((issue) => issue.path.join('.'));
    expect(new Set(paths)).toEqual(new Set(['privacyConsent', 'phone', 'category', 'description']));
  });
});

describe('FileComplaintRequest: text and type edge cases', () => {
  // U+061C ARABIC LETTER MARK is a bidirectional control like U+200E/U+200F (Trojan Source list).
  it('description with an Arabic letter mark (U+061C, a bidi control) is refused', () => {
    expect(fileIssues({ description: '电饭煲用了两天就坏了\u061C要求退货' })[0]).toEqual({
      path: ['description'],
      message: '问题描述中不能包含表情符号或文字方向控制字符',
    });
  });

  // ® ™ © are Extended_Pictographic, yet a brand name as printed on the box is not an "emoji" (text.ts).
  it.each([
    ['®', '买了某某®牌电饭煲，用了两天就坏了'],
    ['™', '买了某某™电饭煲，用了两天就坏了'],
    ['©', '包装上印着©某某公司，用了两天就坏了'],
  ])('a %s sign in text-style (no emoji variation selector) is not an emoji', (_sign, description) => {
    expect(fileIssues({ description })).toEqual([]);
  });

  // The edge shows the first issue's message: zod's generic ones must be Chinese too.
  it.each([
    ['phone sent as a number', { phone: 13800138000 }],
    ['photos sent as a string', { photos: 'uploads/a/b.jpg' }],
    ['commitment key of 41 characters', { commitmentKey: 'k'.repeat(41) }],
    ['sharePhoneWithMerchant sent as a string', { sharePhoneWithMerchant: 'yes' }],
  ])('%s is refused with a Chinese message', (_name, patch) => {
    const [first] = fileIssues(patch);
    expect(first?.message).toMatch(CHINESE);
  });
});

describe('description length counts characters, not UTF-16 units', () => {
  it('exactly 10 and exactly 1000 Chinese characters pass', () => {
    expect(fileIssues({ description: '坏'.repeat(10) })).toEqual([]);
    expect(fileIssues({ description: '坏'.repeat(1000) })).toEqual([]);
  });

  it('1000 characters with an astral CJK character (1001 UTF-16 units) pass', () => {
    const description = `${'坏'.repeat(999)}𠀀`;
    expect(description.length).toBe(1001);
    expect(fileIssues({ description })).toEqual([]);
  });

  it('10 characters of which some are astral pass; 9 code points made of 18 UTF-16 units do not', () => {
    expect(fileIssues({ description: '𠀀'.repeat(10) })).toEqual([]);
    const nine = '𠀀'.repeat(9);
    expect(nine.length).toBe(18);
    expect(fileIssues({ description: nine })[0]).toEqual({ path: ['description'], message: '问题描述至少 10 个字' });
  });
});

describe('building blocks', () => {
  it.each(['0.01', '1', '128.5', '128.50', '99999999.99'])('Amount accepts %s', (value) => {
    expect(Amount.safeParse(value).success).toBe(true);
  });

  it.each(['100000000', '01', '1.', '.5', '1e3', ' ', ''])('Amount refuses %j', (value) => {
    expect(Amount.safeParse(value).success).toBe(false);
  });

  it.each(['13800138000', '19912345678', ' 13800138000 '])('MainlandMobile accepts %j', (value) => {
    expect(MainlandMobile.safeParse(value).success).toBe(true);
  });

  it('PhotoKey accepts png and jpg keys the upload route issues', () => {
    expect(PhotoKey.safeParse('uploads/u-1/01ARZ3NDEKTSV4RRFFQ69G5FAV.png').success).toBe(true);
    expect(PhotoKey.safeParse('uploads/u-1/01ARZ3NDEKTSV4RRFFQ69G5FAV.jpg').success).toBe(true);
  });

  it('freeText uses its label in every message', () => {
    const schema = freeText('备注', 2, 3);
    expect(issuesOf(schema, undefined)[0]?.message).toBe('请填写备注');
    expect(issuesOf(schema, '一')[0]?.message).toBe('备注至少 2 个字');
    expect(issuesOf(schema, '一二三四')[0]?.message).toBe('备注最多 3 个字');
    expect(issuesOf(schema, '一😀')[0]?.message).toBe('备注中不能包含表情符号或文字方向控制字符');
  });
});

describe('CommandInput', () => {
  const PROPOSAL = { outcome: 'refund', amount: '50.00', dueDate: '2026-06-30', text: '退款 50 元' };
  const MINIMAL: Record<Exclude<(typeof COMMAND_TYPES)[number], 'expire' | 'recompute_deadline' | 'link_consumer'>, Record<string, unknown>> = {
    reply: { type: 'reply', text: '已收到' },
    propose: { type: 'propose', proposal: PROPOSAL },
    decline: { type: 'decline', text: '超过退货期' },
    fulfil: { type: 'fulfil' },
    accept_proposal: { type: 'accept_proposal' },
    reject_proposal: { type: 'reject_proposal' },
    escalate: { type: 'escalate' },
    withdraw: { type: 'withdraw' },
    rate: { type: 'rate', rating: 'satisfied' },
    claim: { type: 'claim' },
    assign: { type: 'assign', assigneeId: 'staff-med' },
    accept: { type: 'accept' },
    not_accept: { type: 'not_accept', reason: 'o121_identity' },
    record_mediation: { type: 'record_mediation', text: '电话联系', party: 'merchant' },
    close_mediated: { type: 'close_mediated', text: '退款 50 元' },
    end_mediation: { type: 'end_mediation', ground: 'o121_testing_costs', referral: 'arbitration', guidance: '可申请仲裁' },
    note: { type: 'note', text: '内部备注' },
    record_12315: { type: 'record_12315', caseNumber: '3201050020261015001' },
    follow_up: { type: 'follow_up', outcome: 'no_answer' },
  };

  it('has a schema for every command a person can send: all of COMMAND_TYPES but the system’s own', () => {
    expect(Object.keys(MINIMAL).sort()).toEqual(COMMAND_TYPES.filter((type) => !['expire', 'recompute_deadline', 'link_consumer'].includes(type)).sort());
  });

  it("'recompute_deadline' from a person is rejected: only the system recounts a deadline", () => {
    expect(CommandInput.safeParse({ type: 'recompute_deadline', reason: 'x' }).success).toBe(false);
  });

  it("'link_consumer' from a person is rejected: a complaint changes hands only through its claim code", () => {
    expect(CommandInput.safeParse({ type: 'link_consumer', userId: 'someone' }).success).toBe(false);
  });

  it('a 回访 that reached the consumer records their stated satisfaction; one that did not may not', () => {
    expect(CommandInput.parse({ type: 'follow_up', outcome: 'reached', rating: 'basically_satisfied', note: '消费者表示基本满意' })).toEqual({
      type: 'follow_up',
      outcome: 'reached',
      rating: 'basically_satisfied',
      note: '消费者表示基本满意',
    });
    expect(issuesOf(CommandInput, { type: 'follow_up', outcome: 'reached' })).toEqual([
      { path: ['rating'], message: '已联系上消费者时，请记录其表示的满意度' },
    ]);
    expect(issuesOf(CommandInput, { type: 'follow_up', outcome: 'no_answer', rating: 'satisfied' })).toEqual([
      { path: ['rating'], message: '未联系上消费者，不能记录满意度' },
    ]);
    expect(issuesOf(CommandInput, { type: 'follow_up', outcome: 'maybe' })[0]?.path).toEqual(['outcome']);
    expect(issuesOf(CommandInput, { type: 'follow_up', outcome: 'no_answer', note: '\u202e反转' })[0]?.path).toEqual(['note']);
  });

  it('a 12315 number typed by hand is folded (full-width, spaces, dashes, lower case) and then checked', () => {
    expect(CommandInput.parse({ type: 'record_12315', caseNumber: ' ３２０１ 0500-2026 1015 001a ' })).toEqual({ type: 'record_12315', caseNumber: '3201050020261015001A' });
    expect(issuesOf(CommandInput, { type: 'record_12315', caseNumber: '12345' })[0]).toEqual({ path: ['caseNumber'], message: '12315编号应为 12–32 位数字或字母，请对照12315平台核对' });
    expect(issuesOf(CommandInput, { type: 'record_12315', caseNumber: '3201050020261015001/x' })[0]?.path).toEqual(['caseNumber']);
    expect(issuesOf(CommandInput, { type: 'record_12315' })[0]).toEqual({ path: ['caseNumber'], message: '请填写12315平台的投诉编号' });
  });

  it.each(Object.entries(MINIMAL))('%s with its required fields passes', (_type, input) => {
    expect(CommandInput.parse(input)).toEqual(input);
  });

  it("'expire' from a person is rejected: only the sweeper may expire a complaint", () => {
    expect(CommandInput.safeParse({ type: 'expire' }).success).toBe(false);
  });

  it('an unknown type is rejected at the type field', () => {
    const issues = issuesOf(CommandInput, { type: 'delete_everything' });
    expect(issues[0]?.path).toEqual(['type']);
  });

  it('a missing type is rejected at the type field', () => {
    expect(issuesOf(CommandInput, { text: '你好' })[0]?.path).toEqual(['type']);
  });

  it('fields of another command are dropped, not passed on', () => {
    expect(CommandInput.parse({ type: 'claim', assigneeId: 'someone-else' })).toEqual({ type: 'claim' });
  });

  // Each required field, when missing, is refused with a Chinese message at that field.
  it.each<[string, Record<string, unknown>, Issue]>([
    ['reply without text', { type: 'reply' }, { path: ['text'], message: '请填写答复内容' }],
    ['reply with only spaces', { type: 'reply', text: '   ' }, { path: ['text'], message: '请填写答复内容' }],
    ['decline without a reason', { type: 'decline' }, { path: ['text'], message: '请填写拒绝理由' }],
    ['propose without an outcome', { type: 'propose', proposal: { ...PROPOSAL, outcome: undefined } }, { path: ['proposal', 'outcome'], message: '请选择处理方式' }],
    ['propose without a due date', { type: 'propose', proposal: { ...PROPOSAL, dueDate: undefined } }, { path: ['proposal', 'dueDate'], message: '请选择履行日期' }],
    ['propose with an impossible due date', { type: 'propose', proposal: { ...PROPOSAL, dueDate: '2026-06-31' } }, { path: ['proposal', 'dueDate'], message: '履行日期不是有效日期' }],
    ['propose without text', { type: 'propose', proposal: { ...PROPOSAL, text: undefined } }, { path: ['proposal', 'text'], message: '请填写方案说明' }],
    ['propose with a 3-decimal amount', { type: 'propose', proposal: { ...PROPOSAL, amount: '1.005' } }, { path: ['proposal', 'amount'], message: '金额应为数字，最多两位小数，例如 128.50' }],
    ['rate without a rating', { type: 'rate' }, { path: ['rating'], message: '请选择满意度' }],
    ['rate with an unknown rating', { type: 'rate', rating: 'meh' }, { path: ['rating'], message: '请选择满意度' }],
    ['rate with an emoji comment', { type: 'rate', rating: 'satisfied', comment: '👍' }, { path: ['comment'], message: '评价中不能包含表情符号或文字方向控制字符' }],
    ['not_accept without a reason', { type: 'not_accept' }, { path: ['reason'], message: '请选择不予受理的依据' }],
    ['not_accept with free text instead of a reason code', { type: 'not_accept', reason: '不想管' }, { path: ['reason'], message: '请选择不予受理的依据' }],
    ['not_accept with a reason from before the orders’ lists', { type: 'not_accept', reason: 'duplicate' }, { path: ['reason'], message: '请选择不予受理的依据' }],
    ['record_mediation without text', { type: 'record_mediation', party: 'both' }, { path: ['text'], message: '请填写调解记录' }],
    ['record_mediation without a party', { type: 'record_mediation', text: '电话联系' }, { path: ['party'], message: '请选择联系对象' }],
    ['close_mediated without the agreement', { type: 'close_mediated' }, { path: ['text'], message: '请填写调解协议内容' }],
    ['end_mediation without a ground', { type: 'end_mediation', referral: 'litigation', guidance: '可起诉' }, { path: ['ground'], message: '请选择终止调解的依据' }],
    ['end_mediation without a referral', { type: 'end_mediation', ground: 'o121_party_absent', guidance: '可起诉' }, { path: ['referral'], message: '请选择后续途径' }],
    ['end_mediation without guidance', { type: 'end_mediation', ground: 'o121_party_absent', referral: 'litigation' }, { path: ['guidance'], message: '请填写给消费者的指引' }],
    ['note without text', { type: 'note' }, { path: ['text'], message: '请填写内部备注' }],
    ['note of 1001 characters', { type: 'note', text: '记'.repeat(1001) }, { path: ['text'], message: '内部备注最多 1000 个字' }],
    ['withdraw with a 201-character reason', { type: 'withdraw', text: '因'.repeat(201) }, { path: ['text'], message: '撤回原因最多 200 个字' }],
  ])('%s', (_name, input, expected) => {
    expect(issuesOf(CommandInput, input)[0]).toEqual(expected);
  });

  it('propose without a proposal is rejected at the proposal field', () => {
    expect(issuesOf(CommandInput, { type: 'propose' })[0]?.path).toEqual(['proposal']);
  });

  it('assign without an assignee is rejected at the assigneeId field', () => {
    expect(issuesOf(CommandInput, { type: 'assign' })[0]?.path).toEqual(['assigneeId']);
    expect(issuesOf(CommandInput, { type: 'assign', assigneeId: '' })[0]?.path).toEqual(['assigneeId']);
  });

  // The edge shows the first issue's message to the person.
  describe('messages a person sees are Chinese', () => {
    it('an unknown command type', () => {
      expect(issuesOf(CommandInput, { type: 'delete_everything' })[0]?.message).toMatch(CHINESE);
    });

    it('propose without a proposal', () => {
      expect(issuesOf(CommandInput, { type: 'propose' })[0]?.message).toMatch(CHINESE);
    });

    it('assign without an assignee', () => {
      expect(issuesOf(CommandInput, { type: 'assign' })[0]?.message).toMatch(CHINESE);
    });
  });
});
