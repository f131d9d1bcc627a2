import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { set } from 'dynamodb-toolbox/schema/set';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { any } from 'dynamodb-toolbox/schema/any';

import { FangxinTable } from './table';
import { MERCHANT_KEY, COUNTER_KEY, OUTBOX_KEY, OUTBOX_DUE_PARTITION, OUTBOX_ATTENTION_PARTITION, USER_KEY, STAFF_ROSTER_PARTITION, AUDIT_KEY, IDEMPOTENCY_KEY, SETTINGS_PARTITION } from './keys';






/**
 * One attribute per COUNTER_NAMES entry (shared/src/domain/indicators.ts); a unit test keeps them in step.
 * The entities below take them through `Object.assign`, not a spread: esbuild cannot drop a declaration that
 * spreads an object (a spread may run a getter), so every function would build them (esbuild-plugins.js).
 */
const counterAttributes = {
  received: number().optional(),
  closed: number().optional(),
  withdrawn: number().optional(),
  settledInShop: number().optional(),
  escalated: number().optional(),
  mediated: number().optional(),
  mediationFailed: number().optional(),
  notAccepted: number().optional(),
  rated: number().optional(),
  ratedByFollowUp: number().optional(),
  satisfied: number().optional(),
  basicallySatisfied: number().optional(),
  dissatisfied: number().optional(),
  firstResponses: number().optional(),
  firstResponseMinutesTotal: number().optional(),
  firstResponseWithin1h: number().optional(),
  firstResponseWithin4h: number().optional(),
  firstResponseWithin24h: number().optional(),
  firstResponseWithin72h: number().optional(),
  firstResponseOver72h: number().optional(),
  quizRespondents: number().optional(),
  quizPassed: number().optional(),
};

/**
 * Indicator counters per scope × period, added to in the transaction that changes them.
 *   pk = COUNTER#<county|town|sector>#<id>   sk = M#<yyyy-mm> | Y#<yyyy>
 */
export const CounterEntity = new Entity({
  name: 'Counter',
  table: FangxinTable,
  schema: item(
    Object.assign(
      {
        scope: string().key().savedAs('pk').transform(COUNTER_KEY),
        period: string().key().savedAs('sk'),
      },
      counterAttributes,
    ),
  ),
});

/**
 * A shop's own counters live in the shop's partition, next to its profile, so the public page reads the
 * profile and the last 12 months in one Query (sk BETWEEN COUNTER#M#<first month> AND PROFILE).
 *   pk = MERCHANT#<id>   sk = COUNTER#M#<yyyy-mm>            (the indicator counters)
 *                        sk = COUNTER#M#<yyyy-mm>#C#<key>    (per commitment: invoked, honoured)
 */
export const MerchantCounterEntity = new Entity({
  name: 'MerchantCounter',
  table: FangxinTable,
  schema: item(
    Object.assign(
      {
        merchantId: string().key().savedAs('pk').transform(MERCHANT_KEY),
        counterKey: string().key().savedAs('sk').transform(COUNTER_KEY),
      },
      counterAttributes,
      {
        invoked: number().optional(),
        honoured: number().optional(),
        /** Only on `COUNTER#RECALLS`: the shop's recall notices in public view. */
        publicRecalls: number().optional(),
      },
    ),
  ),
});

/**
 * A notification to deliver, written in the same transaction as the event that causes it (transactional
 * outbox) and delivered by the dispatcher (docs/notifications.md).
 *   pk = OUTBOX#<id>   sk = ITEM
 *   gsi1 (sparse, while pending):            OUTBOX#pending    /  <dueAt>#<id>   — what is due, oldest first
 *   gsi2 (sparse, once it failed for good):  OUTBOX#attention  /  <settledAt>#<id> — what staff must follow up
 *
 * `sentTo`/`refusedBy` record, per person, what WeChat acknowledged or refused, so a retry or a second
 * dispatcher never sends to the same person twice. `claimToken`/`claimedUntil` are the dispatcher's lease.
 */
