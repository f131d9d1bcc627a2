import {
  Invalid,
  LIKERT_OPTION_IDS,
  PublishQuizInput,
  QUIZ_BANK,
  QUIZ_LAWS,
  SURVEY_BANK,
  campaignPeriodOf,
  checkSurveyAnswers,
  gradeQuiz,
  parseCampaignPeriod,
  quizAttemptCounts,
  type QuizQuestion,
} from '../src';

const CHINESE_ARTICLE = /^《[^》]+》(第[一二三四五六七八九十百零]+条)?/;

describe('the question bank', () => {
  it('has at least 24 questions with unique ids, across every law the plan names', () => {
    expect(QUIZ_BANK.length).toBeGreaterThanOrEqual(24);
    expect(new Set(QUIZ_BANK.map((question) => question.id)).size).toBe(QUIZ_BANK.length);
    expect(new Set(QUIZ_BANK.map((question) => question.law))).toEqual(new Set(Object.keys(QUIZ_LAWS)));
  });

  it.each(QUIZ_BANK.map((question) => [question.id, question] as const))('%s: exactly one right answer among its options, and an article', (_, question) => {
    expect(question.options.length).toBeGreaterThanOrEqual(2);
    expect(new Set(question.options.map((option) => option.id)).size).toBe(question.options.length);
    expect(new Set(question.options.map((option) => option.text)).size).toBe(question.options.length);
    expect(question.options.filter((option) => option.id === question.answer)).toHaveLength(1);
    expect(question.article).toMatch(CHINESE_ARTICLE);
    expect(question.article).toContain(`《${QUIZ_LAWS[question.law]}》`);
  });

  it('cites the articles the answers rest on (七日无理由 25, 退一赔三 55, 十倍 148, 明码标价 13, 修理更换退货 40)', () => {
    const article = (id: string) => QUIZ_BANK.find((question) => question.id === id)!.article;
    expect(article('cpl-25-online-return')).toBe('《消费者权益保护法》第二十五条');
    expect(article('cpl-24-quality-return')).toBe('《消费者权益保护法》第二十四条');
    expect(article('cpl-55-fraud')).toBe('《消费者权益保护法》第五十五条第一款');
    expect(article('fsl-148-tenfold')).toBe('《食品安全法》第一百四十八条第二款');
    expect(article('pl-13-marked-prices')).toBe('《价格法》第十三条');
    expect(article('pql-40-repair-replace-return')).toBe('《产品质量法》第四十条');
  });

  it('the survey bank: unique ids, one five-point scale', () => {
    expect(new Set(SURVEY_BANK.map((question) => question.id)).size).toBe(SURVEY_BANK.length);
    expect(LIKERT_OPTION_IDS).toHaveLength(5);
  });
});

const QUIZ: { questions: QuizQuestion[]; passMark: number } = {
  passMark: 2,
  questions: QUIZ_BANK.slice(0, 3).map((question) => ({ ...question, law: QUIZ_LAWS[question.law] })),
};
const right = (index: number) => ({ questionId: QUIZ.questions[index]!.id, optionId: QUIZ.questions[index]!.answer });
const wrongOf = (index: number) => ({ questionId: QUIZ.questions[index]!.id, optionId: QUIZ.questions[index]!.options.find((option) => option.id !== QUIZ.questions[index]!.answer)!.id });

