/**
 * TestQuiz: replays a trainee's answer events through the quiz session reducer (the same one the
 * app's store uses) with chainable expectations, e.g.
 *   TestQuiz.generate(world, { seed: 7, count: 6 }).answerPerfectly('q1').expectScore('q1', 1)
 */
import { expect } from 'vitest';
import { generateQuiz, type QuizOptions } from '../../src/domain/quiz/generate.ts';
import { perfectAnswer, type QuizSummary } from '../../src/domain/quiz/score.ts';
import type { Answer, Question, Quiz } from '../../src/domain/quiz/schema.ts';
import {
  applyQuizEvent,
  startSession,
  type QuizEvent,
  type QuizSession,
} from '../../src/domain/quiz/session.ts';
import type { QuizWorld } from '../../src/domain/quiz/world.ts';

export class TestQuiz {
  private clock: number;
  private constructor(
    readonly world: QuizWorld,
    public session: QuizSession,
    start: number,
  ) {
    this.clock = start;
  }

  static from(world: QuizWorld, quiz: Quiz, opts: Parameters<typeof startSession>[2] = {}) {
    const t0 = Date.UTC(2026, 0, 1);
    return new TestQuiz(world, startSession(quiz, t0, opts), t0);
  }

  static generate(
    world: QuizWorld,
    options: QuizOptions,
    opts: Parameters<typeof startSession>[2] = {},
  ) {
    return TestQuiz.from(world, generateQuiz(world, options), opts);
  }

  get quiz(): Quiz {
    return this.session.quiz;
  }

  question(id: string): Question {
    const q = this.session.questions.find((x) => x.id === id);
    if (!q) throw new Error(`TestQuiz: no question ${id}`);
    return q;
  }

  /** Questions of one type. */
  ofType(type: Question['type']): Question[] {
    return this.session.questions.filter((q) => q.type === type);
  }

  private apply(e: QuizEvent): this {
    this.session = applyQuizEvent(this.world, this.session, e);
    return this;
  }

  /** Lets `ms` pass on the quiz clock (and ticks, as the app's timer does). */
  wait(ms: number): this {
    this.clock += ms;
    return this.apply({ kind: 'ticked', at: this.clock });
  }

  answer(answer: Answer): this {
    this.clock += 1000;
    return this.apply({ kind: 'answered', answer, at: this.clock });
  }

  /** Answers with what the key says earns full marks. */
  answerPerfectly(id: string): this {
    const a = perfectAnswer(this.world, this.question(id));
    if (!a) throw new Error(`TestQuiz: no perfect answer for ${id}`);
    return this.answer(a);
  }

  answerAllPerfectly(): this {
    for (const q of this.session.questions) this.answerPerfectly(q.id);
    return this;
  }

  /** Answers with the perfect answer changed by `f`. */
  answerWith<A extends Answer>(id: string, f: (perfect: A) => Answer): this {
    const a = perfectAnswer(this.world, this.question(id));
    if (!a) throw new Error(`TestQuiz: no perfect answer for ${id}`);
    return this.answer(f(a as A));
  }

  finish(): this {
    this.clock += 1000;
    return this.apply({ kind: 'finished', at: this.clock });
  }

  expectScore(id: string, score: number, digits = 3): this {
    const r = this.session.results[id];
    expect(r, `no result for ${id} (mode ${this.session.mode})`).toBeDefined();
    expect(r!.score).toBeCloseTo(score, digits);
    return this;
  }

  expectScoreBelow(id: string, bound: number): this {
    expect(this.session.results[id]?.score).toBeLessThan(bound);
    return this;
  }

  expectFeedback(id: string, pattern: RegExp): this {
    const fb = this.session.results[id]?.feedback.join(' ') ?? '';
    expect(fb).toMatch(pattern);
    return this;
  }

  expectNoResult(id: string): this {
    expect(this.session.results[id]).toBeUndefined();
    return this;
  }

  expectRefused(pattern: RegExp): this {
    expect(this.session.refused ?? '').toMatch(pattern);
    return this;
  }

  expectFinished(finished = true): this {
    expect(this.session.finishedAt !== null).toBe(finished);
    return this;
  }

  expectSummary(check: (s: QuizSummary) => void): this {
    expect(this.session.summary, 'the quiz is not finished').not.toBeNull();
    check(this.session.summary!);
    return this;
  }
}
