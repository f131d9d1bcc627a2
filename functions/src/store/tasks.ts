import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { Entity } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from './transact';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { Conflict, type TaskInput } from '@fangxin/shared';
import { TASKS_PARTITION } from './keys';
import { AuditEntity } from './support.entities';
import { FangxinTable } from './table';

/**
 * A year's task list, as the office set it: one item per year, rewritten whole under a version condition.
 *   pk = TASKS   sk = <year>
 */
export const YearTasksEntity = new Entity({
  name: 'YearTasks',
  table: FangxinTable,
  schema: item({
    record: string().key().savedAs('pk').const(TASKS_PARTITION),
    year: string().key().savedAs('sk'),
    version: number(),
    tasks: any(),
    updatedAt: string(),
    updatedBy: string(),
  }),
});

export interface StoredYearTasks {
  year: number;
  version: number;
  tasks: TaskInput[];
  updatedAt?: string;
}

export async function findYearTasks(year: number): Promise<StoredYearTasks> {
  const { Item } = await YearTasksEntity.build(GetItemCommand).key({ year: String(year) }).options({ consistent: true }).send();
  return Item ? { year, version: Item.version, tasks: Item.tasks as TaskInput[], updatedAt: Item.updatedAt } : { year, version: 0, tasks: [] };
}

/** The new list, conditioned on the version read (a concurrent edit is 409, nothing lost), with its audit entry. */
export async function saveYearTasks(year: number, readVersion: number, tasks: TaskInput[], staff: { userId: string; role: string }, at: string): Promise<StoredYearTasks> {
  const version = readVersion + 1;
  try {
    await execute(
      YearTasksEntity.build(PutTransaction)
        .item({ year: String(year), version, tasks, updatedAt: at, updatedBy: staff.userId })
        .options({ condition: readVersion === 0 ? { attr: 'year', exists: false } : { attr: 'version', eq: readVersion } }),
      AuditEntity.build(PutTransaction).item({
        staffUserId: staff.userId,
        entry: `${at}#tasks-${year}#${version}`,
        action: 'tasks_saved',
        role: staff.role,
        subjectType: 'settings',
        subjectId: `tasks-${year}`,
        detail: `${tasks.length} 项任务（第 ${version} 版）`,
        at,
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new Conflict(`${year}年的任务分解刚刚已被他人修改，请刷新后再保存`);
    throw error;
  }
  return { year, version, tasks, updatedAt: at };
}
