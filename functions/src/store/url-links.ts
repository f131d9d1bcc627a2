import { Entity } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { FangxinTable } from './table';
import { URL_LINK_KEY } from './keys';

/**
 * WeChat URL Links, one per page and query, kept until a day before they expire: generate_urllink has a daily
 * quota, so a shop's link is minted once a month, not once per visitor.
 *   pk = URL_LINK#<page>?<query>   sk = LINK   (TTL expiresAt)
 */
export const UrlLinkEntity = new Entity({
  name: 'UrlLink',
  table: FangxinTable,
  schema: item({
    target: string().key().savedAs('pk').transform(URL_LINK_KEY),
    record: string().key().savedAs('sk').const('LINK'),
    url: string(),
    /** When WeChat stops honouring the link (epoch seconds); the item's TTL is a day earlier. */
    validUntil: number(),
    expiresAt: number(),
  }),
});

export async function findUrlLink(target: string): Promise<{ url: string; validUntil: number; expiresAt: number } | undefined> {
  const { Item } = await UrlLinkEntity.build(GetItemCommand).key({ target }).send();
  return Item ? { url: Item.url, validUntil: Item.validUntil, expiresAt: Item.expiresAt } : undefined;
}

export async function saveUrlLink(target: string, link: { url: string; validUntil: number; expiresAt: number }): Promise<void> {
  await UrlLinkEntity.build(PutItemCommand).item({ target, ...link }).send();
}