export const OUTBOX_STATES = ['pending', 'delivered', 'undeliverable', 'dead'] as const;
export const OutboxEntity = new Entity({
  name: 'Outbox',
  table: FangxinTable,
  schema: item({
    outboxId: string().key().savedAs('pk').transform(OUTBOX_KEY),
    record: string().key().savedAs('sk').const('ITEM'),
    state: string().enum(...OUTBOX_STATES),
    dueAt: string(),
    attempts: number(),
    /** The complaint the message is about; absent when it is about something else (`subject`). */
    complaintId: string().optional(),
    /** Set when the message is about a rectification order (整改通知) instead of a complaint. */
    subject: string().enum('rectification').optional(),
    rectificationId: string().optional(),
    recipient: map({ kind: string(), userId: string().optional(), merchantId: string().optional(), townCode: string().optional() }),
    headline: string(),
    status: string(),
    /** Set when the message carries a written notice (告知书): its delivery counts as the notice reaching the party. */
    notice: string().enum('refusal', 'termination').optional(),
    /** Copied from the complaint when written: the message names the shop; staff see their towns' failures. */
    townCode: string().optional(),
    merchantId: string().optional(),
    merchantName: string().optional(),
    createdAt: string().optional(),
    claimToken: string().optional(),
    claimedUntil: string().optional(),
    sentTo: set(string()).optional(),
    refusedBy: set(string()).optional(),
    /** SMS fallback: the masked number it went to. */
    smsSentTo: string().optional(),
    /** Why the last attempt failed (no secrets: WeChat's code and text, or our reason). */
    lastError: string().optional(),
    settledAt: string().optional(),
  }).and((schema) => ({
    dueKey: string()
      .optional()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ state }) => (state === 'pending' ? OUTBOX_DUE_PARTITION : undefined)),
    dueSort: string()
      .optional()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ state, dueAt, outboxId }) => (state === 'pending' ? `${dueAt}#${outboxId}` : undefined)),
    attentionKey: string()
      .optional()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ state }) => (state === 'undeliverable' || state === 'dead' ? OUTBOX_ATTENTION_PARTITION : undefined)),
    attentionSort: string()
      .optional()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ state, settledAt, outboxId }) =>
        state === 'undeliverable' || state === 'dead' ? `${settledAt ?? ''}#${outboxId}` : undefined,
      ),
  })),
});

/**
 * Remembers what an `Idempotency-Key` created (a complaint, an inspection…), for 24 h (TTL), so a retried or
 * double-tapped submission returns the same thing. Scoped by user and operation (see store/idempotency.ts).
 *   pk = IDEMPOTENCY#<userId>#<operation>#<key>   sk = RECORD
 */
export const IdempotencyEntity = new Entity({
  name: 'Idempotency',
  table: FangxinTable,
  schema: item({
    scopedKey: string().key().savedAs('pk').transform(IDEMPOTENCY_KEY),
    record: string().key().savedAs('sk').const('RECORD'),
    resultId: string(),
    requestHash: string(),
    expiresAt: number(),
  }),
});

/**
 * A signed-in person and their role bindings.
 *   pk = USER#<userId>   sk = PROFILE       (userId is derived from the WeChat openid; see auth/user-id.ts)
 */
export const UserEntity = new Entity({
  name: 'User',
  table: FangxinTable,
  schema: item({
    userId: string().key().savedAs('pk').transform(USER_KEY),
    record: string().key().savedAs('sk').const('PROFILE'),
    displayName: string(),
    /**
     * The WeChat openid, for subscribe messages and msgSecCheck. Server-side only: never returned by the
     * API (the user id is a keyed hash of it, see auth/user-id.ts).
     */
    openid: string().optional(),
    /** Shops this person works for; a string set so binding and removal are atomic ADD/DELETE. */
    merchantIds: set(string()).optional(),
    staff: map({ role: string().enum('regulator', 'mediator', 'admin'), jurisdiction: any() }).optional(),
    /** The complaint station this person takes complaints in at (投诉站 staff). */
    station: map({ stationId: string(), townCode: string() }).optional(),
  }),
});

/**
 * Audit trail of staff actions, by person: who did what, when, in which role, to which complaint or shop —
 * and which export of personal data they took.
 *   pk = AUDIT#<staffUserId>   sk = <at>#<subjectId>#<seq>
 */
export const AuditEntity = new Entity({
  name: 'Audit',
  table: FangxinTable,
  schema: item({
    staffUserId: string().key().savedAs('pk').transform(AUDIT_KEY),
    entry: string().key().savedAs('sk'),
    action: string(),
    role: string(),
    subjectType: string().enum('complaint', 'merchant', 'settings', 'inspection', 'station', 'content', 'recall', 'export'),
    subjectId: string(),
    /** The reason or note given, for registry actions. */
    detail: string().optional(),
    at: string(),
  }),
});

/**
 * Editable settings (clock rules).  pk = SETTINGS   sk = <name>
 */
export const SettingsEntity = new Entity({
  name: 'Settings',
  table: FangxinTable,
  schema: item({
    record: string().key().savedAs('pk').const(SETTINGS_PARTITION),
    name: string().key().savedAs('sk'),
    value: any(),
  }),
});

/**
 * Bureau staff, one item each in one partition, so "who must hear about town X" is one Query. A county has
 * tens of staff, not thousands; the jurisdiction filter runs on the page read.
 *   pk = STAFF_ROSTER   sk = <userId>
 */
export const StaffRosterEntity = new Entity({
  name: 'StaffRoster',
  table: FangxinTable,
  schema: item({
    record: string().key().savedAs('pk').const(STAFF_ROSTER_PARTITION),
    userId: string().key().savedAs('sk'),
    role: string().enum('regulator', 'mediator', 'admin'),
    jurisdiction: any(),
    openid: string().optional(),
  }),
});