describe('grading', () => {
  it('all right: full score, passed, nothing to correct', () => {
    expect(gradeQuiz(QUIZ, [right(0), right(1), right(2)])).toEqual({ score: 3, total: 3, passMark: 2, passed: true, wrong: [] });
  });

  it('the pass mark is reached exactly at the mark, not one below', () => {
    expect(gradeQuiz(QUIZ, [right(0), right(1), wrongOf(2)])).toMatchObject({ score: 2, passed: true });
    expect(gradeQuiz(QUIZ, [right(0), wrongOf(1), wrongOf(2)])).toMatchObject({ score: 1, passed: false });
  });

  it('each wrong answer carries what was chosen, the right answer and its article; unanswered counts as wrong', () => {
    const grade = gradeQuiz(QUIZ, [wrongOf(0), right(1)]);
    expect(grade.score).toBe(1);
    const first = QUIZ.questions[0]!;
    expect(grade.wrong[0]).toEqual({
      questionId: first.id,
      question: first.text,
      chosen: { id: wrongOf(0).optionId, text: first.options.find((option) => option.id === wrongOf(0).optionId)!.text },
      answer: { id: first.answer, text: first.options.find((option) => option.id === first.answer)!.text },
      article: first.article,
    });
    expect(grade.wrong[1]).toMatchObject({ questionId: QUIZ.questions[2]!.id, article: QUIZ.questions[2]!.article });
    expect(grade.wrong[1]).not.toHaveProperty('chosen');
  });

  it('refuses answers to other questions, options of other questions, and a question answered twice — naming the field', () => {
    expect(() => gradeQuiz(QUIZ, [{ questionId: 'elsewhere', optionId: 'a' }])).toThrow(expect.objectContaining({ field: 'answers.0.questionId' }));
    expect(() => gradeQuiz(QUIZ, [right(0), { questionId: QUIZ.questions[1]!.id, optionId: 'z' }])).toThrow(expect.objectContaining({ field: 'answers.1.optionId' }));
    expect(() => gradeQuiz(QUIZ, [right(0), right(0)])).toThrow(Invalid);
  });

  it('a counted attempt adds one respondent, and one pass when passed', () => {
    expect(quizAttemptCounts(true)).toEqual({ quizRespondents: 1, quizPassed: 1 });
    expect(quizAttemptCounts(false)).toEqual({ quizRespondents: 1 });
  });
});

describe('periods', () => {
  it('a period is a year', () => {
    expect(parseCampaignPeriod('2026')).toEqual({ period: '2026', year: 2026 });
    for (const bad of ['26', '2026-Q1', '202６', '1999', '2101', '', 'abcd']) expect(() => parseCampaignPeriod(bad)).toThrow(expect.objectContaining({ field: 'period' }));
  });

  it('an instant belongs to the year it is in Shanghai', () => {
    expect(campaignPeriodOf(new Date('2026-12-31T15:59:59Z'))).toBe('2026');
    expect(campaignPeriodOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027');
  });
});

describe('publishing input', () => {
  const ids = QUIZ_BANK.slice(0, 5).map((question) => question.id);
  const fieldOf = (input: unknown) => {
    const result = PublishQuizInput.safeParse(input);
    return result.success ? undefined : { field: result.error.issues[0]!.path.join('.'), message: result.error.issues[0]!.message };
  };

  it('accepts bank questions and a pass mark within the count', () => {
    expect(fieldOf({ questionIds: ids, passMark: 5 })).toBeUndefined();
  });

  it('names the field at fault', () => {
    expect(fieldOf({ questionIds: ids, passMark: 0 })).toEqual({ field: 'passMark', message: '及格线至少为 1 题' });
    expect(fieldOf({ questionIds: ids, passMark: 2.5 })).toMatchObject({ field: 'passMark' });
    expect(fieldOf({ questionIds: [...ids.slice(0, 4), ids[0]], passMark: 3 })).toEqual({ field: 'questionIds.4', message: `题目「${ids[0]}」重复选择了` });
    expect(fieldOf({ questionIds: ids.slice(0, 4), passMark: 3 })).toEqual({ field: 'questionIds', message: '请至少选择 5 道题目' });
  });
});

describe('survey answers', () => {
  it('every question answered once with a scale option', () => {
    expect(checkSurveyAnswers(['a', 'b'], LIKERT_OPTION_IDS, [{ questionId: 'a', optionId: 'satisfied' }, { questionId: 'b', optionId: 'neutral' }])).toEqual({ a: 'satisfied', b: 'neutral' });
    expect(() => checkSurveyAnswers(['a', 'b'], LIKERT_OPTION_IDS, [{ questionId: 'a', optionId: 'satisfied' }])).toThrow(expect.objectContaining({ field: 'answers', message: '第 2 题还没有作答' }));
    expect(() => checkSurveyAnswers(['a'], LIKERT_OPTION_IDS, [{ questionId: 'a', optionId: 'great' }])).toThrow(expect.objectContaining({ field: 'answers.0.optionId' }));
  });
});
