import { ALREADY_COUNTED_MESSAGE, SURVEY_BANK, SurveyResultsView, SurveyView, campaignPeriodOf } from '@fangxin/shared';
import { issueToken } from '../../src/auth/token';
import { handler as currentSurveyHandler } from '../../src/handlers/quiz/current-survey';
import { handler as publishSurveyHandler } from '../../src/handlers/quiz/publish-survey';
import { handler as respondSurveyHandler } from '../../src/handlers/quiz/respond-survey';
import { handler as surveyResultsHandler } from '../../src/handlers/quiz/survey-results';
import { applyPendingCounts } from './support/counting';
import { invoke } from './support/http';
import { SHOP_A, setUpPeople, signInAnother, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
const period = campaignPeriodOf(new Date());
const QUESTION_IDS = SURVEY_BANK.slice(0, 5).map((question) => question.id);

beforeAll(async () => {
  people = await setUpPeople();
});

async function newConsumer(name: string): Promise<SignedIn> {
  const principal = { userId: `u-test-survey-${name}`, displayName: name, roles: { merchantIds: [] } };
  return { userId: principal.userId, token: (await issueToken(principal, new Date())).token, principal };
}

const publish = (who: SignedIn, body: unknown) =>
  invoke(publishSurveyHandler, { method: 'POST', routePath: '/staff/surveys/{period}', pathParameters: { period }, token: who.token, body });
const respond = (who: SignedIn | undefined, body: unknown) =>
  invoke(respondSurveyHandler, { method: 'POST', routePath: '/surveys/{period}/responses', pathParameters: { period }, ...(who ? { token: who.token } : {}), body });
const results = (who: SignedIn) =>
  invoke(surveyResultsHandler, { method: 'GET', routePath: '/staff/surveys/{period}/results', pathParameters: { period }, token: who.token });
const allAnswered = (optionId: string) => QUESTION_IDS.map((questionId) => ({ questionId, optionId }));

describe('the satisfaction survey (社会测评)', () => {
  it('only a county admin publishes, once per period; bad input names the field', async () => {
    expect(await invoke(currentSurveyHandler, { method: 'GET', routePath: '/survey' })).toMatchObject({ status: 404 });
    expect(await publish(people.regulatorChengguan, { questionIds: QUESTION_IDS })).toMatchObject({ status: 403 });
    expect(await publish(people.adminCounty, { questionIds: [...QUESTION_IDS.slice(0, 2), 'weather'] })).toMatchObject({ status: 400, body: { field: 'questionIds.2' } });
    expect((await publish(people.adminCounty, { questionIds: QUESTION_IDS })).status).toBe(201);
    // The same admin sending the same survey again (the answer lost): the survey that stands, not 409.
    expect(await publish(people.adminCounty, { questionIds: QUESTION_IDS })).toMatchObject({ status: 201, body: { questions: QUESTION_IDS.map((id) => expect.objectContaining({ id })) } });
    // Another survey for the period, or another admin's: 409.
    expect(await publish(people.adminCounty, { questionIds: [...QUESTION_IDS].reverse() })).toMatchObject({ status: 409 });
    const otherAdmin = await signInAnother('u-test-survey-other-admin', { merchantIds: [], staff: { role: 'admin', jurisdiction: 'county' } });
    expect(await publish(otherAdmin, { questionIds: QUESTION_IDS })).toMatchObject({ status: 409 });
    const current = SurveyView.parse((await invoke(currentSurveyHandler, { method: 'GET', routePath: '/survey' })).body);
    expect(current.questions.map((question) => question.id)).toEqual(QUESTION_IDS);
    expect(current.options).toHaveLength(5);
  });

  it('needs sign-in; every question answered with a scale option; the town is checked', async () => {
    const consumer = await newConsumer('checks');
    expect(await respond(undefined, { answers: allAnswered('satisfied'), townCode: 'chengguan' })).toMatchObject({ status: 401 });
    expect(await respond(consumer, { answers: allAnswered('satisfied').slice(1), townCode: 'chengguan' })).toMatchObject({ status: 400, body: { field: 'answers' } });
    expect(await respond(consumer, { answers: allAnswered('great'), townCode: 'chengguan' })).toMatchObject({ status: 400, body: { field: 'answers.0.optionId' } });
    expect(await respond(consumer, { answers: allAnswered('satisfied'), townCode: 'atlantis' })).toMatchObject({ status: 400, body: { field: 'townCode' } });
    expect(await respond(consumer, { answers: allAnswered('satisfied'), merchantId: 'QHNOSUCH01' })).toMatchObject({ status: 404 });
  });

  it('one counted response per person per period, even when sent ten times at once; results are counts only', async () => {
    const consumer = await newConsumer('parallel');
    const answers = await Promise.all(Array.from({ length: 10 }, () => respond(consumer, { answers: allAnswered('satisfied'), merchantId: SHOP_A.id })));
    expect(answers.map((answer) => answer.body.countStatus).sort()).toEqual([...Array(9).fill('already_counted'), 'counted']);
    expect(answers.find((answer) => answer.body.countStatus === 'already_counted')!.body.countMessage).toBe(ALREADY_COUNTED_MESSAGE);
    await respond(await newConsumer('second'), { answers: allAnswered('neutral'), townCode: 'longquan' });
    expect(await applyPendingCounts()).toBe(2);

    const view = SurveyResultsView.parse((await results(people.adminCounty)).body);
    const scope = (code: string) => view.scopes.find((row) => row.code === code)!;
    expect(scope('qinghe')).toMatchObject({ kind: 'county', respondents: 2 });
    expect(scope('qinghe').questions[0]!.counts).toEqual({ very_satisfied: 0, satisfied: 1, neutral: 1, dissatisfied: 0, very_dissatisfied: 0 });
    expect(scope('chengguan')).toMatchObject({ respondents: 1 });
    expect(scope('chengguan').questions.every((question) => question.counts.satisfied === 1)).toBe(true);
    expect(scope('longquan').questions[4]!.counts.neutral).toBe(1);
    expect(JSON.stringify(view)).not.toContain('u-test-survey');

    // Town staff see their towns only, not the county row.
    const mine = SurveyResultsView.parse((await results(people.regulatorChengguan)).body);
    expect(mine.scopes.map((row) => row.code)).toEqual(['chengguan']);
    expect(await results(people.consumer)).toMatchObject({ status: 403 });
  });
});
