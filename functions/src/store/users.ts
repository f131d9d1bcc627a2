import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { Roles } from '@fangxin/shared';
import { UserEntity } from './support.entities';

export interface UserRecord {
  userId: string;
  displayName: string;
  roles: Roles;
}

/** Access pattern `user-by-id`: one GetItem. */
export async function findUser(userId: string): Promise<UserRecord | undefined> {
  const { Item } = await UserEntity.build(GetItemCommand).key({ userId }).send();
  if (!Item) return undefined;
  return {
    userId: Item.userId,
    displayName: Item.displayName,
    roles: Roles.parse({ merchantIds: [...(Item.merchantIds ?? [])].sort(), ...(Item.staff ? { staff: Item.staff } : {}) }),
  };
}

export async function saveUser(user: UserRecord): Promise<void> {
  await UserEntity.build(PutItemCommand)
    .item({
      userId: user.userId,
      displayName: user.displayName,
      ...(user.roles.merchantIds.length > 0 ? { merchantIds: new Set(user.roles.merchantIds) } : {}),
      ...(user.roles.staff ? { staff: user.roles.staff } : {}),
    })
    .send();
}
