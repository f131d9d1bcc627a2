import { none, route, routes } from './routes';
import { stationRoutes } from './station-routes';
import { contentRoutes } from './content-routes';
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

/**
 * Reaching consumers: the awareness quiz (知晓率) and the satisfaction survey (社会测评), docs/campaign.md
 * "Quiz and survey". Part of the one contract (`allRoutes`), kept in a module of its own because only the
 * `campaign` and `admin` subpackages call these routes: the main package, which imports `routes`, does not
 * carry their schemas.
 */
export const campaignRoutes = {
  /** Bureau staff: the question banks to publish from (with the answers). */
  campaignBanks: route({ method: 'GET', path: '/staff/campaign-banks', access: 'staff', pathParams: none, response: CampaignBanksView }),
  /** County admins: publish the period's quiz (once per period; audited). */
  publishQuiz: route({
    method: 'POST',
    path: '/staff/quizzes/{period}',
    access: 'staff',
    pathParams: CampaignPeriodParam,
    body: PublishQuizInput,
    successStatus: 201,
    errors: ['CONFLICT', 'FORBIDDEN'],
    response: StaffQuizView,
  }),
  /** Bureau staff: a period's quiz with its answers. */
  staffQuiz: route({ method: 'GET', path: '/staff/quizzes/{period}', access: 'staff', pathParams: CampaignPeriodParam, errors: ['NOT_FOUND'], response: StaffQuizView }),
  /** Anyone: the current period's quiz — questions and options, never the answers. */
  currentQuiz: route({ method: 'GET', path: '/quiz', access: 'public', pathParams: none, errors: ['NOT_FOUND'], response: QuizView }),
  /**
   * Anyone: answer the quiz and get the result. Signed in, the first attempt of the period counts in 知晓率
   * for the shop's town (or the town chosen); later ones are graded only. Rate-limited per person.
   */
  attemptQuiz: route({
    method: 'POST',
    path: '/quizzes/{period}/attempts',
    access: 'anyone',
    pathParams: CampaignPeriodParam,
    body: QuizAttemptInput,
    errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
    response: QuizResult,
  }),
  /** County admins: publish the period's satisfaction survey (once per period; audited). */
  publishSurvey: route({
    method: 'POST',
    path: '/staff/surveys/{period}',
    access: 'staff',
    pathParams: CampaignPeriodParam,
    body: PublishSurveyInput,
    successStatus: 201,
    errors: ['CONFLICT', 'FORBIDDEN'],
    response: StaffSurveyView,
  }),
  /** Anyone: the current period's survey. */
  currentSurvey: route({ method: 'GET', path: '/survey', access: 'public', pathParams: none, errors: ['NOT_FOUND'], response: SurveyView }),
  /** Signed-in consumers: answer the survey; one response per person per period counts. Rate-limited per person. */
  respondSurvey: route({
    method: 'POST',
    path: '/surveys/{period}/responses',
    access: 'user',
    pathParams: CampaignPeriodParam,
    body: SurveyResponseInput,
    errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
    response: SurveyResponseResult,
  }),
  /** Bureau staff: the survey's counts per option per town (their towns; the county for county-wide staff). */
  surveyResults: route({
    method: 'GET',
    path: '/staff/surveys/{period}/results',
    access: 'staff',
    pathParams: CampaignPeriodParam,
    errors: ['NOT_FOUND'],
    response: SurveyResultsView,
  }),
} as const;

/** The whole contract: every route the API serves (serverless.yml, the API document and the tests check it). */
export const allRoutes = { ...routes, ...campaignRoutes, ...stationRoutes, ...contentRoutes } as const;
