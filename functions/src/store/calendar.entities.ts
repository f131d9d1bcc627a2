import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { record } from 'dynamodb-toolbox/schema/record';
import { string } from 'dynamodb-toolbox/schema/string';
import { CALENDAR_CURRENT_KEY, CALENDAR_HISTORY_KEY, CALENDAR_PARTITION, RECOMPUTE_JOB_KEY } from './keys';
import { FangxinTable } from './table';

const days = () => list(map({ date: string(), name: string() }));
/** An entered year's fields, in both entities below: assigned, not spread (support.entities.ts says why). */
const yearFields = {
  version: number(),
  holidays: days(),
  makeUpWorkdays: days(),
  source: map({ title: string(), publishedOn: string() }),
  updatedAt: string(),
  updatedBy: string(),
};

/**
 * A year of the working-day calendar as the county office entered it, in force: one item per year, rewritten
 * under a version condition.   pk = CALENDAR   sk = CURRENT#<year>
 */
export const CalendarYearEntity = new Entity({
  name: 'CalendarYear',
  table: FangxinTable,
  schema: item(
    Object.assign(
      {
        record: string().key().savedAs('pk').const(CALENDAR_PARTITION),
        year: string().key().savedAs('sk').transform(CALENDAR_CURRENT_KEY),
      },
      yearFields,
    ),
  ),
});

/** Every version of an entered year, kept (what was in force when).   pk = CALENDAR   sk = HISTORY#<year>#<version> */
export const CalendarYearVersionEntity = new Entity({
  name: 'CalendarYearVersion',
  table: FangxinTable,
  schema: item(
    Object.assign(
      {
        record: string().key().savedAs('pk').const(CALENDAR_PARTITION),
        versionKey: string().key().savedAs('sk').transform(CALENDAR_HISTORY_KEY),
        year: number(),
      },
      yearFields,
    ),
  ),
});

/**
 * Counting open complaints' deadlines again after a year was entered or changed: written with the entry, worked
 * through by the scheduled sweeper in bounded batches (`cursors` says where each waiting place's Query got to),
 * done when every place is exhausted.   pk = CALENDAR   sk = RECOMPUTE#<year>#<version>
 */
export const RecomputeJobEntity = new Entity({
  name: 'RecomputeJob',
  table: FangxinTable,
  schema: item({
    record: string().key().savedAs('pk').const(CALENDAR_PARTITION),
    jobKey: string().key().savedAs('sk').transform(RECOMPUTE_JOB_KEY),
    year: number(),
    version: number(),
    state: string().enum('pending', 'done'),
    /** Not before the function containers' calendar caches have all expired (store/calendar.ts). */
    notBefore: string(),
    reason: string(),
    /** Per waiting place: `start` (not begun), an opaque cursor, or `done`. */
    cursors: record(string(), string()),
    checked: number(),
    moved: number(),
    /** Each batch is conditioned on the one before it, so two sweeper runs never take the same batch. */
    batches: number(),
    createdAt: string(),
    doneAt: string().optional(),
  }),
});
