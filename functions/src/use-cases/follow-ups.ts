import {
  DEFAULT_FOLLOW_UP_AFTER_DAYS,
  FOLLOW_UP_OUTCOMES,
  RATEABLE,
  STATUS_LABELS,
  coversTown,
  isTerminal,
  type Actor,
  type ComplaintStatus,
  type FollowUpOutcomeCode,
  type LifecycleEvent,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { findComplaintRecords, type ComplaintRecord, type TransactWrite } from '../store/complaints';
import { followUpDelete, followUpPut, listFollowUpsDue, listStationFollowUpsDue, findStation, type FollowUpRecord } from '../store/stations';
import { requireStationStaff } from './stations';
import { scopedCursor } from '../auth/sealed-cursor';

const DAY_MS = 86_400_000;

/**
 * Days after a case closes before its 回访 is due when the consumer has not rated it (Order 121's follow-up).
 * A deployment sets `FOLLOW_UP_AFTER_DAYS`; 7 by default.
 */
export function followUpAfterDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.FOLLOW_UP_AFTER_DAYS ?? DEFAULT_FOLLOW_UP_AFTER_DAYS);
  return Number.isInteger(days) && days >= 0 && days <= 90 ? days : DEFAULT_FOLLOW_UP_AFTER_DAYS;
}

/**
 * What a transition does to the complaint's 回访: closing a handled case unrated opens one (due N days on);
 * a rating — in the app or stated on a call — removes it; a call that did not reach the consumer is
 * counted on it and it stays due. Written in the transition's own transaction.
 */
export function followUpWrites(before: ComplaintRecord, after: ComplaintRecord, event: LifecycleEvent, open: FollowUpRecord | undefined): TransactWrite[] {
  if (after.rating && !before.rating) return [followUpDelete(after.id)];
  const closesHandled = !isTerminal(before.status) && RATEABLE.includes(after.status) && !after.rating;
  if (closesHandled && after.closedAt) {
    return [
      followUpPut({
        complaintId: after.id,
        closedAt: after.closedAt,
        dueAt: new Date(Date.parse(after.closedAt) + followUpAfterDays() * DAY_MS).toISOString(),
        townCode: after.townCode,
        merchantName: after.merchantName,
        status: after.status,
        ...(after.stationId ? { stationId: after.stationId } : {}),
      }),
    ];
  }
  if (event.type === 'follow_up' && !after.rating) {
    const outcome = String((event.data as { outcome?: unknown }).outcome);
    const base: FollowUpRecord = open ?? {
      complaintId: after.id,
      closedAt: after.closedAt ?? event.at,
      dueAt: event.at,
      townCode: after.townCode,
      merchantName: after.merchantName,
      status: after.status,
      ...(after.stationId ? { stationId: after.stationId } : {}),
    };
    return [followUpPut({ ...base, attempts: (base.attempts ?? 0) + 1, lastOutcome: outcome })];
  }
  return [];
}

/** Bureau staff: the 回访 due in their jurisdiction, oldest first, with the number to call. */
export async function staffFollowUps(principal: Principal, page: { cursor?: string | undefined; limit: number }, now: Date) {
  const staff = principal.roles.staff!;
  const pager = scopedCursor('staff-follow-ups', principal.userId);
  const due = await listFollowUpsDue(now.toISOString(), { cursor: pager.incoming(page.cursor), limit: page.limit });
  const visible = due.items.filter((item) => coversTown(staff.jurisdiction, item.townCode));
  return { items: await withPhones(visible, { kind: 'staff' }), ...pager.outgoing(due.nextCursor) };
}

/** Station staff: the 回访 due for the cases their station took in. */
export async function stationFollowUps(principal: Principal, page: { cursor?: string | undefined; limit: number }, now: Date) {
  const station = await requireStationStaff(principal);
  const due = await listStationFollowUpsDue(station.stationId, now.toISOString(), page);
  return { items: await withPhones(due.items, { kind: 'station', stationName: station.name }), ...(due.nextCursor ? { nextCursor: due.nextCursor } : {}) };
}

async function withPhones(items: FollowUpRecord[], viewer: { kind: Actor['kind']; stationName?: string }) {
  const records = new Map((await findComplaintRecords(items.map((item) => item.complaintId))).map((record) => [record.id, record]));
  const stationNames = new Map<string, string>();
  if (viewer.kind === 'staff') {
    for (const stationId of new Set(items.flatMap((item) => (item.stationId ? [item.stationId] : [])))) {
      const station = await findStation(stationId);
      if (station) stationNames.set(stationId, station.name);
    }
  }
  return items.map((item) => {
    const phone = records.get(item.complaintId)?.phone;
    const stationName = item.stationId ? (viewer.stationName ?? stationNames.get(item.stationId)) : undefined;
    return {
      complaintId: item.complaintId,
      merchantName: item.merchantName,
      townCode: item.townCode,
      statusLabel: STATUS_LABELS[item.status as ComplaintStatus] ?? item.status,
      closedAt: item.closedAt,
      dueAt: item.dueAt,
      ...(phone ? { phone } : {}),
      ...(stationName ? { stationName } : {}),
      attempts: item.attempts ?? 0,
      ...(item.lastOutcome ? { lastOutcome: FOLLOW_UP_OUTCOMES[item.lastOutcome as FollowUpOutcomeCode] ?? item.lastOutcome } : {}),
    };
  });
}
