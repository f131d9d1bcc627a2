import { NotFound, WAITING_PLACES, coversTown, type ComplaintPage, type ComplaintView } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { listConsumerComplaints, listMerchantQueue, listTriage, loadComplaint, type ComplaintRecord } from '../store/complaints';
import { complaintNotFound, resolveActor } from './complaint-access';
import { requireMembership } from './registry';
import { toComplaintView, toSummary } from './complaint-view';

export async function getComplaint(complaintId: string, principal: Principal, now: Date): Promise<ComplaintView> {
  const loaded = await loadComplaint(complaintId);
  if (!loaded) throw complaintNotFound();
  return toComplaintView(loaded.record, loaded.events, await resolveActor(principal, loaded.record), now);
}

/** The signed-in person's own complaints, newest first. */
export async function myComplaints(principal: Principal, cursor: string | undefined, limit: number, now: Date): Promise<ComplaintPage> {
  const page = await listConsumerComplaints(principal.userId, { cursor, limit });
  return { items: page.items.map((item) => toSummary(item, now, 'consumer')), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** A shop's queue: in-shop complaints by deadline first. Only shops the caller works for. */
export async function merchantQueue(
  principal: Principal,
  merchantId: string | undefined,
  cursor: string | undefined,
  limit: number,
  now: Date,
): Promise<ComplaintPage> {
  const shop = merchantId ?? principal.roles.merchantIds[0];
  if (!shop) throw new NotFound('未找到该店铺，或您已不是该店人员');
  // Another shop's queue is as absent as a shop that does not exist: the live membership check answers 404.
  await requireMembership(shop, principal);
  const page = await listMerchantQueue(shop, { cursor, limit });
  return { items: page.items.map((item) => toSummary(item, now, 'merchant')), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export interface TriageFilters {
  view: 'escalated' | 'accepted' | 'mediating' | 'overdue';
  town?: string;
  sector?: string;
  minAgeDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The bureau's queue in the caller's jurisdiction. `overdue` gathers every open complaint whose deadline
 * has passed (in shop, awaiting acceptance, in mediation). Each view is a Query on the triage index; the
 * jurisdiction and the optional filters narrow what that Query returned, so a page may hold fewer items
 * than `limit` — follow `nextCursor`.
 */
export async function triageQueue(principal: Principal, filters: TriageFilters, cursor: string | undefined, limit: number, now: Date): Promise<ComplaintPage> {
  const staff = principal.roles.staff;
  if (!staff) throw complaintNotFound();
  const matches = (record: ComplaintRecord) =>
    coversTown(staff.jurisdiction, record.townCode) &&
    (!filters.town || record.townCode === filters.town) &&
    (!filters.sector || record.sector === filters.sector) &&
    (filters.minAgeDays === undefined || now.getTime() - Date.parse(record.filedAt) >= filters.minAgeDays * DAY_MS);

  if (filters.view !== 'overdue') {
    const page = await listTriage(filters.view, { cursor, limit });
    return { items: page.items.filter(matches).map((item) => toSummary(item, now, 'staff')), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }
  // Overdue spans every waiting place; one bounded Query per place, no cursor across them.
  const nowIso = now.toISOString();
  const pages = await Promise.all(WAITING_PLACES.map((place) => listTriage(place, { limit }, nowIso)));
  const items = pages
    .flatMap((page) => page.items)
    .filter(matches)
    .sort((a, b) => (a.deadline?.dueAt ?? '').localeCompare(b.deadline?.dueAt ?? ''))
    .slice(0, limit);
  return { items: items.map((item) => toSummary(item, now, 'staff')) };
}
