import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';

import { FangxinTable } from './table';
import { MERCHANT_KEY, COMMITMENTS_KEY, SHOP_MEMBER_KEY, BINDING_KEY, DIRECTORY_KEY, USCC_KEY } from './keys';



/**
 * Every version of a shop's commitments, kept: a complaint records the version in force when filed.
 *   pk = MERCHANT#<id>   sk = COMMITMENTS#<version, zero-padded>
 */
export const CommitmentsVersionEntity = new Entity({
  name: 'CommitmentsVersion',
  table: FangxinTable,
  schema: item({
    merchantId: string().key().savedAs('pk').transform(MERCHANT_KEY),
    versionKey: string().key().savedAs('sk').transform(COMMITMENTS_KEY),
    version: number(),
    commitments: any(),
    effectiveFrom: string(),
    editedBy: string(),
  }),
});

/**
 * A person working for a shop. Checked on every merchant request, so removing a clerk takes effect at once,
 * whatever their token still says.
 *   pk = MERCHANT#<id>   sk = STAFF#<userId>
 */
export const ShopMemberEntity = new Entity({
  name: 'ShopMember',
  table: FangxinTable,
  schema: item({
    merchantId: string().key().savedAs('pk').transform(MERCHANT_KEY),
    userId: string().key().savedAs('sk').transform(SHOP_MEMBER_KEY),
    role: string().enum('owner', 'clerk'),
    displayName: string(),
    since: string(),
  }),
});

/**
 * A one-time binding code (owner, issued by staff on approval; clerk, issued by the owner), marked with who used
 * it, expired by TTL.   pk = BINDING#<code>   sk = CODE
 */
export const BindingCodeEntity = new Entity({
  name: 'BindingCode',
  table: FangxinTable,
  schema: item({
    code: string().key().savedAs('pk').transform(BINDING_KEY),
    record: string().key().savedAs('sk').const('CODE'),
    merchantId: string(),
    role: string().enum('owner', 'clerk'),
    issuedBy: string(),
    expiresAt: number(),
    /** Who used it. Kept until it expires, so the same person sending it again (a lost answer) is answered again. */
    usedBy: string().optional(),
  }),
});

/**
 * The one registration a business (统一社会信用代码) may have: written with its application, conditioned on
 * not existing, so the same application sent twice makes one shop; released when the application is rejected.
 *   pk = USCC#<code>   sk = HOLDER
 */
export const UsccHolderEntity = new Entity({
  name: 'UsccHolder',
  table: FangxinTable,
  schema: item({
    uscc: string().key().savedAs('pk').transform(USCC_KEY),
    record: string().key().savedAs('sk').const('HOLDER'),
    merchantId: string(),
  }),
});

/**
 * Directory listings: one item per facet a shop can be browsed by (all, sector, town, area type), so each
 * directory query is a Query on one key, badges first.
 *   pk = DIRECTORY#<all|sector|town|area>#<value>   sk = <0 model | 1 participant>#<name>#<id>
 */
export const DirectoryListingEntity = new Entity({
  name: 'DirectoryListing',
  table: FangxinTable,
  schema: item({
    facet: string().key().savedAs('pk').transform(DIRECTORY_KEY),
    rankKey: string().key().savedAs('sk'),
    merchantId: string(),
    name: string(),
    sector: string(),
    townCode: string(),
    areaType: string(),
    badge: map({ kind: string().enum('participant', 'model'), label: string() }),
    commitmentTitles: list(string()),
  }),
});
