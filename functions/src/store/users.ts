import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $set } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute } from './transact';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { Roles, coversTown, type Jurisdiction, type StaffRole } from '@fangxin/shared';
import { FangxinTable } from './table';
import { StaffRosterEntity, UserEntity } from './support.entities';
import { STAFF_ROSTER_PARTITION } from './keys';

export interface UserRecord {
  userId: string;
  displayName: string;
  roles: Roles;
  /** Server-side only (subscribe messages, msgSecCheck); never part of an API answer. */
  openid?: string;
}

/** Access pattern `user-by-id`: one GetItem (`consistent` right after a write that found one where none was read). */
export async function findUser(userId: string, options: { consistent?: boolean } = {}): Promise<UserRecord | undefined> {
  const { Item } = await UserEntity.build(GetItemCommand).key({ userId }).options({ consistent: options.consistent ?? false }).send();
  if (!Item) return undefined;
  return {
    userId: Item.userId,
    displayName: Item.displayName,
    roles: Roles.parse({
      merchantIds: [...(Item.merchantIds ?? [])].sort(),
      ...(Item.staff ? { staff: Item.staff } : {}),
      ...(Item.station ? { station: Item.station } : {}),
    }),
    ...(Item.openid ? { openid: Item.openid } : {}),
  };
}

/** The openid of each user that has one (users who never signed in through WeChat have none). */
export async function openidsOf(userIds: readonly string[]): Promise<Map<string, string>> {
  const users = await Promise.all([...new Set(userIds)].map((userId) => findUser(userId)));
  return new Map(users.flatMap((user) => (user?.openid ? [[user.userId, user.openid] as const] : [])));
}

/** The user and, for bureau staff, their roster entry (removed when they are no longer staff) — together. */
export async function saveUser(user: UserRecord): Promise<void> {
  const { staff } = user.roles;
  await execute(
    UserEntity.build(PutTransaction).item({
      userId: user.userId,
      displayName: user.displayName,
      ...(user.openid ? { openid: user.openid } : {}),
      ...(user.roles.merchantIds.length > 0 ? { merchantIds: new Set(user.roles.merchantIds) } : {}),
      ...(staff ? { staff } : {}),
      ...(user.roles.station ? { station: user.roles.station } : {}),
    }),
    staff
      ? StaffRosterEntity.build(PutTransaction).item({ userId: user.userId, role: staff.role, jurisdiction: staff.jurisdiction, ...(user.openid ? { openid: user.openid } : {}) })
      : StaffRosterEntity.build(DeleteTransaction).key({ userId: user.userId }),
  );
}

/**
 * A user signing in for the first time: written only if there is no user yet. The read before it is eventually
 * consistent, so "none" may be stale (a second phone signed in and bound a shop a moment ago): a plain Put
 * would drop those roles. False when the user exists after all; the caller reads it again.
 */
export async function createUser(user: UserRecord): Promise<boolean> {
  try {
    await UserEntity.build(PutItemCommand)
      .item({ userId: user.userId, displayName: user.displayName, ...(user.openid ? { openid: user.openid } : {}) })
      .options({ condition: { attr: 'userId', exists: false } })
      .send();
    return true;
  } catch (error) {
    if ((error as { name?: string } | null)?.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** A configured bootstrap admin's staff role, set on the user and the roster without rewriting anything else. */
export async function grantStaff(user: UserRecord, staff: { role: StaffRole; jurisdiction: Jurisdiction }): Promise<void> {
  await execute(
    // Set whole: the user has no `staff` map yet, and a nested update would need one.
    UserEntity.build(UpdateTransaction).item({ userId: user.userId, staff: $set(staff) }),
    StaffRosterEntity.build(PutTransaction).item({ userId: user.userId, role: staff.role, jurisdiction: staff.jurisdiction, ...(user.openid ? { openid: user.openid } : {}) }),
  );
}

/**
 * Records the openid of a user who signed in before openids were kept, without touching their roles. A
 * staff member's roster entry is written whole: staff from before the roster existed get one here.
 */
export async function rememberOpenid(user: UserRecord, openid: string): Promise<void> {
  const { staff } = user.roles;
  await execute(
    UserEntity.build(UpdateTransaction).item({ userId: user.userId, openid }),
    ...(staff ? [StaffRosterEntity.build(PutTransaction).item({ userId: user.userId, role: staff.role, jurisdiction: staff.jurisdiction, openid })] : []),
  );
}

export interface StaffMember {
  userId: string;
  role: StaffRole;
  jurisdiction: Jurisdiction;
  openid?: string;
}

/** Access pattern `staff-roster`: every staff member, one partition (a county has tens, not thousands). */
const staffRoster = FangxinTable.build(AccessPattern)
  .entities(StaffRosterEntity)
  .pattern(() => ({ partition: STAFF_ROSTER_PARTITION }))
  .meta({ title: 'staff-roster' });

/** Access pattern `staff-for-town`: one Query of the roster, filtered to those whose jurisdiction covers the town. */
export async function staffCovering(townCode: string): Promise<StaffMember[]> {
  const members: StaffMember[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await staffRoster
      .query(undefined)
      .options({ ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
      .send();
    for (const item of Items) {
      const jurisdiction = item.jurisdiction as Jurisdiction;
      if (!coversTown(jurisdiction, townCode)) continue;
      members.push({ userId: item.userId, role: item.role, jurisdiction, ...(item.openid ? { openid: item.openid } : {}) });
    }
    exclusiveStartKey = LastEvaluatedKey;
  } while (exclusiveStartKey);
  return members;
}
