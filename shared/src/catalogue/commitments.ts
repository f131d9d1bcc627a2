/**
 * The commitments catalogue: what a 放心消费 shop may promise in public.
 * Titles and explanations are written for a consumer standing in the shop; the legal basis tells staff
 * (and curious consumers) where the duty comes from. Merchants pick from this list and may add their own text.
 */
export interface CatalogueCommitment {
  code: CatalogueCommitmentCode;
  title: string;
  /** Plain-language meaning; `{days}` is replaced for commitments that take a number of days. */
  explanation: string;
  legalBasis: string;
  /** Present on commitments whose promise is measured in days (线下无理由退货). */
  days?: { min: number; max: number; default: number };
}

export const CATALOGUE_COMMITMENT_CODES = [
  'quality',
  'service_standard',
  'first_inquiry',
  'advance_compensation',
  'defect_recall',
  'three_guarantees',
  'price_marking',
  'offline_no_reason_return',
] as const;
export type CatalogueCommitmentCode = (typeof CATALOGUE_COMMITMENT_CODES)[number];

export const COMMITMENT_CATALOGUE: Record<CatalogueCommitmentCode, CatalogueCommitment> = {
  quality: {
    code: 'quality',
    title: '商品质量承诺',
    explanation: '本店出售的商品来源合法、质量合格，进货查验、索证索票，不卖假冒伪劣和过期商品。',
    legalBasis: '《中华人民共和国产品质量法》第三十三条；《中华人民共和国消费者权益保护法》第二十三条',
  },
  service_standard: {
    code: 'service_standard',
    title: '服务规范承诺',
    explanation: '服务的内容、质量和价格符合国家、行业和地方标准，不用格式条款、店堂告示作出对您不公平的规定。',
    legalBasis: '《中华人民共和国消费者权益保护法》第十六条、第二十六条',
  },
  first_inquiry: {
    code: 'first_inquiry',
    title: '首问负责',
    explanation: '您在本店遇到问题，第一位接待您的店员负责到底，不推诿，不让您来回跑。',
    legalBasis: '《中华人民共和国消费者权益保护法》第三十九条；本县放心消费创建实施方案',
  },
  advance_compensation: {
    code: 'advance_compensation',
    title: '先行赔付',
    explanation: '在本店买的商品或服务出了问题，本店先行赔付，再由本店向厂家或供货方追偿，不让您等。',
    legalBasis: '《中华人民共和国消费者权益保护法》第四十条、第四十四条',
  },
  defect_recall: {
    code: 'defect_recall',
    title: '缺陷产品召回',
    explanation: '发现所售商品存在缺陷、可能危及人身财产安全时，本店立即停售、告知并配合召回。',
    legalBasis: '《中华人民共和国消费者权益保护法》第十九条；《消费品召回管理暂行规定》',
  },
  three_guarantees: {
    code: 'three_guarantees',
    title: '三包',
    explanation: '属于“三包”范围的商品，在有效期内出现质量问题，本店依法负责修理、更换、退货。',
    legalBasis: '《中华人民共和国消费者权益保护法》第二十四条；《部分商品修理更换退货责任规定》',
  },
  price_marking: {
    code: 'price_marking',
    title: '明码标价 · 明码实价',
    explanation: '所有商品和服务明码标价，标多少收多少，不在标价之外加价，不搞虚假折扣。',
    legalBasis: '《中华人民共和国价格法》第十三条；《明码标价和禁止价格欺诈规定》',
  },
  offline_no_reason_return: {
    code: 'offline_no_reason_return',
    title: '线下无理由退货',
    explanation: '在本店购买的商品，保持完好、不影响二次销售的，自购买之日起 {days} 天内可无理由退货。',
    legalBasis: '本店自愿承诺；《中华人民共和国消费者权益保护法》第十六条（经营者可作出高于法定标准的承诺）',
    days: { min: 1, max: 90, default: 7 },
  },
};
