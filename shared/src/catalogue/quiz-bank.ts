import { codeTable } from './code-table';
/**
 * The awareness quiz's question bank (法律法规知晓率): single-choice questions on the laws the county plan
 * names — 消费者权益保护法, 产品质量法, 食品安全法, 价格法, 广告法 and the province's consumer-protection regulation.
 * Plain data, reviewed like code. Each question carries its one right answer and the article it rests on, which
 * a consumer sees after a wrong answer. A published quiz copies the questions it uses (with this bank's
 * version), so editing the bank never changes a quiz people have already answered.
 *
 * Articles cited are those of the texts in force: 消费者权益保护法 (2013 revision), 产品质量法 (2018 revision),
 * 食品安全法 (2021 revision), 价格法 (1997), 广告法 (2021 revision). The province's regulation differs from province
 * to province: its questions state what the national law already guarantees and name the national article too;
 * the county office fills in its own province's article numbers when it adopts the bank.
 */

export const QUIZ_LAWS = codeTable({
  consumer_rights: '消费者权益保护法',
  product_quality: '产品质量法',
  food_safety: '食品安全法',
  price: '价格法',
  advertising: '广告法',
  provincial: '省消费者权益保护条例',
} as const);
export type QuizLaw = keyof typeof QUIZ_LAWS;

export interface QuizOption {
  id: string;
  text: string;
}

export interface BankQuestion {
  id: string;
  law: QuizLaw;
  text: string;
  options: readonly QuizOption[];
  /** The id of the one right option. */
  answer: string;
  /** Where the answer comes from, as a person would cite it: 《消费者权益保护法》第二十五条. */
  article: string;
}

/** Bumped whenever a question changes; a published quiz records the version it copied. */
export const QUIZ_BANK_VERSION = 1;

const abcd = (a: string, b: string, c: string, d: string): QuizOption[] => [
  { id: 'a', text: a },
  { id: 'b', text: b },
  { id: 'c', text: c },
  { id: 'd', text: d },
];

const PROVINCIAL = '《省消费者权益保护条例》（条号以本省现行文本为准）';

