import { Forbidden, Invalid, WAITING_PLACES, coversTown, type ComplaintPage, type ComplaintView, type WaitingPlace } from '@fangxin/shared';
import type { Page, PageRequest } from '../store/cursor';
import type { Principal } from '../auth/token';
import { listConsumerComplaints, listMerchantQueue, listTriage, merchantQueueList, loadComplaint, triageCursorAfter, type ComplaintRecord } from '../store/complaints';
import { TRIAGE_SORT } from '../store/keys';
import { complaintNotFound, resolveActor } from './complaint-access';
import { requireMembership } from './registry';
import { toComplaintView, toSummary } from './complaint-view';
import { scopedCursor } from '../auth/sealed-cursor';
import { liveShopsOf, pageAcrossShops } from './across-shops';

export async function getComplaint(complaintId: string, principal: Principal, now: Date): Promise<ComplaintView> {
  const loaded = await loadComplaint(complaintId);
  if (!loaded) throw complaintNotFound();
  return toComplaintView(loaded.record, loaded.events, await resolveActor(principal, loaded.record), now, loaded.notice);
}

/** The signed-in person's own complaints, newest first. */
export async function myComplaints(principal: Principal, cursor: string | undefined, limit: number, now: Date): Promise<ComplaintPage> {
  const page = await listConsumerComplaints(principal.userId, { cursor, limit });
  return { items: page.items.map((item) => toSummary(item, now, 'consumer')), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * A shop's queue: in-shop complaints by deadline first. Only shops the caller works for; without a shop named,
 * every shop the caller works for, as one queue in the same order.
 */
export async function merchantQueue(
  principal: Principal,
  merchantId: string | undefined,
  cursor: string | undefined,
  limit: number,
  now: Date,
): Promise<ComplaintPage> {
  let page: Page<ComplaintRecord>;
  if (merchantId) {
    // Another shop's queue is as absent as a shop that does not exist: the live membership check answers 404.
    await requireMembership(merchantId, principal);
    page = await listMerchantQueue(merchantId, { cursor, limit });
  } else {
    page = await pageAcrossShops({ name: 'merchant-queue', shops: merchantQueueList }, await liveShopsOf(principal), principal, cursor, limit);
  }
  return { items: page.items.map((item) => toSummary(item, now, 'merchant')), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export interface TriageFilters {
  view: 'escalated' | 'accepted' | 'mediating' | 'overdue' | 'missing12315';
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
  // As on every staff list with a town filter: a town outside the jurisdiction is refused, not an empty page.
  if (filters.town && !coversTown(staff.jurisdiction, filters.town)) throw new Forbidden('该乡镇不在您的辖区');
  const pager = scopedCursor('triage', principal.userId, { ...filters });
  const startAfter = pager.incoming(cursor);
  const matches = (record: ComplaintRecord) =>
    coversTown(staff.jurisdiction, record.townCode) &&
    (!filters.town || record.townCode === filters.town) &&
    (!filters.sector || record.sector === filters.sector) &&
    (filters.minAgeDays === undefined || now.getTime() - Date.parse(record.filedAt) >= filters.minAgeDays * DAY_MS);

  if (filters.view === 'missing12315') {
    const page = await listAcrossPlaces(MISSING_12315_PLACES, { cursor: startAfter, limit });
    return {
      items: page.items.filter((record) => matches(record) && !record.case12315).map((item) => toSummary(item, now, 'staff')),
      ...pager.outgoing(page.nextCursor),
    };
  }
  if (filters.view !== 'overdue') {
    const page = await listTriage(filters.view, { cursor: startAfter, limit });
    return { items: page.items.filter(matches).map((item) => toSummary(item, now, 'staff')), ...pager.outgoing(page.nextCursor) };
  }
  const page = await listOverdue(startAfter, limit, now);
  return { items: page.items.filter(matches).map((item) => toSummary(item, now, 'staff')), ...pager.outgoing(page.nextCursor) };
}

/** A waiting place's position in the overdue list: where its next read starts (`''`: its beginning), or done. */
const PLACE_DONE = '-';

/**
 * Overdue spans every waiting place, each held oldest deadline first. One page: each place's next `limit` overdue
 * cases, merged by deadline, and the oldest `limit` of them taken — whether or not the caller's jurisdiction shows
 * them, so a town's staff page on through the county's cases to their own. The cursor holds each place's position
 * after what was taken from it.
 */
async function listOverdue(cursor: string | undefined, limit: number, now: Date): Promise<Page<ComplaintRecord>> {
  const positions = overduePositions(cursor);
  const open = WAITING_PLACES.filter((place) => positions[place] !== PLACE_DONE);
  const nowIso = now.toISOString();
  const pages = await Promise.all(
    open.map(async (place) => ({ place, page: await listTriage(place, { cursor: positions[place] || undefined, limit }, nowIso) })),
  );
  const taken = pages
    .flatMap(({ place, page }) => page.items.map((record) => ({ place, record, order: TRIAGE_SORT(record.deadline?.dueAt ?? record.filedAt, record.id) })))
    .sort((a, b) => a.order.localeCompare(b.order))
    .slice(0, limit);
  const next: Record<string, string> = Object.fromEntries(WAITING_PLACES.map((place) => [place, PLACE_DONE]));
  for (const { place, page } of pages) {
    const fromHere = taken.filter((item) => item.place === place);
    if (fromHere.length === 0) next[place] = positions[place] ?? '';
    else if (fromHere.length < page.items.length) next[place] = triageCursorAfter(fromHere.at(-1)!.record, place);
    else next[place] = page.nextCursor ?? PLACE_DONE;
  }
  const more = Object.values(next).some((position) => position !== PLACE_DONE);
  return { items: taken.map((item) => item.record), ...(more ? { nextCursor: JSON.stringify(next) } : {}) };
}

function overduePositions(cursor: string | undefined): Partial<Record<WaitingPlace, string>> {
  if (cursor === undefined) return {};
  try {
    const positions = JSON.parse(cursor) as unknown;
    if (positions && typeof positions === 'object' && Object.entries(positions).every(([place, at]) => (WAITING_PLACES as readonly string[]).includes(place) && typeof at === 'string')) {
      return positions as Partial<Record<WaitingPlace, string>>;
    }
  } catch {
    // fall through
  }
  throw new Invalid('分页参数无效，请从第一页重新加载', 'cursor');
}

/** Cases the bureau has accepted and is still handling: each should have its 12315 number by now. */
export const MISSING_12315_PLACES = ['accepted', 'mediating'] as const satisfies readonly WaitingPlace[];

/**
 * One page over several waiting places in turn (all of the first, then the next…), with a cursor that says
 * which place it is in — so a list that spans places pages like any other and ends.
 */
async function listAcrossPlaces(places: readonly WaitingPlace[], { cursor, limit }: PageRequest): Promise<Page<ComplaintRecord>> {
  const position = decodePlaceCursor(cursor, places.length);
  const place = places[position.place]!;
  const page = await listTriage(place, { cursor: position.inner, limit });
  const next = page.nextCursor
    ? encodePlaceCursor({ place: position.place, inner: page.nextCursor })
    : position.place + 1 < places.length
      ? encodePlaceCursor({ place: position.place + 1 })
      : undefined;
  return { items: page.items, ...(next ? { nextCursor: next } : {}) };
}

const encodePlaceCursor = (position: { place: number; inner?: string }) => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

function decodePlaceCursor(cursor: string | undefined, places: number): { place: number; inner?: string } {
  if (!cursor) return { place: 0 };
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { place?: unknown; inner?: unknown };
    if (Number.isInteger(position.place) && (position.place as number) >= 0 && (position.place as number) < places && (position.inner === undefined || typeof position.inner === 'string')) {
      return { place: position.place as number, ...(position.inner ? { inner: position.inner } : {}) };
    }
  } catch {
    // fall through
  }
  throw new Invalid('分页参数无效，请从第一页重新加载', 'cursor');
}
