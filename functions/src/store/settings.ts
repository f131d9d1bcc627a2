import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { ClockRules, DEFAULT_CLOCK_RULES } from '@fangxin/shared';
import { SettingsEntity } from './support.entities';

const CACHE_MS = 60_000;
let cached: { rules: ClockRules; until: number } | undefined;

/**
 * The county's clock rules: an admin's edit if there is one, else the default preset (Order 121).
 * Cached for a minute per container: rules change rarely and every transition needs them.
 */
export async function getClockRules(nowMs: number): Promise<ClockRules> {
  if (cached && cached.until > nowMs) return cached.rules;
  const { Item } = await SettingsEntity.build(GetItemCommand).key({ name: 'clock-rules' }).send();
  const rules = Item ? ClockRules.parse(Item.value) : DEFAULT_CLOCK_RULES;
  cached = { rules, until: nowMs + CACHE_MS };
  return rules;
}

export async function saveClockRules(rules: ClockRules): Promise<void> {
  await SettingsEntity.build(PutItemCommand).item({ name: 'clock-rules', value: rules }).send();
  cached = undefined;
}
