import * as z from 'zod/mini';
import './zod-chinese';
import { RECALL_KIND_CODES } from '../domain/public-info';
import { IsoDate, ListQuery, SeenVersion } from './complaint';
import { multiLineText, singleLineText, typedCode } from './text';
import { MerchantId } from './merchant';

/**
 * The campaign's public content: 维权知识 articles and 3·15 banners (county admins), recall notices
 * (a shop's owner for their shop, bureau staff in their jurisdiction), and the public statistics.
 * Every free-text field follows the contract's text rules (text.ts): titles, summaries, names, batches and
 * sources on one line, bodies and reasons on several; no emoji anywhere (an article is the bureau's voice, and
 * texts appear on the public pages). See docs/content.md.
 */

/** Ids of articles, banners and recall notices: ULIDs. */
export const ContentId = z.pipe(
  // Typed as a banner's 文章编号 it may come full-width or spaced (see `typedCode`).
  z.pipe(typedCode('请填写编号'), z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/i, { error: '编号格式不正确' }))),
  z.transform((id) => id.toUpperCase()),
);
export const ContentIdParam = z.object({ id: ContentId });

// — articles —

export const ArticleInput = z.object({
  title: singleLineText('标题', 2, 60),
  summary: z.optional(singleLineText('摘要', 1, 200)),
  body: multiLineText('正文', 10, 8000),
  /** Unpublished articles are kept for staff and never shown to the public. */
  published: z.boolean({ error: '请选择是否发布' }),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

/** An edit replaces the article, conditioned on the version read (a concurrent edit is 409). */
export const ArticleUpdate = z.extend(ArticleInput, { version: SeenVersion() });
export type ArticleUpdate = z.infer<typeof ArticleUpdate>;

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleView = z.extend(ArticleSummary, {
  body: z.string(),
  published: z.boolean(),
  updatedAt: z.string(),
  version: z.number().check(z.int()),
});
export type ArticleView = z.infer<typeof ArticleView>;

export const ArticlePage = z.object({ items: z.array(ArticleSummary), nextCursor: z.optional(z.string()) });
export type ArticlePage = z.infer<typeof ArticlePage>;

// — banners —

const BannerFields = z.object({
  title: singleLineText('标题', 2, 30),
  subtitle: z.optional(singleLineText('副标题', 1, 60)),
  /** The article the banner opens, if any (it must exist). */
  articleId: z.optional(ContentId),
  from: IsoDate('开始日期'),
  to: IsoDate('结束日期'),
  published: z.boolean({ error: '请选择是否发布' }),
});
const endNotBeforeStart = (banner: { from: string; to: string }) => banner.to >= banner.from;
const endMessage = () => ({ path: ['to'], error: '结束日期不能早于开始日期' });

export const BannerInput = BannerFields.check(z.refine(endNotBeforeStart, endMessage()));
export type BannerInput = z.infer<typeof BannerInput>;

/** An edit replaces the banner, conditioned on the version read (a concurrent edit is 409). */
export const BannerUpdate = z.extend(BannerFields, { version: SeenVersion() }).check(z.refine(endNotBeforeStart, endMessage()));
export type BannerUpdate = z.infer<typeof BannerUpdate>;

export const BannerView = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.optional(z.string()),
  articleId: z.optional(z.string()),
  from: z.string(),
  to: z.string(),
  published: z.boolean(),
  /** Published and today within from–to (Shanghai date). */
  active: z.boolean(),
  updatedAt: z.string(),
  version: z.number().check(z.int()),
});
export type BannerView = z.infer<typeof BannerView>;

/** Staff's list: articles and banners, unpublished ones included, newest first. */
export const StaffContentQuery = z.extend(ListQuery, { kind: z._default(z.enum(['article', 'banner'], { error: '内容类型应为 article 或 banner' }), 'article') });
export const StaffContentPage = z.object({
  articles: z.array(ArticleView),
  banners: z.array(BannerView),
  nextCursor: z.optional(z.string()),
});
export type StaffContentPage = z.infer<typeof StaffContentPage>;

// — recall notices —

export const RecallInput = z.object({
  kind: z.enum(RECALL_KIND_CODES, { error: '请选择召回或退市' }),
  product: singleLineText('产品名称', 1, 60),
  batch: singleLineText('批次或型号', 1, 100),
  reason: multiLineText('召回或退市原因', 4, 500),
  consumerAction: multiLineText('消费者应如何处理', 4, 500),
  fromDate: IsoDate('起始日期'),
  source: singleLineText('信息来源', 2, 100),
});
export type RecallInput = z.infer<typeof RecallInput>;

