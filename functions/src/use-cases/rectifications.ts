import {
  Conflict,
  Forbidden,
  NotFound,
  RECTIFICATION_STATUS_LABELS,
  applyRectification,
  isOwnLastMove,
  coversTown,
  inspectionRelationOf,
  rectificationNotifications,
  rectificationRefusal,
  shanghaiToday,
  type Actor,
  type AnswerRectificationRequest,
  type RecheckRectificationRequest,
  type RectificationCommand,
  type RectificationPage,
  type RectificationView,
} from '@fangxin/shared';
import type * as z from 'zod/mini';
import type { Principal } from '../auth/token';
import { findRectification, listOpenRectifications, listShopRectifications, saveRectificationMove, shopRectificationList, type RectificationRecord } from '../store/inspections';
import { liveShopsOf, pageAcrossShops } from './across-shops';
import { findMerchant } from '../store/merchants';
import type { Page } from '../store/cursor';
import { shopNotFound, shopSubject, staffActor } from './inspections';
import { checkOwnPhotos } from './photo-ownership';
import { toRectificationSummary, toRectificationView } from './inspection-views';
import { requireMembership } from './registry';
import { scopedCursor } from '../auth/sealed-cursor';

/**
 * Rectification orders (整改通知, docs/inspections.md) after they are issued: the shop reads and answers its
 * own (live membership check, 404 for anyone else's), staff read them in their jurisdiction and re-check
 * (regulators and admins; mediators read only). Every move is the domain's `applyRectification`, written in
 * one transaction conditioned on the version the person saw (409 when someone moved it first).
 */

const rectificationNotFound = () => new NotFound('未找到该整改通知，或您无权查看');

/** The order, for staff whose jurisdiction covers its shop's town; 404 for anyone else. */
async function loadForStaff(id: string, principal: Principal) {
  const actor = staffActor(principal);
  const record = await findRectification(id);
  if (!record || inspectionRelationOf(actor, record) === 'none') throw rectificationNotFound();
  return { record, actor };
}

/** The order, for a person who still works for its shop (checked live: a removed clerk gets 404 at once). */
async function loadForMerchant(id: string, principal: Principal): Promise<{ record: RectificationRecord; actor: Actor }> {
  const record = await findRectification(id);
  if (!record) throw rectificationNotFound();
  try {
    await requireMembership(record.merchantId, principal);
  } catch (error) {
    if (error instanceof NotFound) throw rectificationNotFound();
    throw error;
  }
  return { record, actor: { kind: 'merchant', userId: principal.userId, merchantIds: [record.merchantId] } };
}

/** Applies a command and writes it (409 on a stale version, before or during the write). */
async function move(record: RectificationRecord, readVersion: number, command: RectificationCommand, actor: Actor, now: Date): Promise<RectificationView> {
  // Someone who may never make this move hears so first (403), whatever version they sent.
  const refused = rectificationRefusal(record, command.type, actor);
  if (refused?.forbidden) throw new Forbidden(refused.reason);
  const userId = actor.kind === 'system' ? 'system' : actor.userId;
  if (isOwnLastMove(record, readVersion, command, userId)) return toRectificationView(record, actor, now);
  if (readVersion !== record.version) throw new Conflict(`该整改通知已有新的进展（当前为「${RECTIFICATION_STATUS_LABELS[record.status]}」），请刷新后再操作`);
  const { state, event } = applyRectification(record, command, actor, now);
  try {
    await saveRectificationMove(record.version, state, event, {
      notifications: rectificationNotifications(event, state),
      ...(actor.kind === 'staff' ? { audit: { staffUserId: actor.userId, role: actor.role, action: `rectification_${command.type}`, detail: auditDetail(command) } } : {}),
    });
  } catch (error) {
    // A double tap: the twin made this very move first. Anyone else's move stands, and this one is refused.
    const current = error instanceof Conflict ? await findRectification(record.id) : undefined;
    if (current && isOwnLastMove(current, readVersion, command, userId)) return toRectificationView(current, actor, now);
    throw error;
  }
  return toRectificationView(state, actor, now);
}

function auditDetail(command: RectificationCommand): string {
  if (command.type === 'fail') return `复查未通过，重新下达整改，期限 ${command.deadline}：${command.note}`;
  if (command.type === 'pass') return `复查通过${command.note ? `：${command.note}` : ''}`;
  return '';
}

