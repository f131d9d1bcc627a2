import {
  ALREADY_COUNTED_MESSAGE,
  COUNTY,
  Conflict,
  Forbidden,
  Invalid,
  LIKERT_OPTIONS,
  LIKERT_OPTION_IDS,
  NotFound,
  SURVEY_BANK_VERSION,
  TOWNS,
  campaignPeriodOf,
  checkSurveyAnswers,
  coversTown,
  parseCampaignPeriod,
  surveyBankQuestion,
  type PublishSurveyInput,
  type StaffSurveyView,
  type SurveyResponseInput,
  type SurveyResponseResult,
  type SurveyResultsView,
  type SurveyView,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import type { CounterWrite } from '../store/complaints';
import { counterScope, surveyTallyOf } from '../store/keys';
import { findSurvey, putCountedResponse, readSurveyTallies, savePublishedSurvey, type StoredSurvey } from '../store/quizzes';
import { hitRateLimit } from '../store/rate-limits';
import { countyAdmin, townOfAnswer } from './quiz';

/**
 * The satisfaction survey (社会测评): the same shape as the quiz — published once per period by a county admin,
 * one counted response per signed-in person per period (a conditional put carrying its counts), tallies per
 * option per question for the county and each town, added by the counting path. Results hold counts only.
 */

const staffView = (survey: StoredSurvey): StaffSurveyView => ({
  period: survey.period,
  title: survey.title,
  questions: survey.questions,
  options: [...LIKERT_OPTIONS],
  version: survey.version,
  bankVersion: survey.bankVersion,
  publishedAt: survey.publishedAt,
});

export async function publishSurvey(periodText: string, input: PublishSurveyInput, principal: Principal, now: Date): Promise<StaffSurveyView> {
  const staff = countyAdmin(principal, '满意度问卷');
  const { period } = parseCampaignPeriod(periodText);
  const questions = input.questionIds.map((id, index) => {
    const question = surveyBankQuestion(id);
    if (!question) throw new Invalid(`问卷题库中没有编号为「${id}」的问题`, `questionIds.${index}`);
    return { id: question.id, text: question.text };
  });
  const survey: StoredSurvey = {
    period,
    version: 1,
    bankVersion: SURVEY_BANK_VERSION,
    title: input.title ?? `${period}年度放心消费社会满意度测评`,
    questions,
    publishedAt: now.toISOString(),
    publishedBy: staff.userId,
  };
  try {
    await savePublishedSurvey(survey, staff);
  } catch (error) {
    // The same admin publishing the same survey again, a retry after a lost answer: answered the survey that stands.
    const standing = error instanceof Conflict ? await findSurvey(period) : undefined;
    if (standing?.publishedBy === staff.userId && standing.title === survey.title && standing.questions.map((q) => q.id).join() === survey.questions.map((q) => q.id).join()) {
      return staffView(standing);
    }
    throw error;
  }
  return staffView(survey);
}

export async function currentSurvey(now: Date): Promise<SurveyView> {
  const survey = await findSurvey(campaignPeriodOf(now));
  if (!survey) throw new NotFound('本期满意度测评尚未发布，敬请期待');
  return { period: survey.period, title: survey.title, questions: survey.questions, options: [...LIKERT_OPTIONS] };
}

/** One response's counts: for the county and the town, each question's chosen option + 1. */
function surveyCounts(period: string, townCode: string, answers: Record<string, string>): CounterWrite[] {
  return [counterScope.county(COUNTY.code), counterScope.town(townCode)].flatMap((scope) =>
    Object.entries(answers).map(([questionId, optionId]): CounterWrite => ({ kind: 'survey', period, tally: surveyTallyOf(scope, questionId), deltas: { [optionId]: 1 } })),
  );
}

export async function respondSurvey(periodText: string, input: SurveyResponseInput, principal: Principal, now: Date): Promise<SurveyResponseResult> {
  const { period } = parseCampaignPeriod(periodText);
  const survey = await findSurvey(period);
  if (!survey) throw new NotFound(`${period} 期的满意度测评尚未发布`);
  if (period !== campaignPeriodOf(now)) throw new Conflict(`${period} 期测评已结束，请刷新后填写本期问卷`);
  const town = await townOfAnswer(input);
  const answers = checkSurveyAnswers(
    survey.questions.map((question) => question.id),
    LIKERT_OPTION_IDS,
    input.answers,
  );
  if (!town.townCode) throw new Invalid('请选择您所在的乡镇（街道）', 'townCode');
  await hitRateLimit('surveyResponse', principal.userId, now);
  const outcome = await putCountedResponse({ period, userId: principal.userId, townCode: town.townCode, at: now.toISOString(), counts: surveyCounts(period, town.townCode, answers) });
  return outcome === 'counted'
    ? { period, countStatus: 'counted', countMessage: '感谢参与！您的评价已计入本期社会测评', townCode: town.townCode }
    : { period, countStatus: 'already_counted', countMessage: ALREADY_COUNTED_MESSAGE, townCode: town.townCode };
}

/** Counts per option per question for the county (county-wide staff) and each town the viewer covers. */
export async function surveyResults(periodText: string, principal: Principal): Promise<SurveyResultsView> {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('只有监管部门工作人员可以查看');
  const { period } = parseCampaignPeriod(periodText);
  const survey = await findSurvey(period);
  if (!survey) throw new NotFound(`${period} 期的满意度测评尚未发布`);
  const tallies = await readSurveyTallies(period);
  const rowOf = (kind: 'county' | 'town', code: string, label: string, scope: string) => {
    const questions = survey.questions.map((question) => {
      const counts = tallies.get(surveyTallyOf(scope, question.id)) ?? {};
      return { questionId: question.id, counts: Object.fromEntries(LIKERT_OPTION_IDS.map((option) => [option, counts[option] ?? 0])) };
    });
    // Every counted response answers every question, so any question's total is the number of respondents.
    const respondents = questions.length ? Object.values(questions[0]!.counts).reduce((sum, n) => sum + n, 0) : 0;
    return { kind, code, label, respondents, questions };
  };
  const towns = Object.entries(TOWNS).filter(([code]) => coversTown(staff.jurisdiction, code));
  return {
    survey: staffView(survey),
    scopes: [
      ...(staff.jurisdiction === 'county' ? [rowOf('county', COUNTY.code, COUNTY.name, counterScope.county(COUNTY.code))] : []),
      ...towns.map(([code, label]) => rowOf('town', code, label, counterScope.town(code))),
    ],
  };
}
