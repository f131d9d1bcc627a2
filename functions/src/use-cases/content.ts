import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  bannerActive,
  isCountyAdmin,
  shanghaiToday,
  type ArticleInput,
  type ArticlePage,
  type ArticleUpdate,
  type ArticleView,
  type BannerInput,
  type BannerUpdate,
  type BannerView,
  type HomeContent,
  type StaffContentPage,
} from '@fangxin/shared';
import { ulid } from 'ulid';
import type { Principal } from '../auth/token';
import {
  bannersNotOverBy,
  createArticleOnce,
  createBannerOnce,
  findArticle,
  findBanner,
  listAllContent,
  listPublishedArticles,
  listPublicRecalls,
  saveArticle,
  saveBanner,
  type AuditNote,
  type StoredArticle,
  type StoredBanner,
} from '../store/content';
import type { PageRequest } from '../store/cursor';
import { claimedResult, requestHashOf, requireSameRequest } from '../store/idempotency';
import { toRecallView } from './public-recalls';

/**
 * 维权知识 articles and 3·15 banners: county admins write, edit, publish and unpublish them (each write
 * audited); the public reads only what is published, and a banner only within its dates. docs/content.md.
 */

/** The county office manages the campaign's publicity; town regulators and mediators do not. */
function contentAdmin(principal: Principal) {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden('只有县级管理员可以管理宣传内容');
  return staff;
}

const articleNotFound = () => new NotFound('未找到该文章，或已下架');
const bannerNotFound = () => new NotFound('未找到该横幅');

const articleView = (article: StoredArticle): ArticleView => ({
  id: article.id,
  title: article.title,
  ...(article.summary ? { summary: article.summary } : {}),
  ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
  body: article.body,
  published: article.published,
  updatedAt: article.updatedAt,
  version: article.version,
});

const bannerView = (banner: StoredBanner, today: string): BannerView => ({
  id: banner.id,
  title: banner.title,
  ...(banner.subtitle ? { subtitle: banner.subtitle } : {}),
  ...(banner.articleId ? { articleId: banner.articleId } : {}),
  from: banner.from,
  to: banner.to,
  published: banner.published,
  active: bannerActive(banner, today),
  updatedAt: banner.updatedAt,
  version: banner.version,
});

const audit = (principal: Principal, role: string, action: string, detail: string, at: string): AuditNote => ({
  staffUserId: principal.userId,
  role,
  action,
  subjectType: 'content',
  detail,
  at,
});

/** Which audit action an edit is: publishing and unpublishing are named, so the trail reads as what happened. */
const editAction = (kind: 'article' | 'banner', before: boolean, after: boolean) =>
  before === after ? `${kind}_edited` : after ? `${kind}_published` : `${kind}_unpublished`;

// — articles —

/** A county admin writes an article (audited); a retry with the same Idempotency-Key answers the same article. */
export async function createArticle(input: ArticleInput, principal: Principal, idempotencyKey: string, now: Date): Promise<ArticleView> {
  const staff = contentAdmin(principal);
  const at = now.toISOString();
  const article: StoredArticle = {
    id: ulid(now.getTime()),
    title: input.title,
    ...(input.summary ? { summary: input.summary } : {}),
    body: input.body,
    published: input.published,
    ...(input.published ? { publishedAt: at } : {}),
    createdAt: at,
    updatedAt: at,
    updatedBy: principal.userId,
    version: 1,
  };
  const claim = { userId: principal.userId, operation: 'createArticle', key: idempotencyKey, requestHash: requestHashOf(input), resultId: article.id };
  const note = audit(principal, staff.role, input.published ? 'article_published' : 'article_created', article.title, at);
  if ((await createArticleOnce(article, note, claim)) === 'created') return articleView(article);
  const claimed = await claimedResult(claim);
  requireSameRequest(claimed, claim.requestHash, '文章');
  const existing = await findArticle(claimed.resultId);
  if (!existing) throw new Conflict('文章正在保存，请稍后刷新列表');
  return articleView(existing);
}

export async function updateArticle(id: string, input: ArticleUpdate, principal: Principal, now: Date): Promise<ArticleView> {
  const staff = contentAdmin(principal);
  const before = await findArticle(id);
  if (!before) throw articleNotFound();
  if (isOwnEdit(before, input, principal)) return articleView(before);
  if (before.version !== input.version) throw new Conflict('该文章刚刚已被他人修改，请刷新后再保存');
  const at = now.toISOString();
  const { version: _read, summary, ...fields } = input;
  void _read;
  const after: StoredArticle = {
    ...before,
    ...fields,
    ...(summary ? { summary } : { summary: undefined }),
    // First publication date stays: an edit does not move an article to the top of the list.
    ...(input.published && !before.publishedAt ? { publishedAt: at } : {}),
    updatedAt: at,
    updatedBy: principal.userId,
    version: before.version + 1,
  };
  if (!after.summary) delete after.summary;
  try {
    await saveArticle(after, before.version, audit(principal, staff.role, editAction('article', before.published, after.published), after.title, at));
  } catch (error) {
    const current = error instanceof Conflict ? await findArticle(id) : undefined;
    if (current && isOwnEdit(current, input, principal)) return articleView(current);
    throw error;
  }
  return articleView(after);
}

export async function publishedArticles(page: PageRequest): Promise<ArticlePage> {
  const read = await listPublishedArticles(page);
  return {
    items: read.items.map(({ id, title, summary, publishedAt }) => ({ id, title, ...(summary ? { summary } : {}), ...(publishedAt ? { publishedAt } : {}) })),
    ...(read.nextCursor ? { nextCursor: read.nextCursor } : {}),
  };
}

