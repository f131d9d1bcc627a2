import { codeTable } from './code-table';
/**
 * The county this deployment serves and its towns/streets (乡镇、街道). Deployment configuration kept in
 * code review rather than a table: it changes when the administrative map changes, not at run time.
 * The demo county 清河县 is fictional.
 */
export const COUNTY = { code: 'qinghe', name: '清河县' } as const;

export const TOWNS = codeTable({
  chengguan: '城关镇',
  longquan: '龙泉镇',
  bailu: '白鹿镇',
  shiqiao: '石桥乡',
  nanhu: '南湖街道',
} as const);
export type TownCode = keyof typeof TOWNS;
export const TOWN_CODES = Object.keys(TOWNS) as [TownCode, ...TownCode[]];
