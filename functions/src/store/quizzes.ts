import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from './transact';
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern';
import { string } from 'dynamodb-toolbox/schema/string';
import { Conflict, LIKERT_OPTION_IDS, type QuizQuestion } from '@fangxin/shared';
import type { CounterWrite } from './complaints';
import { SURVEY_KEY, SURVEY_TALLY_KEY, personInPeriod } from './keys';
import { QuizAttemptEntity, QuizEntity, SurveyEntity, SurveyResponseEntity, SurveyTallyEntity } from './quiz.entities';
import { AuditEntity } from './support.entities';
import { FangxinTable } from './table';

/**
 * The awareness quiz and the satisfaction survey in the table (docs/access-patterns.md, "quiz and survey"):
 * a published record per period (put once, with its audit entry), one counted attempt / response per person
 * per period (a conditional put: the key is the rule), and the survey's tallies (written only by the
 * counting path).
 */

export interface StoredQuiz {
  period: string;
  version: number;
  bankVersion: number;
  title: string;
  passMark: number;
  questions: QuizQuestion[];
  publishedAt: string;
  publishedBy: string;
}

export interface StoredSurvey {
  period: string;
  version: number;
  bankVersion: number;
  title: string;
  questions: Array<{ id: string; text: string }>;
  publishedAt: string;
  publishedBy: string;
}

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

const auditOf = (staff: { userId: string; role: string }, what: 'quiz' | 'survey', period: string, detail: string, at: string) =>
  AuditEntity.build(PutTransaction).item({
    staffUserId: staff.userId,
    entry: `${at}#${what}-${period}#1`,
    action: what === 'quiz' ? 'quiz_published' : 'survey_published',
    role: staff.role,
    subjectType: 'settings',
    subjectId: `${what}-${period}`,
    detail,
    at,
  });

/** Publishes a period's quiz with its audit entry, once: a quiz already published for the period is 409. */
export async function savePublishedQuiz(quiz: StoredQuiz, staff: { userId: string; role: string }): Promise<void> {
  try {
    await execute(
      QuizEntity.build(PutTransaction).item(quiz).options({ condition: { attr: 'period', exists: false } }),
      auditOf(staff, 'quiz', quiz.period, `${quiz.questions.length} 题，答对 ${quiz.passMark} 题及格（题库第 ${quiz.bankVersion} 版）`, quiz.publishedAt),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      throw new Conflict(`${quiz.period} 期的知晓率测试已经发布，每期只能发布一次`);
    }
    throw error;
  }
}

export async function findQuiz(period: string): Promise<StoredQuiz | undefined> {
  const { Item } = await QuizEntity.build(GetItemCommand).key({ period }).send();
  if (!Item) return undefined;
  return { ...Item, questions: Item.questions as QuizQuestion[] };
}

/**
 * Stores a person's counted attempt for the period if they have none yet (conditional put). `counted` for the
 * one that got in; `already` for every other, however many arrive at once.
 */
export async function putCountedAttempt(attempt: {
  period: string;
  userId: string;
  townCode: string;
  merchantId?: string;
  score: number;
  total: number;
  passed: boolean;
  at: string;
  counts: CounterWrite[];
}): Promise<'counted' | 'already'> {
  const { period, userId, ...rest } = attempt;
  try {
    await QuizAttemptEntity.build(PutItemCommand)
      .item({ key: personInPeriod.of(period, userId), ...rest })
      .options({ condition: { attr: 'key', exists: false } })
      .send();
    return 'counted';
  } catch (error) {
    if (isConditionFailure(error)) return 'already';
    throw error;
  }
}

/** Publishes a period's survey with its audit entry, once. */
export async function savePublishedSurvey(survey: StoredSurvey, staff: { userId: string; role: string }): Promise<void> {
  try {
    await execute(
      SurveyEntity.build(PutTransaction).item(survey).options({ condition: { attr: 'period', exists: false } }),
      auditOf(staff, 'survey', survey.period, `${survey.questions.length} 个问题（题库第 ${survey.bankVersion} 版）`, survey.publishedAt),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      throw new Conflict(`${survey.period} 期的满意度问卷已经发布，每期只能发布一次`);
    }
    throw error;
  }
}

export async function findSurvey(period: string): Promise<StoredSurvey | undefined> {
  const { Item } = await SurveyEntity.build(GetItemCommand).key({ period }).send();
  if (!Item) return undefined;
  return { ...Item, questions: Item.questions as StoredSurvey['questions'] };
}

/** Stores a person's counted survey response for the period if they have none yet (conditional put). */
export async function putCountedResponse(response: { period: string; userId: string; townCode: string; at: string; counts: CounterWrite[] }): Promise<'counted' | 'already'> {
  const { period, userId, ...rest } = response;
  try {
    await SurveyResponseEntity.build(PutItemCommand)
      .item({ key: personInPeriod.of(period, userId), ...rest })
      .options({ condition: { attr: 'key', exists: false } })
      .send();
    return 'counted';
  } catch (error) {
    if (isConditionFailure(error)) return 'already';
    throw error;
  }
}

/** Access pattern `survey-tallies`: every tally of a period's survey, in its partition. */
const surveyTallies = FangxinTable.build(AccessPattern)
  .entities(SurveyTallyEntity)
  .schema(string())
  .pattern((period) => ({ partition: SURVEY_KEY.encode(period), range: { beginsWith: SURVEY_TALLY_KEY.encode('') } }))
  .meta({ title: 'survey-tallies' });

/** `<scope>#<questionId>` → option id → count, for a period (one Query, paged through). */
export async function readSurveyTallies(period: string): Promise<Map<string, Record<string, number>>> {
  const tallies = new Map<string, Record<string, number>>();
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await surveyTallies.query(period).options({ exclusiveStartKey: exclusiveStartKey as never }).send();
    for (const item of page.Items ?? []) {
      const counts: Record<string, number> = {};
      for (const option of LIKERT_OPTION_IDS) counts[option] = (item as Record<string, unknown>)[option] as number | undefined ?? 0;
      tallies.set(item.tally, counts);
    }
    exclusiveStartKey = page.LastEvaluatedKey as Record<string, unknown> | undefined;
  } while (exclusiveStartKey);
  return tallies;
}
