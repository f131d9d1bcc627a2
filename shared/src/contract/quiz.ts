import * as z from 'zod/mini';
import './zod-chinese';
import { TOWN_CODES } from '../catalogue/county';
import { LIKERT_OPTION_IDS } from '../catalogue/survey-bank';
import { MAX_PERIOD_YEAR, MIN_PERIOD_YEAR } from '../domain/quiz';
import { singleLineText } from './text';
import { MerchantId } from './merchant';

/** A quiz or survey period in a path: a year (docs/campaign.md, "quiz and survey"). */
export const CampaignPeriodParam = z.object({
  period: z
    .string({ error: '请提供期次' }).check(
        z.regex(/^\d{4}$/, { error: '期次应为年份，如 2026' }),
        z.refine((text) => Number(text) >= MIN_PERIOD_YEAR && Number(text) <= MAX_PERIOD_YEAR, { error: `期次应为 ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} 之间的年份` }),
      ),
});

/** A question's or option's id in a bank (`cpl-25-online-return`, `a`, `very_satisfied`). */
const BANK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Ids chosen from a bank, each once. Whether each is in the bank is checked by the use case (naming
 * `questionIds.<n>` the same way): the banks stay out of the contract, which the mini-program's main package
 * carries.
 */
const chosenIds = (label: string, min: number, max: number) =>
  z
    .array(z.string({ error: `${label}编号应为文字` }).check(z.regex(BANK_ID, { error: `${label}编号格式不正确` })), { error: `请选择${label}` }).check(z.minLength(min, { error: `请至少选择 ${min} 道${label}` }), z.maxLength(max, { error: `最多选择 ${max} 道${label}` }), z.superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: `${label}「${id}」重复选择了` });
        seen.add(id);
      });
    }));

/** County admins publish a period's quiz: questions from the bank, the pass mark (right answers needed to pass). */
export const PublishQuizInput = z
  .object({
    title: z.optional(singleLineText('测试标题', 2, 40)),
    questionIds: chosenIds('题目', 5, 30),
    passMark: z
      .number({ error: '及格线应为数字（答对题数）' }).check(z.int({ error: '及格线应为整数（答对题数）' }), z.gte(1, { error: '及格线至少为 1 题' })),
  }).check(z.superRefine((input, ctx) => {
    if (input.passMark > input.questionIds.length) ctx.addIssue({ code: 'custom', path: ['passMark'], message: `及格线不能超过题目数（${input.questionIds.length} 题）` });
  }));
export type PublishQuizInput = z.infer<typeof PublishQuizInput>;

const Option = z.object({ id: z.string(), text: z.string() });

/** A question as everyone sees it: no answer, no article. */
export const PublicQuizQuestion = z.object({ id: z.string(), law: z.string(), text: z.string(), options: z.array(Option) });

/** The period's quiz for anyone: the questions and their options only. */
export const QuizView = z.object({
  period: z.string(),
  title: z.string(),
  passMark: z.number().check(z.int()),
  questions: z.array(PublicQuizQuestion),
});
export type QuizView = z.infer<typeof QuizView>;

/** A question as staff see it: with its answer and article. */
export const StaffQuizQuestion = z.extend(PublicQuizQuestion, { answer: z.string(), article: z.string() });

/** The published quiz as staff see it (the answer to publishing). */
export const StaffQuizView = z.extend(QuizView, {
  questions: z.array(StaffQuizQuestion),
  version: z.number().check(z.int()),
  bankVersion: z.number().check(z.int()),
  publishedAt: z.string(),
});
export type StaffQuizView = z.infer<typeof StaffQuizView>;

/** The banks staff choose from when publishing. */
export const CampaignBanksView = z.object({
  quiz: z.object({ version: z.number().check(z.int()), laws: z.record(z.string(), z.string()), questions: z.array(StaffQuizQuestion) }),
  survey: z.object({ version: z.number().check(z.int()), questions: z.array(z.object({ id: z.string(), text: z.string() })), options: z.array(Option) }),
});
export type CampaignBanksView = z.infer<typeof CampaignBanksView>;

