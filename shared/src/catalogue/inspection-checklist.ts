import type { SectorCode } from './sectors';
import { codeTable } from './code-table';

/**
 * The checklist staff inspect a shop with (明查暗访, the county plan's 五(五)), along the plan's five 放心
 * (三、创建内容: 安全、质量、价格、服务、维权). Versioned: an inspection records the version it used, and every
 * version stays here, so an old inspection is always read with the items it was recorded against. A change
 * to the list is a new version (never an edit of a published one); `CURRENT_CHECKLIST_VERSION` is what the
 * app offers for new inspections.
 *
 * `bottomLine` marks items whose failure is a bottom line of the annual assessment (a shop with one in the
 * year cannot be awarded 示范, whatever its points): a major safety hazard, counterfeit goods, a public
 * commitment found fake or not honoured (docs/inspections.md).
 */

export const INSPECTION_CATEGORIES = codeTable({
  safety: '安全放心',
  quality: '质量放心',
  price: '价格放心',
  service: '服务放心',
  rights: '维权放心',
} as const);
export type InspectionCategory = keyof typeof INSPECTION_CATEGORIES;
export const INSPECTION_CATEGORY_CODES = Object.keys(INSPECTION_CATEGORIES) as [InspectionCategory, ...InspectionCategory[]];

export interface ChecklistItem {
  /** Stable within and across versions: two letters for the category (拼音 initials) and a number. */
  code: string;
  category: InspectionCategory;
  /** What the item is, as staff and the shop read it. */
  label: string;
  /** What the inspector looks for on the spot. */
  lookFor: string;
  /** Failing it is a bottom line of the annual assessment (一票否决). */
  bottomLine: boolean;
  /** Where the duty comes from: the plan's section, and the law where it is plain. */
  basis: string;
  /**
   * The sectors the item is written for; elsewhere it is usually 不适用. A hint for the app (it may pre-mark
   * the item), not a rule: the inspector decides.
   */
  sectors?: readonly SectorCode[];
}

export interface Checklist {
  version: number;
  /** The day this version was first offered. */
  effectiveFrom: string;
  items: readonly ChecklistItem[];
}

/** Item codes: two capital letters and two digits (AQ01). */
export const CHECKLIST_ITEM_CODE = /^[A-Z]{2}\d{2}$/;

const PLAN = '县放心消费创建实施方案';

