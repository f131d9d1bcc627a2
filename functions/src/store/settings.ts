import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ClockRules, DEFAULT_CLOCK_RULES, IndicatorTargets } from '@fangxin/shared';
import { AuditEntity, SettingsEntity } from './support.entities';

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

/** An admin's change of the rules, with its audit entry, together. */
export async function saveClockRules(rules: ClockRules, staff: { userId: string; role: string }, at: string): Promise<void> {
  await execute(
    SettingsEntity.build(PutTransaction).item({ name: 'clock-rules', value: rules }),
    AuditEntity.build(PutTransaction).item({
      staffUserId: staff.userId,
      entry: `${at}#clock-rules`,
      action: 'clock_rules_saved',
      role: staff.role,
      subjectType: 'settings',
      subjectId: 'clock-rules',
      detail: `规则来源 ${rules.preset}`,
      at,
    }),
  );
  cached = undefined;
}

/**
 * True for the first caller of the day only (a conditional write on the day), so a schedule that runs every
 * few minutes in many containers says something once a day.
 */
export async function claimDailyNotice(name: string, day: string): Promise<boolean> {
  try {
    await SettingsEntity.build(PutItemCommand)
      .item({ name, value: { day } })
      .options({ condition: { or: [{ attr: 'name', exists: false }, { attr: 'value.day', ne: day }] } })
      .send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

const targetsCache = new Map<number, { targets: IndicatorTargets | undefined; until: number }>();

/** The office's targets for a year, if it set its own (else the plan's apply); cached for a minute. */
export async function getYearTargets(year: number, nowMs: number): Promise<IndicatorTargets | undefined> {
  const hit = targetsCache.get(year);
  if (hit && hit.until > nowMs) return hit.targets;
  const { Item } = await SettingsEntity.build(GetItemCommand).key({ name: `targets-${year}` }).send();
  const targets = Item ? IndicatorTargets.parse(Item.value) : undefined;
  targetsCache.set(year, { targets, until: nowMs + CACHE_MS });
  return targets;
}

/** An admin's targets for a year, with the audit entry, together. */
export async function saveYearTargets(year: number, targets: IndicatorTargets, staff: { userId: string; role: string }, at: string): Promise<void> {
  await execute(
    SettingsEntity.build(PutTransaction).item({ name: `targets-${year}`, value: targets }),
    AuditEntity.build(PutTransaction).item({
      staffUserId: staff.userId,
      entry: `${at}#targets-${year}`,
      action: 'targets_saved',
      role: staff.role,
      subjectType: 'settings',
      subjectId: `targets-${year}`,
      detail: Object.entries(targets)
        .map(([key, value]) => `${key} ${value}`)
        .join('，'),
      at,
    }),
  );
  targetsCache.delete(year);
}
