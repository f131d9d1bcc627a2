import type { Page } from 'playwright-core';
import { QUIZ_BANK, type DashboardView, type Session, type StaffQuizView } from '@fangxin/shared';
import { DEMO_SHOP_ID } from '../scripts/demo/demo-merchants';
import { browserForThisFile, h5Url, phonePage, screenshot } from './support/browser';
import { signIn, textOf, visible } from './support/journey';
import { until } from './support/wait';

/**
 * The awareness quiz after a scan: a consumer opens the shop page, takes the quiz from there, and sees the
 * score (signed in, also the right answer and article of what they got wrong); signed in, the attempt counts
 * — once — in the town's 知晓率 on the staff dashboard.
 */
const browser = browserForThisFile();

const api = async <T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${h5Url()}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as T };
};

let adminToken: string;
let quiz: StaffQuizView;
const year = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());

beforeAll(async () => {
  adminToken = (await api<Session>('/auth/demo-login', { method: 'POST', body: { persona: 'admin' } })).body.token;
  // The demo data publishes this year's quiz; the office's second publish is refused (or, on a product
  // without the demo quiz, this publishes it).
  const published = await api<StaffQuizView>(`/staff/quizzes/${year}`, {
    method: 'POST',
    token: adminToken,
    body: { questionIds: QUIZ_BANK.slice(0, 5).map((question) => question.id), passMark: 4 },
  });
  expect([201, 409]).toContain(published.status);
  quiz = (await api<StaffQuizView>(`/staff/quizzes/${year}`, { token: adminToken })).body;
});

/** Opens the quiz from the demo shop's page (as after a scan). */
async function quizFromShop(page: Page): Promise<void> {
  await page.goto(`${h5Url()}/#/pages/merchant/index?id=${DEMO_SHOP_ID}`);
  await visible(page, '.take-quiz').click();
  await visible(page, '.quiz-page .quiz-question').waitFor({ timeout: 20_000 });
  expect(page.url()).toContain(`merchantId=${DEMO_SHOP_ID}`);
}

/** Answers every question: right, except those listed, which get the first other option. */
async function answer(page: Page, wrong: readonly number[] = []): Promise<void> {
  for (const [index, question] of quiz.questions.entries()) {
    const optionId = wrong.includes(index) ? question.options.find((option) => option.id !== question.answer)!.id : question.answer;
    await visible(page, `.question-${index + 1} .option-${optionId}`).click();
  }
  await visible(page, '.submit-quiz').click();
  await visible(page, '.quiz-result').waitFor({ timeout: 20_000 });
}

const awareness = async () => {
  const view = (await api<DashboardView>(`/staff/dashboard?year=${year}`, { token: adminToken })).body;
  return { county: view.total.rates.awarenessRate, chengguan: view.byTown.find((row) => row.code === 'chengguan')!.rates.awarenessRate };
};

describe('the awareness quiz after a scan (H5 build, local product, headless Chromium)', () => {
  it('unsigned: takes the quiz from the shop page; the result shows the score only, not which answers were wrong; nothing counts', async () => {
    const page = await phonePage(browser());
    await quizFromShop(page);
    expect(await textOf(page, '.sign-in-hint')).toContain('登录后作答');
    // Never the answers in what the page received.
    await answer(page, [0]);
    const total = quiz.questions.length;
    expect(await textOf(page, '.quiz-score')).toBe(`${total - 1} / ${total}`);
    expect(await textOf(page, '.count-status')).toContain('未计入统计');
    expect(await textOf(page, '.count-status')).toContain('登录后作答可计入本县知晓率，并查看错题解析');
    expect(await page.locator('.wrong-answer').count()).toBe(0);
    expect(await page.locator('.all-right').count()).toBe(0);
    await screenshot(page, 'quiz-result-unsigned');
    await page.context().close();
  });

  it('signed in: the first attempt counts in the town’s 知晓率, a second is graded and says it does not count', async () => {
    const before = await awareness();
    const page = await phonePage(browser());
    await signIn(page, 'consumer2');
    await quizFromShop(page);
    expect(await page.locator('.sign-in-hint >> visible=true').count()).toBe(0);
    await answer(page);
    const total = quiz.questions.length;
    expect(await textOf(page, '.quiz-score')).toBe(`${total} / ${total}`);
    const firstStatus = await textOf(page, '.count-status');
    await screenshot(page, 'quiz-result-counted');

    await visible(page, '.quiz-again').click();
    await answer(page, [1, 2]);
    expect(await textOf(page, '.count-status')).toBe('本期已计入一次，本次成绩不重复计入');
    expect(await textOf(page, '.quiz-score')).toBe(`${total - 2} / ${total}`);
    await page.context().close();

    if (firstStatus === '本期已计入一次，本次成绩不重复计入') {
      // This person already counted earlier in this run of the product: nothing more to add.
      expect(await awareness()).toEqual(before);
      return;
    }
    expect(firstStatus).toBe('本次成绩已计入本县法律法规知晓率统计');
    // The counting path (stream, then catch-up) adds it once, to the shop's town and the county.
    const after = await until('the attempt counted in 知晓率', awareness, (now) => now.chengguan.denominator > before.chengguan.denominator);
    expect(after.chengguan).toMatchObject({ numerator: before.chengguan.numerator + 1, denominator: before.chengguan.denominator + 1 });
    expect(after.county).toMatchObject({ numerator: before.county.numerator + 1, denominator: before.county.denominator + 1 });
  });

  it('the survey: a signed-in consumer rates the consumption environment once; staff see counts by town, no names', async () => {
    const page = await phonePage(browser());
    await signIn(page, 'consumer');
    await visible(page, '.entry-survey').click();
    await visible(page, '.survey-page .survey-question').waitFor({ timeout: 20_000 });
    const questions = await page.locator('.survey-page .survey-question >> visible=true').count();
    for (let index = 1; index <= questions; index++) await visible(page, `.question-${index} .option-satisfied`).click();
    await visible(page, '.submit-survey').click();
    // No shop scanned: the town is asked for before anything is sent.
    expect(await textOf(page, '.field-town .field-error')).toBe('请选择您所在的乡镇（街道）');
    await visible(page, '.field-town .option-chengguan').click();
    await visible(page, '.submit-survey').click();
    await visible(page, '.survey-done').waitFor({ timeout: 20_000 });
    expect(['感谢参与！您的评价已计入本期社会测评', '本期已计入一次，本次成绩不重复计入']).toContain(await textOf(page, '.survey-done .count-status'));
    await screenshot(page, 'survey-done');
    await page.context().close();

    const staff = await phonePage(browser());
    await signIn(staff, 'admin');
    await visible(staff, '.entry-campaign-admin').click();
    await visible(staff, '.published-quiz').waitFor({ timeout: 20_000 });
    expect(await textOf(staff, '.published-quiz')).toContain(`答对 ${quiz.passMark} 题及格`);
    await visible(staff, '.survey-scope-chengguan').waitFor({ timeout: 20_000 });
    expect(await textOf(staff, '.survey-results')).not.toContain('小王');
    await screenshot(staff, 'campaign-admin');
    await staff.context().close();
  });
});
