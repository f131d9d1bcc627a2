import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { textModerationSchema } from './text-moderation.schema';
import { COMPLAINT_STATUSES, WITH_SHOP, waitingPlaceOf, type ComplaintStatus } from '@fangxin/shared';
import { FangxinTable } from './table';
import { COMPLAINT_KEY, CONSUMER_KEY, EVENTS_UNCOUNTED_PARTITION, EVENT_KEY, MERCHANT_QUEUE_KEY, RETENTION_DUE_PARTITION, TRIAGE_KEY, TRIAGE_SORT } from './keys';


/** The merchant queue's groups: with the shop first (by deadline), then with the bureau, then closed. */
const queueGroup = (status: ComplaintStatus, closedAt: string | undefined) => (WITH_SHOP.includes(status) ? '0' : closedAt ? '2' : '1');

/** A complaint's place in its shop's queue (gsi1sk): with the shop by deadline, then with the bureau, then closed. */
export const merchantQueueSortOf = ({ status, deadline, closedAt, filedAt, complaintId }: {
  status: ComplaintStatus;
  deadline?: { dueAt: string } | undefined;
  closedAt?: string | undefined;
  filedAt: string;
  complaintId: string;
}) => `${queueGroup(status, closedAt)}#${deadline?.dueAt ?? closedAt ?? filedAt}#${complaintId}`;

/**
 * Closed, and still holding what the retention period removes (a phone number, the consumer's name, photos):
 * such a complaint sits in the sparse `RETENTION#due` partition of gsi3 until the retention job has done it.
 */
export const awaitsRetention = (complaint: { closedAt?: string | undefined; retentionAppliedAt?: string | undefined; phone?: string | undefined; consumerName?: string | undefined; photos: readonly string[] }) =>
  Boolean(complaint.closedAt) && !complaint.retentionAppliedAt && (Boolean(complaint.phone) || Boolean(complaint.consumerName) || complaint.photos.length > 0);

/**
 * A complaint's current state: one item, rewritten whole by every transition under a version condition.
 *
 *   pk = COMPLAINT#<id>   sk = PROFILE                       (events share the partition: EVENT#<seq>)
 *   gsi1 merchant queue:  MERCHANT_QUEUE#<merchantId>  /  <0 in shop | 1 with bureau | 2 closed>#<deadline or closedAt>#<id>
 *   gsi2 consumer list:   CONSUMER#<userId>            /  <filedAt>#<id>
 *   gsi3 triage (sparse, open only): TRIAGE#<waiting place: inshop|escalated|accepted|mediating>  /  <deadline>#<id>
 *   gsi3 retention (sparse, closed with personal data not yet removed): RETENTION#due  /  <closedAt>#<id>
 */
const complaintSchema = item({
  complaintId: string().key().savedAs('pk').transform(COMPLAINT_KEY),
  record: string().key().savedAs('sk').const('PROFILE'),
  version: number(),
  status: string().enum(...COMPLAINT_STATUSES),
  consumerId: string(),
  merchantId: string(),
  merchantName: string(),
  sector: string(),
  areaType: string().optional(),
  townCode: string(),
  category: string(),
  breachedCommitment: map({ key: string(), title: string() }).optional(),
  commitmentsInForce: list(map({ key: string(), title: string() })),
  commitmentsVersion: number().optional(),
  description: string(),
  /** The description's content-security state (moderation.entity.ts); absent on complaints filed before checks. */
  descriptionModeration: textModerationSchema().optional(),
  purchaseDate: string(),
  amount: string().optional(),
  wantedOutcome: string(),
  photos: list(string()),
  phone: string().optional(),
  sharePhoneWithMerchant: boolean(),
  deadline: map({
    kind: string(),
    dueAt: string(),
    startedAt: string().optional(),
    duration: map({ amount: number(), unit: string() }).optional(),
    estimatedYears: list(number()).optional(),
  }).optional(),
  proposal: map({ outcome: string(), amount: string().optional(), dueDate: string(), text: string() }).optional(),
  assigneeId: string().optional(),
  merchantDeclined: boolean().optional(),
  firstResponseAt: string().optional(),
  fulfilledAt: string().optional(),
  rating: map({ rating: string(), comment: string().optional(), at: string(), source: string().optional() }).optional(),
  closedAt: string().optional(),
  case12315: string().optional(),
  filedAt: string(),
  channel: string().optional(),
  stationId: string().optional(),
  consumerName: string().optional(),
  spokenConsent: boolean().optional(),
  claimCodeHash: string().optional(),
  /** When the retention period's removal was done: photos deleted, phone and name masked (use-cases/retention.ts). */
  retentionAppliedAt: string().optional(),
});

