import { codeTable } from './code-table';
/**
 * Fixed lists of the complaint workflow, with the labels people read. Codes are stored; labels are not.
 */

/** The plan's five 放心 plus the usual 12315 categories. */
export const COMPLAINT_CATEGORIES = codeTable({
  safety: '安全',
  quality: '质量',
  price: '价格',
  service: '服务',
  measurement: '计量',
  advertising: '广告',
  contract: '合同',
  prepaid_card: '预付卡',
  other: '其他',
} as const);
export type ComplaintCategoryCode = keyof typeof COMPLAINT_CATEGORIES;
export const COMPLAINT_CATEGORY_CODES = Object.keys(COMPLAINT_CATEGORIES) as [ComplaintCategoryCode, ...ComplaintCategoryCode[]];

/** What a consumer may ask for — the plan's own list (修理、重作、更换、退货、补足商品数量、退还货款、赔偿损失). */
export const OUTCOMES = codeTable({
  repair: '修理',
  redo: '重作',
  replace: '更换',
  return: '退货',
  make_up_quantity: '补足数量',
  refund: '退款',
  compensation: '赔偿',
  apology: '道歉',
  other: '其他',
} as const);
export type OutcomeCode = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as [OutcomeCode, ...OutcomeCode[]];

/**
 * The SAMR order whose grounds staff choose from: the clock rules' preset says which is in force (Order 121 by
 * default; a county still on the 2019 interim measures keeps Order 20's lists).
 */
export type ComplaintOrder = 'samr_order_121' | 'samr_order_20';
export const orderOfPreset = (preset: string): ComplaintOrder => (preset === 'samr_order_20' ? 'samr_order_20' : 'samr_order_121');

export const ORDER_TITLES: Record<ComplaintOrder, string> = {
  samr_order_121: '《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）',
  samr_order_20: '《市场监督管理投诉举报处理暂行办法》（国家市场监督管理总局令第20号）',
};

/** A ground staff pick when refusing a complaint or ending mediation, with the article it rests on. */
export interface Ground {
  order: ComplaintOrder;
  /** The article, e.g. 第十六条. */
  article: string;
  label: string;
  /** What the consumer can do next, when it depends on the ground (the notice says it). */
  nextStep?: string;
}

const WHERE_ELSE = '可以依法申请仲裁，或者向人民法院提起诉讼。';

/**
 * Why the bureau may decline a complaint: Order 121 art. 16 (seven grounds) and Order 20 art. 15 (six). The
 * wording follows the orders as secondary sources report them; check it against SAMR's published text
 * (docs/product.md, rules in force). Staff pick one, plus a note — never free text alone.
 */
export const REFUSAL_GROUNDS = codeTable({
  o121_outside_duties: { order: 'samr_order_121', article: '第十六条', label: '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限', nextStep: `可以向有处理权限的部门反映，或者${WHERE_ELSE}` },
  o121_already_handled: { order: 'samr_order_121', article: '第十六条', label: '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议', nextStep: '请关注已受理该争议的机构的处理结果。' },
  o121_no_dispute: { order: 'samr_order_121', article: '第十六条', label: '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议', nextStep: `补充能证明消费关系的凭证（小票、发票、付款记录）后可以重新投诉，或者${WHERE_ELSE}` },
  o121_time_barred: { order: 'samr_order_121', article: '第十六条', label: '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年' },
  o121_materials: { order: 'samr_order_121', article: '第十六条', label: '未提供规定的投诉材料，或者提供的材料不真实', nextStep: '补充完整、真实的材料（身份信息、被投诉人信息、诉求、事实和证据）后，可以重新提交投诉。' },
  o121_identity: { order: 'samr_order_121', article: '第十六条', label: '冒用他人名义投诉，或者拒绝配合身份核验', nextStep: '请以本人真实身份重新提交投诉，或者按要求配合完成身份核验后再次投诉；也可以到就近的消费维权服务站当面投诉。' },
  o121_other_law: { order: 'samr_order_121', article: '第十六条', label: '法律、法规、规章规定不予受理的其他情形' },
  o20_outside_duties: { order: 'samr_order_20', article: '第十五条', label: '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限', nextStep: `可以向有处理权限的部门反映，或者${WHERE_ELSE}` },
  o20_already_handled: { order: 'samr_order_20', article: '第十五条', label: '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议', nextStep: '请关注已受理该争议的机构的处理结果。' },
  o20_no_dispute: { order: 'samr_order_20', article: '第十五条', label: '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议' },
  o20_time_barred: { order: 'samr_order_20', article: '第十五条', label: '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年' },
  o20_materials: { order: 'samr_order_20', article: '第十五条', label: '未提供本办法第九条第一款和第十条规定的材料', nextStep: '补充完整的材料后，可以重新提交投诉。' },
  o20_other_law: { order: 'samr_order_20', article: '第十五条', label: '法律、法规、规章规定不予受理的其他情形' },
} as const satisfies Record<string, Ground>);
export type RefusalGroundCode = keyof typeof REFUSAL_GROUNDS;
export const REFUSAL_GROUND_CODES = Object.keys(REFUSAL_GROUNDS) as [RefusalGroundCode, ...RefusalGroundCode[]];

