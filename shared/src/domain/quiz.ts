import { Invalid } from './errors';
import { formatShanghaiDate } from './shanghai-date';
import type { Counters } from './indicators';

/**
 * The awareness quiz (知晓率) and the satisfaction survey (社会测评): periods, grading, and what a counted answer
 * adds to the counters. Pure: no clock, no store — `now` and the published quiz are passed in.
 *
 * **Period.** A quiz and a survey are published per calendar **year** (`2026`), in Shanghai time: the awareness
 * rate is a yearly indicator of the plan, and one counted attempt per person per year makes its denominator
 * people, not attempts. A consumer's attempt belongs to the period of the day they answer.
 */

const PERIOD = /^(\d{4})$/;
export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;

/** A period as written in a path (`2026`): its year; throws Invalid (field `period`) for anything else. */
export function parseCampaignPeriod(text: string): { period: string; year: number } {
  const match = PERIOD.exec(text.trim());
  const year = match ? Number(match[1]) : NaN;
  if (!match || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    throw new Invalid(`期次应为 ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} 之间的年份，如 2026`, 'period');
  }
  return { period: String(year), year };
}

/** The period an instant falls in, in Shanghai time (the last evening of December UTC is already next year). */
export function campaignPeriodOf(now: Date): string {
  return formatShanghaiDate(now).slice(0, 4);
}

/** A question as a published quiz keeps it: a copy of the bank's, with its answer and article. */
export interface QuizQuestion {
  id: string;
  text: string;
  law: string;
  options: ReadonlyArray<{ id: string; text: string }>;
  answer: string;
  article: string;
}

export interface AnswerGiven {
  questionId: string;
  optionId: string;
}

export interface WrongAnswer {
  questionId: string;
  question: string;
  /** The option chosen; absent when the question was left unanswered. */
  chosen?: { id: string; text: string };
  answer: { id: string; text: string };
  article: string;
}

export interface Grade {
  score: number;
  total: number;
  passMark: number;
  passed: boolean;
  wrong: WrongAnswer[];
}

/**
 * Checks the answers against the quiz's questions: each answer names a question of this quiz and one of its
 * options, at most once per question (Invalid names the field otherwise). Unanswered questions are wrong.
 */
function checkedAnswers(questions: readonly QuizQuestion[], answers: readonly AnswerGiven[]): Map<string, string> {
  const byQuestion = new Map<string, string>();
  answers.forEach((answer, index) => {
    const question = questions.find((candidate) => candidate.id === answer.questionId);
    if (!question) throw new Invalid('本期测试中没有这道题，请刷新后重新作答', `answers.${index}.questionId`);
    if (byQuestion.has(answer.questionId)) throw new Invalid('同一道题只能作答一次', `answers.${index}.questionId`);
    if (!question.options.some((option) => option.id === answer.optionId)) throw new Invalid('所选选项不属于这道题', `answers.${index}.optionId`);
    byQuestion.set(answer.questionId, answer.optionId);
  });
  return byQuestion;
}

/** Grades an attempt: one point per right answer; passed when the score reaches the pass mark. */
export function gradeQuiz(quiz: { questions: readonly QuizQuestion[]; passMark: number }, answers: readonly AnswerGiven[]): Grade {
  const given = checkedAnswers(quiz.questions, answers);
  const wrong: WrongAnswer[] = [];
  let score = 0;
  for (const question of quiz.questions) {
    const chosenId = given.get(question.id);
    if (chosenId === question.answer) {
      score++;
      continue;
    }
    const optionText = (id: string) => question.options.find((option) => option.id === id)?.text ?? '';
    wrong.push({
      questionId: question.id,
      question: question.text,
      ...(chosenId ? { chosen: { id: chosenId, text: optionText(chosenId) } } : {}),
      answer: { id: question.answer, text: optionText(question.answer) },
      article: question.article,
    });
  }
  return { score, total: quiz.questions.length, passMark: quiz.passMark, passed: score >= quiz.passMark, wrong };
}

/** What one counted attempt adds to the awareness counters. */
export function quizAttemptCounts(passed: boolean): Counters {
  return passed ? { quizRespondents: 1, quizPassed: 1 } : { quizRespondents: 1 };
}

/**
 * A survey response's answers, checked: every question of the survey answered exactly once with one of the
 * scale's options. Returns option id by question id.
 */
export function checkSurveyAnswers(questionIds: readonly string[], optionIds: readonly string[], answers: readonly AnswerGiven[]): Record<string, string> {
  const byQuestion: Record<string, string> = {};
  answers.forEach((answer, index) => {
    if (!questionIds.includes(answer.questionId)) throw new Invalid('本期问卷中没有这道题，请刷新后重新填写', `answers.${index}.questionId`);
    if (answer.questionId in byQuestion) throw new Invalid('同一道题只能作答一次', `answers.${index}.questionId`);
    if (!optionIds.includes(answer.optionId)) throw new Invalid('请选择问卷给出的选项', `answers.${index}.optionId`);
    byQuestion[answer.questionId] = answer.optionId;
  });
  const missing = questionIds.findIndex((id) => !(id in byQuestion));
  if (missing >= 0) throw new Invalid(`第 ${missing + 1} 题还没有作答`, 'answers');
  return byQuestion;
}

/** Shown when an attempt is graded but the person already has a counted one this period. */
export const ALREADY_COUNTED_MESSAGE = '本期已计入一次，本次成绩不重复计入';