const AnswerGiven = z.object({
  questionId: z.string({ error: '请提供题目编号' }).check(z.regex(BANK_ID, { error: '题目编号格式不正确' })),
  optionId: z.string({ error: '请选择一个选项' }).check(z.regex(BANK_ID, { error: '选项编号格式不正确' })),
});

/**
 * Where the answer counts: the shop scanned (its town), or the town the consumer chose. A shop id wins
 * when both are sent.
 */
const Whereabouts = {
  merchantId: z.optional(MerchantId),
  townCode: z.optional(z.enum(TOWN_CODES, { error: '请选择所在乡镇（街道）' })),
};

export const QuizAttemptInput = z.object({
  answers: z.array(AnswerGiven, { error: '请提交答案' }).check(z.maxLength(30, { error: '答案数量超过题目数' })),
  ...Whereabouts,
});
export type QuizAttemptInput = z.infer<typeof QuizAttemptInput>;

/**
 * Whether this attempt counted in 知晓率: `counted` (the first of the period, signed in), `already_counted`
 * (graded, but this person already has a counted attempt this period), `not_signed_in` (graded only).
 */
export const CountStatus = z.enum(['counted', 'already_counted', 'not_signed_in']);
export type CountStatus = z.infer<typeof CountStatus>;

export const QuizResult = z.object({
  period: z.string(),
  score: z.number().check(z.int()),
  total: z.number().check(z.int()),
  passMark: z.number().check(z.int()),
  passed: z.boolean(),
  /**
   * Each wrong (or unanswered) question with the article it rests on and the right answer, once the person's
   * counted attempt is stored (signed in). Empty for an unsigned try: which questions were wrong is the key.
   */
  wrong: z.array(
    z.object({
      questionId: z.string(),
      question: z.string(),
      chosen: z.optional(Option),
      answer: z.optional(Option),
      article: z.string(),
    }),
  ),
  countStatus: CountStatus,
  /** What the count status means, in words for the page. */
  countMessage: z.string(),
  /** The town the attempt counts for, when it counted. */
  townCode: z.optional(z.string()),
});
export type QuizResult = z.infer<typeof QuizResult>;

// — the satisfaction survey (社会测评) —

export const PublishSurveyInput = z.object({
  title: z.optional(singleLineText('问卷标题', 2, 40)),
  questionIds: chosenIds('问题', 3, 10),
});
export type PublishSurveyInput = z.infer<typeof PublishSurveyInput>;

export const SurveyView = z.object({
  period: z.string(),
  title: z.string(),
  questions: z.array(z.object({ id: z.string(), text: z.string() })),
  options: z.array(Option),
});
export type SurveyView = z.infer<typeof SurveyView>;

export const StaffSurveyView = z.extend(SurveyView, { version: z.number().check(z.int()), bankVersion: z.number().check(z.int()), publishedAt: z.string() });
export type StaffSurveyView = z.infer<typeof StaffSurveyView>;

export const SurveyResponseInput = z.object({
  answers: z.array(z.extend(AnswerGiven, { optionId: z.enum(LIKERT_OPTION_IDS, { error: '请选择问卷给出的选项' }) }), { error: '请提交答案' }).check(z.maxLength(10, { error: '答案数量超过问题数' })),
  ...Whereabouts,
});
export type SurveyResponseInput = z.infer<typeof SurveyResponseInput>;

export const SurveyResponseResult = z.object({
  period: z.string(),
  countStatus: z.enum(CountStatus.options.filter((status) => status !== 'not_signed_in')),
  countMessage: z.string(),
  townCode: z.string(),
});
export type SurveyResponseResult = z.infer<typeof SurveyResponseResult>;

/** Counts per option per question for one scope (the county, or a town): no personal data. */
export const SurveyTallyRow = z.object({
  kind: z.enum(['county', 'town']),
  code: z.string(),
  label: z.string(),
  respondents: z.number().check(z.int()),
  questions: z.array(z.object({ questionId: z.string(), counts: z.record(z.string(), z.number().check(z.int())) })),
});

export const SurveyResultsView = z.object({
  survey: StaffSurveyView,
  /** The county first (county-wide staff only), then each town the viewer covers. */
  scopes: z.array(SurveyTallyRow),
});
export type SurveyResultsView = z.infer<typeof SurveyResultsView>;
