import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from './transact';
import { $set } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import { Conflict } from '@fangxin/shared';
import { ComplaintEntity, ComplaintEventEntity } from './complaint.entity';
import { readPage, type Page, type PageRequest } from './cursor';
import { ModerationTaskEntity, type HoldReason, type ModerationState, type TextModeration } from './moderation.entity';
import { AuditEntity } from './support.entities';
import { FangxinTable } from './table';

export type { HoldReason, ModerationState, TextModeration } from './moderation.entity';
import { DESCRIPTION_TARGET, EVENT_KEY, MODERATION_KEY } from './keys';

export { DESCRIPTION_TARGET, eventTarget } from './keys';

/** A text that is waiting for a recheck or a reviewer, or was decided (see `ModerationTaskEntity`). */
export interface ModerationTask {
  complaintId: string;
  /** `DESC` or `EVENT#<seq>`. */
  target: string;
  state: ModerationState;
  townCode: string;
  merchantId: string;
  merchantName: string;
  authorKind: 'consumer' | 'merchant';
  authorUserId: string;
  textType: string;
  text: string;
  writtenAt: string;
  attempts: number;
  nextCheckAt?: string;
  lastError?: string;
  label?: number;
  reason?: HoldReason;
  heldAt?: string;
  checkedAt?: string;
  decidedBy?: string;
  decidedAt?: string;
}

const STORAGE_ONLY = ['queueKey', 'queueSort', 'entity'];

function fromStored(item: Record<string, unknown>): ModerationTask {
  const task = { ...item };
  for (const key of STORAGE_ONLY) delete task[key];
  return task as unknown as ModerationTask;
}

/** The task's write in the transaction that stores its text: never overwrites one (the text is new). */
export function moderationTaskWrite(task: ModerationTask) {
  return ModerationTaskEntity.build(PutTransaction)
    .item(task)
    .options({ condition: { attr: 'complaintId', exists: false } });
}

/** One task, strongly consistent (a decision is conditioned on what this read). */
export async function findModerationTask(complaintId: string, target: string): Promise<ModerationTask | undefined> {
  const { Item } = await ModerationTaskEntity.build(GetItemCommand).key({ complaintId, target }).options({ consistent: true }).send();
  return Item ? fromStored(Item as Record<string, unknown>) : undefined;
}

/** Access pattern `moderation-queue`: the tasks in one state's sparse queue (unchecked: due first; held: oldest first). */
const moderationQueue = FangxinTable.build(AccessPattern)
  .entities(ModerationTaskEntity)
  .schema(map({ state: string().enum('unchecked', 'held').transform(MODERATION_KEY), sortsBefore: string().optional() }))
  .pattern(({ state, sortsBefore }) => ({ index: 'gsi1', partition: state, ...(sortsBefore ? { range: { lt: sortsBefore } } : {}) }))
  .meta({ title: 'moderation-queue' });

const asTasks = (page: Page<unknown>): Page<ModerationTask> => ({ ...page, items: page.items.map((item) => fromStored(item as Record<string, unknown>)) });

/** Texts WeChat could not check yet, due for a recheck, due first (sort keys are `<nextCheckAt>#…`). */
export async function listUncheckedDue(nowIso: string, limit: number): Promise<ModerationTask[]> {
  return asTasks(await readPage(moderationQueue.query({ state: 'unchecked', sortsBefore: `${nowIso}~` }), { limit })).items;
}

/** Texts waiting for a reviewer, oldest first. */
export async function listHeld(page: PageRequest): Promise<Page<ModerationTask>> {
  return asTasks(await readPage(moderationQueue.query({ state: 'held' }), page));
}

export interface ModerationChange {
  /** The task as read; the write is conditioned on its state and attempt count. */
  before: ModerationTask;
  after: ModerationTask;
  /** The text item's new state, when it changes (not for a failed recheck that stays unchecked). */
  text?: TextModeration;
  /** A reviewer's decision is audited under the reviewer. */
  audit?: { staffUserId: string; role: string; action: string; detail?: string; at: string };
}

/**
 * Moves a task on — a recheck's verdict, a failed attempt, a reviewer's decision — together with the text
 * item's state and the audit entry, all or nothing. The task must still be in the state (and at the
 * attempt count) it was read in: another recheck run or reviewer that got there first makes this throw
 * `Conflict`, and nothing is written.
 */
export async function saveModerationChange(change: ModerationChange, conflictMessage: string): Promise<void> {
  const { before, after, text, audit } = change;
  const writes = [
    ModerationTaskEntity.build(PutTransaction)
      .item(after)
      .options({
        condition: {
          and: [
            { attr: 'state', eq: before.state },
            { attr: 'attempts', eq: before.attempts },
          ],
        },
      }),
  ];
  const textWrites = [];
  if (text) {
    if (before.target === DESCRIPTION_TARGET) {
      textWrites.push(
        ComplaintEntity.build(UpdateTransaction)
          .item({ complaintId: before.complaintId, descriptionModeration: $set(text) })
          .options({ condition: { attr: 'descriptionModeration.state', eq: before.state } }),
      );
    } else {
      textWrites.push(
        ComplaintEventEntity.build(UpdateTransaction)
          .item({ complaintId: before.complaintId, seq: EVENT_KEY.decode(before.target), moderation: $set(text) })
          .options({ condition: { attr: 'moderation.state', eq: before.state } }),
      );
    }
  }
  const auditWrites = audit
    ? [
        AuditEntity.build(PutTransaction).item({
          staffUserId: audit.staffUserId,
          entry: `${audit.at}#${before.complaintId}#${before.target}`,
          action: audit.action,
          role: audit.role,
          subjectType: 'complaint',
          subjectId: before.complaintId,
          ...(audit.detail ? { detail: audit.detail } : {}),
          at: audit.at,
        }),
      ]
    : [];
  try {
    await execute(...writes, ...textWrites, ...auditWrites);
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new Conflict(conflictMessage);
    throw error;
  }
}
