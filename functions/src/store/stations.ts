import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from './transact';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { string } from 'dynamodb-toolbox/schema/string';
import { map } from 'dynamodb-toolbox/schema/map';
import { $add, $set } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { Conflict, Invalid } from '@fangxin/shared';
import { ComplaintEntity } from './complaint.entity';
import { claimWasTaken, claimWrite, type IdempotencyClaim } from './idempotency';
import { readPage, type Page, type PageRequest } from './cursor';
import { FangxinTable } from './table';
import { FOLLOW_UPS_PARTITION, LEDGER_KEY, STATIONS_PARTITION, STATION_FOLLOW_UPS_KEY, STATION_KEY } from './keys';
import { ClaimCodeEntity, FollowUpEntity, LedgerEntryEntity, StationCodeEntity, StationEntity, StationStaffEntity } from './station.entities';
import { UserEntity, AuditEntity } from './support.entities';
import { BINDING_CODE_REFUSED } from './binding-code-refusal';

/** A station as stored. */
export interface StationRecord {
  stationId: string;
  name: string;
  townCode: string;
  placeType: string;
  address: string;
  contactName: string;
  contactPhone: string;
  registeredAt: string;
  registeredBy: string;
}

const STORAGE_ONLY = ['partition', 'entity'] as const;
const asStation = (item: Record<string, unknown>): StationRecord => {
  const rest = { ...item };
  for (const key of STORAGE_ONLY) delete rest[key];
  return rest as unknown as StationRecord;
};

/** Registers a station with its idempotency claim and the admin's audit entry, together. */
export async function saveNewStation(station: StationRecord, claim: IdempotencyClaim): Promise<'created' | 'replayed'> {
  try {
    await execute(
      claimWrite(claim, station.registeredAt),
      StationEntity.build(PutTransaction).item(station).options({ condition: { attr: 'stationId', exists: false } }),
      AuditEntity.build(PutTransaction).item({
        staffUserId: station.registeredBy,
        entry: `${station.registeredAt}#${station.stationId}#register_station`,
        action: 'register_station',
        role: 'admin',
        subjectType: 'station',
        subjectId: station.stationId,
        at: station.registeredAt,
      }),
    );
    return 'created';
  } catch (error) {
    if (error instanceof TransactionCanceledException) return 'replayed';
    throw error;
  }
}

export async function findStation(stationId: string): Promise<StationRecord | undefined> {
  const { Item } = await StationEntity.build(GetItemCommand).key({ stationId }).send();
  return Item ? asStation(Item as Record<string, unknown>) : undefined;
}

/** Access pattern `stations`: every station of the deployment, one partition (tens per county). */
const allStations = FangxinTable.build(AccessPattern)
  .entities(StationEntity)
  .schema(string())
  .pattern(() => ({ partition: STATIONS_PARTITION }))
  .options({ maxPages: 10 })
  .meta({ title: 'stations' });

/**
 * Every station of the county (tens of them: one Query, and its following pages should a county ever pass
 * DynamoDB's 1 MB a page — the list is unpaged, so nothing past the first page may be dropped).
 */
export async function listStations(): Promise<StationRecord[]> {
  const stations: StationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage(allStations.query('all'), { cursor, limit: 500 });
    stations.push(...page.items.map((item) => asStation(item as Record<string, unknown>)));
    cursor = page.nextCursor;
  } while (cursor);
  return stations;
}

/**
 * A one-time code to join a station, audited under the staff member who issued it, with the request's claim on
 * its Idempotency-Key: 'replayed' when the key was claimed already (the same request sent again).
 */
export async function saveStationCode(
  code: { code: string; stationId: string; townCode: string; issuedBy: string; issuedAt: string; expiresAt: number },
  role: string,
  claim: IdempotencyClaim,
): Promise<'saved' | 'replayed'> {
  const writes = [
    StationCodeEntity.build(PutTransaction)
      .item({ code: code.code, stationId: code.stationId, townCode: code.townCode, issuedBy: code.issuedBy, expiresAt: code.expiresAt })
      .options({ condition: { attr: 'code', exists: false } }),
    AuditEntity.build(PutTransaction).item({
      staffUserId: code.issuedBy,
      entry: `${code.issuedAt}#${code.stationId}#invite_station_staff`,
      action: 'invite_station_staff',
      role,
      subjectType: 'station',
      subjectId: code.stationId,
      at: code.issuedAt,
    }),
    claimWrite(claim, code.issuedAt),
  ] as const;
  try {
    await execute(...writes);
    return 'saved';
  } catch (error) {
    if (claimWasTaken(error, writes.length - 1)) return 'replayed';
    throw error;
  }
}

export async function findStationCode(code: string) {
  const { Item } = await StationCodeEntity.build(GetItemCommand).key({ code }).options({ consistent: true }).send();
  return Item;
}

