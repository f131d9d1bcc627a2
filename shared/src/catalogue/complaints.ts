/**
 * Fixed lists of the complaint workflow, with the labels people read. Codes are stored; labels are not.
 */

/** The plan's five 放心 plus the usual 12315 categories. */
export const COMPLAINT_CATEGORIES = {
  safety: '安全',
  quality: '质量',
  price: '价格',
  service: '服务',
  measurement: '计量',
  advertising: '广告',
  contract: '合同',
  prepaid_card: '预付卡',
  other: '其他',
} as const;
export type ComplaintCategoryCode = keyof typeof COMPLAINT_CATEGORIES;
export const COMPLAINT_CATEGORY_CODES = Object.keys(COMPLAINT_CATEGORIES) as [ComplaintCategoryCode, ...ComplaintCategoryCode[]];

/** What a consumer may ask for — the plan's own list (修理、重作、更换、退货、补足商品数量、退还货款、赔偿损失). */
export const OUTCOMES = {
  repair: '修理',
  redo: '重作',
  replace: '更换',
  return: '退货',
  make_up_quantity: '补足数量',
  refund: '退款',
  compensation: '赔偿',
  apology: '道歉',
  other: '其他',
} as const;
export type OutcomeCode = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as [OutcomeCode, ...OutcomeCode[]];

/** Why the bureau may decline a complaint (after SAMR's complaint rules); staff pick one, never free text alone. */
export const NOT_ACCEPTED_REASONS = {
  not_consumer_dispute: '不属于为生活消费需要购买、使用商品或者接受服务产生的消费者权益争议',
  no_jurisdiction: '不属于本部门管辖',
  already_handled: '法院、仲裁机构、其他行政部门或消费者协会已经受理或者处理',
  out_of_time: '自消费者知道或者应当知道自己的权益受到侵害之日起超过三年',
  no_specific_request: '未提供具体的诉求、事实或被投诉人信息',
  duplicate: '同一事项已经投诉并已处理',
  other_legal: '其他依法不予受理的情形',
} as const;
export type NotAcceptedReasonCode = keyof typeof NOT_ACCEPTED_REASONS;
export const NOT_ACCEPTED_REASON_CODES = Object.keys(NOT_ACCEPTED_REASONS) as [NotAcceptedReasonCode, ...NotAcceptedReasonCode[]];

export const RATINGS = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} as const;
export type RatingCode = keyof typeof RATINGS;
export const RATING_CODES = Object.keys(RATINGS) as [RatingCode, ...RatingCode[]];

/** Where a consumer goes when mediation ends without agreement. */
export const REFERRALS = {
  arbitration: '申请仲裁',
  litigation: '向人民法院提起诉讼',
} as const;
export type ReferralCode = keyof typeof REFERRALS;
export const REFERRAL_CODES = Object.keys(REFERRALS) as [ReferralCode, ...ReferralCode[]];
