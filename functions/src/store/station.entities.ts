import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { FangxinTable } from './table';
import {
  CLAIM_CODE_KEY,
  COMPLAINT_KEY,
  FOLLOW_UPS_PARTITION,
  FOLLOW_UP_SORT,
  LEDGER_KEY,
  STATIONS_PARTITION,
  STATION_CODE_KEY,
  STATION_FOLLOW_UPS_KEY,
  STATION_KEY,
  STATION_STAFF_KEY,
} from './keys';

/** A complaint station's profile.  pk = STATIONS   sk = <stationId> */
export const StationEntity = new Entity({
  name: 'Station',
  table: FangxinTable,
  schema: item({
    partition: string().key().savedAs('pk').const(STATIONS_PARTITION),
    stationId: string().key().savedAs('sk'),
    name: string(),
    townCode: string(),
    placeType: string(),
    address: string(),
    contactName: string(),
    contactPhone: string(),
    registeredAt: string(),
    registeredBy: string(),
  }),
});

/** A station staff member, checked live on every station request.  pk = STATION#<id>   sk = STAFF#<userId> */
export const StationStaffEntity = new Entity({
  name: 'StationStaff',
  table: FangxinTable,
  schema: item({
    stationId: string().key().savedAs('pk').transform(STATION_KEY),
    userId: string().key().savedAs('sk').transform(STATION_STAFF_KEY),
    displayName: string(),
    since: string(),
  }),
});

/** A one-time code to join a station.  pk = STATION_CODE#<code>   sk = CODE  (TTL expiresAt) */
export const StationCodeEntity = new Entity({
  name: 'StationCode',
  table: FangxinTable,
  schema: item({
    code: string().key().savedAs('pk').transform(STATION_CODE_KEY),
    record: string().key().savedAs('sk').const('CODE'),
    stationId: string(),
    townCode: string(),
    issuedBy: string(),
    expiresAt: number(),
    /** Who used it. Kept until it expires, so the same person sending it again (a lost answer) is answered again. */
    usedBy: string().optional(),
  }),
});

/**
 * A line of a station's ledger: the complaint it took in (its state is read from the complaint).
 *   pk = STATION#<id>   sk = LEDGER#<filedAt>#<complaintId>
 */
export const LedgerEntryEntity = new Entity({
  name: 'LedgerEntry',
  table: FangxinTable,
  schema: item({
    stationId: string().key().savedAs('pk').transform(STATION_KEY),
    entry: string().key().savedAs('sk').transform(LEDGER_KEY),
    complaintId: string(),
    channel: string(),
    filedBy: string(),
  }),
});

/**
 * A consumer's claim code, stored by its hash with the complaint it opens.  pk = CLAIM_CODE#<sha256>  sk = CODE
 * Marked with its claimant when used (a conditional update, so it works once), deleted when replaced;
 * DynamoDB's TTL removes it when expired, and the use case checks `expiresAt` itself because TTL deletion is lazy.
 */
export const ClaimCodeEntity = new Entity({
  name: 'ClaimCode',
  table: FangxinTable,
  schema: item({
    codeHash: string().key().savedAs('pk').transform(CLAIM_CODE_KEY),
    record: string().key().savedAs('sk').const('CODE'),
    complaintId: string(),
    expiresAt: number(),
    /** Who claimed with it. Kept until it expires, so the claimant sending it again (a lost answer) is answered again. */
    usedBy: string().optional(),
    /** What became of its SMS, so the station's retry of the request that made it is told without a second text. */
    sms: string().enum('sent', 'failed', 'over_limit', 'not_configured', 'not_requested').optional(),
    /** Epoch ms a request took the code's one SMS send: a twin request does not text it again. */
    smsSendingSince: number().optional(),
  }),
});

/**
 * A 回访 due on a closed complaint nobody rated, in the complaint's partition; removed once it is rated.
 *   pk = COMPLAINT#<id>   sk = FOLLOWUP
 *   gsi1 every one due:      FOLLOWUP#due                 /  <dueAt>#<id>
 *   gsi2 a station's (sparse): FOLLOWUP#STATION#<stationId> /  <dueAt>#<id>
 */
export const FollowUpEntity = new Entity({
  name: 'FollowUp',
  table: FangxinTable,
  schema: item({
    complaintId: string().key().savedAs('pk').transform(COMPLAINT_KEY),
    record: string().key().savedAs('sk').const(FOLLOW_UP_SORT),
    dueAt: string(),
    closedAt: string(),
    townCode: string(),
    merchantName: string(),
    status: string(),
    stationId: string().optional(),
    attempts: number().optional(),
    lastOutcome: string().optional(),
  }).and((schema) => ({
    dueKey: string()
      .savedAs('gsi1pk')
      .link<typeof schema>(() => FOLLOW_UPS_PARTITION),
    dueSort: string()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ dueAt, complaintId }) => `${dueAt}#${complaintId}`),
    stationKey: string()
      .optional()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ stationId }) => (stationId ? STATION_FOLLOW_UPS_KEY.encode(stationId) : undefined)),
    stationSort: string()
      .optional()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ stationId, dueAt, complaintId }) => (stationId ? `${dueAt}#${complaintId}` : undefined)),
  })),
});