/** Staff publish for a shop in their jurisdiction, or (county-wide staff) for the whole county without a shop. */
export const StaffRecallInput = z.extend(RecallInput, { merchantId: z.optional(MerchantId) });
export type StaffRecallInput = z.infer<typeof StaffRecallInput>;

export const WithdrawRecall = z.object({
  version: SeenVersion(),
  reason: multiLineText('撤回原因', 4, 200),
});
export type WithdrawRecall = z.infer<typeof WithdrawRecall>;

export const RecallReview = z.object({
  version: SeenVersion(),
  decision: z.enum(['release', 'block'], { error: '请选择放行或屏蔽' }),
});
export type RecallReview = z.infer<typeof RecallReview>;

/** A recall notice as the public sees it. */
export const RecallView = z.object({
  id: z.string(),
  kind: z.enum(RECALL_KIND_CODES),
  kindLabel: z.string(),
  product: z.string(),
  batch: z.string(),
  reason: z.string(),
  consumerAction: z.string(),
  fromDate: z.string(),
  source: z.string(),
  /** Absent for a county-wide notice. */
  merchant: z.optional(z.object({ id: z.string(), name: z.string() })),
  townCode: z.optional(z.string()),
  /** Who published it: the shop itself, or the bureau. */
  publishedBy: z.enum(['merchant', 'staff']),
  publishedByLabel: z.string(),
  publishedAt: z.string(),
});
export type RecallView = z.infer<typeof RecallView>;

/** A recall notice as the shop's people and staff see it: where it stands, and what may be done. */
export const ManagedRecallView = z.extend(RecallView, {
  state: z.enum(['published', 'withdrawn']),
  moderationState: z.enum(['pass', 'held', 'unchecked', 'released', 'blocked']),
  /** 「公示中」「已撤回」「内容审核中，暂未公示」「未通过内容审核」. */
  statusLabel: z.string(),
  public: z.boolean(),
  withdrawnAt: z.optional(z.string()),
  withdrawReason: z.optional(z.string()),
  version: z.number().check(z.int()),
  allowedActions: z.array(z.enum(['withdraw', 'release', 'block'])),
});
export type ManagedRecallView = z.infer<typeof ManagedRecallView>;

export const RecallPage = z.object({ items: z.array(RecallView), nextCursor: z.optional(z.string()) });
export type RecallPage = z.infer<typeof RecallPage>;
export const ManagedRecallPage = z.object({ items: z.array(ManagedRecallView), nextCursor: z.optional(z.string()) });
export type ManagedRecallPage = z.infer<typeof ManagedRecallPage>;

export const RecallParams = z.object({ id: MerchantId, recallId: ContentId });

// — the home page —

export const HomeContent = z.object({
  banners: z.array(z.pick(BannerView, { id: true, title: true, subtitle: true, articleId: true, from: true, to: true })),
  articles: z.array(ArticleSummary),
  recalls: z.array(RecallView),
});
export type HomeContent = z.infer<typeof HomeContent>;

// — public statistics —

const Year = z.coerce
  .number({ error: '年份应为数字' }).check(
      z.int({ error: '年份应为整数' }),
      z.gte(2000, { error: '年份应在 2000 到 2100 之间' }),
      z.lte(2100, { error: '年份应在 2000 到 2100 之间' }),
    );

export const StatisticsQuery = z.object({
  year: z.optional(Year),
  /** `county`, `town:<code>` or `sector:<code>`. */
  scope: z._default(z.string().check(z.regex(/^(county|(town|sector):[a-z0-9_]{1,40})$/, { error: '统计范围格式不正确' })), 'county'),
});
export const OpenDataQuery = z.object({ year: z.optional(Year) });

export const PublicRateView = z.object({
  numerator: z.number().check(z.int()),
  denominator: z.number().check(z.int()),
  /** 「96.3%」, 「样本较少（n=4），仅供参考」 or 「—」. */
  text: z.string(),
  smallSample: z.boolean(),
});

export const PublicFiguresView = z.object({
  received: z.number().check(z.int()),
  handled: z.number().check(z.int()),
  handlingRate: PublicRateView,
  settledInShop: z.number().check(z.int()),
  inShopShare: PublicRateView,
  rated: z.number().check(z.int()),
  satisfactionRate: PublicRateView,
});
export type PublicFiguresView = z.infer<typeof PublicFiguresView>;

export const PublicStatisticsView = z.object({
  scope: z.object({ kind: z.enum(['county', 'town', 'sector']), code: z.string(), label: z.string() }),
  year: z.number().check(z.int()),
  total: PublicFiguresView,
  months: z.array(z.extend(PublicFiguresView, { month: z.string() })),
  /** The scopes one can switch to. */
  towns: z.array(z.object({ code: z.string(), label: z.string() })),
  sectors: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type PublicStatisticsView = z.infer<typeof PublicStatisticsView>;
