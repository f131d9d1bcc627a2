import { NotFound, relationOf, type Actor, type LifecycleState } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { isShopMember } from '../store/registry';
import { isStationStaff } from '../store/stations';

/** Same answer for "no such complaint" and "not yours": the id's existence is not revealed. */
export const complaintNotFound = () => new NotFound('未找到该投诉，或您无权查看');

/**
 * The role in which a signed-in person acts on this complaint: as its complainant first, then as staff of
 * its shop, then as bureau staff with jurisdiction, then as the station that took it in. Throws 404 when they have no relation to it at all.
 */
export function actorFor(principal: Principal, complaint: Pick<LifecycleState, 'consumerId' | 'merchantId' | 'townCode' | 'stationId'>): Actor {
  const candidates: Actor[] = [{ kind: 'consumer', userId: principal.userId }];
  if (principal.roles.merchantIds.length > 0) {
    candidates.push({ kind: 'merchant', userId: principal.userId, merchantIds: principal.roles.merchantIds });
  }
  const staff = principal.roles.staff;
  if (staff) candidates.push({ kind: 'staff', userId: principal.userId, role: staff.role, jurisdiction: staff.jurisdiction });
  const station = principal.roles.station;
  if (station) candidates.push({ kind: 'station', userId: principal.userId, stationId: station.stationId });
  const actor = candidates.find((candidate) => relationOf(candidate, complaint) !== 'none');
  if (!actor) throw complaintNotFound();
  return actor;
}

/**
 * `actorFor`, plus the live check that a merchant still works for the shop: a clerk removed a minute ago
 * still holds a token that lists the shop, and must not see its complaints any more.
 */
export async function resolveActor(principal: Principal, complaint: Pick<LifecycleState, 'consumerId' | 'merchantId' | 'townCode' | 'stationId'>): Promise<Actor> {
  const actor = actorFor(principal, complaint);
  if (actor.kind === 'merchant' && !(await isShopMember(complaint.merchantId, principal.userId))) throw complaintNotFound();
  if (actor.kind === 'station' && !(await isStationStaff(actor.stationId, principal.userId))) throw complaintNotFound();
  return actor;
}
