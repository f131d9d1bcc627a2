import { formatShanghaiDate } from '@fangxin/shared';
import { Entity } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { SETTINGS_PARTITION } from './keys';
import { SettingsEntity } from './support.entities';
import { FangxinTable } from './table';

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

/**
 * Forced token refreshes, shared by every container: WeChat allows `force_refresh` 20 times a day, at least
 * 30 s apart, and each one ends the token every other container holds.
 *   pk = SETTINGS   sk = wechat-force-refresh
 */
const ForcedRefreshEntity = new Entity({
  name: 'WeChatForcedRefresh',
  table: FangxinTable,
  schema: item({
    record: string().key().savedAs('pk').const(SETTINGS_PARTITION),
    name: string().key().savedAs('sk').const('wechat-force-refresh'),
    /** The Shanghai day the count is for. */
    forcedOn: string(),
    forces: number(),
    /** Epoch ms of the last forced refresh. */
    lastForcedAt: number(),
  }),
});

/** Half of WeChat's daily allowance: the rest is kept for a person at the console. */
export const FORCED_REFRESHES_PER_DAY = 10;
export const FORCED_REFRESH_SPACING_MS = 30_000;

/**
 * Takes one forced refresh for `nowMs`, if today's are not spent and the last was long enough ago: one
 * conditional write (two when the day has changed), so of containers asking at once exactly one may force.
 */
export async function claimForcedRefresh(nowMs: number): Promise<boolean> {
  const day = formatShanghaiDate(new Date(nowMs));
  const spaced = () => ({ or: [{ attr: 'lastForcedAt' as const, exists: false }, { attr: 'lastForcedAt' as const, lte: nowMs - FORCED_REFRESH_SPACING_MS }] });
  const attempts = [
    // Another of today's.
    ForcedRefreshEntity.build(UpdateItemCommand)
      .item({ forcedOn: day, forces: $add(1), lastForcedAt: nowMs })
      .options({ condition: { and: [{ attr: 'forcedOn', eq: day }, { attr: 'forces', lt: FORCED_REFRESHES_PER_DAY }, spaced()] } }),
    // The first of a new day (or ever).
    ForcedRefreshEntity.build(UpdateItemCommand)
      .item({ forcedOn: day, forces: 1, lastForcedAt: nowMs })
      .options({ condition: { and: [{ or: [{ attr: 'forcedOn', exists: false }, { attr: 'forcedOn', ne: day }] }, spaced()] } }),
  ];
  for (const attempt of attempts) {
    try {
      await attempt.send();
      return true;
    } catch (error) {
      if ((error as { name?: string } | null)?.name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return false;
}
