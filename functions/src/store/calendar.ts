import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from './transact';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { Conflict, mergeCalendar, staffYear, type CalendarYear, type CalendarYearInput, type WorkingCalendar } from '@fangxin/shared';
import { CalendarYearEntity, CalendarYearVersionEntity, RecomputeJobEntity } from './calendar.entities';
import { CALENDAR_CURRENT_KEY, CALENDAR_PARTITION, RECOMPUTE_JOB_KEY, calendarVersionKey } from './keys';
import { AuditEntity } from './support.entities';
import { FangxinTable } from './table';

/**
 * How long a container keeps the merged calendar. Every transition counts its new clock on it, so a warm
 * request reads nothing; an entry reaches every container within this time, and the recount of open
 * complaints waits that long before it starts (`notBefore`), so no deadline is counted on a stale copy
 * after the recount passed it.
 */
export const CALENDAR_CACHE_MS = 5 * 60_000;

/** An entered year as stored. */
export interface StoredCalendarYear extends CalendarYearInput {
  year: number;
  updatedAt: string;
  updatedBy: string;
}

export interface RecomputeJob {
  year: number;
  version: number;
  state: 'pending' | 'done';
  notBefore: string;
  reason: string;
  cursors: Record<string, string>;
  checked: number;
  moved: number;
  batches: number;
  createdAt: string;
  doneAt?: string;
}

/** Access pattern `calendar-years`: every year the office entered (a handful). */
const enteredYears = FangxinTable.build(AccessPattern)
  .entities(CalendarYearEntity)
  .pattern(() => ({ partition: CALENDAR_PARTITION, range: { beginsWith: CALENDAR_CURRENT_KEY.encode('') } }))
  .meta({ title: 'calendar-years' });

/** Access pattern `recompute-jobs`: recounts after entries, oldest first (a handful a year). */
const recomputeJobs = FangxinTable.build(AccessPattern)
  .entities(RecomputeJobEntity)
  .pattern(() => ({ partition: CALENDAR_PARTITION, range: { beginsWith: RECOMPUTE_JOB_KEY.encode('') } }))
  .meta({ title: 'recompute-jobs' });

const toStored = (item: { year: string; version: number; holidays: Array<{ date: string; name: string }>; makeUpWorkdays: Array<{ date: string; name: string }>; source: { title: string; publishedOn: string }; updatedAt: string; updatedBy: string }): StoredCalendarYear => ({
  year: Number(item.year),
  version: item.version,
  holidays: item.holidays,
  makeUpWorkdays: item.makeUpWorkdays,
  source: item.source,
  updatedAt: item.updatedAt,
  updatedBy: item.updatedBy,
});

export async function listEnteredYears(consistent = false): Promise<StoredCalendarYear[]> {
  const { Items = [] } = await enteredYears.query(undefined).options({ consistent, maxPages: 5 }).send();
  return Items.map(toStored).sort((a, b) => a.year - b.year);
}

export async function findEnteredYear(year: number): Promise<StoredCalendarYear | undefined> {
  const { Item } = await CalendarYearEntity.build(GetItemCommand).key({ year: String(year) }).options({ consistent: true }).send();
  return Item ? toStored(Item) : undefined;
}

const asCalendarYear = (stored: StoredCalendarYear): CalendarYear =>
  staffYear(stored.year, stored, { version: stored.version, source: stored.source });

let cached: { calendar: WorkingCalendar; until: number } | undefined;

/**
 * The county's working-day calendar: the holiday library merged with the years the office entered. Cached
 * per container for `CALENDAR_CACHE_MS`; `fresh` reads past the cache (the recount, an admin's own page).
 */
export async function workingCalendar(nowMs: number, options: { fresh?: boolean } = {}): Promise<WorkingCalendar> {
  if (!options.fresh && cached && cached.until > nowMs) return cached.calendar;
  const calendar = mergeCalendar((await listEnteredYears(options.fresh)).map(asCalendarYear));
  cached = { calendar, until: nowMs + CALENDAR_CACHE_MS };
  return calendar;
}

/**
 * Keeps an entered year: the year in force (conditioned on the version the admin read, so a concurrent entry
 * makes this 409 and is not lost), its version in the history, the recount of open deadlines, and the audit
 * entry — all or nothing.
 */
export async function saveEnteredYear(change: { year: number; input: CalendarYearInput; staff: { userId: string; role: string }; at: string; reason: string }): Promise<StoredCalendarYear> {
  const { year, input, staff, at } = change;
  const version = input.version + 1;
  const fields = { version, holidays: input.holidays, makeUpWorkdays: input.makeUpWorkdays, source: input.source, updatedAt: at, updatedBy: staff.userId };
  try {
    await execute(
      CalendarYearEntity.build(PutTransaction)
        .item({ year: String(year), ...fields })
        .options({ condition: input.version === 0 ? { attr: 'year', exists: false } : { attr: 'version', eq: input.version } }),
      CalendarYearVersionEntity.build(PutTransaction)
        .item({ versionKey: calendarVersionKey(year, version), year, ...fields })
        .options({ condition: { attr: 'versionKey', exists: false } }),
      RecomputeJobEntity.build(PutTransaction).item({
        jobKey: calendarVersionKey(year, version),
        year,
        version,
        state: 'pending',
        notBefore: new Date(Date.parse(at) + CALENDAR_CACHE_MS).toISOString(),
        reason: change.reason,
        cursors: {},
        checked: 0,
        moved: 0,
        batches: 0,
        createdAt: at,
      }),
      AuditEntity.build(PutTransaction).item({
        staffUserId: staff.userId,
        entry: `${at}#calendar-${year}#${version}`,
        action: 'calendar_year_saved',
        role: staff.role,
        subjectType: 'settings',
        subjectId: `calendar-${year}`,
        detail: `${input.source.title}（${input.source.publishedOn}）：放假 ${input.holidays.length} 天，调休上班 ${input.makeUpWorkdays.length} 天`,
        at,
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new Conflict(`${year}年的节假日安排刚刚已被他人修改，请刷新后再录入`);
    throw error;
  }
  cached = undefined;
  return { year, ...input, version, updatedAt: at, updatedBy: staff.userId };
}

export async function listRecomputeJobs(): Promise<RecomputeJob[]> {
  const { Items = [] } = await recomputeJobs.query(undefined).options({ consistent: true, maxPages: 5 }).send();
  return Items.map(({ record: _r, jobKey: _k, ...job }) => job as RecomputeJob).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Records a batch of a recount: where each place's Query got to, what was checked and moved, done or not —
 * only if no other run recorded a batch since this one read the job (then this run's batch is dropped; the
 * moves it made stand, and repeating them is refused by the lifecycle as "no change").
 */
export async function recordRecomputeBatch(job: RecomputeJob, next: Pick<RecomputeJob, 'cursors' | 'checked' | 'moved' | 'state'> & { doneAt?: string }): Promise<boolean> {
  try {
    await RecomputeJobEntity.build(UpdateItemCommand)
      .item({
        jobKey: calendarVersionKey(job.year, job.version),
        cursors: next.cursors,
        checked: next.checked,
        moved: next.moved,
        state: next.state,
        batches: job.batches + 1,
        ...(next.doneAt ? { doneAt: next.doneAt } : {}),
      })
      .options({ condition: { attr: 'batches', eq: job.batches } })
      .send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