const CHECKLIST_V1: Checklist = {
  version: 1,
  effectiveFrom: '2026-01-01',
  items: [
    // — 安全放心 —
    {
      code: 'AQ01',
      category: 'safety',
      label: '安全出口与疏散通道',
      lookFor: '安全出口、疏散通道畅通，未被占用、堵塞或锁闭；应急照明和疏散指示标志完好有效。',
      bottomLine: false,
      basis: `${PLAN} 三（一）；《中华人民共和国消防法》第二十八条`,
    },
    {
      code: 'AQ02',
      category: 'safety',
      label: '消防器材',
      lookFor: '灭火器等消防器材按要求配备，在有效期内，放置在明显、便于取用的位置。',
      bottomLine: false,
      basis: `${PLAN} 三（一）；《中华人民共和国消防法》`,
    },
    {
      code: 'AQ03',
      category: 'safety',
      label: '无重大安全隐患',
      lookFor: '未发现重大事故隐患，例如燃气泄漏或违规使用燃气、电气线路私拉乱接、特种设备（电梯、锅炉、游乐设施）无检验合格标志或超期未检。',
      bottomLine: true,
      basis: `${PLAN} 三（一）：及时排查安全隐患，确保消费场所设施设备的安全运行`,
    },
    {
      code: 'AQ04',
      category: 'safety',
      label: '食品药品经营安全',
      lookFor: '许可证件在店内公示且在有效期内；从业人员持有效健康证明；食品药品贮存、加工、陈列符合要求，生熟分开、冷藏冷冻达标。',
      bottomLine: false,
      basis: `${PLAN} 三（一）；《中华人民共和国食品安全法》`,
      sectors: ['food_drug', 'catering_lodging', 'retail'],
    },
    {
      code: 'AQ05',
      category: 'safety',
      label: '安全责任与应急处置',
      lookFor: '明确消费安全责任人，有突发事件应急预案，店员知道发生事故时如何处置和报告。',
      bottomLine: false,
      basis: `${PLAN} 三（一）：安保措施具体到位，突发事件应急处置科学得当`,
    },
    // — 质量放心 —
    {
      code: 'ZL01',
      category: 'quality',
      label: '进货查验记录',
      lookFor: '建立并执行进货检查验收制度，索证索票，进货台账（供货者、品名、数量、日期）完整可查。',
      bottomLine: false,
      basis: `${PLAN} 三（二）；《中华人民共和国产品质量法》第三十三条`,
    },
    {
      code: 'ZL02',
      category: 'quality',
      label: '无过期变质商品',
      lookFor: '在售商品无过期、变质、标签不全或明令淘汰的商品；临近保质期商品集中陈列并明示。',
      bottomLine: false,
      basis: `${PLAN} 三（二）：严格落实瑕疵、缺陷、不合格商品处置制度`,
    },
    {
      code: 'ZL03',
      category: 'quality',
      label: '无假冒伪劣商品',
      lookFor: '未发现假冒注册商标、伪造产地或厂名厂址、以假充真、以次充好、以不合格冒充合格的商品。',
      bottomLine: true,
      basis: `${PLAN} 三（二）：积极开展打假扶优，严厉查处制售假冒伪劣商品违法行为`,
    },
    {
      code: 'ZL04',
      category: 'quality',
      label: '三包与召回',
      lookFor: '三包商品的三包凭证、维修网点信息齐全并告知消费者；缺陷产品召回信息及时公示，问题商品已停售。',
      bottomLine: false,
      basis: `${PLAN} 三（二）：全面执行“三包”和“召回”规定；《中华人民共和国消费者权益保护法》第十九条、第二十四条`,
      sectors: ['home_appliances', 'vehicles', 'retail', 'telecom', 'auto_repair'],
    },
    {
      code: 'ZL05',
      category: 'quality',
      label: '计量器具',
      lookFor: '计量器具（秤、加油机等）经检定合格并在有效期内，无作弊装置，抽称无缺斤短两。',
      bottomLine: false,
      basis: `${PLAN} 三（二）：规范和监督商品质量和市场计量行为；《中华人民共和国计量法》`,
      sectors: ['food_drug', 'retail', 'catering_lodging'],
    },
    // — 价格放心 —
    {
      code: 'JG01',
      category: 'price',
      label: '明码标价',
      lookFor: '商品和服务明码标价，一货一签，标价签标明品名、规格、计价单位、价格等；收费项目和标准在醒目位置公示。',
      bottomLine: false,
      basis: `${PLAN} 三（三）；《中华人民共和国价格法》第十三条；《明码标价和禁止价格欺诈规定》`,
    },
    {
      code: 'JG02',
      category: 'price',
      label: '无价格欺诈',
      lookFor: '没有虚构原价、虚假折扣、标价之外加价、收取未标明费用等行为；结算价格与标价一致（暗访可实际购买核对）。',
      bottomLine: false,
      basis: `${PLAN} 三（三）；《明码标价和禁止价格欺诈规定》`,
    },
    // — 服务放心 —
    {
      code: 'FW01',
      category: 'service',
      label: '公开承诺真实兑现',
      lookFor: '店内公示和小程序中公开的放心消费承诺真实，经询问或暗访体验能够兑现；没有虚假承诺或拒不兑现承诺。',
      bottomLine: true,
      basis: `${PLAN} 三（四）：落实消费服务和售后服务承诺`,
    },
    {
      code: 'FW02',
      category: 'service',
      label: '承诺公示',
      lookFor: '放心消费承诺在店内醒目位置公示，内容与登记的承诺一致。',
      bottomLine: false,
      basis: `${PLAN} 三：落实商品和服务质量承诺等制度`,
    },
    {
      code: 'FW03',
      category: 'service',
      label: '无理由退货规则',
      lookFor: '作出线下无理由退货承诺的，公示退货期限、条件和不适用商品，并按承诺办理（未作此承诺的标“不适用”）。',
      bottomLine: false,
      basis: `${PLAN} 三（四）；《中华人民共和国消费者权益保护法》第十六条`,
    },
    {
      code: 'FW04',
      category: 'service',
      label: '无不公平格式条款',
      lookFor: '店堂告示、格式条款、会员和预付卡规则中没有“最终解释权归本店”“特价商品概不退换”等对消费者不公平、不合理的规定。',
      bottomLine: false,
      basis: `${PLAN} 三（四）；《中华人民共和国消费者权益保护法》第二十六条`,
    },
    {
      code: 'FW05',
      category: 'service',
      label: '售后服务',
      lookFor: '修理、重作、更换、退货、退款等售后义务按规定履行，售后服务有记录可查。',
      bottomLine: false,
      basis: `${PLAN} 三（四）：及时履行商品修理、重作、更换、退货……等义务`,
    },
    // — 维权放心 —
    {
      code: 'WQ01',
      category: 'rights',
      label: '投诉二维码',
      lookFor: '放心消费二维码张贴在收银台、入口等醒目位置，扫码可进入本店页面并提交投诉。',
      bottomLine: false,
      basis: `${PLAN} 三（五）：建立投诉快速处理机制`,
    },
    {
      code: 'WQ02',
      category: 'rights',
      label: '首问负责',
      lookFor: '明确首问负责人并公示姓名和联系电话，店员知道消费者提出问题时由谁负责、如何处理。',
      bottomLine: false,
      basis: `${PLAN} 三：落实首问负责等制度`,
    },
    {
      code: 'WQ03',
      category: 'rights',
      label: '投诉处理台账',
      lookFor: '建立消费投诉处理台账，记录投诉内容、处理经过、结果和回访情况。',
      bottomLine: false,
      basis: `${PLAN} 五（四）：创建主体要有资料台账`,
    },
    {
      code: 'WQ04',
      category: 'rights',
      label: '店内和解',
      lookFor: '经营者履行消费纠纷和解第一责任人责任，有专人接待、能在店内协商解决纠纷（可询问店员或核对台账）。',
      bottomLine: false,
      basis: `${PLAN} 三（五）：力争消费纠纷不出店门`,
    },
  ],
};

/** Every version ever published, by number. Never edit a published version: add the next one. */
export const CHECKLISTS: Readonly<Record<number, Checklist>> = { 1: CHECKLIST_V1 };

/** The version offered for new inspections. */
export const CURRENT_CHECKLIST_VERSION = 1;

export const checklistOf = (version: number): Checklist | undefined => CHECKLISTS[version];

export const currentChecklist = (): Checklist => CHECKLISTS[CURRENT_CHECKLIST_VERSION]!;

/** One item of a version, by code; undefined when that version has no such item. */
export function checklistItem(version: number, code: string): ChecklistItem | undefined {
  return checklistOf(version)?.items.find((item) => item.code === code);
}
