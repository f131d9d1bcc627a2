import * as z from 'zod/mini';
import './zod-chinese';
import { TOWN_CODES } from '../catalogue/county';
import { DEPARTMENT_CODES } from '../catalogue/departments';
import { TASK_KIND_CODES } from '../domain/tasks';
import { SeenVersion } from './complaint';
import { singleLineText } from './text';

export const TaskAssignee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('town'), code: z.enum(TOWN_CODES, { error: '请选择乡镇（街道）' }) }),
  z.object({ kind: z.literal('department'), code: z.enum(DEPARTMENT_CODES, { error: '请选择成员单位' }) }),
], { error: '请选择承办的乡镇（街道）或成员单位' });

export const TaskInput = z.object({
  assignee: TaskAssignee,
  kind: z.enum(TASK_KIND_CODES, { error: '请选择任务类型' }),
  target: z.number({ error: '目标数应为数字' }).check(
      z.int({ error: '目标数应为整数' }),
      z.gte(0, { error: '目标数不能为负' }),
      z.lte(10_000, { error: '目标数最多 10000' }),
    ),
  note: z.optional(singleLineText('备注', 1, 200)),
});
export type TaskInput = z.infer<typeof TaskInput>;

/** The year's whole task list, as the office sets it (replacing the previous version it read). */
export const YearTasksInput = z
  .object({
    /** The version read (0 before the first list): a concurrent edit gets 409, never lost. */
    version: SeenVersion(0),
    tasks: z.array(TaskInput).check(z.maxLength(200, { error: '任务最多 200 项' })),
  }).check(z.superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.tasks.forEach((task, index) => {
      const key = `${task.assignee.kind}:${task.assignee.code}:${task.kind}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['tasks', index, 'kind'], message: '同一单位的同类任务已填写过' });
      seen.add(key);
    });
  }));
export type YearTasksInput = z.infer<typeof YearTasksInput>;

export const TaskView = z.extend(TaskInput, {
  assigneeName: z.string(),
  kindLabel: z.string(),
  unit: z.string(),
  progress: z.object({ target: z.number(), done: z.number(), share: z.number(), complete: z.boolean(), behind: z.boolean() }),
});
export type TaskView = z.infer<typeof TaskView>;

export const YearTasksView = z.object({
  year: z.number().check(z.int()),
  version: z.number().check(z.int()),
  updatedAt: z.optional(z.string()),
  tasks: z.array(TaskView),
});
export type YearTasksView = z.infer<typeof YearTasksView>;
