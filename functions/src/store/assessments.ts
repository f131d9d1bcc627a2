import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from './transact';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { string } from 'dynamodb-toolbox/schema/string';
import { Conflict, type AssessmentStandard, type Override, type ScorecardInputs } from '@fangxin/shared';
import { AssessmentEntity, ScorecardEntity } from './assessment.entities';
import { ASSESSMENT_KEY, SCORECARD_KEY } from './keys';
import { AuditEntity } from './support.entities';
import { yearTargetsUnchangedCheck } from './settings';
import { FangxinTable } from './table';

export interface AssessmentRecord {
  year: number;
  state: 'computing' | 'open' | 'confirmed';
  standard: AssessmentStandard;
  shops: number;
  pending: string[];
  awardsPending: string[];
  openedAt: string;
  openedBy: string;
  confirmedAt?: string;
  confirmedBy?: string;
  version: number;
}

export interface StoredScorecard {
  year: number;
  merchantId: string;
  name: string;
  townCode: string;
  sector: string;
  inputs: ScorecardInputs;
  overrides: Override[];
  total: number;
  passed: boolean;
  verdict: string;
  bottomLines: number;
  computedAt: string;
  version: number;
}

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException ||
  (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException' ||
  error instanceof TransactionCanceledException;

const toRecord = (item: Record<string, unknown>): AssessmentRecord => {
  const { record: _r, entity: _e, ...rest } = item;
  return { ...(rest as unknown as AssessmentRecord), year: Number(item.year) };
};
const toScorecard = (item: Record<string, unknown>): StoredScorecard => {
  const { entity: _e, ...rest } = item;
  return { ...(rest as unknown as StoredScorecard), year: Number(item.year) };
};

export async function findAssessment(year: number): Promise<AssessmentRecord | undefined> {
  const { Item } = await AssessmentEntity.build(GetItemCommand).key({ year: String(year) }).options({ consistent: true }).send();
  return Item ? toRecord(Item as Record<string, unknown>) : undefined;
}

/**
 * Writes the assessment record's next state, conditioned on the version read (and, when opening, on there
 * being none): two admins acting at once — one wins, the other gets `conflictMessage` as a 409. Opening copies
 * the year's targets into the standard: `targetsRead` is the targets' version they were copied at, checked in
 * the same transaction, so targets saved meanwhile are never frozen out (409, open again).
 */
export async function saveAssessment(
  next: AssessmentRecord,
  readVersion: number | undefined,
  conflictMessage: string,
  audit?: { staffUserId: string; role: string; action: string; detail: string },
  targetsRead?: { version: number },
): Promise<void> {
  const write = AssessmentEntity.build(PutTransaction)
    .item({ ...next, year: String(next.year) })
    .options({ condition: readVersion === undefined ? { attr: 'year', exists: false } : { attr: 'version', eq: readVersion } });
  try {
    await execute(
      write,
      ...(audit
        ? [
            AuditEntity.build(PutTransaction).item({
              staffUserId: audit.staffUserId,
              entry: `${next.confirmedAt ?? next.openedAt}#assessment-${next.year}#${audit.action}`,
              action: audit.action,
              role: audit.role,
              subjectType: 'settings',
              subjectId: `assessment-${next.year}`,
              detail: audit.detail,
              at: next.confirmedAt ?? next.openedAt,
            }),
          ]
        : []),
      ...(targetsRead ? [yearTargetsUnchangedCheck(next.year, targetsRead.version)] : []),
    );
  } catch (error) {
    const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
    if (targetsRead && reasons.at(-1)?.Code === 'ConditionalCheckFailed' && reasons[0]?.Code !== 'ConditionalCheckFailed') {
      throw new Conflict(`${next.year}年的指标目标刚刚已被修改，请刷新后重新开启年度考核`, 'year');
    }
    if (isConditionFailure(error)) throw new Conflict(conflictMessage);
    throw error;
  }
}

/** A newly computed scorecard; an existing one is never overwritten (a second computing run skips it). */
export async function putScorecard(scorecard: StoredScorecard): Promise<boolean> {
  try {
    await ScorecardEntity.build(PutItemCommand)
      .item({ ...scorecard, year: String(scorecard.year) })
      .options({ condition: { attr: 'merchantId', exists: false } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function findScorecard(year: number, merchantId: string): Promise<StoredScorecard | undefined> {
  const { Item } = await ScorecardEntity.build(GetItemCommand).key({ year: String(year), merchantId }).options({ consistent: true }).send();
  return Item ? toScorecard(Item as Record<string, unknown>) : undefined;
}

/** An override: the scorecard with it (conditioned on the version read) and the audit entry, together. */
export async function saveOverride(next: StoredScorecard, readVersion: number, override: Override, role: string): Promise<void> {
  try {
    await execute(
      // The year not yet confirmed as the override commits, and its record moved on: confirming reads the
      // scorecards and then saves the record on the version it read, so an override landing in between makes
      // the confirmation fail (and be made again on what is now stored) instead of awarding on old scores.
      AssessmentEntity.build(UpdateTransaction)
        .item({ year: String(next.year), version: $add(1) })
        .options({ condition: { attr: 'state', in: ['open', 'computing'] } }),
      ScorecardEntity.build(PutTransaction)
        .item({ ...next, year: String(next.year) })
        .options({ condition: { attr: 'version', eq: readVersion } }),
      AuditEntity.build(PutTransaction).item({
        staffUserId: override.by,
        entry: `${override.at}#assessment-${next.year}#${next.merchantId}#${override.item}`,
        action: 'assessment_override',
        role,
        subjectType: 'merchant',
        subjectId: next.merchantId,
        detail: `${next.year}年度考核 ${override.item} 调整为 ${override.points} 分：${override.reason}`,
        at: override.at,
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new Conflict('该评分刚刚已被他人调整，或年度考核已确认，请刷新后再操作');
    throw error;
  }
}

/**
 * A scorecard scored again on facts that changed after it was confirmed (a violation recorded before the award
 * reached the shop), conditioned on the version read, with an audit entry under whoever confirmed the year.
 */
export async function saveRescored(next: StoredScorecard, readVersion: number, audit: { staffUserId: string; detail: string; at: string }): Promise<void> {
  try {
    await execute(
      ScorecardEntity.build(PutTransaction)
        .item({ ...next, year: String(next.year) })
        .options({ condition: { attr: 'version', eq: readVersion } }),
      AuditEntity.build(PutTransaction).item({
        staffUserId: audit.staffUserId,
        entry: `${audit.at}#assessment-${next.year}#${next.merchantId}#award_withheld`,
        action: 'award_withheld',
        role: 'admin',
        subjectType: 'merchant',
        subjectId: next.merchantId,
        detail: audit.detail,
        at: audit.at,
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new Conflict('该评分刚刚已被他人调整，请稍后再试');
    throw error;
  }
}

/** Access pattern `assessment-scorecards`: every scorecard of a year (a county's participating shops). */
const yearScorecards = FangxinTable.build(AccessPattern)
  .entities(ScorecardEntity)
  .schema(string().transform(ASSESSMENT_KEY))
  .pattern((partition) => ({ partition, range: { beginsWith: SCORECARD_KEY.encode('') } }))
  .meta({ title: 'assessment-scorecards' });

/** All of a year's scorecards (the county's participating shops: hundreds, read a page at a time). */
export async function listScorecards(year: number): Promise<StoredScorecard[]> {
  // Consistent: confirming awards from this list, and an override committed just before must be in it.
  const { Items = [] } = await yearScorecards.query(String(year)).options({ maxPages: 50, consistent: true }).send();
  return Items.map((item) => toScorecard(item as Record<string, unknown>));
}