export const ALREADY_STATION_STAFF = '您已是投诉站工作人员；如需调换投诉站，请联系县联席会议办公室';

/** Uses a station code: marked with the person (so it works once), membership recorded, the station in the person's roles — one transaction. */
export async function redeemStationCode(
  binding: { code: string; stationId: string; townCode: string },
  person: { userId: string; displayName: string },
  at: string,
): Promise<void> {
  try {
    await execute(
      StationCodeEntity.build(UpdateTransaction)
        .item({ code: binding.code, usedBy: person.userId })
        .options({ condition: { and: [{ attr: 'code', exists: true }, { attr: 'usedBy', exists: false }] } }),
      StationStaffEntity.build(PutTransaction).item({ stationId: binding.stationId, userId: person.userId, displayName: person.displayName, since: at }),
      // One station per person, as their record says — not as an older token of theirs might.
      UserEntity.build(UpdateTransaction)
        .item({ userId: person.userId, station: $set({ stationId: binding.stationId, townCode: binding.townCode }) })
        .options({ condition: { attr: 'station', exists: false } }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      if (error.CancellationReasons?.[2]?.Code === 'ConditionalCheckFailed') throw new Conflict(ALREADY_STATION_STAFF);
      throw new Invalid(BINDING_CODE_REFUSED, 'code');
    }
    throw error;
  }
}

/** Whether this person is still staff of the station (checked live: a token outlives a removal). */
export async function isStationStaff(stationId: string, userId: string): Promise<boolean> {
  const { Item } = await StationStaffEntity.build(GetItemCommand).key({ stationId, userId }).send();
  return Item !== undefined;
}

// — the ledger and claim codes: written in the filing transaction (store/complaints.ts takes them as extra writes) —

export const ledgerEntryWrite = (entry: { stationId: string; filedAt: string; complaintId: string; channel: string; filedBy: string }) =>
  LedgerEntryEntity.build(PutTransaction).item({
    stationId: entry.stationId,
    entry: `${entry.filedAt}#${entry.complaintId}`,
    complaintId: entry.complaintId,
    channel: entry.channel,
    filedBy: entry.filedBy,
  });

/** Claim codes are stored by their hash: a table read never yields a usable code. */
export const claimCodeHash = (code: string) => createHash('sha256').update(`fangxin-claim:${code}`).digest('base64url');

export const claimCodePut = (code: { hash: string; complaintId: string; expiresAt: number }) =>
  ClaimCodeEntity.build(PutTransaction)
    .item({ codeHash: code.hash, complaintId: code.complaintId, expiresAt: code.expiresAt })
    .options({ condition: { attr: 'codeHash', exists: false } });

export const claimCodeDelete = (hash: string) => ClaimCodeEntity.build(DeleteTransaction).key({ codeHash: hash });

/** Uses a claim code: marked with its claimant, once (written in the claim's transition). */
export const claimCodeUse = (hash: string, userId: string) =>
  ClaimCodeEntity.build(UpdateTransaction)
    .item({ codeHash: hash, usedBy: userId })
    .options({ condition: { and: [{ attr: 'codeHash', exists: true }, { attr: 'usedBy', exists: false }] } });

/**
 * Replaces a station-filed complaint's claim code: the old one deleted, the new one put, the complaint's
 * pointer moved — conditioned on the complaint being unchanged since read and still unclaimed — with an audit
 * entry naming the station staff member who asked, and the request's claim on its Idempotency-Key.
 * 'replayed' when that key was claimed already (the same request sent again).
 */
export async function replaceClaimCode(
  complaint: { id: string; version: number; claimCodeHash?: string },
  next: { hash: string; expiresAt: number },
  issued: { by: string; at: string; bySms: boolean },
  claim: IdempotencyClaim,
): Promise<'replaced' | 'replayed'> {
  const writes = [
    ComplaintEntity.build(UpdateTransaction)
      .item({ complaintId: complaint.id, claimCodeHash: next.hash })
      .options({ condition: { and: [{ attr: 'version', eq: complaint.version }, { attr: 'consumerId', beginsWith: 'unclaimed:' }] } }),
    ...(complaint.claimCodeHash ? [claimCodeDelete(complaint.claimCodeHash)] : []),
    claimCodePut({ hash: next.hash, complaintId: complaint.id, expiresAt: next.expiresAt }),
    AuditEntity.build(PutTransaction).item({
      staffUserId: issued.by,
      entry: `${issued.at}#${complaint.id}#reissue_claim_code`,
      action: 'reissue_claim_code',
      role: 'station',
      subjectType: 'complaint',
      subjectId: complaint.id,
      detail: issued.bySms ? '重新发放认领码并短信发送' : '重新发放认领码',
      at: issued.at,
    }),
    claimWrite(claim, issued.at),
  ] as const;
  try {
    await execute(...writes);
    return 'replaced';
  } catch (error) {
    if (claimWasTaken(error, writes.length - 1)) return 'replayed';
    if (error instanceof TransactionCanceledException) throw new Conflict('该投诉刚有新的进展，请刷新后重试');
    throw error;
  }
}

/** Records what became of a claim code's SMS (nothing when the code was replaced or used meanwhile). */
export async function recordClaimCodeSms(hash: string, sms: 'sent' | 'failed' | 'over_limit' | 'not_configured' | 'not_requested'): Promise<void> {
  try {
    await ClaimCodeEntity.build(UpdateItemCommand).item({ codeHash: hash, sms }).options({ condition: { attr: 'codeHash', exists: true } }).send();
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** A send taken this long ago and never recorded is taken to have died with its request: another may send. */
const SMS_SEND_ABANDONED_MS = 5 * 60 * 1000;

/**
 * Takes the code's one SMS send: true for the first request to ask (or once a send taken long ago was never
 * recorded), false while a twin request is sending it or once its outcome is recorded. One conditional update.
 */
export async function takeClaimCodeSmsSend(hash: string, nowMs: number): Promise<boolean> {
  try {
    await ClaimCodeEntity.build(UpdateItemCommand)
      .item({ codeHash: hash, smsSendingSince: nowMs })
      .options({
        condition: {
          and: [
            { attr: 'codeHash', exists: true },
            { attr: 'sms', exists: false },
            { or: [{ attr: 'smsSendingSince', exists: false }, { attr: 'smsSendingSince', lt: nowMs - SMS_SEND_ABANDONED_MS }] },
          ],
        },
      })
      .send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function findClaimCode(hash: string) {
  const { Item } = await ClaimCodeEntity.build(GetItemCommand).key({ codeHash: hash }).options({ consistent: true }).send();
  return Item;
}

/** Access pattern `station-ledger`: what a station took in, newest first. */
const stationLedger = FangxinTable.build(AccessPattern)
  .entities(LedgerEntryEntity)
  .schema(string().transform(STATION_KEY))
  .pattern((partition) => ({ partition, range: { beginsWith: LEDGER_KEY.encode('') } }))
  .options({ reverse: true })
  .meta({ title: 'station-ledger' });

export const listLedger = (stationId: string, page: PageRequest) =>
  readPage(stationLedger.query(stationId), page) as Promise<Page<{ complaintId: string; channel: string; filedBy: string }>>;

// — 回访 —

export interface FollowUpRecord {
  complaintId: string;
  dueAt: string;
  closedAt: string;
  townCode: string;
  merchantName: string;
  status: string;
  stationId?: string;
  attempts?: number;
  lastOutcome?: string;
}

export const followUpPut = (followUp: FollowUpRecord) => FollowUpEntity.build(PutTransaction).item(followUp);
export const followUpDelete = (complaintId: string) => FollowUpEntity.build(DeleteTransaction).key({ complaintId });
/** A call that did not reach the consumer: counted on the open 回访, which stays due. */
export const followUpAttempt = (complaintId: string, outcome: string) =>
  FollowUpEntity.build(UpdateTransaction)
    .item({ complaintId, attempts: $add(1), lastOutcome: outcome })
    .options({ condition: { attr: 'complaintId', exists: true } });

/** Puts a 回访 directly (demo data and the tests' seeding; the lifecycle writes them with the closing transition). */
export async function putFollowUp(followUp: FollowUpRecord): Promise<void> {
  await FollowUpEntity.build(PutItemCommand).item(followUp).send();
}

/** Access pattern `follow-ups-due`: every 回访 due by `dueBy`, oldest first. */
const followUpsDue = FangxinTable.build(AccessPattern)
  .entities(FollowUpEntity)
  .schema(map({ dueBy: string() }))
  .pattern(({ dueBy }) => ({ index: 'gsi1', partition: FOLLOW_UPS_PARTITION, range: { lte: `${dueBy}#~` } }))
  .meta({ title: 'follow-ups-due' });

/** Access pattern `station-follow-ups`: a station's 回访 due by `dueBy`, oldest first. */
const stationFollowUpsDue = FangxinTable.build(AccessPattern)
  .entities(FollowUpEntity)
  .schema(map({ stationId: string().transform(STATION_FOLLOW_UPS_KEY), dueBy: string() }))
  .pattern(({ stationId, dueBy }) => ({ index: 'gsi2', partition: stationId, range: { lte: `${dueBy}#~` } }))
  .meta({ title: 'station-follow-ups' });

const asFollowUps = (page: Page<unknown>): Page<FollowUpRecord> => ({ ...page, items: page.items as FollowUpRecord[] });

export const listFollowUpsDue = async (dueBy: string, page: PageRequest) => asFollowUps(await readPage(followUpsDue.query({ dueBy }), page));
export const listStationFollowUpsDue = async (stationId: string, dueBy: string, page: PageRequest) =>
  asFollowUps(await readPage(stationFollowUpsDue.query({ stationId, dueBy }), page));
