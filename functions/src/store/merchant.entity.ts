import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { prefix } from 'dynamodb-toolbox/transformers/prefix';
import { FangxinTable } from './table';

/**
 * Merchant profile: one item per shop, holding the commitments in force, so the QR scan is one GetItem.
 *
 *   pk = MERCHANT#<id>    sk = PROFILE
 *   gsi1pk = MERCHANT_STATUS#<status>   gsi1sk = <townCode>#<id>      (registry: shops by status, by town)
 */
const merchantSchema = item({
  merchantId: string().key().savedAs('pk').transform(prefix('MERCHANT')),
  record: string().key().savedAs('sk').const('PROFILE'),
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
});

export const MerchantEntity = new Entity({
  name: 'Merchant',
  table: FangxinTable,
  schema: merchantSchema.and((schema) => ({
    registryStatusKey: string()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ status }) => `MERCHANT_STATUS#${status}`),
    registrySortKey: string()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ townCode, merchantId }) => `${townCode}#${merchantId}`),
  })),
});
