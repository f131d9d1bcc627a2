import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from './transact';
import type { Condition as EntityCondition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { ClockRules, Conflict, DEFAULT_CLOCK_RULES, IndicatorTargets } from '@fangxin/shared';
import { AuditEntity, SettingsEntity } from './support.entities';
import { AssessmentEntity } from './assessment.entities';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';

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

/**
 * A setting's saved version, kept in its value: 0 until an admin first changes it (and for a value saved before
 * versions were kept). A change names the version it was made on; the write is conditioned on it.
 */
const versionOf = (value: unknown) => {
  const version = (value as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : 0;
};
const unchangedSince = (version: number): EntityCondition<typeof SettingsEntity> =>
  version === 0 ? { or: [{ attr: 'name', exists: false }, { attr: 'value.version', exists: false }] } : { attr: 'value.version', eq: version };

/** The rules and their version, as staff read them (not cached: an admin about to change them sees the latest). */
export async function getClockRulesView(): Promise<ClockRules & { version: number }> {
  const { Item } = await SettingsEntity.build(GetItemCommand).key({ name: 'clock-rules' }).options({ consistent: true }).send();
  return { ...(Item ? ClockRules.parse(Item.value) : DEFAULT_CLOCK_RULES), version: versionOf(Item?.value) };
}

/** An admin's change of the rules made on version `seen`, with its audit entry, together; a stale `seen` is 409. */
export async function saveClockRules(rules: ClockRules, seen: number, staff: { userId: string; role: string }, at: string): Promise<number> {
  await executeUnlessChanged(
    '时限规则刚刚已被他人修改，请刷新后再改',
    SettingsEntity.build(PutTransaction).item({ name: 'clock-rules', value: { ...rules, version: seen + 1 } }).options({ condition: unchangedSince(seen) }),
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
  return seen + 1;
}

async function executeUnlessChanged(conflict: string, ...writes: Parameters<typeof execute>): Promise<void> {
  try {
    await execute(...writes);
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new Conflict(conflict);
    throw error;
  }
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

type SavedTargets = { targets: IndicatorTargets; version: number };
const targetsCache = new Map<number, { saved: SavedTargets | undefined; until: number }>();

/** The office's targets for a year and their version, if it set its own (else the plan's apply); cached for a minute. */
export async function getYearTargets(year: number, nowMs: number, fresh = false): Promise<SavedTargets | undefined> {
  const hit = targetsCache.get(year);
  if (!fresh && hit && hit.until > nowMs) return hit.saved;
  const { Item } = await SettingsEntity.build(GetItemCommand).key({ name: `targets-${year}` }).options({ consistent: fresh }).send();
  const saved = Item ? { targets: IndicatorTargets.parse(Item.value), version: versionOf(Item.value) } : undefined;
  targetsCache.set(year, { saved, until: nowMs + CACHE_MS });
  return saved;
}

/**
 * A check, for a transaction that relies on a year's targets as read at `version` (opening the year's
 * assessment copies them): it fails if an admin saved others since.
 */
export const yearTargetsUnchangedCheck = (year: number, version: number) =>
  SettingsEntity.build(ConditionCheck).key({ name: `targets-${year}` }).condition(unchangedSince(version));

/**
 * An admin's targets for a year made on version `seen`, with the audit entry, together; a stale `seen` is 409.
 * Once the year's assessment is open its standard holds the targets it was opened with, so they no longer
 * change: the dashboard and bulletin would judge the year by other numbers than its scorecards (409 too).
 */
export async function saveYearTargets(year: number, targets: IndicatorTargets, seen: number, staff: { userId: string; role: string }, at: string): Promise<number> {
  try {
    await execute(
      AssessmentEntity.build(ConditionCheck).key({ year: String(year) }).condition({ attr: 'year', exists: false }),
      SettingsEntity.build(PutTransaction).item({ name: `targets-${year}`, value: { ...targets, version: seen + 1 } }).options({ condition: unchangedSince(seen) }),
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
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    if (error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw new Conflict(`${year}年度考核已开始，评分按开始时的目标计算，目标不能再修改`, 'year');
    throw new Conflict(`${year}年的指标目标刚刚已被他人修改，请刷新后再保存`);
  }
  targetsCache.delete(year);
  return seen + 1;
}
