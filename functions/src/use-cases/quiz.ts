import {
  ALREADY_COUNTED_MESSAGE,
  COUNTY,
  Conflict,
  Forbidden,
  Invalid,
  LIKERT_OPTIONS,
  NotFound,
  QUIZ_BANK,
  QUIZ_BANK_VERSION,
  QUIZ_LAWS,
  SURVEY_BANK,
  SURVEY_BANK_VERSION,
  TOWNS,
  bankQuestion,
  campaignPeriodOf,
  formatShanghaiDate,
  gradeQuiz,
  isCountyAdmin,
  isPubliclyVisible,
  parseCampaignPeriod,
  quizAttemptCounts,
  type CampaignBanksView,
  type CountStatus,
  type Counters,
  type PublishQuizInput,
  type QuizAttemptInput,
  type QuizQuestion,
  type QuizResult,
  type QuizView,
  type StaffQuizView,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import type { CounterWrite } from '../store/complaints';
import { counterPeriod, counterScope } from '../store/keys';
import { findMerchant } from '../store/merchants';
import { findQuiz, putCountedAttempt, savePublishedQuiz, type StoredQuiz } from '../store/quizzes';
import { hitRateLimit } from '../store/rate-limits';

/**
 * The awareness quiz (知晓率, docs/campaign.md "quiz and survey"): county admins publish one per period from the
 * bank; anyone takes it and sees the result with the right answers and their articles; a signed-in person's
 * first attempt of the period is stored (conditional put) carrying its counts, which the counting path adds to
 * `quizRespondents` / `quizPassed` of the county and the attempt's town, off the request path.
 */

const lawLabel = (law: string) => QUIZ_LAWS[law as keyof typeof QUIZ_LAWS] ?? law;

/** The county admin publishing, or Forbidden. */
export function countyAdmin(principal: Principal, what: string): { userId: string; role: string } {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden(`只有县级管理员可以发布${what}`);
  return { userId: principal.userId, role: staff.role };
}

export async function campaignBanks(principal: Principal): Promise<CampaignBanksView> {
  if (!principal.roles.staff) throw new Forbidden('只有监管部门工作人员可以查看');
  return {
    quiz: {
      version: QUIZ_BANK_VERSION,
      laws: { ...QUIZ_LAWS },
      questions: QUIZ_BANK.map((question) => ({ ...question, law: lawLabel(question.law), options: [...question.options] })),
    },
    survey: { version: SURVEY_BANK_VERSION, questions: [...SURVEY_BANK], options: [...LIKERT_OPTIONS] },
  };
}

const staffView = (quiz: StoredQuiz): StaffQuizView => ({
  period: quiz.period,
  title: quiz.title,
  passMark: quiz.passMark,
  version: quiz.version,
  bankVersion: quiz.bankVersion,
  publishedAt: quiz.publishedAt,
  questions: quiz.questions.map((question) => ({ ...question, options: [...question.options] })),
});

/** A county admin publishes the period's quiz: the chosen questions, copied from the bank, and the pass mark. */
export async function publishQuiz(periodText: string, input: PublishQuizInput, principal: Principal, now: Date): Promise<StaffQuizView> {
  const staff = countyAdmin(principal, '知晓率测试');
  const { period } = parseCampaignPeriod(periodText);
  const questions: QuizQuestion[] = input.questionIds.map((id, index) => {
    const question = bankQuestion(id);
    if (!question) throw new Invalid(`题库中没有编号为「${id}」的题目`, `questionIds.${index}`);
    return { id: question.id, law: lawLabel(question.law), text: question.text, options: [...question.options], answer: question.answer, article: question.article };
  });
  const quiz: StoredQuiz = {
    period,
    version: 1,
    bankVersion: QUIZ_BANK_VERSION,
    title: input.title ?? `${period}年度消费维权法律法规知晓率测试`,
    passMark: input.passMark,
    questions,
    publishedAt: now.toISOString(),
    publishedBy: staff.userId,
  };
  try {
    await savePublishedQuiz(quiz, staff);
  } catch (error) {
    // The same admin publishing the same quiz again, a retry after a lost answer: answered the quiz that stands.
    const standing = error instanceof Conflict ? await findQuiz(period) : undefined;
    if (standing?.publishedBy === staff.userId && sameQuiz(standing, quiz)) return staffView(standing);
    throw error;
  }
  return staffView(quiz);
}

const sameQuiz = (a: StoredQuiz, b: StoredQuiz) =>
  a.title === b.title && a.passMark === b.passMark && a.questions.map((q) => q.id).join() === b.questions.map((q) => q.id).join();

export async function staffQuiz(periodText: string): Promise<StaffQuizView> {
  const { period } = parseCampaignPeriod(periodText);
  const quiz = await findQuiz(period);
  if (!quiz) throw new NotFound(`${period} 期的知晓率测试尚未发布`);
  return staffView(quiz);
}

/** The current period's quiz for anyone: questions and options, never the answers or articles. */
export async function currentQuiz(now: Date): Promise<QuizView> {
  const quiz = await findQuiz(campaignPeriodOf(now));
  if (!quiz) throw new NotFound('本期知晓率测试尚未发布，敬请期待');
  return {
    period: quiz.period,
    title: quiz.title,
    passMark: quiz.passMark,
    questions: quiz.questions.map(({ id, law, text, options }) => ({ id, law, text, options: options.map(({ id: optionId, text: optionText }) => ({ id: optionId, text: optionText })) })),
  };
}

/**
 * The town an answer counts for: the scanned shop's (404 when there is no such shop), else the town chosen
 * (the contract has checked it is one of the county's), else none.
 */
export async function townOfAnswer(input: { merchantId?: string; townCode?: string }): Promise<{ townCode?: string; merchantId?: string }> {
  if (input.merchantId) {
    const merchant = await findMerchant(input.merchantId);
    // A pending or rejected application does not exist for the public, here as on the shop page.
    if (!merchant || !isPubliclyVisible(merchant)) throw new NotFound('没有找到这家店铺，请重新扫描店铺二维码', 'merchantId');
    return { townCode: merchant.townCode, merchantId: merchant.id };
  }
  if (input.townCode && !(input.townCode in TOWNS)) throw new Invalid('请选择本县的乡镇（街道）', 'townCode');
  return input.townCode ? { townCode: input.townCode } : {};
}

/** What one counted answer adds: the county and the town, the month it was given and the period's year. */
export function campaignCounterWrites(townCode: string, periodYear: string, now: Date, deltas: Counters): CounterWrite[] {
  const month = formatShanghaiDate(now).slice(0, 7);
  return [counterScope.county(COUNTY.code), counterScope.town(townCode)].flatMap((scope) =>
    [counterPeriod.month(month), counterPeriod.year(periodYear)].map((period): CounterWrite => ({ kind: 'scope', scope, period, deltas: deltas as Record<string, number> })),
  );
}

const COUNT_MESSAGES: Record<CountStatus, string> = {
  counted: '本次成绩已计入本县法律法规知晓率统计',
  already_counted: ALREADY_COUNTED_MESSAGE,
  not_signed_in: '未登录，本次成绩仅供自测，未计入统计；登录后作答可计入本县知晓率，并查看错题解析和正确答案',
};

/**
 * Grades an attempt. Signed in, the period's first attempt is stored and counted for the town (the shop's,
 * or the one chosen); any later one — or one of several sent at once — is graded and said to be not counted.
 * Unsigned, nothing is stored and only the score is given. Signed-in attempts are rate-limited per person.
 */
export async function attemptQuiz(periodText: string, input: QuizAttemptInput, principal: Principal | undefined, now: Date): Promise<QuizResult> {
  const { period } = parseCampaignPeriod(periodText);
  const quiz = await findQuiz(period);
  if (!quiz) throw new NotFound(`${period} 期的知晓率测试尚未发布`);
  if (period !== campaignPeriodOf(now)) throw new Conflict(`${period} 期测试已结束，请刷新后作答本期测试`);
  const town = await townOfAnswer(input);
  const grade = gradeQuiz(quiz, input.answers);
  const result = { period, score: grade.score, total: grade.total, passMark: grade.passMark, passed: grade.passed, wrong: grade.wrong };
  if (!principal) {
    // The score only. Which questions were wrong is the key itself: an unsigned try answering every question
    // 「A」, then 「B」, then 「C」 would read it off in three requests, for a perfect counted attempt once
    // signed in, and 知晓率 would measure nothing. Signed in, the person's counted attempt is stored first.
    return { ...result, wrong: [], countStatus: 'not_signed_in', countMessage: COUNT_MESSAGES.not_signed_in };
  }

  if (!town.townCode) throw new Invalid('请选择您所在的乡镇（街道），成绩将计入该乡镇的知晓率', 'townCode');
  await hitRateLimit('quizAttempt', principal.userId, now);
  const outcome = await putCountedAttempt({
    period,
    userId: principal.userId,
    townCode: town.townCode,
    ...(town.merchantId ? { merchantId: town.merchantId } : {}),
    score: grade.score,
    total: grade.total,
    passed: grade.passed,
    at: now.toISOString(),
    counts: campaignCounterWrites(town.townCode, period, now, quizAttemptCounts(grade.passed)),
  });
  const countStatus: CountStatus = outcome === 'counted' ? 'counted' : 'already_counted';
  return { ...result, countStatus, countMessage: COUNT_MESSAGES[countStatus], ...(outcome === 'counted' ? { townCode: town.townCode } : {}) };
}
