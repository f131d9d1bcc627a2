/**
 * The satisfaction survey's questions (社会测评): statements about the county's consumption environment,
 * answered on a five-point scale. Plain data; a published survey copies the questions it uses. Results are
 * counts per option per town — nothing about who answered.
 */

/** The five-point scale every survey question uses, best first. Option ids are stored counter names. */
export const LIKERT_OPTIONS = [
  { id: 'very_satisfied', text: '非常满意' },
  { id: 'satisfied', text: '满意' },
  { id: 'neutral', text: '一般' },
  { id: 'dissatisfied', text: '不满意' },
  { id: 'very_dissatisfied', text: '非常不满意' },
] as const;
export type LikertOption = (typeof LIKERT_OPTIONS)[number]['id'];
export const LIKERT_OPTION_IDS = LIKERT_OPTIONS.map((option) => option.id) as [LikertOption, ...LikertOption[]];

export interface SurveyBankQuestion {
  id: string;
  text: string;
}

export const SURVEY_BANK_VERSION = 1;

export const SURVEY_BANK: readonly SurveyBankQuestion[] = [
  { id: 'environment', text: '您对本县消费环境的总体评价' },
  { id: 'prices', text: '您对商家明码标价、价格公道的评价' },
  { id: 'quality', text: '您对所购商品和服务质量的评价' },
  { id: 'after_sales', text: '您对商家退换货和售后服务的评价' },
  { id: 'complaints', text: '您对消费投诉处理（商家、监管部门、消协）的评价' },
  { id: 'food_safety', text: '您对餐饮和食品安全的评价' },
  { id: 'campaign', text: '您对「放心消费」创建活动成效的评价' },
];

export const surveyBankQuestion = (id: string): SurveyBankQuestion | undefined => SURVEY_BANK.find((question) => question.id === id);
