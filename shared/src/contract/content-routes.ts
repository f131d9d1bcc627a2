import { ShopId } from './registry';
import { ListQuery } from './complaint';
import { none, route } from './routes';
import {
  ArticleInput,
  ArticleUpdate,
  ArticleView,
  BannerInput,
  BannerUpdate,
  BannerView,
  ContentIdParam,
  ManagedRecallPage,
  ManagedRecallView,
  RecallInput,
  RecallParams,
  RecallReview,
  StaffContentPage,
  StaffContentQuery,
  StaffRecallInput,
  WithdrawRecall,
} from './content';

/** County admins: every article or banner, unpublished ones included. */
export const staffContentRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/content', access: 'staff', pathParams: none, query: StaffContentQuery, response: StaffContentPage });

/** County admins: write an article (audited). */
export const createArticleRoute = /* @__PURE__ */ route({ method: 'POST', path: '/staff/content/articles', access: 'staff', pathParams: none, body: ArticleInput, successStatus: 201, idempotent: true, errors: ['CONFLICT'], response: ArticleView });

/** County admins: edit, publish or unpublish an article (audited; the version read, else 409). */
export const updateArticleRoute = /* @__PURE__ */ route({
  method: 'PUT',
  path: '/staff/content/articles/{id}',
  access: 'staff',
  pathParams: ContentIdParam,
  body: ArticleUpdate,
  errors: ['NOT_FOUND', 'CONFLICT'],
  response: ArticleView,
});

/** County admins: a 3·15 banner with its window (audited). */
export const createBannerRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/content/banners',
  access: 'staff',
  pathParams: none,
  body: BannerInput,
  successStatus: 201,
  idempotent: true,
  errors: ['CONFLICT'],
  response: BannerView,
});

export const updateBannerRoute = /* @__PURE__ */ route({
  method: 'PUT',
  path: '/staff/content/banners/{id}',
  access: 'staff',
  pathParams: ContentIdParam,
  body: BannerUpdate,
  errors: ['NOT_FOUND', 'CONFLICT'],
  response: BannerView,
});

/** The shop's people: its recall notices, withdrawn and held ones included. */
export const merchantRecallsRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/merchant/shops/{id}/recalls',
  access: 'merchant',
  pathParams: ShopId,
  query: ListQuery,
  errors: ['NOT_FOUND'],
  response: ManagedRecallPage,
});

/** The shop's owner: publish a recall notice for their shop (its text is content-checked before it is shown). */
export const publishRecallRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/merchant/shops/{id}/recalls',
  access: 'merchant',
  pathParams: ShopId,
  body: RecallInput,
  successStatus: 201,
  idempotent: true,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED', 'CONFLICT'],
  response: ManagedRecallView,
});

export const withdrawRecallRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/merchant/shops/{id}/recalls/{recallId}/withdraw',
  access: 'merchant',
  pathParams: RecallParams,
  body: WithdrawRecall,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  response: ManagedRecallView,
});

/** Bureau staff: recall notices in their jurisdiction, newest first, held ones to review included. */
export const staffRecallsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/recalls', access: 'staff', pathParams: none, query: ListQuery, response: ManagedRecallPage });

/** Regulators (their towns) and admins: publish a recall for a shop, or county-wide (county-wide staff). Audited. */
export const staffPublishRecallRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/recalls',
  access: 'staff',
  pathParams: none,
  body: StaffRecallInput,
  successStatus: 201,
  idempotent: true,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  response: ManagedRecallView,
});

export const staffWithdrawRecallRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/recalls/{id}/withdraw',
  access: 'staff',
  pathParams: ContentIdParam,
  body: WithdrawRecall,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  response: ManagedRecallView,
});

/** Regulators (their towns) and admins: release or block a shop's recall text the content check held. Audited. */
export const reviewRecallRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/recalls/{id}/review',
  access: 'staff',
  pathParams: ContentIdParam,
  body: RecallReview,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  response: ManagedRecallView,
});

/**
 * Managing the campaign's content: staff's 维权知识 articles and 3·15 banners, and recall notices as their shop
 * or the bureau manages them (docs/content.md). Part of the one contract (`allRoutes`), kept in a module of its
 * own because only the `admin` and `merchant` subpackages call these routes: the pages that import `routes`
 * (which holds the public reads of this content: home strip, articles, recalls) do not carry their schemas.
 */
export const contentRoutes = {
  staffContent: staffContentRoute,
  createArticle: createArticleRoute,
  updateArticle: updateArticleRoute,
  createBanner: createBannerRoute,
  updateBanner: updateBannerRoute,
  merchantRecalls: merchantRecallsRoute,
  publishRecall: publishRecallRoute,
  withdrawRecall: withdrawRecallRoute,
  staffRecalls: staffRecallsRoute,
  staffPublishRecall: staffPublishRecallRoute,
  staffWithdrawRecall: staffWithdrawRecallRoute,
  reviewRecall: reviewRecallRoute,
} as const;