/**
 * Why mediation ends without agreement: Order 121 art. 23 (eight grounds) and Order 20 art. 26 (seven).
 * Wording as for REFUSAL_GROUNDS.
 */
export const TERMINATION_GROUNDS = codeTable({
  o121_withdrawn_or_settled: { order: 'samr_order_121', article: '第二十三条', label: '投诉人撤回投诉或者双方自行和解' },
  o121_party_absent: { order: 'samr_order_121', article: '第二十三条', label: '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解' },
  o121_no_agreement_possible: { order: 'samr_order_121', article: '第二十三条', label: '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议' },
  o121_testing_costs: { order: 'samr_order_121', article: '第二十三条', label: '投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致' },
  o121_timeout: { order: 'samr_order_121', article: '第二十三条', label: '自投诉受理之日起六十日内投诉人与被投诉人未能达成调解协议' },
  o121_refusal_ground_found: { order: 'samr_order_121', article: '第二十三条', label: '受理投诉后，发现存在不予受理情形' },
  o121_party_gone: { order: 'samr_order_121', article: '第二十三条', label: '投诉人或者被投诉人死亡或者终止' },
  o121_other_law: { order: 'samr_order_121', article: '第二十三条', label: '法律、法规、规章规定的应当终止调解的其他情形' },
  o20_withdrawn_or_settled: { order: 'samr_order_20', article: '第二十六条', label: '投诉人撤回投诉或者双方自行和解' },
  o20_testing_costs: { order: 'samr_order_20', article: '第二十六条', label: '投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致' },
  o20_party_absent: { order: 'samr_order_20', article: '第二十六条', label: '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解' },
  o20_no_agreement_possible: { order: 'samr_order_20', article: '第二十六条', label: '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议' },
  o20_timeout: { order: 'samr_order_20', article: '第二十六条', label: '自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议' },
  o20_refusal_ground_found: { order: 'samr_order_20', article: '第二十六条', label: '市场监督管理部门受理投诉后，发现存在本办法第十五条规定情形之一' },
  o20_other_law: { order: 'samr_order_20', article: '第二十六条', label: '法律、法规、规章规定的应当终止调解的其他情形' },
} as const satisfies Record<string, Ground>);
export type TerminationGroundCode = keyof typeof TERMINATION_GROUNDS;
export const TERMINATION_GROUND_CODES = Object.keys(TERMINATION_GROUNDS) as [TerminationGroundCode, ...TerminationGroundCode[]];

/** The ground that ends mediation when its clock runs out (the sweeper's move). */
export const TIMEOUT_GROUND: Record<ComplaintOrder, TerminationGroundCode> = { samr_order_121: 'o121_timeout', samr_order_20: 'o20_timeout' };

/** The grounds of one order, in the order staff see them. */
export const groundsOf = <C extends string>(grounds: Record<C, Ground>, order: ComplaintOrder): C[] =>
  (Object.keys(grounds) as C[]).filter((code) => grounds[code].order === order);

/**
 * Reasons recorded before the orders' own lists were used (kept so old timelines still read). Never offered.
 */
export const LEGACY_REFUSAL_REASONS: Readonly<Record<string, string>> = {
  not_consumer_dispute: '不属于为生活消费需要购买、使用商品或者接受服务产生的消费者权益争议',
  no_jurisdiction: '不属于本部门管辖',
  already_handled: '法院、仲裁机构、其他行政部门或消费者协会已经受理或者处理',
  out_of_time: '自消费者知道或者应当知道自己的权益受到侵害之日起超过三年',
  no_specific_request: '未提供具体的诉求、事实或被投诉人信息',
  duplicate: '同一事项已经投诉并已处理',
  other_legal: '其他依法不予受理的情形',
};

export const RATINGS = codeTable({
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} as const);
export type RatingCode = keyof typeof RATINGS;
export const RATING_CODES = Object.keys(RATINGS) as [RatingCode, ...RatingCode[]];

/** How a 回访 (follow-up call) went. */
export const FOLLOW_UP_OUTCOMES = codeTable({
  reached: '已联系上消费者',
  no_answer: '无人接听',
  declined: '消费者不愿回答',
  wrong_number: '号码有误或停机',
} as const);
export type FollowUpOutcomeCode = keyof typeof FOLLOW_UP_OUTCOMES;
export const FOLLOW_UP_OUTCOME_CODES = Object.keys(FOLLOW_UP_OUTCOMES) as [FollowUpOutcomeCode, ...FollowUpOutcomeCode[]];

/** Where a consumer goes when mediation ends without agreement. */
export const REFERRALS = codeTable({
  arbitration: '申请仲裁',
  litigation: '向人民法院提起诉讼',
} as const);
export type ReferralCode = keyof typeof REFERRALS;
export const REFERRAL_CODES = Object.keys(REFERRALS) as [ReferralCode, ...ReferralCode[]];
