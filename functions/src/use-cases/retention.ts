import { Conflict, maskName, maskPhone } from '@fangxin/shared';
import { retentionConfig } from '../config';
import { logger } from '../observability/log';
import { awaitsRetention } from '../store/complaint.entity';
import { listRetentionDue, saveRetention, type ComplaintRecord } from '../store/complaints';
import { deletePhoto } from '../store/photos';

/** Complaints done per run: the schedule runs every 15 minutes, so a backlog drains at ~9,600 a day. */
const BATCH = 100;
const DAY_MS = 86_400_000;

/** Complaints closed before this instant are past the retention period (ISO, comparable with `closedAt`). */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/**
 * What a complaint keeps once the period has passed: the phone and the consumer's name as the lists show
 * them (138****8000, 王**), no photos. The complaint itself — what happened, how it was handled — stays: it is
 * the bureau's record and feeds the indicators, and holds no contact data any more.
 */
export function afterRetention(record: Pick<ComplaintRecord, 'phone' | 'consumerName'>, now: Date) {
  return {
    ...(record.phone ? { phone: maskPhone(record.phone) } : {}),
    ...(record.consumerName ? { consumerName: maskName(record.consumerName) } : {}),
    photos: [] as string[],
    retentionAppliedAt: now.toISOString(),
  };
}

export interface RetentionResult {
  /** Complaints past the period found in this run's batch. */
  examined: number;
  /** Complaints whose photos were deleted and phone and name masked. */
  applied: number;
  photosDeleted: number;
  /** Found but not done this run (changed since the index was read): the next run takes them. */
  skipped: number;
}

/**
 * The retention period (docs/privacy.md): a closed complaint keeps its photos, phone number and the consumer's
 * name for `FANGXIN_RETENTION_DAYS` days (3 years by default), then the photos are deleted from storage and the
 * phone and name are masked. Run by the deadline sweeper's schedule, a bounded batch per run, oldest first,
 * from the sparse `retention-due` index (no Scan: only complaints still holding such data are in it).
 *
 * Idempotent and safe to stop anywhere: photos are deleted first (deleting a deleted object succeeds), then the
 * complaint is updated, conditioned on the version read and on not being done — so a complaint is done once,
 * a crash between the two only repeats the deletes, and no photo is ever left without its complaint pointing
 * at it. Each complaint done is one log line, with no phone number or name in it.
 */
export async function applyRetention(now: Date, options: { days?: number; batch?: number } = {}): Promise<RetentionResult> {
  const days = options.days ?? retentionConfig().days;
  const cutoff = retentionCutoff(now, days);
  const due = await listRetentionDue(cutoff, options.batch ?? BATCH);
  const result: RetentionResult = { examined: due.length, applied: 0, photosDeleted: 0, skipped: 0 };
  for (const record of due) {
    // The index is read eventually consistently: an entry may be a step behind the complaint.
    if (!awaitsRetention(record) || !record.closedAt || record.closedAt >= cutoff) {
      result.skipped++;
      continue;
    }
    await Promise.all(record.photos.map((key) => deletePhoto(key)));
    try {
      await saveRetention(record, afterRetention(record, now));
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      result.skipped++;
      continue;
    }
    result.applied++;
    result.photosDeleted += record.photos.length;
    logger.info('retention.applied', {
      complaintId: record.id,
      closedAt: record.closedAt,
      photosDeleted: record.photos.length,
      phoneMasked: Boolean(record.phone),
      nameMasked: Boolean(record.consumerName),
    });
  }
  return result;
}