export const QUIZ_BANK: readonly BankQuestion[] = [
  // — 消费者权益保护法 —
  {
    id: 'cpl-25-online-return',
    law: 'consumer_rights',
    text: '在网上买了一件普通衣服，收到后不想要了（未穿、不影响二次销售），一般情况下可以在多长时间内无理由退货？',
    options: abcd('收到商品之日起三日内', '收到商品之日起七日内', '下单之日起十五日内', '不能退货'),
    answer: 'b',
    article: '《消费者权益保护法》第二十五条',
  },
  {
    id: 'cpl-25-exceptions',
    law: 'consumer_rights',
    text: '网购商品七日无理由退货，下列哪一种商品依法不适用？',
    options: abcd('一本未拆封的图书', '一台未使用的电水壶', '消费者定作的商品', '一双未穿过的运动鞋'),
    answer: 'c',
    article: '《消费者权益保护法》第二十五条',
  },
  {
    id: 'cpl-25-refund-time',
    law: 'consumer_rights',
    text: '网购七日无理由退货，经营者应当在什么期限内返还消费者支付的商品价款？',
    options: abcd('收到退回商品之日起七日内', '收到退回商品之日起三十日内', '由经营者自行决定', '消费者申请之日起九十日内'),
    answer: 'a',
    article: '《消费者权益保护法》第二十五条',
  },
  {
    id: 'cpl-24-quality-return',
    law: 'consumer_rights',
    text: '商品不符合质量要求，既没有国家规定也没有双方约定时，消费者可以在什么期限内要求退货？',
    options: abcd('收到商品之日起三日内', '收到商品之日起七日内', '购买之日起一个月内', '只能修理，不能退货'),
    answer: 'b',
    article: '《消费者权益保护法》第二十四条',
  },
  {
    id: 'cpl-55-fraud',
    law: 'consumer_rights',
    text: '经营者提供商品有欺诈行为，消费者可以要求增加赔偿。增加赔偿的金额是多少？',
    options: abcd('商品价款的一倍', '商品价款的三倍，不足五百元的为五百元', '商品价款的十倍', '只退货款，不增加赔偿'),
    answer: 'b',
    article: '《消费者权益保护法》第五十五条第一款',
  },
  {
    id: 'cpl-55-minimum',
    law: 'consumer_rights',
    text: '花 100 元买到商家以次充好欺诈出售的商品，依法增加赔偿的金额最少是多少？',
    options: abcd('100 元', '300 元', '500 元', '1000 元'),
    answer: 'c',
    article: '《消费者权益保护法》第五十五条第一款',
  },
  {
    id: 'cpl-26-standard-terms',
    law: 'consumer_rights',
    text: '商店张贴「本店商品一经售出，概不退换」，商品出现质量问题时，这一告示：',
    options: abcd('有效，消费者只能认了', '只对打折商品有效', '排除或限制消费者权利的内容无效', '只要消费者看到了就有效'),
    answer: 'c',
    article: '《消费者权益保护法》第二十六条',
  },
  {
    id: 'cpl-39-channels',
    law: 'consumer_rights',
    text: '与经营者发生消费者权益争议，下列哪一种不是法律规定的解决途径？',
    options: abcd('与经营者协商和解', '请求消费者协会调解', '向有关行政部门投诉', '自行扣押经营者的货物'),
    answer: 'd',
    article: '《消费者权益保护法》第三十九条',
  },
  {
    id: 'cpl-46-seven-days',
    law: 'consumer_rights',
    text: '消费者向有关行政部门投诉，该部门应当自收到投诉之日起多长时间内予以处理并告知消费者？',
    options: abcd('三个工作日', '七个工作日', '十五个工作日', '六十日'),
    answer: 'b',
    article: '《消费者权益保护法》第四十六条',
  },
  {
    id: 'cpl-23-burden-six-months',
    law: 'consumer_rights',
    text: '购买电视机、冰箱等耐用商品，自接受商品之日起多长时间内发现瑕疵发生争议的，由经营者承担有关瑕疵的举证责任？',
    options: abcd('一个月', '三个月', '六个月', '一年'),
    answer: 'c',
    article: '《消费者权益保护法》第二十三条第三款',
  },
  {
    id: 'cpl-53-prepaid',
    law: 'consumer_rights',
    text: '办了美发店的预付卡，店家未按约定提供服务，消费者可以怎么做？',
    options: abcd('只能继续等待', '要求履行约定或退回预付款，并承担预付款的利息和合理费用', '只能换一家分店消费', '只能退回一半余额'),
    answer: 'b',
    article: '《消费者权益保护法》第五十三条',
  },
  {
    id: 'cpl-43-rented-counter',
    law: 'consumer_rights',
    text: '在商场的租赁柜台买到问题商品，柜台租赁期满后商家已撤走，消费者可以向谁要求赔偿？',
    options: abcd('无人可以追究', '只能找生产厂家', '柜台的出租者（商场）', '消费者协会'),
    answer: 'c',
    article: '《消费者权益保护法》第四十三条',
  },
  {
    id: 'cpl-29-personal-info',
    law: 'consumer_rights',
    text: '经营者收集、使用消费者个人信息，下列说法正确的是：',
    options: abcd('可以随意收集，无需告知', '应当明示目的、方式和范围，并经消费者同意', '可以向第三方出售', '只要是会员就可以随意使用'),
    answer: 'b',
    article: '《消费者权益保护法》第二十九条',
  },
  // — 产品质量法 —
  {
    id: 'pql-40-repair-replace-return',
    law: 'product_quality',
    text: '售出的产品不具备应当具备的使用性能而事先未作说明的，销售者应当：',
    options: abcd('负责修理、更换、退货，造成损失的赔偿损失', '让消费者自行找生产厂家', '只负责修理', '不承担责任'),
    answer: 'a',
    article: '《产品质量法》第四十条',
  },
  {
    id: 'pql-43-defect-who',
    law: 'product_quality',
    text: '因产品存在缺陷造成人身伤害，受害人可以向谁要求赔偿？',
    options: abcd('只能向生产者', '只能向销售者', '可以向生产者，也可以向销售者', '只能向保险公司'),
    answer: 'c',
    article: '《产品质量法》第四十三条',
  },
  {
    id: 'pql-45-limitation',
    law: 'product_quality',
    text: '因产品存在缺陷造成损害要求赔偿的诉讼时效期间是多长？',
    options: abcd('六个月', '一年', '二年，自知道或者应当知道权益受到损害时起计算', '二十年'),
    answer: 'c',
    article: '《产品质量法》第四十五条',
  },
  {
    id: 'pql-27-labels',
    law: 'product_quality',
    text: '限期使用的产品（如化妆品），其标识应当在显著位置清晰地标明：',
    options: abcd('生产日期和安全使用期或者失效日期', '销售人员姓名', '店铺营业时间', '产品的进价'),
    answer: 'a',
    article: '《产品质量法》第二十七条',
  },
  // — 食品安全法 —
  {
    id: 'fsl-148-tenfold',
    law: 'food_safety',
    text: '买到不符合食品安全标准的食品，除要求赔偿损失外，还可以要求生产者或者经营者支付多少赔偿金？',
    options: abcd('价款的二倍', '价款十倍或者损失三倍，增加赔偿的金额不足一千元的为一千元', '价款的三倍，最低五百元', '只能退货'),
    answer: 'b',
    article: '《食品安全法》第一百四十八条第二款',
  },
  {
    id: 'fsl-148-first-liable',
    law: 'food_safety',
    text: '因不符合食品安全标准的食品受到损害，向超市要求赔偿，超市说「去找厂家」。依法，接到赔偿要求的经营者应当：',
    options: abcd('实行首负责任制，先行赔付，不得推诿', '让消费者去找生产者', '要求消费者先做检测再说', '只退货不赔偿'),
    answer: 'a',
    article: '《食品安全法》第一百四十八条第一款',
  },
  {
    id: 'fsl-34-expired',
    law: 'food_safety',
    text: '超市把超过保质期的食品打折出售，这种做法：',
    options: abcd('打折就可以卖', '标明「临期」即可', '法律禁止经营超过保质期的食品', '只要消费者愿意买就可以'),
    answer: 'c',
    article: '《食品安全法》第三十四条',
  },
  {
    id: 'fsl-73-food-ads',
    law: 'food_safety',
    text: '普通食品的广告声称「降血压、治糖尿病」，依法：',
    options: abcd('只要有人作证就可以', '食品广告不得涉及疾病预防、治疗功能', '写上「仅供参考」就可以', '网上广告不受限制'),
    answer: 'b',
    article: '《食品安全法》第七十三条',
  },
  // — 价格法 —
  {
    id: 'pl-13-marked-prices',
    law: 'price',
    text: '经营者销售商品，应当按照规定明码标价。下列做法中违反规定的是：',
    options: abcd('标明品名、规格和价格', '在标价之外加价出售商品', '标明计价单位', '服务项目标明收费标准'),
    answer: 'b',
    article: '《价格法》第十三条',
  },
  {
    id: 'pl-13-unmarked-fees',
    law: 'price',
    text: '饭店结账时收取了菜单和店堂里都没有标明的「餐位费」，这种做法：',
    options: abcd('合法，行业惯例', '违法，经营者不得收取任何未予标明的费用', '只要服务员口头说过就合法', '只对外地游客合法'),
    answer: 'b',
    article: '《价格法》第十三条',
  },
  {
    id: 'pl-14-misleading',
    law: 'price',
    text: '商家先虚构「原价」再标「折后价」，诱骗消费者购买，属于：',
    options: abcd('正常的促销', '利用虚假的或者使人误解的价格手段诱骗交易的不正当价格行为', '经营自主权', '只要折后价不高于市场价就没问题'),
    answer: 'b',
    article: '《价格法》第十四条',
  },
  // — 广告法 —
  {
    id: 'al-9-superlatives',
    law: 'advertising',
    text: '广告中使用下列哪种用语是《广告法》明确禁止的？',
    options: abcd('「新品上市」', '「国家级」「最高级」「最佳」', '「欢迎选购」', '「厂家直销」'),
    answer: 'b',
    article: '《广告法》第九条第三项',
  },
  {
    id: 'al-56-false-ads',
    law: 'advertising',
    text: '因虚假广告上当受损，广告经营者、发布者不能提供广告主的真实名称、地址和有效联系方式的，消费者可以：',
    options: abcd('自认倒霉', '要求广告经营者、广告发布者先行赔偿', '只能向法院起诉广告主', '只能找消费者协会出钱'),
    answer: 'b',
    article: '《广告法》第五十六条',
  },
  {
    id: 'al-43-unsolicited',
    law: 'advertising',
    text: '未经当事人同意或者请求，以短信等电子信息方式向其发送广告，依法：',
    options: abcd('是允许的', '不得发送', '只要在晚上发送就可以', '只要注明「广告」就可以无限制发送'),
    answer: 'b',
    article: '《广告法》第四十三条',
  },
  // — the province's regulation —
  {
    id: 'prov-prepaid-refund',
    law: 'provincial',
    text: '经营单用途预付卡的店铺停业、转让，未按约定提供服务，消费者可以：',
    options: abcd('只能放弃余额', '要求继续履行或者退回预付款余额', '只能转到别的店使用', '只能找发卡银行'),
    answer: 'b',
    article: `${PROVINCIAL}；另见《消费者权益保护法》第五十三条`,
  },
  {
    id: 'prov-complaint-12315',
    law: 'provincial',
    text: '在本省消费遇到纠纷、与商家协商不成，可以通过下列哪个渠道向市场监管部门投诉？',
    options: abcd('全国 12315 平台（电话、网站、小程序）', '110', '120', '只能去法院'),
    answer: 'a',
    article: `${PROVINCIAL}；另见《消费者权益保护法》第三十九条`,
  },
];

/** One question of the bank by id. */
export const bankQuestion = (id: string): BankQuestion | undefined => QUIZ_BANK.find((question) => question.id === id);
