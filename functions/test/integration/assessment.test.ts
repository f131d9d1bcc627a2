import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AssessmentView, FileComplaintRequest, MerchantPublicView, ScorecardView, formatShanghaiDate, scorecardOf } from '@fangxin/shared';
import { handler as assessment } from '../../src/handlers/campaign/assessment';
import { handler as confirm } from '../../src/handlers/campaign/confirm-assessment';
import { handler as exclusions } from '../../src/handlers/campaign/exclusions-csv';
import { handler as myScorecard } from '../../src/handlers/campaign/my-scorecard';
import { handler as open } from '../../src/handlers/campaign/open-assessment';
import { handler as putTargets } from '../../src/handlers/campaign/put-targets';
import { handler as overrideScore } from '../../src/handlers/campaign/override-score';
import { handler as scorecard } from '../../src/handlers/campaign/scorecard';
import { handler as scorecards } from '../../src/handlers/campaign/scorecards';
import { handler as getMerchant } from '../../src/handlers/merchants/get-merchant';
import { handler as violation } from '../../src/handlers/registry/violation';
import { documentClient } from '../../src/clients';
import { config } from '../../src/config';
import { findAssessment, findScorecard, putScorecard, saveAssessment, saveOverride } from '../../src/store/assessments';
import { saveRegistryChange } from '../../src/store/registry';
import { saveYearTargets } from '../../src/store/settings';
import { findMerchant } from '../../src/store/merchants';
import { continueAssessment } from '../../src/use-cases/assessment';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { sendCommand } from '../../src/use-cases/send-command';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, signInAnother, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
const year = Number(formatShanghaiDate(new Date()).slice(0, 4));
const Y = String(year);

beforeAll(async () => {
  people = await setUpPeople();
  // Shop A settles its complaints in the shop and its customers are satisfied.
  for (let index = 0; index < 3; index++) {
    const now = new Date();
    const filed = await fileComplaint(FileComplaintRequest.parse(complaintBody()), people.consumer.principal, newIdempotencyKey(), now);
    await sendCommand(filed.id, { version: 1, command: { type: 'propose', proposal: { outcome: 'replace', dueDate: formatShanghaiDate(now), text: '为您更换新品' } } }, people.ownerA.principal, now);
    await sendCommand(filed.id, { version: 2, command: { type: 'accept_proposal' } }, people.consumer.principal, now);
    await sendCommand(filed.id, { version: 3, command: { type: 'rate', rating: 'satisfied' } }, people.consumer.principal, now);
  }
  await applyPendingCounts();
  // Shop B has a violation on record: a bottom line.
  const flagged = await invoke(violation, { headers: { 'idempotency-key': newIdempotencyKey() },
    method: 'POST',
    routePath: '/staff/merchants/{id}/violations',
    pathParameters: { id: SHOP_B.id },
    token: people.adminCounty.token,
    body: { source: '行政处罚', date: formatShanghaiDate(new Date()), description: '销售过期食品' },
  });
  expect(flagged.status).toBe(200);
});

const openIt = (who: SignedIn) => invoke(open, { method: 'POST', routePath: '/staff/assessments/{year}', pathParameters: { year: Y }, token: who.token, body: {} });
const card = (who: SignedIn, merchantId: string) =>
  invoke(scorecard, { method: 'GET', routePath: '/staff/assessments/{year}/scorecards/{merchantId}', pathParameters: { year: Y, merchantId }, token: who.token });
const override = (who: SignedIn, merchantId: string, body: Record<string, unknown>) =>
  invoke(overrideScore, { method: 'POST', routePath: '/staff/assessments/{year}/scorecards/{merchantId}/overrides', pathParameters: { year: Y, merchantId }, token: who.token, body });
const confirmIt = (who: SignedIn) => invoke(confirm, { method: 'POST', routePath: '/staff/assessments/{year}/confirm', pathParameters: { year: Y }, token: who.token });

