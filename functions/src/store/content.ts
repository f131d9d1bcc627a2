import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from './transact';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { map } from 'dynamodb-toolbox/schema/map';
import { string } from 'dynamodb-toolbox/schema/string';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { Conflict, recallPublic, type RecallKind } from '@fangxin/shared';
import { ArticleEntity, BannerEntity, RecallEntity } from './content.entities';
import { readPage, type Page, type PageRequest } from './cursor';
import {
  ARTICLES_PUBLISHED_PARTITION,
  BANNERS_PUBLISHED_PARTITION,
  CONTENT_ALL_KEY,
  COUNTY_WIDE_RECALLS,
  RECALLS_ALL_PARTITION,
  RECALLS_PUBLIC_PARTITION,
  SHOP_RECALLS_KEY,
  merchantCounterKey,
} from './keys';
import { AuditEntity, MerchantCounterEntity } from './support.entities';
import { FangxinTable } from './table';
import { claimWasTaken, claimWrite, type IdempotencyClaim } from './idempotency';
import type { TransactWrite } from './complaints';
import type { TextModeration } from './text-moderation.schema';

/**
 * Articles, banners and recall notices (docs/content.md; patterns C1–C9 in docs/access-patterns.md). Every
 * write is one transaction: the item, conditioned on the version read (absent for a new one), and the staff
 * member's audit entry when staff wrote it.
 */

export interface StoredArticle {
  id: string;
  title: string;
  summary?: string;
  body: string;
  published: boolean;
  publishedAt?: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface StoredBanner {
  id: string;
  title: string;
  subtitle?: string;
  articleId?: string;
  from: string;
  to: string;
  published: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface StoredRecall {
  id: string;
  kind: RecallKind;
  product: string;
  batch: string;
  reason: string;
  consumerAction: string;
  fromDate: string;
  source: string;
  merchantId?: string;
  merchantName?: string;
  townCode?: string;
  state: 'published' | 'withdrawn';
  moderation: TextModeration;
  publishedBy: { kind: 'merchant' | 'staff'; userId: string };
  publishedAt: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
  withdrawReason?: string;
  version: number;
}

/** What a staff member's write leaves in the audit trail (nothing for a shop's own moves). */
export interface AuditNote {
  staffUserId: string;
  role: string;
  action: string;
  subjectType: 'content' | 'recall';
  detail: string;
  at: string;
}

const auditPut = (subjectId: string, version: number, audit: AuditNote) =>
  AuditEntity.build(PutTransaction).item({
    staffUserId: audit.staffUserId,
    entry: `${audit.at}#${subjectId}#${version}`,
    action: audit.action,
    role: audit.role,
    subjectType: audit.subjectType,
    subjectId,
    detail: audit.detail,
    at: audit.at,
  });

/** Condition of a versioned write: a new item must not exist; an edit must find the version it read. */
const versionCondition = (keyAttr: string, readVersion: number) =>
  readVersion === 0 ? { attr: keyAttr, exists: false } : { attr: 'version', eq: readVersion };

async function transact(conflictMessage: string, ...writes: Parameters<typeof execute>): Promise<void> {
  try {
    await execute(...writes);
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new Conflict(conflictMessage);
    throw error;
  }
}

/**
 * A create that a person may send twice (a cold network, a double tap): its `Idempotency-Key` claimed in the same
 * transaction. `replayed` when an earlier try holds the key — the caller answers with what that try made.
 */
export type Created = 'created' | 'replayed';
async function createOnce(claim: IdempotencyClaim, at: string, conflictMessage: string, ...writes: TransactWrite[]): Promise<Created> {
  try {
    await execute(claimWrite(claim, at), ...writes);
    return 'created';
  } catch (error) {
    if (claimWasTaken(error, 0)) return 'replayed';
    if (error instanceof TransactionCanceledException) throw new Conflict(conflictMessage);
    throw error;
  }
}

const strip = <T extends Record<string, unknown>>(item: T, ...names: string[]) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !names.includes(name) && !['record', 'publicKey', 'publicSort', 'allKey', 'allSort', 'shopKey', 'shopSort'].includes(name)));

// — articles —

const toArticle = (item: Record<string, unknown>): StoredArticle => {
  const { articleId, ...rest } = strip(item);
  return { id: String(articleId), ...(rest as Omit<StoredArticle, 'id'>) };
};

export async function findArticle(id: string): Promise<StoredArticle | undefined> {
  const { Item } = await ArticleEntity.build(GetItemCommand).key({ articleId: id }).options({ consistent: true }).send();
  return Item ? toArticle(Item as Record<string, unknown>) : undefined;
}

