import {
  DEPARTMENT_CODES,
  Forbidden,
  publicBadge,
  TASK_KINDS,
  TOWN_CODES,
  assigneeName,
  coversTown,
  departmentCovers,
  isCountyAdmin,
  shanghaiToday,
  taskProgress,
  yearShareAt,
  type Merchant,
  type TaskInput,
  type TaskKind,
  type YearTasksInput,
  type YearTasksView,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { listMerchantsByStatus } from '../store/registry';
import { findYearTasks, saveYearTasks } from '../store/tasks';
import { countInspections } from './inspection-counts';
import { countStations } from './station-counts';

const keyOf = (assignee: TaskInput['assignee'], kind: TaskKind) => `${assignee.kind}:${assignee.code}:${kind}`;

/** Every active (参创) shop: a county has hundreds, read a page at a time. */
async function activeShops(): Promise<Merchant[]> {
  const shops: Merchant[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMerchantsByStatus('active', undefined, { cursor, limit: 100 });
    shops.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return shops;
}

/**
 * What each assignee has done this year, counted from the data: shops active in the campaign (参创) in its
 * towns or sectors, inspections recorded, shops awarded 示范 for the year, complaint stations registered.
 */
async function doneCounts(year: number, tasks: readonly TaskInput[]): Promise<Map<string, number>> {
  const kinds = new Set(tasks.map((task) => task.kind));
  const done = new Map<string, number>();
  const add = (key: string, by = 1) => done.set(key, (done.get(key) ?? 0) + by);
  if (kinds.has('shops_signed_up') || kinds.has('model_candidates')) {
    for (const shop of await activeShops()) {
      // As the public sees it: a flagged shop's title is withheld (publicBadge).
      const model = shop.badge?.kind === 'model' && shop.badge.year === year && publicBadge(shop).kind === 'model';
      add(keyOf({ kind: 'town', code: shop.townCode as (typeof TOWN_CODES)[number] }, 'shops_signed_up'));
      if (model) add(keyOf({ kind: 'town', code: shop.townCode as (typeof TOWN_CODES)[number] }, 'model_candidates'));
      for (const department of DEPARTMENT_CODES) {
        if (!departmentCovers(department, shop.sector)) continue;
        add(keyOf({ kind: 'department', code: department }, 'shops_signed_up'));
        if (model) add(keyOf({ kind: 'department', code: department }, 'model_candidates'));
      }
    }
  }
  if (kinds.has('inspections')) {
    for (const [key, count] of await countInspections(year)) add(`${key}:inspections`, count);
  }
  if (kinds.has('stations')) {
    for (const [key, count] of await countStations(year)) add(`${key}:stations`, count);
  }
  return done;
}

function viewOf(stored: { year: number; version: number; tasks: TaskInput[]; updatedAt?: string }, done: Map<string, number>, today: string): YearTasksView {
  const yearShare = yearShareAt(stored.year, today);
  return {
    year: stored.year,
    version: stored.version,
    ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
    tasks: stored.tasks.map((task) => ({
      ...task,
      assigneeName: assigneeName(task.assignee),
      kindLabel: TASK_KINDS[task.kind].label,
      unit: TASK_KINDS[task.kind].unit,
      progress: taskProgress(task.target, done.get(keyOf(task.assignee, task.kind)) ?? 0, yearShare),
    })),
  };
}

/** The year's tasks with their progress. Town staff see their towns' tasks (and the departments'). */
export async function yearTasks(year: number, principal: Principal, now: Date): Promise<YearTasksView> {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('只有监管部门工作人员可以查看');
  const stored = await findYearTasks(year);
  const visible = stored.tasks.filter((task) => task.assignee.kind === 'department' || coversTown(staff.jurisdiction, task.assignee.code));
  return viewOf({ ...stored, tasks: visible }, await doneCounts(year, visible), shanghaiToday(now));
}

/** A county admin sets the year's tasks (the whole list, versioned, audited). */
export async function setYearTasks(year: number, input: YearTasksInput, principal: Principal, now: Date): Promise<YearTasksView> {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden('只有县级管理员可以分解年度任务');
  const saved = await saveYearTasks(year, input.version, input.tasks, { userId: principal.userId, role: staff.role }, now.toISOString());
  return viewOf(saved, await doneCounts(year, saved.tasks), shanghaiToday(now));
}