// — staff —

export async function getRectificationForStaff(id: string, principal: Principal, now: Date): Promise<RectificationView> {
  const { record, actor } = await loadForStaff(id, principal);
  return toRectificationView(record, actor, now);
}

/** Staff re-check an answered order: pass (closed, in time or late) or fail (issued again with a new deadline). */
export async function recheckRectification(id: string, request: z.output<typeof RecheckRectificationRequest>, principal: Principal, now: Date): Promise<RectificationView> {
  const { record, actor } = await loadForStaff(id, principal);
  checkOwnPhotos(request.photos, principal, 'photos');
  const command: RectificationCommand =
    request.result === 'pass'
      ? { type: 'pass', ...(request.note ? { note: request.note } : {}), photos: request.photos }
      : { type: 'fail', note: request.note, requirements: request.requirements, deadline: request.deadline, photos: request.photos };
  return move(record, request.version, command, actor, now);
}

export interface RectificationListFilters {
  view: 'open' | 'overdue' | 'shop';
  merchantId?: string | undefined;
  town?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Staff lists: open orders by deadline, the overdue ones (past the deadline and not closed, for triage), or one
 * shop's. The open lists are one Query on a county-wide sparse index that the caller's jurisdiction (and the
 * town filter) narrows, so a page can be short: follow `nextCursor`.
 */
export async function listRectifications(filters: RectificationListFilters, principal: Principal, now: Date): Promise<RectificationPage> {
  const actor = staffActor(principal);
  const pager = scopedCursor('rectifications', principal.userId, { view: filters.view, merchantId: filters.merchantId, town: filters.town });
  const page = { cursor: pager.incoming(filters.cursor), limit: filters.limit };
  let read: Page<RectificationRecord>;
  if (filters.view === 'shop') {
    const merchant = await findMerchant(filters.merchantId ?? '');
    if (!merchant || inspectionRelationOf(actor, shopSubject(merchant)) === 'none') throw shopNotFound();
    read = await listShopRectifications(merchant.id, page);
  } else {
    if (filters.town && !coversTown(actor.jurisdiction, filters.town)) throw new Forbidden('该乡镇（街道）不在您的辖区');
    const all = await listOpenRectifications(page, filters.view === 'overdue' ? shanghaiToday(now) : undefined);
    read = { ...all, items: all.items.filter((order) => coversTown(actor.jurisdiction, order.townCode) && (!filters.town || order.townCode === filters.town)) };
  }
  return { items: read.items.map((order) => toRectificationSummary(order, now)), ...pager.outgoing(read.nextCursor) };
}

// — the shop —

export async function getRectificationForMerchant(id: string, principal: Principal, now: Date): Promise<RectificationView> {
  const { record, actor } = await loadForMerchant(id, principal);
  return toRectificationView(record, actor, now);
}

/** The shop answers an order: what it did and photos of the result (its own uploads). The town's staff hear. */
export async function answerRectification(id: string, request: z.output<typeof AnswerRectificationRequest>, principal: Principal, now: Date): Promise<RectificationView> {
  const { record, actor } = await loadForMerchant(id, principal);
  checkOwnPhotos(request.photos, principal, 'photos');
  return move(record, request.version, { type: 'answer', text: request.text, photos: request.photos }, actor, now);
}

/**
 * A shop's orders for its people, open ones first by deadline; only a shop the caller still works for (404
 * otherwise). Without a shop named, the orders of every shop the caller works for, as one list in that order.
 */
export async function merchantRectifications(
  principal: Principal,
  merchantId: string | undefined,
  cursor: string | undefined,
  limit: number,
  now: Date,
): Promise<RectificationPage> {
  let page: Page<RectificationRecord>;
  if (merchantId) {
    await requireMembership(merchantId, principal);
    page = await listShopRectifications(merchantId, { cursor, limit });
  } else {
    page = await pageAcrossShops({ name: 'merchant-rectifications', shops: shopRectificationList }, await liveShopsOf(principal), principal, cursor, limit);
  }
  return { items: page.items.map((order) => toRectificationSummary(order, now, 'shop')), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}
