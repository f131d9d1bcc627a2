import { codeTable } from './code-table';
/**
 * Sectors, area types and merchant types named by the county plan (四、工作步骤和方法（二）全面推进).
 * Codes are stable identifiers stored in the table; labels are what people read.
 */
export const SECTORS = codeTable({
  food_drug: '食品药品',
  vehicles: '交通工具',
  home_appliances: '家用电器',
  housing: '商品房',
  auto_repair: '汽车维修',
  catering_lodging: '餐饮住宿',
  culture_entertainment: '文化娱乐',
  telecom: '通信',
  internet: '互联网',
  retail: '商超零售',
  tourism: '旅游出行',
  other: '其他',
} as const);
export type SectorCode = keyof typeof SECTORS;
export const SECTOR_CODES = Object.keys(SECTORS) as [SectorCode, ...SectorCode[]];

export const AREA_TYPES = codeTable({
  rural: '农村',
  urban_fringe: '城乡结合部',
  scenic: '景点景区',
  campus: '校园周边',
  station: '车站',
  commercial: '商圈街区',
} as const);
export type AreaTypeCode = keyof typeof AREA_TYPES;
export const AREA_TYPE_CODES = Object.keys(AREA_TYPES) as [AreaTypeCode, ...AreaTypeCode[]];

export const MERCHANT_TYPES = codeTable({
  enterprise: '企业',
  individual: '个体户',
} as const);
export type MerchantTypeCode = keyof typeof MERCHANT_TYPES;
export const MERCHANT_TYPE_CODES = Object.keys(MERCHANT_TYPES) as [MerchantTypeCode, ...MerchantTypeCode[]];
