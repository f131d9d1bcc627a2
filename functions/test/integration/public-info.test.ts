import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ArticlePage, ArticleView, BannerView, FileComplaintRequest, HomeContent, ManagedRecallPage, MerchantPublicView, ManagedRecallView, PublicStatisticsView, RecallPage, formatShanghaiDate } from '@fangxin/shared';
import { handler as articleHandler } from '../../src/handlers/content/article';
import { handler as articlesHandler } from '../../src/handlers/content/articles';
import { handler as createArticle } from '../../src/handlers/content/create-article';
import { handler as createBanner } from '../../src/handlers/content/create-banner';
import { handler as homeContent } from '../../src/handlers/content/home-content';
import { handler as staffContent } from '../../src/handlers/content/staff-content';
import { handler as updateArticle } from '../../src/handlers/content/update-article';
import { handler as updateBanner } from '../../src/handlers/content/update-banner';
import { handler as merchantRecalls } from '../../src/handlers/recalls/merchant-recalls';
import { handler as publicRecall } from '../../src/handlers/recalls/public-recall';
import { handler as publicRecalls } from '../../src/handlers/recalls/public-recalls';
import { handler as publishRecall } from '../../src/handlers/recalls/publish-recall';
import { handler as reviewRecall } from '../../src/handlers/recalls/review-recall';
import { handler as shopRecalls } from '../../src/handlers/recalls/shop-recalls';
import { handler as staffPublishRecall } from '../../src/handlers/recalls/staff-publish-recall';
import { handler as staffRecalls } from '../../src/handlers/recalls/staff-recalls';
import { handler as staffWithdrawRecall } from '../../src/handlers/recalls/staff-withdraw-recall';
import { handler as withdrawRecall } from '../../src/handlers/recalls/withdraw-recall';
import { handler as shopPage } from '../../src/handlers/merchants/get-merchant';
import { handler as openDataCsv } from '../../src/handlers/statistics/open-data-csv';
import { handler as publicStatistics } from '../../src/handlers/statistics/public-statistics';
import { documentClient, dynamoDbClient } from '../../src/clients';
import { config } from '../../src/config';
import { monthlyCounters } from '../../src/store/counters';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { countDynamoDbRequests } from './support/request-counter';
import { useFreshTable } from './support/table';

/**
 * Campaign content, recall notices and public statistics through the real handlers, DynamoDB Local and the
 * stand-in WeChat server (content checks): role boundaries, bad input, what the public sees, and that the
 * public figures are the counters' and cost a fixed number of requests.
 */

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const now = new Date();
const today = formatShanghaiDate(now);
const month = today.slice(0, 7);
const year = Number(today.slice(0, 4));
const daysFrom = (days: number) => formatShanghaiDate(new Date(now.getTime() + days * 86_400_000));

const ARTICLE = { title: '网购七日无理由退货怎么用', summary: '哪些商品适用、运费谁出', body: '根据消费者权益保护法第二十五条，经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货。', published: true };
const RECALL = {
  kind: 'recall',
  product: '某品牌电热水壶',
  batch: '型号 KX-1800，批次 2026-03',
  reason: '底座接线端子可能松动，存在漏电风险。',
  consumerAction: '请立即停止使用，凭购物小票到店免费更换或退货。',
  fromDate: today,
  source: '生产企业召回公告',
};

/** A create, with a fresh Idempotency-Key as the app sends one (unless the case gives its own). */
const post = (handler: Parameters<typeof invoke>[0], routePath: string, who: SignedIn | undefined, body: unknown, pathParameters?: Record<string, string>, key = newIdempotencyKey()) =>
  invoke(handler, { method: 'POST', routePath, ...(who ? { token: who.token } : {}), body, ...(pathParameters ? { pathParameters } : {}), headers: { 'idempotency-key': key } });