describe('the annual assessment', () => {
  it('only a county admin opens it; it computes every participating shop’s scorecard', async () => {
    expect((await openIt(people.regulatorChengguan)).status).toBe(403);
    // A year not begun, or one the schedule would never finish, is refused naming the year; nothing opens.
    const openYear = (value: number) => invoke(open, { method: 'POST', routePath: '/staff/assessments/{year}', pathParameters: { year: String(value) }, token: people.adminCounty.token, body: {} });
    expect(await openYear(year + 1)).toMatchObject({ status: 400, body: { field: 'year', message: `${year + 1}年尚未开始，不能开启该年度考核` } });
    expect(await openYear(year - 2)).toMatchObject({ status: 400, body: { field: 'year' } });
    expect(await findAssessment(year + 1)).toBeUndefined();
    const opened = await openIt(people.adminCounty);
    expect(opened.status).toBe(201);
    expect(AssessmentView.parse(opened.body)).toMatchObject({ year, state: 'open', shops: { total: 2, computed: 2, passed: 1, failed: 1 } });
    // Full points at the year's targets (here the plan's: the office set none).
    expect((await findAssessment(year))!.standard.thresholds).toEqual({ handlingRate: 0.98, settlementRate: 0.85, satisfactionRate: 0.9 });
    // The same admin sending it again (the answer lost): the year as it stands, opened once, audited once.
    const { openedAt } = (await findAssessment(year))!;
    const again = await openIt(people.adminCounty);
    expect(again.status).toBe(201);
    expect(AssessmentView.parse(again.body)).toMatchObject({ year, state: 'open', shops: { total: 2, computed: 2 } });
    expect((await findAssessment(year))!).toMatchObject({ openedAt, version: expect.any(Number) });
    const opened2 = await documentClient.send(new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${people.adminCounty.userId}` } }));
    expect((opened2.Items ?? []).filter((item) => item.action === 'assessment_opened')).toHaveLength(1);
    // Another admin opening it: 409 in words.
    const otherAdmin = await signInAnother('u-test-other-admin', { merchantIds: [], staff: { role: 'admin', jurisdiction: 'county' } });
    expect(await openIt(otherAdmin)).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: `${year}年度考核已经开启` } });
    // From now on the year is judged by those targets, on every screen: they no longer change.
    const targets = { handlingRate: 0.95, satisfactionRate: 0.9, settlementRate: 0.85, awarenessRate: 0.82, version: 0 };
    const changed = await invoke(putTargets, { method: 'PUT', routePath: '/staff/settings/targets/{year}', pathParameters: { year: Y }, token: people.adminCounty.token, body: targets });
    expect(changed).toMatchObject({ status: 409, body: { field: 'year', message: `${year}年度考核已开始，评分按开始时的目标计算，目标不能再修改` } });
  });

  it('shop A passes on its record; shop B fails on its violation whatever its points', async () => {
    const a = ScorecardView.parse((await card(people.adminCounty, SHOP_A.id)).body);
    expect(a).toMatchObject({ passed: true, verdict: '合格', source: 'assessment', state: 'open' });
    expect(a.base.find((item) => item.code === 'handling_rate')).toMatchObject({ points: 20, basis: expect.stringContaining('3/3') });
    const b = ScorecardView.parse((await card(people.adminCounty, SHOP_B.id)).body);
    expect(b.passed).toBe(false);
    expect(b.total).toBeGreaterThanOrEqual(b.passMark);
    expect(b.bottomLines).toEqual([{ code: 'credit_flag', label: '有经查实的违法违规记录（联合惩戒名单）', evidence: '违法违规记录 1 条' }]);
  });

  it('opening copies the year’s targets as read: targets saved in between make it 409, never frozen stale', async () => {
    const earlier = year - 5;
    const targets = { handlingRate: 0.97, satisfactionRate: 0.91, settlementRate: 0.86, awarenessRate: 0.83 };
    expect(await saveYearTargets(earlier, targets, 0, { userId: people.adminCounty.userId, role: 'admin' }, new Date().toISOString())).toBe(1);
    const opened = { ...(await findAssessment(year))!, year: earlier, version: 1 };
    // An open that read the targets before that save (another container's cache, a read in flight).
    await expect(saveAssessment(opened, undefined, '已经开启', undefined, { version: 0 })).rejects.toMatchObject({ field: 'year', message: expect.stringContaining('指标目标刚刚已被修改') });
    expect(await findAssessment(earlier)).toBeUndefined();
    await saveAssessment(opened, undefined, '已经开启', undefined, { version: 1 });
    expect(await findAssessment(earlier)).toMatchObject({ year: earlier });
  });

  it('scores are reproducible from what is stored', async () => {
    const stored = (await findScorecard(year, SHOP_A.id))!;
    const view = ScorecardView.parse((await card(people.adminCounty, SHOP_A.id)).body);
    const { record } = { record: (await invoke(assessment, { method: 'GET', routePath: '/staff/assessments/{year}', pathParameters: { year: Y }, token: people.adminCounty.token })).body };
    expect(scorecardOf(stored.inputs, record.standard, stored.overrides).total).toBe(view.total);
  });

  it('town staff see their own towns’ shops only', async () => {
    const list = await invoke(scorecards, { method: 'GET', routePath: '/staff/assessments/{year}/scorecards', pathParameters: { year: Y }, token: people.regulatorChengguan.token });
    expect(list.body.items.map((item: { merchant: { id: string } }) => item.merchant.id)).toEqual([SHOP_A.id]);
    expect(await card(people.regulatorLongquan, SHOP_A.id)).toMatchObject({ status: 404 });
    const all = await invoke(scorecards, { method: 'GET', routePath: '/staff/assessments/{year}/scorecards', pathParameters: { year: Y }, token: people.adminCounty.token, query: { result: 'failed' } });
    expect(all.body.items.map((item: { merchant: { id: string } }) => item.merchant.id)).toEqual([SHOP_B.id]);
  });

  it('the county’s list pages in review order, failed first, each shop once; a cursor from another filter is 400', async () => {
    const page = (query: Record<string, string>) =>
      invoke(scorecards, { method: 'GET', routePath: '/staff/assessments/{year}/scorecards', pathParameters: { year: Y }, token: people.adminCounty.token, query });
    const first = await page({ limit: '1' });
    expect(first.body.items.map((item: { merchant: { id: string } }) => item.merchant.id)).toEqual([SHOP_B.id]);
    const second = await page({ limit: '1', cursor: first.body.nextCursor });
    expect(second.body.items.map((item: { merchant: { id: string } }) => item.merchant.id)).toEqual([SHOP_A.id]);
    expect(second.body.nextCursor).toBeUndefined();
    expect(await page({ limit: '1', result: 'passed', cursor: first.body.nextCursor })).toMatchObject({ status: 400, body: { field: 'cursor' } });
  });

  it('an admin overrides an item with a reason (audited); a regulator cannot; a stale version is 409; bad input names the field', async () => {
    const before = ScorecardView.parse((await card(people.adminCounty, SHOP_A.id)).body);
    const body = { item: 'satisfaction', points: 10, reason: '回访中两位消费者表示不满意', version: before.version };
    expect((await override(people.regulatorChengguan, SHOP_A.id, body)).status).toBe(403);
    expect(await override(people.adminCounty, SHOP_A.id, { ...body, item: 'charm' })).toMatchObject({ status: 400, body: { field: 'item' } });
    expect(await override(people.adminCounty, SHOP_A.id, { ...body, reason: '差' })).toMatchObject({ status: 400, body: { field: 'reason' } });
    const done = await override(people.adminCounty, SHOP_A.id, body);
    expect(done.status).toBe(200);
    const after = ScorecardView.parse(done.body);
    expect(after.base.find((item) => item.code === 'satisfaction')).toMatchObject({ points: 10, override: { computed: 15, reason: body.reason, by: people.adminCounty.userId } });
    expect(after.total).toBe(before.total - 5);
    // The same override sent again (its answer lost): the scorecard as it stands, overridden once.
    expect(await override(people.adminCounty, SHOP_A.id, body)).toMatchObject({ status: 200, body: { version: after.version, total: after.total } });
    // Another change from the same stale screen is 409.
    expect((await override(people.adminCounty, SHOP_A.id, { ...body, points: 12 })).status).toBe(409);
    const { Items = [] } = await documentClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${people.adminCounty.userId}` } }),
    );
    expect(Items.map((item) => item.action)).toEqual(expect.arrayContaining(['assessment_opened', 'assessment_override']));
    expect(Items.filter((item) => item.action === 'assessment_override')).toHaveLength(1);
  });

  it('confirming awards the 示范 badge to the shops that passed; it shows on the public page; sent again it answers the year, by another admin 409; overrides after are 409', async () => {
    expect((await confirmIt(people.regulatorChengguan)).status).toBe(403);
    const confirmed = await confirmIt(people.adminCounty);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'confirmed', shops: { passed: 1, failed: 1 } });
    const pageA = MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: SHOP_A.id } })).body);
    expect(pageA.badge).toEqual({ kind: 'model', label: `${year}年度放心消费示范企业` });
    const pageB = MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: SHOP_B.id } })).body);
    expect(pageB.badge.kind).toBe('participant');
    // The admin's own confirmation sent again (its answer lost): the year as it stands, confirmed and audited once.
    expect(await confirmIt(people.adminCounty)).toMatchObject({ status: 200, body: { state: 'confirmed', shops: { passed: 1, failed: 1 } } });
    const { Items: trail = [] } = await documentClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${people.adminCounty.userId}` } }),
    );
    expect(trail.filter((item) => item.action === 'assessment_confirmed')).toHaveLength(1);
    // Another admin, on a screen that still showed the year open: 409, saying so.
    const otherAdmin = await signInAnother('u-test-second-admin', { merchantIds: [], staff: { role: 'admin', jurisdiction: 'county' } });
    expect(await confirmIt(otherAdmin)).toMatchObject({ status: 409, body: { message: `${year}年度考核已经确认，不能重复确认` } });
    const now = ScorecardView.parse((await card(people.adminCounty, SHOP_A.id)).body);
    expect(await override(people.adminCounty, SHOP_A.id, { item: 'satisfaction', points: 15, reason: '复核后恢复原分', version: now.version })).toMatchObject({
      status: 409,
      body: { message: `${year}年度考核已确认，不能再调整评分` },
    });
    // An override that read the year as open and commits after the confirmation: refused, the score unchanged.
    const stored = (await findScorecard(year, SHOP_A.id))!;
    const late = { item: 'satisfaction', points: 0, reason: '确认前读取的调整', by: people.adminCounty.userId, at: new Date().toISOString() };
    await expect(saveOverride({ ...stored, overrides: [late], version: stored.version + 1 }, stored.version, late, 'admin')).rejects.toThrow('年度考核已确认');
    expect(await findScorecard(year, SHOP_A.id)).toEqual(stored);
  });

  it('the exclusion list names the failed shop (and everything on the 联合惩戒 list), safe against formulas', async () => {
    const csv = await invoke(exclusions, { method: 'GET', routePath: '/staff/assessments/{year}/exclusions.csv', pathParameters: { year: Y }, token: people.adminCounty.token });
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text.startsWith('\uFEFF"店铺名称","乡镇（街道）","行业","原因"')).toBe(true);
    expect(text).toContain(`"${SHOP_B.name}","龙泉镇"`);
    expect(text).not.toContain(SHOP_A.name);
  });

  it('a shop sees its own live scorecard; another shop’s people get 404', async () => {
    const mine = await invoke(myScorecard, { method: 'GET', routePath: '/merchant/shops/{id}/scorecard', pathParameters: { id: SHOP_A.id }, token: people.ownerA.token });
    expect(mine.status).toBe(200);
    expect(ScorecardView.parse(mine.body)).toMatchObject({ source: 'live', merchant: { id: SHOP_A.id } });
    expect((await invoke(myScorecard, { method: 'GET', routePath: '/merchant/shops/{id}/scorecard', pathParameters: { id: SHOP_A.id }, token: people.ownerB.token })).status).toBe(404);
  });

  it('a shop flagged after the year was confirmed, before its award, is not awarded: its scorecard fails the bottom line, audited', async () => {
    // The year as it stands right after confirming, with the award still to be given to a shop that passed.
    const later = year + 1;
    const record = (await findAssessment(year))!;
    const passing = (await findScorecard(year, SHOP_A.id))!;
    const shop = { ...SHOP_A, id: 'QHLATEFLAG', name: '确认后被查处的商店' };
    await saveRegistryChange({ before: undefined, after: shop, directory: 'publish' });
    expect(await putScorecard({ ...passing, year: later, merchantId: shop.id, name: shop.name, overrides: [], version: 1 })).toBe(true);
    await saveAssessment({ ...record, year: later, state: 'confirmed', awardsPending: [shop.id], version: 1 }, undefined, 'exists');
    const flagged = await invoke(violation, {
      headers: { 'idempotency-key': newIdempotencyKey() },
      method: 'POST',
      routePath: '/staff/merchants/{id}/violations',
      pathParameters: { id: shop.id },
      token: people.adminCounty.token,
      body: { source: '行政处罚', date: formatShanghaiDate(new Date()), description: '确认后查实的价格欺诈' },
    });
    expect(flagged.status).toBe(200);

    await continueAssessment(later, new Date(), 10_000);
    const page = MerchantPublicView.parse((await invoke(getMerchant, { method: 'GET', routePath: '/merchants/{id}', pathParameters: { id: shop.id } })).body);
    expect(page.badge.kind).toBe('participant');
    const rescored = (await findScorecard(later, shop.id))!;
    expect(scorecardOf(rescored.inputs, record.standard, rescored.overrides)).toMatchObject({ passed: false, bottomLines: [expect.objectContaining({ code: 'credit_flag' })] });
    expect((await findAssessment(later))!.awardsPending).toEqual([]);
    const { Items = [] } = await documentClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${record.confirmedBy}` } }),
    );
    expect(Items.filter((item) => item.action === 'award_withheld' && item.subjectId === shop.id)).toHaveLength(1);
  });

  it('a shop revoked after the year was confirmed, before its award, is not awarded: its scorecard fails the bottom line, so the overview and bulletin agree; audited', async () => {
    const later = year + 2;
    const record = (await findAssessment(year))!;
    const passing = (await findScorecard(year, SHOP_A.id))!;
    const shop = { ...SHOP_A, id: 'QHLATEREVO', name: '确认后被摘牌的商店' };
    await saveRegistryChange({ before: undefined, after: shop, directory: 'publish' });
    expect(await putScorecard({ ...passing, year: later, merchantId: shop.id, name: shop.name, overrides: [], version: 1 })).toBe(true);
    await saveAssessment({ ...record, year: later, state: 'confirmed', awardsPending: [shop.id], version: 1 }, undefined, 'exists');
    await saveRegistryChange({ before: shop, after: { ...shop, status: 'revoked', statusReason: '严重违法经营' }, directory: 'withdraw' });

    await continueAssessment(later, new Date(), 10_000);
    expect((await findMerchant(shop.id))!.badge?.kind).not.toBe('model');
    const rescored = (await findScorecard(later, shop.id))!;
    expect(scorecardOf(rescored.inputs, record.standard, rescored.overrides)).toMatchObject({ passed: false, bottomLines: [expect.objectContaining({ code: 'not_active' })] });
    expect((await findAssessment(later))!.awardsPending).toEqual([]);
    const { Items = [] } = await documentClient.send(
      new QueryCommand({ TableName: config().tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${record.confirmedBy}` } }),
    );
    expect(Items.find((item) => item.action === 'award_withheld' && item.subjectId === shop.id)?.detail).toContain('确认后店铺已摘牌');
  });
});
