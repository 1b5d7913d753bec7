/**
 * A quiz being taken, as a pure reducer over events: the app's store and the tests' TestQuiz
 * harness replay the same events through it. Practice mode scores each answer as it comes (and
 * an answered question stays answered); exam mode keeps answers open to change and scores them
 * all at the end, or when the time limit runs out.
 */
import { mulberry32 } from '../random.ts';
import { shuffled } from '../technique/random.ts';
import { scoreAnswer, summarize, type QuestionResult, type QuizSummary } from './score.ts';
import type { Answer, Question, Quiz, QuizMode } from './schema.ts';
import type { QuizWorld } from './world.ts';

export interface QuizSession {
  readonly quiz: Quiz;
  readonly mode: QuizMode;
  /** Questions in the order asked. */
  readonly questions: readonly Question[];
  readonly index: number;
  readonly answers: Readonly<Record<string, Answer>>;
  /** Practice: filled as answers come. Exam: filled at the end. */
  readonly results: Readonly<Record<string, QuestionResult>>;
  readonly startedAt: number;
  /** Epoch ms when an exam's time runs out, or null. */
  readonly deadline: number | null;
  readonly finishedAt: number | null;
  readonly summary: QuizSummary | null;
  /** Why the last event was refused, if it was (the state is otherwise unchanged). */
  readonly refused: string | null;
}

export type QuizEvent =
  | { readonly kind: 'answered'; readonly answer: Answer; readonly at: number }
  | { readonly kind: 'moved'; readonly index: number }
  | { readonly kind: 'ticked'; readonly at: number }
  | { readonly kind: 'finished'; readonly at: number };

export function startSession(
  quiz: Quiz,
  now: number,
  options: { mode?: QuizMode; timeLimitMinutes?: number } = {},
): QuizSession {
  const mode = options.mode ?? quiz.mode ?? 'practice';
  const limit = options.timeLimitMinutes ?? quiz.timeLimitMinutes;
  const questions =
    quiz.order === 'shuffled'
      ? shuffled(mulberry32(quiz.seed ?? 0), quiz.questions)
      : quiz.questions;
  return {
    quiz,
    mode,
    questions,
    index: 0,
    answers: {},
    results: {},
    startedAt: now,
    deadline: mode === 'exam' && limit ? now + limit * 60_000 : null,
    finishedAt: null,
    summary: null,
    refused: null,
  };
}

function finish(world: QuizWorld, s: QuizSession, at: number): QuizSession {
  const results: Record<string, QuestionResult> = { ...s.results };
  for (const q of s.questions) results[q.id] ??= scoreAnswer(world, q, s.answers[q.id]);
  return {
    ...s,
    results,
    finishedAt: at,
    summary: summarize(s.questions.map((q) => results[q.id]!)),
    refused: null,
  };
}

const refuse = (s: QuizSession, why: string): QuizSession => ({ ...s, refused: why });

/** The next state; a refused event leaves the state as it was, with `refused` saying why. */
export function applyQuizEvent(world: QuizWorld, s: QuizSession, e: QuizEvent): QuizSession {
  if (s.finishedAt !== null && e.kind !== 'moved') return refuse(s, 'the quiz is finished');
  switch (e.kind) {
    case 'moved':
      if (!Number.isInteger(e.index) || e.index < 0 || e.index >= s.questions.length)
        return refuse(s, `no question ${e.index + 1}`);
      return { ...s, index: e.index, refused: null };
    case 'ticked':
      return s.deadline !== null && e.at >= s.deadline ? finish(world, s, s.deadline) : s;
    case 'finished':
      return finish(world, s, e.at);
    case 'answered': {
      if (s.deadline !== null && e.at >= s.deadline) return finish(world, s, s.deadline);
      const q = s.questions.find((x) => x.id === e.answer.questionId);
      if (!q) return refuse(s, `no question "${e.answer.questionId}" in this quiz`);
      if (q.type !== e.answer.type)
        return refuse(s, `question "${q.id}" is a ${q.type} question, not ${e.answer.type}`);
      if (s.mode === 'practice' && s.results[q.id])
        return refuse(s, 'this question is already answered');
      const answers = { ...s.answers, [q.id]: e.answer };
      const results =
        s.mode === 'practice'
          ? { ...s.results, [q.id]: scoreAnswer(world, q, e.answer) }
          : s.results;
      return { ...s, answers, results, refused: null };
    }
  }
}

/** The question being asked. */
export function currentQuestion(s: QuizSession): Question {
  return s.questions[s.index]!;
}