const get = (handler: Parameters<typeof invoke>[0], routePath: string, options: { who?: SignedIn; query?: Record<string, string>; pathParameters?: Record<string, string> } = {}) =>
  invoke(handler, {
    method: 'GET',
    routePath,
    ...(options.who ? { token: options.who.token } : {}),
    ...(options.query ? { query: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
  });

async function auditOf(who: SignedIn): Promise<Array<Record<string, any>>> {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${who.userId}` } }),
  );
  return Items;
}

describe('维权知识 articles', () => {
  it('only a county admin writes them; regulators and mediators get 403 and nothing is written', async () => {
    for (const who of [people.regulatorChengguan, people.mediatorCounty]) {
      expect((await post(createArticle, '/staff/content/articles', who, ARTICLE)).status).toBe(403);
    }
    expect((await post(createArticle, '/staff/content/articles', people.ownerA, ARTICLE)).status).toBe(403);
    expect((await post(createArticle, '/staff/content/articles', undefined, ARTICLE)).status).toBe(401);
    const list = await get(staffContent, '/staff/content', { who: people.adminCounty, query: { kind: 'article' } });
    expect(list.body.articles).toEqual([]);
  });

  it('bad input is 400 naming the field, and nothing is written', async () => {
    expect(await post(createArticle, '/staff/content/articles', people.adminCounty, { ...ARTICLE, title: '' })).toMatchObject({ status: 400, body: { field: 'title' } });
    expect(await post(createArticle, '/staff/content/articles', people.adminCounty, { ...ARTICLE, body: '太短' })).toMatchObject({ status: 400, body: { field: 'body' } });
    expect(await post(createArticle, '/staff/content/articles', people.adminCounty, { ...ARTICLE, title: '退货😀指南' })).toMatchObject({ status: 400, body: { field: 'title' } });
    expect(await post(createArticle, '/staff/content/articles', people.adminCounty, { ...ARTICLE, published: 'yes' })).toMatchObject({ status: 400, body: { field: 'published' } });
    const list = await get(staffContent, '/staff/content', { who: people.adminCounty, query: { kind: 'article' } });
    expect(list.body.articles).toEqual([]);
    expect(await auditOf(people.adminCounty)).toEqual([]);
  });

  it('the public sees only published articles; unpublishing takes one away; each change is audited', async () => {
    const published = await post(createArticle, '/staff/content/articles', people.adminCounty, ARTICLE);
    expect(published.status).toBe(201);
    const draft = await post(createArticle, '/staff/content/articles', people.adminCounty, { ...ARTICLE, title: '草稿：预付卡维权', published: false });
    expect(draft.status).toBe(201);
    const first = ArticleView.parse(published.body);

    const list = ArticlePage.parse((await get(articlesHandler, '/content/articles')).body);
    expect(list.items.map((item) => item.title)).toEqual([ARTICLE.title]);
    expect((await get(articleHandler, '/content/articles/{id}', { pathParameters: { id: first.id } })).body).toMatchObject({ title: ARTICLE.title, body: ARTICLE.body });
    expect((await get(articleHandler, '/content/articles/{id}', { pathParameters: { id: draft.body.id } })).status).toBe(404);

    const staffList = await get(staffContent, '/staff/content', { who: people.adminCounty, query: { kind: 'article' } });
    expect(staffList.body.articles).toHaveLength(2);

    // A stale version is 409, nothing lost; the right one unpublishes.
    const put = (body: unknown) => invoke(updateArticle, { method: 'PUT', routePath: '/staff/content/articles/{id}', pathParameters: { id: first.id }, token: people.adminCounty.token, body });
    expect((await put({ ...ARTICLE, published: false, version: 7 })).status).toBe(409);
    const unpublished = await put({ ...ARTICLE, published: false, version: 1 });
    expect(unpublished.body).toMatchObject({ published: false, version: 2 });
    // The same save sent again (its answer lost): the article as it stands, saved and audited once; a different
    // save from that stale screen is 409.
    expect(await put({ ...ARTICLE, published: false, version: 1 })).toMatchObject({ status: 200, body: unpublished.body });
    expect((await put({ ...ARTICLE, title: '另一个标题', published: false, version: 1 })).status).toBe(409);
    // A field left out is one cleared: not the save that was made.
    const { summary: _summary, ...withoutSummary } = ARTICLE;
    void _summary;
    expect((await put({ ...withoutSummary, published: false, version: 1 })).status).toBe(409);
    expect(ArticlePage.parse((await get(articlesHandler, '/content/articles')).body).items).toEqual([]);
    expect((await get(articleHandler, '/content/articles/{id}', { pathParameters: { id: first.id } })).status).toBe(404);
    expect((await put({ ...ARTICLE, version: 2 })).body).toMatchObject({ published: true, version: 3, publishedAt: first.publishedAt });

    const actions = (await auditOf(people.adminCounty)).map((entry) => entry.action).sort();
    expect(actions).toEqual(['article_created', 'article_published', 'article_published', 'article_unpublished']);
    expect((await auditOf(people.adminCounty)).every((entry) => entry.subjectType === 'content')).toBe(true);
  });

  it('an unknown article is 404; a malformed id is 400', async () => {
    expect((await get(articleHandler, '/content/articles/{id}', { pathParameters: { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } })).status).toBe(404);
    expect(await get(articleHandler, '/content/articles/{id}', { pathParameters: { id: 'nope' } })).toMatchObject({ status: 400, body: { field: 'id' } });
  });

  it('an article or a banner sent twice with one Idempotency-Key is created once', async () => {
    const key = newIdempotencyKey();
    const article = { ...ARTICLE, title: '重复提交的文章', published: false };
    const [first, again] = await Promise.all([post(createArticle, '/staff/content/articles', people.adminCounty, article, undefined, key), post(createArticle, '/staff/content/articles', people.adminCounty, article, undefined, key)]);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    const bannerKey = newIdempotencyKey();
    const banner = { title: '重复提交的横幅', from: today, to: today, published: false };
    const one = await post(createBanner, '/staff/content/banners', people.adminCounty, banner, undefined, bannerKey);
    const two = await post(createBanner, '/staff/content/banners', people.adminCounty, banner, undefined, bannerKey);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).toBe(one.body.id);
    const staffList = await get(staffContent, '/staff/content', { who: people.adminCounty, query: { kind: 'banner' } });
    expect(staffList.body.banners.filter((item: { title: string }) => item.title === banner.title)).toHaveLength(1);
  });
});

describe('3·15 banners', () => {
  it('show on the home page only within their dates and while published', async () => {
    const make = async (title: string, from: string, to: string, published = true) => {
      const answer = await post(createBanner, '/staff/content/banners', people.adminCounty, { title, from, to, published });
      expect(answer.status).toBe(201);
      return BannerView.parse(answer.body);
    };
    const current = await make('3·15 放心消费在行动', daysFrom(-1), daysFrom(1));
    expect(current.active).toBe(true);
    await make('已结束的活动', daysFrom(-10), daysFrom(-1));
    await make('尚未开始的活动', daysFrom(1), daysFrom(5));
    const hidden = await make('未发布的横幅', daysFrom(-1), daysFrom(1), false);
    expect(hidden.active).toBe(false);

    const home = HomeContent.parse((await get(homeContent, '/content/home')).body);
    expect(home.banners.map((banner) => banner.title)).toEqual(['3·15 放心消费在行动']);

    // Unpublishing takes it off; a regulator may not touch it.
    const put = (who: SignedIn, body: unknown) =>
      invoke(updateBanner, { method: 'PUT', routePath: '/staff/content/banners/{id}', pathParameters: { id: current.id }, token: who.token, body });
    const body = { title: current.title, from: current.from, to: current.to, published: false, version: 1 };
    expect((await put(people.regulatorChengguan, body)).status).toBe(403);
    expect(await put(people.adminCounty, { ...body, to: daysFrom(-5) })).toMatchObject({ status: 400, body: { field: 'to' } });
    expect((await put(people.adminCounty, body)).status).toBe(200);
    expect(HomeContent.parse((await get(homeContent, '/content/home')).body).banners).toEqual([]);
  });

  it('a banner may open an article only if it exists (400 naming articleId)', async () => {
    const answer = await post(createBanner, '/staff/content/banners', people.adminCounty, { title: '看看这篇', articleId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', from: today, to: today, published: true });
    expect(answer).toMatchObject({ status: 400, body: { field: 'articleId' } });
  });
});

describe('recall notices', () => {
  const shopPath = '/merchant/shops/{id}/recalls';
  const publishFor = (who: SignedIn, shopId: string, body: unknown = RECALL) => post(publishRecall, shopPath, who, body, { id: shopId });
  const publicOfShop = async (shopId: string) => RecallPage.parse((await get(shopRecalls, '/merchants/{id}/recalls', { pathParameters: { id: shopId } })).body).items;
  const countyWide = async () => RecallPage.parse((await get(publicRecalls, '/recalls')).body).items;

  it('the owner publishes for their shop; it shows on the shop page, the county list and the home page', async () => {
    const answer = await publishFor(people.ownerA, SHOP_A.id);
    expect(answer.status).toBe(201);
    const recall = ManagedRecallView.parse(answer.body);
    expect(recall).toMatchObject({ public: true, statusLabel: '公示中', kindLabel: '缺陷产品召回', merchant: { id: SHOP_A.id, name: SHOP_A.name }, publishedBy: 'merchant' });
    expect((await publicOfShop(SHOP_A.id)).map((item) => item.id)).toEqual([recall.id]);
    expect((await countyWide()).map((item) => item.id)).toContain(recall.id);
    expect(HomeContent.parse((await get(homeContent, '/content/home')).body).recalls.map((item) => item.id)).toContain(recall.id);
    expect((await get(publicRecall, '/recalls/{id}', { pathParameters: { id: recall.id } })).body).toMatchObject({ product: RECALL.product, consumerAction: RECALL.consumerAction });
  });

  it('another shop’s owner gets 404, a clerk 403, a consumer 403; nothing is written', async () => {
    expect((await publishFor(people.ownerB, SHOP_A.id)).status).toBe(404);
    expect((await publishFor(people.clerkA, SHOP_A.id)).status).toBe(403);
    expect((await publishFor(people.consumer, SHOP_A.id)).status).toBe(403);
    expect(await publicOfShop(SHOP_A.id)).toHaveLength(1);
  });

  it('a notice sent twice with one Idempotency-Key is published once; the key with another notice is 409', async () => {
    const key = newIdempotencyKey();
    const body = { ...RECALL, product: '重复提交的电暖器' };
    const [first, again] = [await post(publishRecall, shopPath, people.ownerA, body, { id: SHOP_A.id }, key), await post(publishRecall, shopPath, people.ownerA, body, { id: SHOP_A.id }, key)];
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect((await publicOfShop(SHOP_A.id)).filter((item) => item.product === body.product)).toHaveLength(1);
    const other = await post(publishRecall, shopPath, people.ownerA, { ...body, product: '另一件产品' }, { id: SHOP_A.id }, key);
    expect(other).toMatchObject({ status: 409, body: { field: 'Idempotency-Key' } });
    // And the staff's own notices, the same way.
    const staffKey = newIdempotencyKey();
    const staffBody = { ...RECALL, product: '全县重复提交测试', kind: 'delisting' };
    const [one, two] = await Promise.all([post(staffPublishRecall, '/staff/recalls', people.adminCounty, staffBody, undefined, staffKey), post(staffPublishRecall, '/staff/recalls', people.adminCounty, staffBody, undefined, staffKey)]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).toBe(one.body.id);
    expect((await countyWide()).filter((item) => item.product === staffBody.product)).toHaveLength(1);
  });

  it('bad input is 400 naming the field', async () => {
    expect(await publishFor(people.ownerA, SHOP_A.id, { ...RECALL, reason: '' })).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(await publishFor(people.ownerA, SHOP_A.id, { ...RECALL, kind: 'maybe' })).toMatchObject({ status: 400, body: { field: 'kind' } });
    expect(await publishFor(people.ownerA, SHOP_A.id, { ...RECALL, fromDate: '2026-02-30' })).toMatchObject({ status: 400, body: { field: 'fromDate' } });
  });

  it('staff publish in their jurisdiction only (outside: 404); mediators 403; county-wide notices need county-wide staff', async () => {
    const staffBody = { ...RECALL, product: '某品牌儿童玩具', merchantId: SHOP_A.id };
    expect((await post(staffPublishRecall, '/staff/recalls', people.regulatorLongquan, staffBody)).status).toBe(404);
    expect((await post(staffPublishRecall, '/staff/recalls', people.mediatorCounty, staffBody)).status).toBe(403);
    expect((await post(staffPublishRecall, '/staff/recalls', people.ownerA, staffBody)).status).toBe(403);
    expect((await post(staffPublishRecall, '/staff/recalls', people.regulatorChengguan, { ...RECALL, product: '全县通告' })).status).toBe(403);
    const own = await post(staffPublishRecall, '/staff/recalls', people.regulatorChengguan, staffBody);
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ publishedBy: 'staff', publishedByLabel: '市场监管部门发布', public: true });
    const county = await post(staffPublishRecall, '/staff/recalls', people.adminCounty, { ...RECALL, kind: 'delisting', product: '某批次不合格食用油' });
    expect(county.status).toBe(201);
    expect(county.body.merchant).toBeUndefined();

    // The regulator of another town sees neither in their list, and cannot withdraw them (404).
    const longquan = ManagedRecallPage.parse((await get(staffRecalls, '/staff/recalls', { who: people.regulatorLongquan })).body);
    expect(longquan.items).toEqual([]);
    const withdrawBody = { version: 1, reason: '误发，撤回' };
    expect((await post(staffWithdrawRecall, '/staff/recalls/{id}/withdraw', people.regulatorLongquan, withdrawBody, { id: own.body.id })).status).toBe(404);
    expect((await post(staffWithdrawRecall, '/staff/recalls/{id}/withdraw', people.regulatorChengguan, withdrawBody, { id: county.body.id })).status).toBe(404);
    // A mediator, who may not act on notices: an unknown id or one out of reach is 404 as for anyone; 403 only in reach.
    expect((await post(staffWithdrawRecall, '/staff/recalls/{id}/withdraw', people.mediatorCounty, withdrawBody, { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).status).toBe(404);
    expect((await post(staffWithdrawRecall, '/staff/recalls/{id}/withdraw', people.mediatorCounty, withdrawBody, { id: own.body.id })).status).toBe(403);
    // The shop cannot withdraw what the bureau published.
    expect((await post(withdrawRecall, '/merchant/shops/{id}/recalls/{recallId}/withdraw', people.ownerA, withdrawBody, { id: SHOP_A.id, recallId: own.body.id })).status).toBe(403);

    const actions = (await auditOf(people.regulatorChengguan)).map((entry) => entry.action);
    expect(actions).toEqual(['recall_published']);
  });

  it('a withdrawn notice disappears from every public list at once; a second withdrawal is 409', async () => {
    const recall = ManagedRecallView.parse((await publishFor(people.ownerA, SHOP_A.id, { ...RECALL, product: '即将撤回的商品' })).body);
    expect((await publicOfShop(SHOP_A.id)).map((item) => item.id)).toContain(recall.id);
    // Only the owner is offered 撤回: a clerk reads the shop's notices, and may not withdraw them.
    const listFor = async (who: SignedIn) => ManagedRecallPage.parse((await get(merchantRecalls, shopPath, { who, pathParameters: { id: SHOP_A.id } })).body).items.find((item) => item.id === recall.id);
    expect((await listFor(people.ownerA))?.allowedActions).toEqual(['withdraw']);
    expect((await listFor(people.clerkA))?.allowedActions).toEqual([]);
    const path = '/merchant/shops/{id}/recalls/{recallId}/withdraw';
    expect((await post(withdrawRecall, path, people.ownerB, { version: 1, reason: '误发，撤回' }, { id: SHOP_A.id, recallId: recall.id })).status).toBe(404);
    expect((await post(withdrawRecall, path, people.ownerB, { version: 1, reason: '误发，撤回' }, { id: SHOP_B.id, recallId: recall.id })).status).toBe(404);
    const done = await post(withdrawRecall, path, people.ownerA, { version: 1, reason: '信息有误，重新发布' }, { id: SHOP_A.id, recallId: recall.id });
    expect(done.body).toMatchObject({ state: 'withdrawn', statusLabel: '已撤回', public: false });
    // The same withdrawal sent again (its answer lost, or a double tap): answered as it stands, written once.
    const resent = await post(withdrawRecall, path, people.ownerA, { version: 1, reason: '信息有误，重新发布' }, { id: SHOP_A.id, recallId: recall.id });
    expect(resent).toMatchObject({ status: 200, body: done.body });
    expect((await post(withdrawRecall, path, people.ownerA, { version: 1, reason: '另一个理由' }, { id: SHOP_A.id, recallId: recall.id })).status).toBe(409);
    expect((await post(withdrawRecall, path, people.ownerA, { version: 2, reason: '再次撤回' }, { id: SHOP_A.id, recallId: recall.id })).status).toBe(409);

    expect((await publicOfShop(SHOP_A.id)).map((item) => item.id)).not.toContain(recall.id);
    expect((await countyWide()).map((item) => item.id)).not.toContain(recall.id);
    expect((await get(publicRecall, '/recalls/{id}', { pathParameters: { id: recall.id } })).status).toBe(404);
    // The shop still sees it in its own list, marked withdrawn.
    const own = ManagedRecallPage.parse((await get(merchantRecalls, shopPath, { who: people.clerkA, pathParameters: { id: SHOP_A.id } })).body);
    expect(own.items.find((item) => item.id === recall.id)).toMatchObject({ state: 'withdrawn', allowedActions: [] });
  });

  it('a shop’s text the content check holds is not shown until a regulator releases it', async () => {
    const risky = { ...RECALL, product: '赌博返现卡' }; // a word the stand-in finds risky
    const held = ManagedRecallView.parse((await publishFor(people.ownerA, SHOP_A.id, risky)).body);
    expect(held).toMatchObject({ public: false, moderationState: 'held', statusLabel: '内容审核中，暂未公示' });
    expect((await publicOfShop(SHOP_A.id)).map((item) => item.id)).not.toContain(held.id);

    const queue = ManagedRecallPage.parse((await get(staffRecalls, '/staff/recalls', { who: people.regulatorChengguan })).body);
    expect(queue.items.find((item) => item.id === held.id)?.allowedActions).toEqual(['withdraw', 'release', 'block']);
    expect((await post(reviewRecall, '/staff/recalls/{id}/review', people.regulatorLongquan, { version: 1, decision: 'release' }, { id: held.id })).status).toBe(404);
    const released = await post(reviewRecall, '/staff/recalls/{id}/review', people.regulatorChengguan, { version: 1, decision: 'release' }, { id: held.id });
    expect(released.body).toMatchObject({ public: true, moderationState: 'released' });
    expect((await post(reviewRecall, '/staff/recalls/{id}/review', people.adminCounty, { version: 2, decision: 'block' }, { id: held.id })).status).toBe(409);
    // The release sent again from the version it was made on: answered as it stands; the opposite decision is 409.
    expect(await post(reviewRecall, '/staff/recalls/{id}/review', people.regulatorChengguan, { version: 1, decision: 'release' }, { id: held.id })).toMatchObject({ status: 200, body: released.body });
    expect((await post(reviewRecall, '/staff/recalls/{id}/review', people.regulatorChengguan, { version: 1, decision: 'block' }, { id: held.id })).status).toBe(409);
    expect((await publicOfShop(SHOP_A.id)).map((item) => item.id)).toContain(held.id);
  });

  it('the scanned shop page counts the notices the public sees, through publish, hold, release, block and withdraw', async () => {
    const countOnPage = async (shopId: string) =>
      MerchantPublicView.parse((await get(shopPage, '/merchants/{id}', { pathParameters: { id: shopId } })).body).recallsInForce;
    // Every step: the count on the page equals the shop's public list, so the page loads the list only when it has something.
    const expectCount = async (shopId: string, count: number) => {
      expect(await countOnPage(shopId)).toBe(count);
      expect(await publicOfShop(shopId)).toHaveLength(count);
    };
    const start = (await publicOfShop(SHOP_A.id)).length;
    await expectCount(SHOP_A.id, start);
    await expectCount(SHOP_B.id, 0);

    const shown = ManagedRecallView.parse((await publishFor(people.ownerA, SHOP_A.id, { ...RECALL, product: '计数用的召回商品' })).body);
    await expectCount(SHOP_A.id, start + 1);
    // Refused writes change nothing.
    expect((await publishFor(people.ownerB, SHOP_A.id)).status).toBe(404);
    expect((await publishFor(people.ownerA, SHOP_A.id, { ...RECALL, reason: '' })).status).toBe(400);
    await expectCount(SHOP_A.id, start + 1);

    const held = ManagedRecallView.parse((await publishFor(people.ownerA, SHOP_A.id, { ...RECALL, product: '赌博返现卡二号' })).body);
    expect(held.public).toBe(false);
    await expectCount(SHOP_A.id, start + 1);
    const blocked = await post(reviewRecall, '/staff/recalls/{id}/review', people.regulatorChengguan, { version: 1, decision: 'block' }, { id: held.id });
    expect(blocked.body).toMatchObject({ public: false, moderationState: 'blocked' });
    await expectCount(SHOP_A.id, start + 1);

    const withdrawPath = '/merchant/shops/{id}/recalls/{recallId}/withdraw';
    expect((await post(withdrawRecall, withdrawPath, people.ownerA, { version: 1, reason: '已处理完毕' }, { id: SHOP_A.id, recallId: shown.id })).status).toBe(200);
    await expectCount(SHOP_A.id, start);
    // Withdrawing what was never public (the blocked one) leaves the count where it is.
    expect((await post(staffWithdrawRecall, '/staff/recalls/{id}/withdraw', people.regulatorChengguan, { version: 2, reason: '清理屏蔽内容' }, { id: held.id })).status).toBe(200);
    await expectCount(SHOP_A.id, start);
    await expectCount(SHOP_B.id, 0);
  });
});

describe('paged lists refuse a hand-made cursor with 400, never 500', () => {
  const foreign = Buffer.from(JSON.stringify({ pk: 'X', sk: 'Y' })).toString('base64url');
  it.each([
    ['/content/articles', articlesHandler, {}],
    ['/recalls', publicRecalls, {}],
    ['/merchants/{id}/recalls', shopRecalls, { id: SHOP_A.id }],
  ] as const)('%s', async (routePath, handler, pathParameters) => {
    for (const cursor of ['not-a-cursor!!', foreign, Buffer.from('[1,2]').toString('base64url')]) {
      const answer = await get(handler, routePath, { query: { cursor }, pathParameters });
      expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID', field: 'cursor' } });
    }
  });
  it('staff and merchant lists too', async () => {
    expect(await get(staffRecalls, '/staff/recalls', { who: people.adminCounty, query: { cursor: foreign } })).toMatchObject({ status: 400, body: { field: 'cursor' } });
    expect(await get(merchantRecalls, '/merchant/shops/{id}/recalls', { who: people.ownerA, query: { cursor: 'zz' }, pathParameters: { id: SHOP_A.id } })).toMatchObject({ status: 400, body: { field: 'cursor' } });
    expect(await get(staffContent, '/staff/content', { who: people.adminCounty, query: { cursor: foreign } })).toMatchObject({ status: 400, body: { field: 'cursor' } });
  });
});

describe('public statistics', () => {
  beforeAll(async () => {
    // Twelve complaints through the real use cases: 6 settled in the shop (3 rated), 1 withdrawn, 5 open.
    const filed = [];
    for (let index = 0; index < 12; index++) {
      filed.push(await fileComplaint(FileComplaintRequest.parse(complaintBody()), people.consumer.principal, newIdempotencyKey(), now));
    }
    for (const [index, complaint] of filed.entries()) {
      if (index < 6) {
        await sendCommand(complaint.id, { version: 1, command: { type: 'propose', proposal: { outcome: 'refund', amount: '10.00', dueDate: daysFrom(3), text: '全额退款。' } } }, people.ownerA.principal, now);
        await sendCommand(complaint.id, { version: 2, command: { type: 'accept_proposal' } }, people.consumer.principal, now);
        if (index < 3) await sendCommand(complaint.id, { version: 3, command: { type: 'rate', rating: index === 0 ? 'dissatisfied' : 'satisfied' } }, people.consumer.principal, now);
      } else if (index === 6) {
        await sendCommand(complaint.id, { version: 1, command: { type: 'withdraw' } }, people.consumer.principal, now);
      }
    }
    await applyPendingCounts();
  }, 120_000);

  it('a town’s page equals its counters, month by month, with small samples worded honestly — one Query', async () => {
    const counters = (await monthlyCounters('town#chengguan', year)).get(month)!;
    expect(counters).toMatchObject({ received: 12, closed: 7, settledInShop: 6, withdrawn: 1, rated: 3, satisfied: 2, dissatisfied: 1 });

    const requests = countDynamoDbRequests(dynamoDbClient);
    let answer;
    try {
      answer = await get(publicStatistics, '/statistics', { query: { scope: 'town:chengguan', year: String(year) } });
      expect(requests.commands).toEqual(['QueryCommand']);
    } finally {
      requests.detach();
    }
    const view = PublicStatisticsView.parse(answer.body);
    expect(view.scope).toEqual({ kind: 'town', code: 'chengguan', label: '城关镇' });
    const row = view.months.find((entry) => entry.month === month)!;
    expect(row).toMatchObject({ received: counters.received, handled: counters.closed, settledInShop: counters.settledInShop, rated: counters.rated });
    expect(row.handlingRate).toEqual({ numerator: 7, denominator: 12, text: '58.3%', smallSample: false });
    expect(row.inShopShare).toEqual({ numerator: 6, denominator: 6, text: '样本较少（n=6），仅供参考', smallSample: true });
    expect(row.satisfactionRate).toEqual({ numerator: 2, denominator: 3, text: '样本较少（n=3），仅供参考', smallSample: true });
    expect(view.total.received).toBe(12);
    // Sectors: the shop's; a town with nothing is 「—」, not 0%.
    const sector = PublicStatisticsView.parse((await get(publicStatistics, '/statistics', { query: { scope: `sector:${SHOP_A.sector}` } })).body);
    expect(sector.total.received).toBe(12);
    const empty = PublicStatisticsView.parse((await get(publicStatistics, '/statistics', { query: { scope: 'town:bailu' } })).body);
    expect(empty.total.handlingRate.text).toBe('—');
  });

  it('unknown scopes are 400 naming scope', async () => {
    expect(await get(publicStatistics, '/statistics', { query: { scope: 'town:atlantis' } })).toMatchObject({ status: 400, body: { field: 'scope' } });
    expect(await get(publicStatistics, '/statistics', { query: { scope: 'shop:QHSHOPA001' } })).toMatchObject({ status: 400, body: { field: 'scope' } });
    // Names every JavaScript object has are not towns or sectors.
    for (const scope of ['town:constructor', 'town:__proto__', 'sector:constructor', 'sector:__proto__']) {
      expect(await get(publicStatistics, '/statistics', { query: { scope } })).toMatchObject({ status: 400, body: { field: 'scope' } });
    }
  });

  it('the open-data file: BOM, monthly rows per town and sector equal to the counters, no personal data, BatchGets only', async () => {
    const requests = countDynamoDbRequests(dynamoDbClient);
    let answer;
    try {
      answer = await get(openDataCsv, '/statistics/open-data.csv', { query: { year: String(year) } });
      expect(new Set(requests.commands)).toEqual(new Set(['BatchGetItemCommand']));
    } finally {
      requests.detach();
    }
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-type'])).toContain('text/csv');
    const csv = String(answer.body);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // As the public page shows them: below 10, no percentage (the counts are beside it), and the note says which.
    expect(csv).toContain(`"${month}","乡镇（街道）","chengguan","城关镇","12","7","58.3%","6","6","样本较少（n=6），仅供参考","3","2","样本较少（n=3），仅供参考","店内和解占比、满意率样本较少（少于10），不计算比率"`);
    expect(csv).toContain(`"${month}","行业","${SHOP_A.sector}"`);
    for (const personal of ['13800138000', '138****8000', SHOP_A.name, SHOP_A.id, 'consumer', people.consumer.userId]) expect(csv).not.toContain(personal);
  });
});
