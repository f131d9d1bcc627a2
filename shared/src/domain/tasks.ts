import { DEPARTMENTS, type DepartmentCode } from '../catalogue/departments';
import { TOWNS } from '../catalogue/county';
import { codeTable } from '../catalogue/code-table';

/**
 * The year's work split over towns and member departments (创建任务分解, plan 四（三）: 每年分解下达主要创建任务).
 * The office sets a target count per assignee and kind; progress is counted from the data — shops signed up,
 * inspections recorded, shops that passed the assessment, complaint stations registered — never typed in.
 */
export const TASK_KINDS = codeTable({
  shops_signed_up: { label: '参创商户', unit: '家' },
  inspections: { label: '明查暗访', unit: '次' },
  model_candidates: { label: '示范单位', unit: '家' },
  stations: { label: '消费维权服务站', unit: '个' },
} as const);
export type TaskKind = keyof typeof TASK_KINDS;
export const TASK_KIND_CODES = Object.keys(TASK_KINDS) as [TaskKind, ...TaskKind[]];

export type Assignee = { kind: 'town'; code: string } | { kind: 'department'; code: DepartmentCode };

export const assigneeName = (assignee: Assignee): string =>
  assignee.kind === 'town' ? ((TOWNS as Readonly<Record<string, string>>)[assignee.code] ?? assignee.code) : DEPARTMENTS[assignee.code].name;

/** A task's standing: done, how far along, and whether it is on pace for the time of year. */
export interface TaskProgress {
  target: number;
  done: number;
  /** done ÷ target, capped at 1; 1 for a target of 0. */
  share: number;
  complete: boolean;
  /** Behind the share of the year gone by (a task due by year's end), so the office can chase it. */
  behind: boolean;
}

/** `yearShare`: the share of the year gone by, 0–1 (the end of the year counts as 1). */
export function taskProgress(target: number, done: number, yearShare: number): TaskProgress {
  const share = target <= 0 ? 1 : Math.min(1, done / target);
  return { target, done, share, complete: done >= target, behind: done < target && share + 1e-9 < Math.min(1, Math.max(0, yearShare)) };
}

/** The share of a year gone by at a Shanghai date (`YYYY-MM-DD`): before the year 0, after it 1. */
export function yearShareAt(year: number, today: string): number {
  const todayYear = Number(today.slice(0, 4));
  if (todayYear < year) return 0;
  if (todayYear > year) return 1;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) + 86_400_000 - start) / (end - start);
}
