import { none, route } from './routes';
import {
  CampaignBanksView,
  CampaignPeriodParam,
  PublishQuizInput,
  PublishSurveyInput,
  QuizAttemptInput,
  QuizResult,
  QuizView,
  StaffQuizView,
  StaffSurveyView,
  SurveyResponseInput,
  SurveyResponseResult,
  SurveyResultsView,
  SurveyView,
} from './quiz';

/** Bureau staff: the question banks to publish from (with the answers). */
export const campaignBanksRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/campaign-banks', access: 'staff', pathParams: none, response: CampaignBanksView });

/** County admins: publish the period's quiz (once per period; audited). */
export const publishQuizRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/quizzes/{period}',
  access: 'staff',
  pathParams: CampaignPeriodParam,
  body: PublishQuizInput,
  successStatus: 201,
  errors: ['CONFLICT', 'FORBIDDEN'],
  response: StaffQuizView,
});

/** Bureau staff: a period's quiz with its answers. */
export const staffQuizRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/quizzes/{period}', access: 'staff', pathParams: CampaignPeriodParam, errors: ['NOT_FOUND'], response: StaffQuizView });

/** Anyone: the current period's quiz — questions and options, never the answers. */
export const currentQuizRoute = /* @__PURE__ */ route({ method: 'GET', path: '/quiz', access: 'public', pathParams: none, errors: ['NOT_FOUND'], response: QuizView });

/**
 * Anyone: answer the quiz and get the result. Signed in, the first attempt of the period counts in 知晓率
 * for the shop's town (or the town chosen); later ones are graded only. Rate-limited per person.
 */
export const attemptQuizRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/quizzes/{period}/attempts',
  access: 'anyone',
  pathParams: CampaignPeriodParam,
  body: QuizAttemptInput,
  errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
  response: QuizResult,
});

/** County admins: publish the period's satisfaction survey (once per period; audited). */
export const publishSurveyRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/surveys/{period}',
  access: 'staff',
  pathParams: CampaignPeriodParam,
  body: PublishSurveyInput,
  successStatus: 201,
  errors: ['CONFLICT', 'FORBIDDEN'],
  response: StaffSurveyView,
});

/** Anyone: the current period's survey. */
export const currentSurveyRoute = /* @__PURE__ */ route({ method: 'GET', path: '/survey', access: 'public', pathParams: none, errors: ['NOT_FOUND'], response: SurveyView });

/** Signed-in consumers: answer the survey; one response per person per period counts. Rate-limited per person. */
export const respondSurveyRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/surveys/{period}/responses',
  access: 'user',
  pathParams: CampaignPeriodParam,
  body: SurveyResponseInput,
  errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
  response: SurveyResponseResult,
});

/** Bureau staff: the survey's counts per option per town (their towns; the county for county-wide staff). */
export const surveyResultsRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/staff/surveys/{period}/results',
  access: 'staff',
  pathParams: CampaignPeriodParam,
  errors: ['NOT_FOUND'],
  response: SurveyResultsView,
});

/**
 * Reaching consumers: the awareness quiz (知晓率) and the satisfaction survey (社会测评), docs/campaign.md
 * "Quiz and survey". Part of the one contract (`allRoutes`), kept in a module of its own because only the
 * `campaign` and `admin` subpackages call these routes: the pages that import `routes` do not carry their
 * schemas.
 */
export const campaignRoutes = {
  campaignBanks: campaignBanksRoute,
  publishQuiz: publishQuizRoute,
  staffQuiz: staffQuizRoute,
  currentQuiz: currentQuizRoute,
  attemptQuiz: attemptQuizRoute,
  publishSurvey: publishSurveyRoute,
  currentSurvey: currentSurveyRoute,
  respondSurvey: respondSurveyRoute,
  surveyResults: surveyResultsRoute,
} as const;

