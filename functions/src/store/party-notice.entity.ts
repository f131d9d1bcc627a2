import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { COMPLAINT_KEY, NOTICE_UNSENT_PARTITION, PARTY_NOTICE_SORT } from './keys';
import { FangxinTable } from './table';

/**
 * The written notice to the parties of a refusal or of the end of mediation: when it was issued, by when it must
 * have reached them (a clock like the others), and when each party was reached — by a delivered message, or by
 * opening it in the mini-program. Kept apart from the complaint item, which transitions rewrite whole, so the
 * dispatcher's receipts are never lost to a concurrent move. Its words are built from the deciding event.
 *
 *   pk = COMPLAINT#<id>   sk = NOTICE
 *   gsi1 (sparse, until both parties are reached): NOTICE#unsent  /  <sendBy>#<complaintId>
 */
export const PartyNoticeEntity = new Entity({
  name: 'PartyNotice',
  table: FangxinTable,
  schema: item({
    complaintId: string().key().savedAs('pk').transform(COMPLAINT_KEY),
    record: string().key().savedAs('sk').const(PARTY_NOTICE_SORT),
    kind: string().enum('refusal', 'termination'),
    issuedAt: string(),
    sendBy: string(),
    townCode: string(),
    merchantId: string(),
    merchantName: string(),
    consumerReachedAt: string().optional(),
    consumerReachedBy: string().enum('message', 'opened').optional(),
    merchantReachedAt: string().optional(),
    merchantReachedBy: string().enum('message', 'opened').optional(),
  }).and((schema) => ({
    unsentKey: string()
      .optional()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ consumerReachedAt, merchantReachedAt }) => (consumerReachedAt && merchantReachedAt ? undefined : NOTICE_UNSENT_PARTITION)),
    unsentSort: string()
      .optional()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ consumerReachedAt, merchantReachedAt, sendBy, complaintId }) =>
        consumerReachedAt && merchantReachedAt ? undefined : `${sendBy}#${complaintId}`,
      ),
  })),
});
