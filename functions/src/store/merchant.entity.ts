import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { FangxinTable } from './table';
import { MERCHANT_KEY, MERCHANT_PROFILE, MERCHANT_STATUS_KEY, CREDIT_FLAGGED_PARTITION } from './keys';

/**
 * Key prefixes of shops, declared once. `MERCHANT#<id>` is the shop's partition: its profile, counters,
 * commitments versions and people all live there (their entities use this same transformer).
 */

/**
 * Merchant profile: one item per shop, holding the commitments in force, so the QR scan is one GetItem.
 *
 *   pk = MERCHANT#<id>    sk = PROFILE
 *   gsi1pk = MERCHANT_STATUS#<status>   gsi1sk = <townCode>#<id>      (registry: shops by status, by town)
 *   gsi2pk = CREDIT_FLAGGED             gsi2sk = <townCode>#<id>      (联合惩戒 list; sparse)
 *
 * Also in the shop's partition: COUNTER#… (its counters), COMMITMENTS#<version> (every commitments version),
 * STAFF#<userId> (its owner and clerks). Sort keys are chosen so `BETWEEN COUNTER#… AND PROFILE` on the
 * public page reads counters and profile only.
 */
const merchantSchema = item({
  merchantId: string().key().savedAs('pk').transform(MERCHANT_KEY),
  record: string().key().savedAs('sk').const(MERCHANT_PROFILE),
  name: string(),
  type: string().enum('enterprise', 'individual'),
  sector: string(),
  townCode: string(),
  townName: string(),
  areaType: string(),
  address: string(),
  status: string().enum('pending', 'active', 'suspended', 'revoked', 'rejected'),
  badge: map({ kind: string().enum('participant', 'model'), year: number().optional() }).optional(),
  commitments: list(
    map({
      kind: string().enum('catalogue', 'custom'),
      code: string().optional(),
      days: number().optional(),
      title: string().optional(),
      text: string().optional(),
    }),
  ),
  commitmentsSince: string(),
  commitmentsVersion: number().default(1),
  uscc: string().optional(),
  contactName: string().optional(),
  contactPhone: string().optional(),
  applicantUserId: string().optional(),
  appliedAt: string().optional(),
  statusReason: string().optional(),
  creditFlags: list(map({ source: string(), date: string(), description: string(), recordedAt: string() })).default([]),
  // Optional: shops stored before credit repair existed have none, and must still be read.
  resolvedCreditFlags: list(
    map({ source: string(), date: string(), description: string(), recordedAt: string(), resolvedAt: string(), resolvedBy: string(), resolution: string() }),
  ).optional(),
});

export const MerchantEntity = new Entity({
  name: 'Merchant',
  table: FangxinTable,
  schema: merchantSchema.and((schema) => ({
    registryStatusKey: string()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ status }) => MERCHANT_STATUS_KEY.encode(status)),
    registrySortKey: string()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ townCode, merchantId }) => `${townCode}#${merchantId}`),
    // Sparse: only shops with credit flags are on the 联合惩戒 list.
    creditListKey: string()
      .optional()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ creditFlags }) => (creditFlags.length > 0 ? CREDIT_FLAGGED_PARTITION : undefined)),
    creditListSort: string()
      .optional()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ creditFlags, townCode, merchantId }) => (creditFlags.length > 0 ? `${townCode}#${merchantId}` : undefined)),
  })),
});