/** A published article; an unpublished one is 404 to the public, as if it did not exist. */
export async function publishedArticle(id: string): Promise<ArticleView> {
  const article = await findArticle(id);
  if (!article?.published) throw articleNotFound();
  return articleView(article);
}

// — banners —

async function checkLinkedArticle(articleId: string | undefined): Promise<void> {
  if (articleId && !(await findArticle(articleId))) throw new Invalid('横幅链接的文章不存在', 'articleId');
}

/** A county admin adds a banner (audited); a retry with the same Idempotency-Key answers the same banner. */
export async function createBanner(input: BannerInput, principal: Principal, idempotencyKey: string, now: Date): Promise<BannerView> {
  const staff = contentAdmin(principal);
  await checkLinkedArticle(input.articleId);
  const at = now.toISOString();
  const banner: StoredBanner = {
    id: ulid(now.getTime()),
    ...input,
    createdAt: at,
    updatedAt: at,
    updatedBy: principal.userId,
    version: 1,
  };
  const claim = { userId: principal.userId, operation: 'createBanner', key: idempotencyKey, requestHash: requestHashOf(input), resultId: banner.id };
  const note = audit(principal, staff.role, input.published ? 'banner_published' : 'banner_created', `${banner.title}（${banner.from} 至 ${banner.to}）`, at);
  if ((await createBannerOnce(banner, note, claim)) === 'created') return bannerView(banner, shanghaiToday(now));
  const claimed = await claimedResult(claim);
  requireSameRequest(claimed, claim.requestHash, '横幅');
  const existing = await findBanner(claimed.resultId);
  if (!existing) throw new Conflict('横幅正在保存，请稍后刷新列表');
  return bannerView(existing, shanghaiToday(now));
}

export async function updateBanner(id: string, input: BannerUpdate, principal: Principal, now: Date): Promise<BannerView> {
  const staff = contentAdmin(principal);
  const before = await findBanner(id);
  if (!before) throw bannerNotFound();
  if (isOwnEdit(before, input, principal)) return bannerView(before, shanghaiToday(now));
  if (before.version !== input.version) throw new Conflict('该横幅刚刚已被他人修改，请刷新后再保存');
  await checkLinkedArticle(input.articleId);
  const at = now.toISOString();
  const { version: _read, subtitle, articleId, ...fields } = input;
  void _read;
  const after: StoredBanner = {
    id: before.id,
    ...fields,
    ...(subtitle ? { subtitle } : {}),
    ...(articleId ? { articleId } : {}),
    createdAt: before.createdAt,
    updatedAt: at,
    updatedBy: principal.userId,
    version: before.version + 1,
  };
  try {
    await saveBanner(after, before.version, audit(principal, staff.role, editAction('banner', before.published, after.published), `${after.title}（${after.from} 至 ${after.to}）`, at));
  } catch (error) {
    const current = error instanceof Conflict ? await findBanner(id) : undefined;
    if (current && isOwnEdit(current, input, principal)) return bannerView(current, shanghaiToday(now));
    throw error;
  }
  return bannerView(after, shanghaiToday(now));
}

/** What an edit sets, every field of it: a field the edit leaves out is one it clears. */
const ARTICLE_FIELDS = ['title', 'summary', 'body', 'published'] as const;
const BANNER_FIELDS = ['title', 'subtitle', 'articleId', 'from', 'to', 'published'] as const;

/**
 * Whether `stored` is this very edit, saved by this person from the version they saw: the save sent again
 * after its answer was lost (or twice at once). Answered as it stands, neither refused as someone else's
 * change nor saved twice. Every field is compared, those the edit clears included.
 */
function isOwnEdit(stored: { version: number; updatedBy?: string | undefined }, input: { version: number } & Record<string, unknown>, principal: Principal): boolean {
  if (stored.version !== input.version + 1 || stored.updatedBy !== principal.userId) return false;
  const fields = stored as unknown as Record<string, unknown>;
  // An empty optional text is stored as none.
  const plain = (value: unknown) => (value === '' || value === null ? undefined : value);
  const keys = 'body' in input ? ARTICLE_FIELDS : BANNER_FIELDS;
  return keys.every((key) => plain(fields[key]) === plain(input[key]));
}

/** Staff's list of one kind, unpublished included, newest first. */
export async function staffContent(kind: 'article' | 'banner', page: PageRequest, principal: Principal, now: Date): Promise<StaffContentPage> {
  contentAdmin(principal);
  const read = await listAllContent(kind, page);
  const today = shanghaiToday(now);
  return {
    articles: kind === 'article' ? (read.items as StoredArticle[]).map(articleView) : [],
    banners: kind === 'banner' ? (read.items as StoredBanner[]).map((banner) => bannerView(banner, today)) : [],
    ...(read.nextCursor ? { nextCursor: read.nextCursor } : {}),
  };
}

/**
 * The home page's campaign strip in one answer: the banners showing today (latest start first), the five
 * newest articles, the three newest recall notices. Three Queries, run together, whatever the volume.
 */
export async function homeContent(now: Date): Promise<HomeContent> {
  const today = shanghaiToday(now);
  const [banners, articles, recalls] = await Promise.all([bannersNotOverBy(today), publishedArticles({ limit: 5 }), listPublicRecalls({ limit: 3 })]);
  return {
    banners: banners
      .filter((banner) => bannerActive(banner, today))
      .sort((a, b) => b.from.localeCompare(a.from))
      .map(({ id, title, subtitle, articleId, from, to }) => ({ id, title, ...(subtitle ? { subtitle } : {}), ...(articleId ? { articleId } : {}), from, to })),
    articles: articles.items,
    recalls: recalls.items.map(toRecallView),
  };
}
