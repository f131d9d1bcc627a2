import type { SectorCode } from './sectors';
import { codeTable } from './code-table';

/**
 * The joint meeting's member departments (联席会议成员单位) that take on yearly tasks, with the sectors each
 * supervises under the plan's 谁审批、谁监管，谁主管、谁监管 principle (五（三）整体联动): a department's progress in
 * signing up shops is counted over its sectors. The market regulation bureau houses the office and answers for
 * every sector. A county with other departments edits this list in code review.
 */
export const DEPARTMENTS = codeTable({
  market_regulation: { name: '县市场监督管理局', sectors: 'all' },
  commerce: { name: '县商务局', sectors: ['retail', 'home_appliances', 'catering_lodging'] },
  culture_tourism: { name: '县文化和旅游局', sectors: ['tourism', 'culture_entertainment'] },
  transport: { name: '县交通运输局', sectors: ['vehicles', 'auto_repair'] },
  housing: { name: '县住房和城乡建设局', sectors: ['housing'] },
  telecom_internet: { name: '县工业和信息化局', sectors: ['telecom', 'internet'] },
  consumer_association: { name: '县消费者协会', sectors: [] },
} as const satisfies Record<string, { name: string; sectors: 'all' | readonly SectorCode[] }>);
export type DepartmentCode = keyof typeof DEPARTMENTS;
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as [DepartmentCode, ...DepartmentCode[]];

/** Whether a department answers for a sector. */
export function departmentCovers(department: DepartmentCode, sector: string): boolean {
  const sectors = DEPARTMENTS[department].sectors;
  return sectors === 'all' || (sectors as readonly string[]).includes(sector);
}
