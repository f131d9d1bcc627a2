/**
 * Reply templates a merchant can pick and then edit, one set per commitment of the catalogue
 * (shared/src/catalogue/commitments.ts), plus general ones. Plain, polite sentences a shop assistant
 * would say; the merchant always reviews them before sending.
 */
export interface ReplyTemplate {
  /** Class name suffix: `template-<key>`. */
  key: string
  title: string
  text: string
}

export const GENERAL_TEMPLATES: readonly ReplyTemplate[] = [
  {
    key: 'received',
    title: '已收到，正在核实',
    text: '您好，已收到您的投诉，非常抱歉给您带来不便。我们正在核实情况，会尽快联系您并给出处理意见。'
  },
  {
    key: 'contact',
    title: '约定沟通时间',
    text: '您好，为尽快解决问题，想和您当面或电话沟通一下具体情况。请问您什么时间方便？也可以直接到店找店长处理。'
  }
]

/** By commitment key (catalogue code). Custom commitments get the general templates only. */
export const COMMITMENT_TEMPLATES: Readonly<Record<string, ReplyTemplate>> = {
  advance_compensation: {
    key: 'advance_compensation',
    title: '先行赔付',
    text: '您好，本店承诺先行赔付。经核实确属本店所售商品（服务）的问题，本店先行向您赔付，再由本店向厂家或供货方追偿，不需要您另外奔波。'
  },
  three_guarantees: {
    key: 'three_guarantees',
    title: '三包',
    text: '您好，该商品在“三包”有效期内，本店将依法为您办理修理、更换或退货。请携带商品和购物凭证到店，或告诉我们方便上门取件的时间。'
  },
  offline_no_reason_return: {
    key: 'offline_no_reason_return',
    title: '无理由退货',
    text: '您好，本店承诺线下无理由退货。商品保持完好、不影响二次销售的，在承诺期限内可到店办理退货，货款原路退回。'
  },
  quality: {
    key: 'quality',
    title: '质量承诺',
    text: '您好，我们非常重视商品质量问题，已对同批次商品暂停销售并联系供货方核查。核实后将按本店质量承诺为您退换或赔偿。'
  },
  first_inquiry: {
    key: 'first_inquiry',
    title: '首问负责',
    text: '您好，本店实行首问负责，这件事由我负责跟进到底，不会让您来回跑。我会在今天内联系您商量处理办法。'
  },
  price_marking: {
    key: 'price_marking',
    title: '明码标价',
    text: '您好，本店明码标价、标多少收多少。经核对，如存在多收费用的情况，本店将全额退还差价并向您道歉。'
  },
  service_standard: {
    key: 'service_standard',
    title: '服务规范',
    text: '您好，对服务中让您不满意的地方我们深表歉意，已对相关员工进行提醒和培训。我们会按服务规范重新为您提供服务或给予补偿。'
  },
  defect_recall: {
    key: 'defect_recall',
    title: '缺陷召回',
    text: '您好，如商品存在可能危及安全的缺陷，本店已立即停售并配合召回。请您暂停使用，本店将为您免费更换或退货。'
  }
}

/**
 * The templates for one complaint: the breached commitment's first, then the shop's other commitments,
 * then the general ones.
 */
export function templatesFor(commitmentKeys: readonly string[], breachedKey?: string): ReplyTemplate[] {
  const ordered = breachedKey ? [breachedKey, ...commitmentKeys.filter((key) => key !== breachedKey)] : commitmentKeys
  const forCommitments = ordered.flatMap((key) => {
    const template = COMMITMENT_TEMPLATES[key]
    return template ? [template] : []
  })
  return [...forCommitments, ...GENERAL_TEMPLATES]
}
