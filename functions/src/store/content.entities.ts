import { Entity } from 'dynamodb-toolbox/entity';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { RECALL_KIND_CODES, recallPublic } from '@fangxin/shared';
import {
  ARTICLES_PUBLISHED_PARTITION,
  BANNERS_PUBLISHED_PARTITION,
  CONTENT_ALL_KEY,
  CONTENT_KEY,
  ARTICLE_RECORD,
  BANNER_RECORD,
  COUNTY_WIDE_RECALLS,
  RECALLS_ALL_PARTITION,
  RECALLS_PUBLIC_PARTITION,
  RECALL_KEY,
  RECALL_RECORD,
  SHOP_RECALLS_KEY,
  recallShopSort,
} from './keys';
import { textModerationSchema } from './text-moderation.schema';
import { FangxinTable } from './table';

/**
 * A 维权知识 article, rewritten whole by each edit under a version condition.
 *   pk = CONTENT#<id>   sk = ARTICLE
 *   gsi1 (sparse, while published): ARTICLES#published  /  <publishedAt>#<id>   — the public list, newest first
 *   gsi2 staff's list:               CONTENT_ALL#article /  <createdAt>#<id>
 */
export const ArticleEntity = new Entity({
  name: 'Article',
  table: FangxinTable,
  schema: item({
    articleId: string().key().savedAs('pk').transform(CONTENT_KEY),
    record: string().key().savedAs('sk').const(ARTICLE_RECORD),
    title: string(),
    summary: string().optional(),
    body: string(),
    published: boolean(),
    /** First published (kept through later edits, so an edit does not move an article to the top). */
    publishedAt: string().optional(),
    createdAt: string(),
    updatedAt: string(),
    updatedBy: string(),
    version: number(),
  }).and((schema) => ({
    publicKey: string()
      .optional()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ published }) => (published ? ARTICLES_PUBLISHED_PARTITION : undefined)),
    publicSort: string()
      .optional()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ published, publishedAt, articleId }) => (published ? `${publishedAt ?? ''}#${articleId}` : undefined)),
    allKey: string()
      .savedAs('gsi2pk')
      .link<typeof schema>(() => CONTENT_ALL_KEY.encode('article')),
    allSort: string()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ createdAt, articleId }) => `${createdAt}#${articleId}`),
  })),
});

/**
 * A 3·15 banner with the dates it shows.
 *   pk = CONTENT#<id>   sk = BANNER
 *   gsi1 (sparse, while published): BANNERS#published  /  <to>#<id>   — `gsi1sk >= <today>` is every banner not yet over
 *   gsi2 staff's list:               CONTENT_ALL#banner /  <createdAt>#<id>
 */
export const BannerEntity = new Entity({
  name: 'Banner',
  table: FangxinTable,
  schema: item({
    bannerId: string().key().savedAs('pk').transform(CONTENT_KEY),
    record: string().key().savedAs('sk').const(BANNER_RECORD),
    title: string(),
    subtitle: string().optional(),
    articleId: string().optional(),
    from: string(),
    to: string(),
    published: boolean(),
    createdAt: string(),
    updatedAt: string(),
    updatedBy: string(),
    version: number(),
  }).and((schema) => ({
    publicKey: string()
      .optional()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ published }) => (published ? BANNERS_PUBLISHED_PARTITION : undefined)),
    publicSort: string()
      .optional()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ published, to, bannerId }) => (published ? `${to}#${bannerId}` : undefined)),
    allKey: string()
      .savedAs('gsi2pk')
      .link<typeof schema>(() => CONTENT_ALL_KEY.encode('banner')),
    allSort: string()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ createdAt, bannerId }) => `${createdAt}#${bannerId}`),
  })),
});

/**
 * A recall notice (缺陷产品召回 / 不合格商品退市), rewritten whole by each move under a version condition.
 *   pk = RECALL#<id>   sk = RECORD
 *   gsi1 (sparse, while public): RECALLS#public                       /  <publishedAt>#<id>       — the home page
 *   gsi2 the shop's notices:      SHOP_RECALLS#<merchantId | county>  /  <P public | X not>#<publishedAt>#<id>
 *   gsi3 staff's list:            RECALLS#all                         /  <publishedAt>#<id>
 */
export const RecallEntity = new Entity({
  name: 'Recall',
  table: FangxinTable,
  schema: item({
    recallId: string().key().savedAs('pk').transform(RECALL_KEY),
    record: string().key().savedAs('sk').const(RECALL_RECORD),
    kind: string().enum(...RECALL_KIND_CODES),
    product: string(),
    batch: string(),
    reason: string(),
    consumerAction: string(),
    fromDate: string(),
    source: string(),
    merchantId: string().optional(),
    merchantName: string().optional(),
    townCode: string().optional(),
    state: string().enum('published', 'withdrawn'),
    /** The content check of the notice's text (a shop's notice); staff notices are `pass` as staff texts are not checked. */
    moderation: textModerationSchema(),
    publishedBy: map({ kind: string().enum('merchant', 'staff'), userId: string() }),
    publishedAt: string(),
    withdrawnAt: string().optional(),
    withdrawnBy: string().optional(),
    withdrawReason: string().optional(),
    version: number(),
  }).and((schema) => ({
    publicKey: string()
      .optional()
      .savedAs('gsi1pk')
      .link<typeof schema>((recall) => (recallPublic(recall) ? RECALLS_PUBLIC_PARTITION : undefined)),
    publicSort: string()
      .optional()
      .savedAs('gsi1sk')
      .link<typeof schema>((recall) => (recallPublic(recall) ? `${recall.publishedAt}#${recall.recallId}` : undefined)),
    shopKey: string()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ merchantId }) => SHOP_RECALLS_KEY.encode(merchantId ?? COUNTY_WIDE_RECALLS)),
    shopSort: string()
      .savedAs('gsi2sk')
      .link<typeof schema>((recall) => recallShopSort(recallPublic(recall), recall.publishedAt, recall.recallId)),
    allKey: string()
      .savedAs('gsi3pk')
      .link<typeof schema>(() => RECALLS_ALL_PARTITION),
    allSort: string()
      .savedAs('gsi3sk')
      .link<typeof schema>(({ publishedAt, recallId }) => `${publishedAt}#${recallId}`),
  })),
});
