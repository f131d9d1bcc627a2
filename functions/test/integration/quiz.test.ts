import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { ALREADY_COUNTED_MESSAGE, DashboardView, QUIZ_BANK, QuizResult, QuizView, StaffQuizView, campaignPeriodOf } from '@fangxin/shared';
import { issueToken } from '../../src/auth/token';
import { handler as dashboardHandler } from '../../src/handlers/campaign/dashboard';
import { handler as attemptQuizHandler } from '../../src/handlers/quiz/attempt-quiz';
import { handler as campaignBanksHandler } from '../../src/handlers/quiz/campaign-banks';
import { handler as currentQuizHandler } from '../../src/handlers/quiz/current-quiz';
import { handler as publishQuizHandler } from '../../src/handlers/quiz/publish-quiz';
import { handler as staffQuizHandler } from '../../src/handlers/quiz/staff-quiz';
import { QUIZ_ATTEMPT_KEY, personInPeriod } from '../../src/store/keys';
import { QuizAttemptEntity, QuizEntity } from '../../src/store/quiz.entities';
import { RATE_LIMITS } from '../../src/rate-limit-config';
import { countStreamRecords } from '../../src/use-cases/count-events';
import { saveRegistryChange } from '../../src/store/registry';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { SHOP_A, SHOP_B, setUpPeople, signInAnother, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { countWithinOneRateWindow } from './support/rate-windows';

// Its limits are counted on the real clock: all within one hour's window.
countWithinOneRateWindow();
useFreshTable();
let people: Record<Person, SignedIn>;
const period = campaignPeriodOf(new Date());
const QUESTIONS = QUIZ_BANK.slice(0, 5);
const PASS_MARK = 4;

beforeAll(async () => {
  people = await setUpPeople();
});

/** A person of their own, signed in, so each test's counting and rate limit start from nothing. */
async function newConsumer(name: string): Promise<SignedIn> {
  const principal = { userId: `u-test-quiz-${name}`, displayName: name, roles: { merchantIds: [] } };
  return { userId: principal.userId, token: (await issueToken(principal, new Date())).token, principal };
}

const publish = (who: SignedIn, body: unknown, forPeriod = period) =>
  invoke(publishQuizHandler, { method: 'POST', routePath: '/staff/quizzes/{period}', pathParameters: { period: forPeriod }, token: who.token, body });
const attempt = (who: SignedIn | undefined, body: unknown, forPeriod = period) =>
  invoke(attemptQuizHandler, { method: 'POST', routePath: '/quizzes/{period}/attempts', pathParameters: { period: forPeriod }, ...(who ? { token: who.token } : {}), body });
const dashboard = (who: SignedIn, scope?: string) =>
  invoke(dashboardHandler, { method: 'GET', routePath: '/staff/dashboard', token: who.token, query: { year: period, ...(scope ? { scope } : {}) } });

/** Answers: the first `right` questions right, the rest wrong (the first option that is not the answer). */
const answers = (right: number) =>
  QUESTIONS.map((question, index) => ({
    questionId: question.id,
    optionId: index < right ? question.answer : question.options.find((option) => option.id !== question.answer)!.id,
  }));

const storedQuiz = async () => (await QuizEntity.build(GetItemCommand).key({ period }).options({ consistent: true }).send()).Item;

describe('publishing a period’s quiz', () => {
  it('regulators may not publish (403); bad input is 400 naming the field; nothing is written', async () => {
    const body = { questionIds: QUESTIONS.map((question) => question.id), passMark: PASS_MARK };
    expect(await publish(people.regulatorChengguan, body)).toMatchObject({ status: 403 });
    expect(await publish(people.adminCounty, { ...body, passMark: 6 })).toMatchObject({ status: 400, body: { field: 'passMark', message: '及格线不能超过题目数（5 题）' } });
    expect(await publish(people.adminCounty, { ...body, questionIds: [...body.questionIds.slice(0, 4), 'no-such-question'] })).toMatchObject({
      status: 400,
      body: { field: 'questionIds.4', message: '题库中没有编号为「no-such-question」的题目' },
    });
    expect(await publish(people.adminCounty, { ...body, questionIds: [...body.questionIds.slice(0, 4), body.questionIds[0]] })).toMatchObject({ status: 400, body: { field: 'questionIds.4' } });
    expect(await publish(people.adminCounty, { ...body, questionIds: body.questionIds.slice(0, 2), passMark: 1 })).toMatchObject({ status: 400, body: { field: 'questionIds', message: '请至少选择 5 道题目' } });
    expect(await publish(people.adminCounty, { ...body, title: '😀测试' })).toMatchObject({ status: 400, body: { field: 'title' } });
    expect(await publish(people.adminCounty, body, '26')).toMatchObject({ status: 400, body: { field: 'period' } });
    expect(await storedQuiz()).toBeUndefined();
    expect(await invoke(currentQuizHandler, { method: 'GET', routePath: '/quiz' })).toMatchObject({ status: 404, body: { message: '本期知晓率测试尚未发布，敬请期待' } });
  });

  it('a county admin publishes once per period; a second publish is 409 and changes nothing', async () => {
    const first = await publish(people.adminCounty, { questionIds: QUESTIONS.map((question) => question.id), passMark: PASS_MARK });
    expect(first.status).toBe(201);
    expect(StaffQuizView.parse(first.body)).toMatchObject({ period, passMark: PASS_MARK, version: 1, bankVersion: 1 });
    expect(first.body.questions[0]).toMatchObject({ id: QUESTIONS[0]!.id, answer: QUESTIONS[0]!.answer, article: QUESTIONS[0]!.article });
    const second = await publish(people.adminCounty, { questionIds: QUIZ_BANK.slice(5, 10).map((question) => question.id), passMark: 1 });
    expect(second).toMatchObject({ status: 409, body: { message: `${period} 期的知晓率测试已经发布，每期只能发布一次` } });
    // The same admin sending the first quiz again (the answer lost): the quiz that stands; another admin's: 409.
    const again = await publish(people.adminCounty, { questionIds: QUESTIONS.map((question) => question.id), passMark: PASS_MARK });
    expect(again).toMatchObject({ status: 201, body: { period, passMark: PASS_MARK, publishedAt: first.body.publishedAt } });
    const otherAdmin = await signInAnother('u-test-quiz-other-admin', { merchantIds: [], staff: { role: 'admin', jurisdiction: 'county' } });
    expect(await publish(otherAdmin, { questionIds: QUESTIONS.map((question) => question.id), passMark: PASS_MARK })).toMatchObject({ status: 409 });
    expect((await storedQuiz())?.passMark).toBe(PASS_MARK);
    const staffView = await invoke(staffQuizHandler, { method: 'GET', routePath: '/staff/quizzes/{period}', pathParameters: { period }, token: people.regulatorChengguan.token });
    expect(staffView.body.questions.map((question: { id: string }) => question.id)).toEqual(QUESTIONS.map((question) => question.id));
  });

  it('staff see the bank with answers; consumers may not', async () => {
    const banks = await invoke(campaignBanksHandler, { method: 'GET', routePath: '/staff/campaign-banks', token: people.mediatorCounty.token });
    expect(banks.body.quiz.questions.length).toBeGreaterThanOrEqual(24);
    expect(await invoke(campaignBanksHandler, { method: 'GET', routePath: '/staff/campaign-banks', token: people.consumer.token })).toMatchObject({ status: 403 });
  });
});

describe('taking the quiz', () => {
  it('anyone reads the current quiz: questions and options, never the answers or articles', async () => {
    const answer = await invoke(currentQuizHandler, { method: 'GET', routePath: '/quiz' });
    expect(answer.status).toBe(200);
    const view = QuizView.parse(answer.body);
    expect(view.questions).toHaveLength(5);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain('"answer"');
    expect(text).not.toContain('"article"');
    expect(text).not.toContain('第二十五条');
  });

  it('unsigned: graded, the score only (which questions were wrong would be the key), nothing stored or counted', async () => {
    const answer = await attempt(undefined, { answers: answers(3), townCode: 'chengguan' });
    expect(answer.status).toBe(200);
    const result = QuizResult.parse(answer.body);
    expect(result).toMatchObject({ score: 3, total: 5, passMark: PASS_MARK, passed: false, countStatus: 'not_signed_in', wrong: [] });
    expect(result.countMessage).toContain('登录后作答');
    // Every question answered 「A」, then nothing: neither says which questions were wrong, nor their answers.
    const allFirst = await attempt(undefined, { answers: QUESTIONS.map((question) => ({ questionId: question.id, optionId: question.options[0]!.id })), townCode: 'chengguan' });
    const blank = await attempt(undefined, { answers: [], townCode: 'chengguan' });
    expect(allFirst.body.wrong).toEqual([]);
    expect(blank.body).toMatchObject({ score: 0, wrong: [] });
    const text = JSON.stringify([answer.body, allFirst.body, blank.body]);
    expect(text).not.toContain('"answer"');
    expect(text).not.toContain('"questionId"');
    expect(await applyPendingCounts()).toBe(0);
  });

  it('a bad answer, an unknown town or shop, or an old period is refused naming the field', async () => {
    const consumer = await newConsumer('bad-input');
    expect(await attempt(consumer, { answers: [{ questionId: 'nope', optionId: 'a' }], townCode: 'chengguan' })).toMatchObject({ status: 400, body: { field: 'answers.0.questionId' } });
    expect(await attempt(consumer, { answers: [{ questionId: QUESTIONS[0]!.id, optionId: 'z' }], townCode: 'chengguan' })).toMatchObject({ status: 400, body: { field: 'answers.0.optionId' } });
    expect(await attempt(consumer, { answers: answers(5), townCode: 'atlantis' })).toMatchObject({ status: 400, body: { field: 'townCode' } });
    expect(await attempt(consumer, { answers: answers(5), merchantId: 'QHNOSUCH01' })).toMatchObject({ status: 404, body: { field: 'merchantId' } });
    // An application still pending is not a shop the public can scan: the same 404.
    await saveRegistryChange({ before: undefined, after: { ...SHOP_A, id: 'QHPENDING1', name: '申请中的商店', status: 'pending' } });
    expect(await attempt(consumer, { answers: answers(5), merchantId: 'QHPENDING1' })).toMatchObject({ status: 404, body: { field: 'merchantId', message: '没有找到这家店铺，请重新扫描店铺二维码' } });
    expect(await attempt(consumer, { answers: answers(5) })).toMatchObject({ status: 400, body: { field: 'townCode' } });
    expect(await attempt(consumer, { answers: answers(5), townCode: 'chengguan' }, String(Number(period) - 1))).toMatchObject({ status: 404 });
    expect(await attempt(undefined, { answers: answers(5) }, 'abcd')).toMatchObject({ status: 400, body: { field: 'period' } });
    // A token that is sent must be valid: an expired or forged one is not quietly treated as "not signed in".
    expect(await attempt({ ...consumer, token: 'forged' }, { answers: answers(5), townCode: 'chengguan' })).toMatchObject({ status: 401 });
    // None of these stored an attempt.
    expect((await QuizAttemptEntity.build(GetItemCommand).key({ key: personInPeriod.of(period, consumer.userId) }).send()).Item).toBeUndefined();
  });

  it('signed in: the first attempt counts (town from the scanned shop); a later one is graded but not counted', async () => {
    const consumer = await newConsumer('once');
    const first = QuizResult.parse((await attempt(consumer, { answers: answers(5), merchantId: SHOP_B.id, townCode: 'chengguan' })).body);
    expect(first).toMatchObject({ score: 5, passed: true, countStatus: 'counted', townCode: SHOP_B.townCode, wrong: [] });
    const second = QuizResult.parse((await attempt(consumer, { answers: answers(1), townCode: 'chengguan' })).body);
    expect(second).toMatchObject({ score: 1, passed: false, countStatus: 'already_counted', countMessage: ALREADY_COUNTED_MESSAGE });
    const stored = (await QuizAttemptEntity.build(GetItemCommand).key({ key: personInPeriod.of(period, consumer.userId) }).send()).Item;
    expect(stored).toMatchObject({ townCode: 'longquan', merchantId: SHOP_B.id, score: 5, passed: true });
    expect(stored).not.toHaveProperty('answers');
    expect(await applyPendingCounts()).toBe(1);
  });

  it('ten parallel submissions by one person: all graded, exactly one counted', async () => {
    const consumer = await newConsumer('parallel');
    const results = await Promise.all(Array.from({ length: 10 }, () => attempt(consumer, { answers: answers(4), townCode: 'bailu' })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    const statuses = results.map((result) => (result.body as QuizResult).countStatus);
    expect(statuses.filter((status) => status === 'counted')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'already_counted')).toHaveLength(9);
    expect(await applyPendingCounts()).toBe(1);
  });

  it('rate limit: past the hourly limit a person gets 429 with Retry-After, nothing counted', async () => {
    const consumer = await newConsumer('eager');
    const { limit } = RATE_LIMITS.quizAttempt;
    for (let index = 0; index < limit; index++) expect((await attempt(consumer, { answers: answers(2), townCode: 'bailu' })).status).toBe(200);
    const refused = await attempt(consumer, { answers: answers(2), townCode: 'bailu' });
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', message: '答题过于频繁，请稍后再试' } });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
    // Unsigned attempts store nothing and are not limited per person.
    expect((await attempt(undefined, { answers: answers(2) })).status).toBe(200);
  });
});

describe('counted attempts feed 知晓率 by town, through the counting path', () => {
  it('N counted attempts → the dashboard’s awareness = passed ÷ respondents for the town and the county', async () => {
    await applyPendingCounts();
    const before = DashboardView.parse((await dashboard(people.adminCounty)).body);
    const countyBefore = before.total.rates.awarenessRate;
    // Three in 城关 (shop A) — two pass; one in 石桥 (chosen) — fails.
    const outcomes: Array<[string, Record<string, string>, number]> = [
      ['c1', { merchantId: SHOP_A.id }, 5],
      ['c2', { merchantId: SHOP_A.id }, 4],
      ['c3', { townCode: 'chengguan' }, 1],
      ['s1', { townCode: 'shiqiao' }, 0],
    ];
    for (const [name, where, right] of outcomes) {
      const result = await attempt(await newConsumer(`dash-${name}`), { answers: answers(right), ...where });
      expect(result.body.countStatus).toBe('counted');
    }
    // Nothing shows before the counting path runs: the counters are off the write path.
    const unapplied = DashboardView.parse((await dashboard(people.adminCounty)).body);
    expect(unapplied.total.rates.awarenessRate.denominator).toBe(countyBefore.denominator);

    expect(await applyPendingCounts()).toBe(4);
    expect(await applyPendingCounts()).toBe(0);
    const view = DashboardView.parse((await dashboard(people.adminCounty)).body);
    const town = (code: string) => view.byTown.find((row) => row.code === code)!.rates.awarenessRate;
    expect(town('chengguan')).toMatchObject({ numerator: 2, denominator: 3, text: '66.7%', meets: false });
    expect(town('shiqiao')).toMatchObject({ numerator: 0, denominator: 1, text: '0.0%' });
    expect(view.total.rates.awarenessRate).toMatchObject({ numerator: countyBefore.numerator + 2, denominator: countyBefore.denominator + 4 });
    // Town staff see the same figure for their town.
    const chengguan = DashboardView.parse((await dashboard(people.regulatorChengguan, 'town:chengguan')).body);
    expect(chengguan.total.rates.awarenessRate).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('the stream path and the catch-up together still add each attempt once', async () => {
    const consumer = await newConsumer('stream');
    await attempt(consumer, { answers: answers(5), townCode: 'nanhu' });
    const item = await QuizAttemptEntity.build(GetItemCommand).key({ key: personInPeriod.of(period, consumer.userId) }).send();
    const counts = item.Item!.counts as Array<Record<string, unknown>>;
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const record = {
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: '1',
        Keys: { pk: { S: QUIZ_ATTEMPT_KEY.encode(personInPeriod.of(period, consumer.userId)) }, sk: { S: 'RECORD' } },
        NewImage: marshall({ counts }),
      },
    } as never;
    // The same record delivered twice, then the catch-up: counted once.
    expect(await countStreamRecords([record])).toEqual([]);
    expect(await countStreamRecords([record])).toEqual([]);
    expect(await applyPendingCounts()).toBe(0);
    const view = DashboardView.parse((await dashboard(people.adminCounty)).body);
    expect(view.byTown.find((row) => row.code === 'nanhu')!.rates.awarenessRate).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
