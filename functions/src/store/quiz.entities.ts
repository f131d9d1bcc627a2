import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { CAMPAIGN_RECORD, EVENTS_UNCOUNTED_PARTITION, QUIZ_ATTEMPT_KEY, QUIZ_KEY, RATE_LIMIT_KEY, SURVEY_KEY, SURVEY_RESPONSE_KEY, SURVEY_TALLY_KEY } from './keys';
import { FangxinTable } from './table';

/**
 * A period's published quiz, with a copy of its questions (answers and articles included) and the bank
 * version they came from: the quiz people answered never changes under them. Put once (must not exist).
 *   pk = QUIZ#<period>   sk = RECORD
 */
export const QuizEntity = new Entity({
  name: 'Quiz',
  table: FangxinTable,
  schema: item({
    period: string().key().savedAs('pk').transform(QUIZ_KEY),
    record: string().key().savedAs('sk').const(CAMPAIGN_RECORD),
    version: number(),
    bankVersion: number(),
    title: string(),
    passMark: number(),
    questions: any(),
    publishedAt: string(),
    publishedBy: string(),
  }),
});

/**
 * A period's published survey (社会测评), with a copy of its questions.
 *   pk = SURVEY#<period>   sk = RECORD
 */
export const SurveyEntity = new Entity({
  name: 'Survey',
  table: FangxinTable,
  schema: item({
    period: string().key().savedAs('pk').transform(SURVEY_KEY),
    record: string().key().savedAs('sk').const(CAMPAIGN_RECORD),
    version: number(),
    bankVersion: number(),
    title: string(),
    questions: any(),
    publishedAt: string(),
    publishedBy: string(),
  }),
});

/** One attribute per scale option (LIKERT_OPTION_IDS); the counting path ADDs to them. Assigned, not spread (support.entities.ts). */
const likertAttributes = {
  very_satisfied: number().optional(),
  satisfied: number().optional(),
  neutral: number().optional(),
  dissatisfied: number().optional(),
  very_dissatisfied: number().optional(),
};

/**
 * How many chose each option of one survey question in one scope (the county, a town), in the survey's
 * partition, so the results are one Query. Added to by the counting path only (store/counting.ts).
 *   pk = SURVEY#<period>   sk = TALLY#<scope>#<questionId>
 */
export const SurveyTallyEntity = new Entity({
  name: 'SurveyTally',
  table: FangxinTable,
  schema: item(
    Object.assign(
      {
        period: string().key().savedAs('pk').transform(SURVEY_KEY),
        tally: string().key().savedAs('sk').transform(SURVEY_TALLY_KEY),
      },
      likertAttributes,
    ),
  ),
});

/** Whether a countable item still waits for its counts to be applied (the sparse gsi2 entry is present). */
const waitsForCounting = (counts: unknown, countedAt: string | undefined) => Array.isArray(counts) && counts.length > 0 && !countedAt;

/**
 * A person's counted quiz attempt of a period. Its key is the rule: put only if absent, so of any number of
 * attempts (ten at once included) exactly one is stored and counted. It carries its counts like a lifecycle
 * event and is counted by the same path, exactly once. Only the result is kept, not the answers.
 *   pk = QUIZ_ATTEMPT#<period>#<userId>   sk = RECORD
 */
export const QuizAttemptEntity = new Entity({
  name: 'QuizAttempt',
  table: FangxinTable,
  schema: item({
    key: string().key().savedAs('pk').transform(QUIZ_ATTEMPT_KEY),
    record: string().key().savedAs('sk').const(CAMPAIGN_RECORD),
    townCode: string(),
    merchantId: string().optional(),
    score: number(),
    total: number(),
    passed: boolean(),
    at: string(),
    counts: any().optional(),
    countedAt: string().optional(),
  }).and((schema) => ({
    uncountedKey: string()
      .optional()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ counts, countedAt }) => (waitsForCounting(counts, countedAt) ? EVENTS_UNCOUNTED_PARTITION : undefined)),
    uncountedSort: string()
      .optional()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ counts, countedAt, at, key }) => (waitsForCounting(counts, countedAt) ? `${at}#quiz#${key}` : undefined)),
  })),
});

/**
 * A person's counted survey response of a period, same rule and same counting path as a quiz attempt. The
 * answers are kept only as the counts they add (option per question): nothing else about the person.
 *   pk = SURVEY_RESPONSE#<period>#<userId>   sk = RECORD
 */
export const SurveyResponseEntity = new Entity({
  name: 'SurveyResponse',
  table: FangxinTable,
  schema: item({
    key: string().key().savedAs('pk').transform(SURVEY_RESPONSE_KEY),
    record: string().key().savedAs('sk').const(CAMPAIGN_RECORD),
    townCode: string(),
    at: string(),
    counts: any().optional(),
    countedAt: string().optional(),
  }).and((schema) => ({
    uncountedKey: string()
      .optional()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ counts, countedAt }) => (waitsForCounting(counts, countedAt) ? EVENTS_UNCOUNTED_PARTITION : undefined)),
    uncountedSort: string()
      .optional()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ counts, countedAt, at, key }) => (waitsForCounting(counts, countedAt) ? `${at}#survey#${key}` : undefined)),
  })),
});

/**
 * A fixed-window rate-limit counter (store/rate-limits.ts): one item per limit, subject and window, gone by
 * TTL after the window.
 *   pk = RATE#<limit>#<subject>   sk = <window start, epoch seconds>
 */
export const RateLimitEntity = new Entity({
  name: 'RateLimit',
  table: FangxinTable,
  schema: item({
    subject: string().key().savedAs('pk').transform(RATE_LIMIT_KEY),
    window: string().key().savedAs('sk'),
    hits: number(),
    expiresAt: number(),
  }),
});
