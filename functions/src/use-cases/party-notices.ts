import {
  COUNTY,
  NOTICE_TITLES,
  NotFound,
  computeDeadline,
  coversTown,
  noticeEventOf,
  noticeKindOf,
  partyNoticeOf,
  type ClockRules,
  type LifecycleEvent,
  type PartyNoticeView,
  type UnsentNoticePage,
  type WorkingCalendar,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import type { ComplaintRecord } from '../store/complaints';
import { loadComplaint } from '../store/complaints';
import { listUnsentNotices, markNoticeReached, type PartyNoticeRecord } from '../store/party-notices';
import { complaintNotFound, resolveActor } from './complaint-access';
import { scopedCursor } from '../auth/sealed-cursor';

/**
 * The notice a deciding event issues, to write in its transaction: when it was issued and by when it must
 * have reached both parties (the `partyNotice` clock, on the county's calendar).
 */
export function noticeIssuedBy(
  event: LifecycleEvent,
  complaint: Pick<ComplaintRecord, 'id' | 'townCode' | 'merchantId' | 'merchantName'>,
  rules: ClockRules,
  calendar: WorkingCalendar,
): PartyNoticeRecord | undefined {
  const kind = noticeKindOf(event);
  if (!kind) return undefined;
  return {
    complaintId: complaint.id,
    kind,
    issuedAt: event.at,
    sendBy: computeDeadline(new Date(event.at), rules.partyNotice, calendar).dueAt.toISOString(),
    townCode: complaint.townCode,
    merchantId: complaint.merchantId,
    merchantName: complaint.merchantName,
  };
}

/**
 * The written notice, for the complainant, the shop's people and staff with jurisdiction (404 for anyone else,
 * and when the complaint has none). A party opening it counts as the notice reaching them.
 */
export async function readPartyNotice(complaintId: string, principal: Principal, now: Date): Promise<PartyNoticeView> {
  const loaded = await loadComplaint(complaintId);
  if (!loaded) throw complaintNotFound();
  const actor = await resolveActor(principal, loaded.record);
  const deciding = noticeEventOf(loaded.events);
  const notice = deciding ? partyNoticeOf(deciding, COUNTY.name) : undefined;
  if (!notice) throw new NotFound('该投诉没有告知书');
  if (loaded.notice && (actor.kind === 'consumer' || actor.kind === 'merchant')) {
    await markNoticeReached(complaintId, actor.kind, now.toISOString(), 'opened');
  }
  return {
    complaintId,
    kind: notice.kind,
    title: notice.title,
    decidedOn: notice.decidedOn,
    merchantName: loaded.record.merchantName,
    ...(loaded.record.case12315 ? { case12315: loaded.record.case12315 } : {}),
    ground: { code: notice.ground.code, label: notice.ground.label, ...(notice.ground.article ? { article: notice.ground.article } : {}) },
    ...(notice.note ? { note: notice.note } : {}),
    issuer: notice.issuer,
    nextSteps: notice.nextSteps,
  };
}

/** Notices not yet known to have reached both parties, in the caller's jurisdiction, the most urgent first. */
export async function unsentNotices(principal: Principal, cursor: string | undefined, limit: number, now: Date): Promise<UnsentNoticePage> {
  const staff = principal.roles.staff;
  if (!staff) throw complaintNotFound();
  const pager = scopedCursor('unsent-notices', principal.userId);
  const page = await listUnsentNotices({ cursor: pager.incoming(cursor), limit });
  return {
    items: page.items
      .filter((notice) => coversTown(staff.jurisdiction, notice.townCode))
      .map((notice) => ({
        complaintId: notice.complaintId,
        title: NOTICE_TITLES[notice.kind],
        merchant: { id: notice.merchantId, name: notice.merchantName },
        townCode: notice.townCode,
        issuedAt: notice.issuedAt,
        sendBy: notice.sendBy,
        overdue: now.toISOString() > notice.sendBy,
        reached: { ...(notice.consumerReachedAt ? { consumer: notice.consumerReachedAt } : {}), ...(notice.merchantReachedAt ? { merchant: notice.merchantReachedAt } : {}) },
      })),
    ...pager.outgoing(page.nextCursor),
  };
}
