import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { SettingsEntity } from './support.entities';

/**
 * The WeChat access token, cached in the table so every container shares one token (WeChat allows few
 * refreshes a day).   pk = SETTINGS   sk = wechat-access-token
 */
export async function readCachedAccessToken(): Promise<{ token: string; expiresAt: number } | undefined> {
  const { Item } = await SettingsEntity.build(GetItemCommand).key({ name: 'wechat-access-token' }).options({ consistent: true }).send();
  const value = Item?.value as { token?: unknown; expiresAt?: unknown } | undefined;
  return typeof value?.token === 'string' && typeof value.expiresAt === 'number' ? { token: value.token, expiresAt: value.expiresAt } : undefined;
}

export async function cacheAccessToken(token: string, expiresAt: number): Promise<void> {
  await SettingsEntity.build(PutItemCommand).item({ name: 'wechat-access-token', value: { token, expiresAt } }).send();
}