export const ComplaintEntity = new Entity({
  name: 'Complaint',
  table: FangxinTable,
  schema: complaintSchema.and((schema) => ({
    merchantQueueKey: string()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ merchantId }) => MERCHANT_QUEUE_KEY.encode(merchantId)),
    merchantQueueSort: string()
      .savedAs('gsi1sk')
      .link<typeof schema>(merchantQueueSortOf),
    consumerKey: string()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ consumerId }) => CONSUMER_KEY.encode(consumerId)),
    consumerSort: string()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ filedAt, complaintId }) => `${filedAt}#${complaintId}`),
    // gsi3 holds an open complaint by where it waits, and a closed one while its personal data awaits retention.
    triageOrRetentionKey: string()
      .optional()
      .savedAs('gsi3pk')
      .link<typeof schema>((complaint) => {
        const place = waitingPlaceOf(complaint.status);
        if (place) return TRIAGE_KEY.encode(place);
        return awaitsRetention(complaint) ? RETENTION_DUE_PARTITION : undefined;
      }),
    triageOrRetentionSort: string()
      .optional()
      .savedAs('gsi3sk')
      .link<typeof schema>((complaint) => {
        const { status, deadline, filedAt, closedAt, complaintId } = complaint;
        if (waitingPlaceOf(status)) return TRIAGE_SORT(deadline?.dueAt ?? filedAt, complaintId);
        return awaitsRetention(complaint) ? `${closedAt}#${complaintId}` : undefined;
      }),
  })),
});

/**
 * An immutable lifecycle event: put once (never overwritten), in the same transaction as the state. The one
 * exception is `moderation`, the content-security state of the event's text, which the recheck job and
 * reviewers move on (pass, held, released, blocked) with a conditional update of that attribute alone.
 */
export const ComplaintEventEntity = new Entity({
  name: 'ComplaintEvent',
  table: FangxinTable,
  schema: item({
    complaintId: string().key().savedAs('pk').transform(COMPLAINT_KEY),
    /** Zero-padded version the event produced, so events sort in order: EVENT#000002. */
    seq: string().key().savedAs('sk').transform(EVENT_KEY),
    type: string(),
    at: string(),
    actor: map({ kind: string(), userId: string().optional(), role: string().optional() }),
    from: string(),
    to: string(),
    visibility: string().enum('all', 'staff'),
    data: any(),
    /** Only on events with a consumer's or a merchant's own text. */
    moderation: textModerationSchema().optional(),
    /**
     * What the event adds to the indicator counters (store/counting.ts), decided when it is written and
     * applied exactly once afterwards, off the write path: counters shared by every complaint in the county
     * must never make a filing or a move fail.
     */
    counts: any().optional(),
    /** When the counts were applied; until then the event sits in the sparse `uncounted` index. */
    countedAt: string().optional(),
  }).and((schema) => ({
    uncountedKey: string()
      .optional()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ counts, countedAt }) => (Array.isArray(counts) && counts.length > 0 && !countedAt ? EVENTS_UNCOUNTED_PARTITION : undefined)),
    uncountedSort: string()
      .optional()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ counts, countedAt, at, complaintId, seq }) =>
        Array.isArray(counts) && counts.length > 0 && !countedAt ? `${at}#${complaintId}#${seq}` : undefined,
      ),
  })),
});

export const eventSeq = (version: number) => String(version).padStart(6, '0');