/** C2: an article written or edited (version read; 0 for a new one), with its audit entry, in one transaction. */
export async function saveArticle(article: StoredArticle, readVersion: number, audit: AuditNote): Promise<void> {
  const { id, ...rest } = article;
  await transact(
    '该文章刚刚已被他人修改，请刷新后再保存',
    ArticleEntity.build(PutTransaction).item({ articleId: id, ...rest }).options({ condition: versionCondition('articleId', readVersion) as never }),
    auditPut(id, article.version, audit),
  );
}

/** A new article, once per Idempotency-Key. */
export async function createArticleOnce(article: StoredArticle, audit: AuditNote, claim: IdempotencyClaim): Promise<Created> {
  const { id, ...rest } = article;
  return createOnce(
    claim,
    article.createdAt,
    '该文章正在保存，请稍后刷新列表',
    ArticleEntity.build(PutTransaction).item({ articleId: id, ...rest }).options({ condition: versionCondition('articleId', 0) as never }),
    auditPut(id, article.version, audit),
  );
}

/** Access pattern `articles-published`: published articles, newest first. */
const publishedArticles = FangxinTable.build(AccessPattern)
  .entities(ArticleEntity)
  .schema(map({}))
  .pattern(() => ({ index: 'gsi1', partition: ARTICLES_PUBLISHED_PARTITION }))
  .options({ reverse: true })
  .meta({ title: 'articles-published' });

/** Access pattern `content-all`: every article or every banner, newest first (staff). */
const allContent = FangxinTable.build(AccessPattern)
  .entities(ArticleEntity, BannerEntity)
  .schema(string().transform(CONTENT_ALL_KEY))
  .pattern((partition) => ({ index: 'gsi2', partition }))
  .options({ reverse: true })
  .meta({ title: 'content-all' });

export const listPublishedArticles = async (page: PageRequest): Promise<Page<StoredArticle>> => {
  const read = await readPage(publishedArticles.query({}), page);
  return { ...read, items: read.items.map((item) => toArticle(item as Record<string, unknown>)) };
};

export async function listAllContent(kind: 'article' | 'banner', page: PageRequest): Promise<Page<StoredArticle | StoredBanner>> {
  const read = await readPage(allContent.query(kind), page);
  return { ...read, items: read.items.map((item) => (kind === 'article' ? toArticle(item as Record<string, unknown>) : toBanner(item as Record<string, unknown>))) };
}

// — banners —

const toBanner = (item: Record<string, unknown>): StoredBanner => {
  const { bannerId, ...rest } = strip(item);
  return { id: String(bannerId), ...(rest as Omit<StoredBanner, 'id'>) };
};

export async function findBanner(id: string): Promise<StoredBanner | undefined> {
  const { Item } = await BannerEntity.build(GetItemCommand).key({ bannerId: id }).options({ consistent: true }).send();
  return Item ? toBanner(Item as Record<string, unknown>) : undefined;
}

export async function saveBanner(banner: StoredBanner, readVersion: number, audit: AuditNote): Promise<void> {
  const { id, ...rest } = banner;
  await transact(
    '该横幅刚刚已被他人修改，请刷新后再保存',
    BannerEntity.build(PutTransaction).item({ bannerId: id, ...rest }).options({ condition: versionCondition('bannerId', readVersion) as never }),
    auditPut(id, banner.version, audit),
  );
}

/** A new banner, once per Idempotency-Key. */
export async function createBannerOnce(banner: StoredBanner, audit: AuditNote, claim: IdempotencyClaim): Promise<Created> {
  const { id, ...rest } = banner;
  return createOnce(
    claim,
    banner.createdAt,
    '该横幅正在保存，请稍后刷新列表',
    BannerEntity.build(PutTransaction).item({ bannerId: id, ...rest }).options({ condition: versionCondition('bannerId', 0) as never }),
    auditPut(id, banner.version, audit),
  );
}

/** Access pattern `banners-not-over`: published banners whose last day is today or later. */
const bannersNotOver = FangxinTable.build(AccessPattern)
  .entities(BannerEntity)
  .schema(map({ today: string() }))
  .pattern(({ today }) => ({ index: 'gsi1', partition: BANNERS_PUBLISHED_PARTITION, range: { gte: today } }))
  .meta({ title: 'banners-not-over' });

/** Published banners not over by `today` (a county runs a handful at a time: one Query, at most 50). */
export async function bannersNotOverBy(today: string): Promise<StoredBanner[]> {
  const { Items = [] } = await bannersNotOver.query({ today }).options({ limit: 50 }).send();
  return Items.map((item) => toBanner(item as Record<string, unknown>));
}

// — recall notices —

const toRecall = (item: Record<string, unknown>): StoredRecall => {
  const { recallId, ...rest } = strip(item);
  return { id: String(recallId), ...(rest as Omit<StoredRecall, 'id'>) };
};

export async function findRecall(id: string): Promise<StoredRecall | undefined> {
  const { Item } = await RecallEntity.build(GetItemCommand).key({ recallId: id }).options({ consistent: true }).send();
  return Item ? toRecall(Item as Record<string, unknown>) : undefined;
}

/**
 * C6: a recall notice published, withdrawn or reviewed (`before`: as read, absent for a new one), with staff's
 * audit entry. When the notice enters or leaves public view, the shop's `COUNTER#RECALLS` moves in the same
 * transaction, so the scanned shop page knows from its one Query whether there is a recall to show.
 */
export async function saveRecall(recall: StoredRecall, before: StoredRecall | undefined, audit?: AuditNote): Promise<void> {
  await transact('该召回信息刚刚已被他人处理，请刷新后查看', ...recallWrites(recall, before, audit));
}

/** A new recall notice, once per Idempotency-Key. */
export async function publishRecallOnce(recall: StoredRecall, audit: AuditNote | undefined, claim: IdempotencyClaim): Promise<Created> {
  return createOnce(claim, recall.publishedAt, '该召回信息正在保存，请稍后刷新列表', ...recallWrites(recall, undefined, audit));
}

function recallWrites(recall: StoredRecall, before: StoredRecall | undefined, audit: AuditNote | undefined): TransactWrite[] {
  const { id, ...rest } = recall;
  const change = Number(recallPublic(recall)) - Number(before !== undefined && recallPublic(before));
  return [
    RecallEntity.build(PutTransaction).item({ recallId: id, ...rest }).options({ condition: versionCondition('recallId', before?.version ?? 0) as never }),
    ...(change !== 0 && recall.merchantId
      ? [MerchantCounterEntity.build(UpdateTransaction).item({ merchantId: recall.merchantId, counterKey: merchantCounterKey.recalls, publicRecalls: $add(change) })]
      : []),
    ...(audit ? [auditPut(id, recall.version, audit)] : []),
  ];
}

/** Access pattern `recalls-public`: every notice shown to the public, newest first. */
const publicRecalls = FangxinTable.build(AccessPattern)
  .entities(RecallEntity)
  .schema(map({}))
  .pattern(() => ({ index: 'gsi1', partition: RECALLS_PUBLIC_PARTITION }))
  .options({ reverse: true })
  .meta({ title: 'recalls-public' });

/** Access pattern `shop-recalls`: a shop's notices — the public ones (`P#`), or all of them (public first). */
const shopRecalls = FangxinTable.build(AccessPattern)
  .entities(RecallEntity)
  .schema(map({ shop: string().transform(SHOP_RECALLS_KEY), publicOnly: string().enum('yes', 'no') }))
  .pattern(({ shop, publicOnly }) => ({ index: 'gsi2', partition: shop, ...(publicOnly === 'yes' ? { range: { beginsWith: 'P#' } } : {}) }))
  .options({ reverse: true })
  .meta({ title: 'shop-recalls' });

/** Access pattern `recalls-all`: every notice for staff, newest first (the jurisdiction narrows the page). */
const allRecalls = FangxinTable.build(AccessPattern)
  .entities(RecallEntity)
  .schema(map({}))
  .pattern(() => ({ index: 'gsi3', partition: RECALLS_ALL_PARTITION }))
  .options({ reverse: true })
  .meta({ title: 'recalls-all' });

const recallsPage = (page: Page<unknown>): Page<StoredRecall> => ({ ...page, items: page.items.map((item) => toRecall(item as Record<string, unknown>)) });

export const listPublicRecalls = async (page: PageRequest) => recallsPage(await readPage(publicRecalls.query({}), page));
export const listShopRecalls = async (merchantId: string | undefined, publicOnly: boolean, page: PageRequest) =>
  recallsPage(await readPage(shopRecalls.query({ shop: merchantId ?? COUNTY_WIDE_RECALLS, publicOnly: publicOnly ? 'yes' : 'no' }), page));
export const listAllRecalls = async (page: PageRequest) => recallsPage(await readPage(allRecalls.query({}), page));
