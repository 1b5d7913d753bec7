/**
 * The quiz engine on the real model and catalog: generation is reproducible and plausible,
 * scoring follows its rules (properties: a perfect answer scores full marks, the score never rises
 * as the distance grows, a needle into a danger structure always fails), sessions replay.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lookup } from '../../../src/domain/lookup/lookup.ts';
import { simulateNeedle } from '../../../src/domain/needle/simulate.ts';
import { judgeForPoint } from '../../../src/domain/catalog/ruleCheck.ts';
import { ruleSubjectFor } from '../../../src/domain/catalog/needlePath.ts';
import { mulberry32 } from '../../../src/domain/random.ts';
import { areaOfMuscle } from '../../../src/domain/catalog/areas.ts';
import { catalogProblems, parseQuizFile, quizToText } from '../../../src/domain/quiz/file.ts';
import {
  DIFFICULTY_SETTINGS,
  generateQuiz,
  QuizOptionsError,
} from '../../../src/domain/quiz/generate.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import {
  CAUTION_FACTOR,
  distanceCredit,
  EXAMINE_THRESHOLD,
  expectedPicks,
  perfectAnswer,
  scoreAnswer,
  structureAtRisk,
} from '../../../src/domain/quiz/score.ts';
import {
  QUESTION_TYPES,
  quizSchema,
  type AnswerOf,
  type Question,
  type QuestionOf,
  type Quiz,
} from '../../../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../../../src/domain/quiz/world.ts';
import type { BodyVec3 } from '../../../src/domain/units.ts';
import { add, cross, norm, scale } from '../../../src/domain/vec.ts';
import { TestQuiz } from '../../helpers/testQuiz.ts';

let world: QuizWorld;
beforeAll(() => {
  world = loadQuizWorldFromDisk();
});

const oneOf = <T extends Question['type']>(quiz: Quiz, type: T) =>
  quiz.questions.filter((q): q is QuestionOf<T> => q.type === type);

describe('body areas', () => {
  it('every catalog muscle has one', () => {
    const missing = world.catalog.muscles.filter((m) => !areaOfMuscle(m.id)).map((m) => m.id);
    expect(missing).toEqual([]);
  });
});

describe('generateQuiz', () => {
  it('gives the same quiz for the same seed and another for another seed', () => {
    const a = generateQuiz(world, { seed: 42, count: 20 });
    const b = generateQuiz(world, { seed: 42, count: 20 });
    const c = generateQuiz(world, { seed: 43, count: 20 });
    expect(b).toEqual(a);
    expect(c.questions).not.toEqual(a.questions);
  });

  it('makes every type, balanced, and the count asked', () => {
    const q = generateQuiz(world, { seed: 5, count: 30 });
    expect(q.questions).toHaveLength(30);
    for (const t of QUESTION_TYPES) expect(oneOf(q, t).length, t).toBe(5);
    expect(new Set(q.questions.map((x) => x.id)).size).toBe(30);
  });

  it('filters by type, body area and catalog region', () => {
    const t = generateQuiz(world, { seed: 1, count: 8, types: ['locate', 'paint-zone'] });
    expect(new Set(t.questions.map((q) => q.type))).toEqual(new Set(['locate', 'paint-zone']));
    const area = generateQuiz(world, {
      seed: 2,
      count: 12,
      regions: ['leg-foot'],
      types: ['locate'],
    });
    for (const q of oneOf(area, 'locate'))
      expect(areaOfMuscle(world.triggerPoint(q.triggerPointId)!.muscleId)).toBe('leg-foot');
    const temple = generateQuiz(world, {
      seed: 3,
      count: 6,
      regions: ['temple-left'],
      types: ['paint-zone'],
    });
    for (const q of oneOf(temple, 'paint-zone')) {
      const z = world.zone(q.triggerPointId, q.side);
      expect([...z.essential, ...z.spillover]).toContain('temple-left');
    }
  });

  it('refuses bad options with a message', () => {
    expect(() => generateQuiz(world, { seed: -1, count: 5 })).toThrow(/seed/);
    expect(() => generateQuiz(world, { seed: 1, count: 0 })).toThrow(/count/);
    expect(() => generateQuiz(world, { seed: 1, count: 5000 })).toThrow(QuizOptionsError);
    expect(() => generateQuiz(world, { seed: 1, count: 5, regions: ['elbow-of-mars'] })).toThrow(
      /unknown region/,
    );
    expect(() =>
      generateQuiz(world, { seed: 1, count: 5, types: ['spelling' as Question['type']] }),
    ).toThrow(/unknown question type/);
  });

  it('writes files that read back the same and hold only catalog ids', () => {
    for (const seed of [1, 2, 3]) {
      const q = generateQuiz(world, { seed, count: 18, difficulty: 'hard' });
      expect(quizSchema.safeParse(q).success).toBe(true);
      expect(catalogProblems(q, world.catalog)).toEqual([]);
      const ids = new Set(world.body.structures.keys());
      expect(parseQuizFile(quizToText(q), 'quiz.json', world.catalog, ids)).toEqual(q);
    }
  });

  it('offers plausible muscles: each distractor shares part of the referral pattern (medium, hard)', () => {
    for (const difficulty of ['medium', 'hard'] as const) {
      const q = generateQuiz(world, { seed: 9, count: 12, types: ['name-muscle'], difficulty });
      for (const n of oneOf(q, 'name-muscle')) {
        const t = world.triggerPoint(n.triggerPointId!)!;
        expect(n.choices).toContain(t.muscleId);
        expect(n.choices).toHaveLength(DIFFICULTY_SETTINGS[difficulty].choices);
        const mine = new Set([...t.referral.essential, ...t.referral.spillover]);
        const shares = n.choices
          .filter((m) => m !== t.muscleId)
          .filter((m) =>
            world.catalog.triggerPoints.some(
              (o) =>
                o.muscleId === m &&
                [...o.referral.essential, ...o.referral.spillover].some((s) => mine.has(s)),
            ),
          );
        // as many as the catalog allows: some patterns (e.g. the front of the ankle) share
        // regions with few other muscles
        const sameEssential = (m: string) =>
          world.catalog.triggerPoints.some(
            (o) =>
              o.muscleId === m &&
              o.referral.essential.length === t.referral.essential.length &&
              o.referral.essential.every((x) => t.referral.essential.includes(x)),
          );
        const available = world.catalog.muscles.filter(
          (m) =>
            m.id !== t.muscleId &&
            !sameEssential(m.id) &&
            world.catalog.triggerPoints.some(
              (o) =>
                o.muscleId === m.id &&
                [...o.referral.essential, ...o.referral.spillover].some((x) => mine.has(x)),
            ),
        ).length;
        const want = difficulty === 'hard' ? n.choices.length - 1 : 1;
        expect(shares.length, `${t.id} ${n.choices.join(',')}`).toBeGreaterThanOrEqual(
          Math.min(want, available),
        );
      }
    }
  });

  it('makes a 50-question quiz in well under a second once the points are placed', () => {
    generateQuiz(world, { seed: 100, count: 50 });
    const t0 = performance.now();
    generateQuiz(world, { seed: 101, count: 50 });
    expect(performance.now() - t0).toBeLessThan(1000); // the budget (50 ms) is measured by `npm run bench`
  });
});

describe('scoring', () => {
  it('gives full marks to the perfect answer of every question (seeds 1–6, all types)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const tq = TestQuiz.generate(world, { seed, count: 12 }).answerAllPerfectly();
      for (const q of tq.session.questions) tq.expectScore(q.id, 1);
      tq.finish().expectSummary((s) => {
        expect(s.score).toBe(1);
        expect(s.weakestMuscles).toEqual([]);
      });
    }
  });

  it('distance credit never rises as the distance grows and is full within the tolerance', () => {
    const rng = mulberry32(77);
    for (let i = 0; i < 500; i++) {
      const tol = 1 + rng() * 40;
      const d1 = rng() * 150;
      const d2 = d1 + rng() * 50;
      expect(distanceCredit(d2, tol)).toBeLessThanOrEqual(distanceCredit(d1, tol));
      expect(distanceCredit(rng() * tol, tol)).toBe(1);
      expect(distanceCredit(3 * tol + rng() * 10, tol)).toBe(0);
    }
  });

  it('locate: the score never rises as the measured skin distance grows', () => {
    const rng = mulberry32(3);
    const quiz = generateQuiz(world, { seed: 11, count: 6, types: ['locate'] });
    for (const q of oneOf(quiz, 'locate')) {
      const target = world.place(q.triggerPointId, q.side)!.skin;
      const rows: { d: number; s: number }[] = [];
      for (let k = 0; k < 12; k++) {
        const off: BodyVec3 = [(rng() - 0.5) * 0.1, (rng() - 0.5) * 0.1, (rng() - 0.5) * 0.1];
        const r = scoreAnswer(world, q, {
          questionId: q.id,
          type: 'locate',
          point: add(target, off),
        });
        const key = r.key as { distanceMm: number | null };
        rows.push({ d: key.distanceMm ?? Infinity, s: r.score });
      }
      rows.sort((a, b) => a.d - b.d);
      for (let k = 1; k < rows.length; k++) expect(rows[k]!.s).toBeLessThanOrEqual(rows[k - 1]!.s);
      expect(rows.some((r) => r.s < 1)).toBe(true);
    }
  });

  it('needle: a needle offset from the right line scores less the farther it passes (safe needles)', () => {
    const quiz = generateQuiz(world, { seed: 12, count: 8, types: ['needle'] });
    for (const q of oneOf(quiz, 'needle')) {
      const perfect = perfectAnswer(world, q) as AnswerOf<'needle'>;
      const side = norm(cross(perfect.direction, [0, 1, 0]));
      const rows: { d: number; s: number }[] = [];
      for (const mm of [0, 2, 4, 8, 12, 16, 24]) {
        const a = { ...perfect, entry: add(perfect.entry, scale(side, mm / 1000)) };
        const r = scoreAnswer(world, q, a);
        const key = r.key as { distanceMm: number | null; verdict: string | null };
        if (key.verdict === 'safe') rows.push({ d: key.distanceMm!, s: r.score });
      }
      rows.sort((a, b) => a.d - b.d);
      for (let k = 1; k < rows.length; k++) expect(rows[k]!.s).toBeLessThanOrEqual(rows[k - 1]!.s);
    }
  });

  it('a needle that enters a danger structure always fails, with millimetres in the reason', () => {
    const rng = mulberry32(21);
    let failures = 0;
    const pointsNearDanger = world.catalog.triggerPoints.filter((t) => t.needling.dangers.length);
    for (let i = 0; i < 150; i++) {
      const t = pointsNearDanger[Math.floor(rng() * pointsNearDanger.length)]!;
      const side = rng() < 0.5 ? 'left' : 'right';
      const rec = world.recommended(t.id, side);
      if (!rec) continue;
      const q: QuestionOf<'needle'> = {
        id: 'n',
        type: 'needle',
        triggerPointId: t.id,
        side,
        toleranceMm: 100,
      };
      const jitter: BodyVec3 = [(rng() - 0.5) * 0.8, (rng() - 0.5) * 0.8, (rng() - 0.5) * 0.8];
      const direction = norm(add(rec.direction, jitter));
      const depthMm = 30 + Math.round(rng() * 70);
      let sim;
      try {
        sim = simulateNeedle(world.body, { entry: rec.entry, direction, depthMm });
      } catch {
        continue;
      }
      const r = scoreAnswer(world, q, {
        questionId: 'n',
        type: 'needle',
        entry: rec.entry,
        direction,
        depthMm,
      });
      const p = world.place(t.id, side)!;
      const judged = judgeForPoint(ruleSubjectFor(world.body.index, t.needling, side, p), sim);
      if (sim.entered) {
        failures++;
        expect(r.score).toBe(0);
        expect(r.feedback.join(' ')).toMatch(/entered the .* at \d+ mm/);
      } else if (judged.rule.breaches.some((b) => b.severity === 'unsafe')) {
        // aimed along a direction the point's rule forbids, at a danger: fails too
        expect(r.score).toBe(0);
        expect(r.feedback.join(' ')).toMatch(/rule forbids, at a danger/);
      } else expect(r.score).toBeGreaterThan(0); // tolerance 100 mm: every safe needle earns some
    }
    expect(failures).toBeGreaterThan(5);
  });

  it('a needle within the caution margin keeps part of its marks', () => {
    expect(CAUTION_FACTOR).toBeGreaterThan(0);
    expect(CAUTION_FACTOR).toBeLessThan(1);
  });

  it('paint the zone: essential full, spillover half, wrong regions cost', () => {
    const q: QuestionOf<'paint-zone'> = {
      id: 'p',
      type: 'paint-zone',
      triggerPointId: 'upper-trapezius-trp1',
      side: 'right',
    };
    const z = world.zone(q.triggerPointId, q.side);
    expect(z.essential.length).toBeGreaterThan(1);
    const score = (regions: string[]) =>
      scoreAnswer(world, q, { questionId: 'p', type: 'paint-zone', regions }).score;
    expect(score([...z.essential])).toBe(1);
    const half = score(z.essential.slice(0, 1));
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(1);
    const wrong = world.catalog.regions
      .map((r) => r.id)
      .filter((r) => !z.essential.includes(r) && !z.spillover.includes(r));
    expect(score(wrong.slice(0, 5))).toBe(0);
    expect(score([...z.essential, ...wrong.slice(0, 3)])).toBeLessThan(1);
    if (z.spillover.length) {
      const withSpill = score([...z.essential, ...z.spillover]);
      expect(withSpill).toBeLessThan(1);
      expect(withSpill).toBeGreaterThan(
        score([...z.essential, ...wrong.slice(0, z.spillover.length)]),
      );
    }
  });

  it('pick the trigger points: the lookup engine decides, scored by precision and recall', () => {
    const quiz = generateQuiz(world, { seed: 13, count: 8, types: ['pick-trigger-points'] });
    for (const q of oneOf(quiz, 'pick-trigger-points')) {
      const expected = expectedPicks(world, q);
      const ranked = lookup(world.lookup, q.painRegions, { limit: 1000 });
      for (const e of expected) {
        const c = ranked.find((x) => `${x.triggerPointId}:${x.side}` === e)!;
        expect(c.score).toBeGreaterThanOrEqual(EXAMINE_THRESHOLD);
      }
      const s = (picks: string[]) =>
        scoreAnswer(world, q, { questionId: q.id, type: 'pick-trigger-points', picks }).score;
      expect(s(expected)).toBe(1);
      expect(s([...q.choices])).toBeLessThan(1); // over-picking costs precision
      expect(s(q.choices.filter((c) => !expected.includes(c)))).toBe(0);
    }
  });

  it('structure at risk: the key is the danger the needle enters first, or the nearest one', () => {
    const quiz = generateQuiz(world, { seed: 14, count: 10, types: ['structure-at-risk'] });
    expect(quiz.questions.length).toBeGreaterThan(5);
    for (const q of oneOf(quiz, 'structure-at-risk')) {
      const sim = simulateNeedle(world.body, {
        entry: q.needle.entry,
        direction: q.needle.direction,
        depthMm: q.needle.depthMm,
      });
      const firstDanger = sim.layers.find((l) =>
        ['pleura', 'lung', 'nerve', 'artery', 'vein', 'organ'].includes(l.kind),
      );
      const key = structureAtRisk(world, q.needle).structureId;
      expect(key).toBe(firstDanger ? firstDanger.structure : sim.nearestDanger!.structure);
      expect(q.choices).toContain(key);
      expect(new Set(q.choices).size).toBe(q.choices.length);
    }
  });

  it('refuses an answer to another question', () => {
    const quiz = generateQuiz(world, { seed: 15, count: 2, types: ['locate', 'paint-zone'] });
    const [a, b] = quiz.questions;
    expect(() =>
      scoreAnswer(world, a!, { questionId: b!.id, type: 'paint-zone', regions: [] }),
    ).toThrow(/does not fit/);
  });
});

describe('sessions (TestQuiz)', () => {
  it('practice: feedback after each answer; an answered question stays answered', () => {
    const tq = TestQuiz.generate(
      world,
      { seed: 31, count: 4, types: ['locate'] },
      { mode: 'practice' },
    );
    const [q1, q2] = tq.session.questions;
    tq.answerWith<AnswerOf<'locate'>>(q1!.id, (p) => ({
      ...p,
      point: add(p.point, [0, 0.03, 0]),
    }))
      .expectScoreBelow(q1!.id, 1)
      .expectFeedback(q1!.id, /mm along the skin/)
      .expectFeedback(q1!.id, /caudal/)
      .answerPerfectly(q1!.id)
      .expectRefused(/already answered/)
      .expectScoreBelow(q1!.id, 1)
      .answerPerfectly(q2!.id)
      .expectScore(q2!.id, 1)
      .finish()
      .expectSummary((s) => {
        expect(s.total).toBe(4);
        expect(s.correct).toBeLessThanOrEqual(2);
        expect(s.byType).toEqual([{ type: 'locate', count: 4, score: s.score }]);
        expect(s.weakestMuscles.length).toBeGreaterThan(0);
      });
  });

  it('exam: no feedback until the end, answers may change, the time limit ends it', () => {
    const tq = TestQuiz.generate(
      world,
      { seed: 32, count: 3, types: ['name-muscle'] },
      { mode: 'exam', timeLimitMinutes: 1 },
    );
    const [q1, q2, q3] = tq.session.questions.map((q) => q.id);
    tq.answerWith<AnswerOf<'name-muscle'>>(q1!, (p) => ({ ...p, muscleId: 'soleus' }))
      .expectNoResult(q1!)
      .answerPerfectly(q1!)
      .answerPerfectly(q2!)
      .wait(30_000)
      .expectFinished(false)
      .wait(31_000)
      .expectFinished(true)
      .expectScore(q1!, 1)
      .expectScore(q2!, 1)
      .expectScore(q3!, 0)
      .expectFeedback(q3!, /Not answered/)
      .answerPerfectly(q3!)
      .expectRefused(/finished/)
      .expectSummary((s) => expect(s.correct).toBe(2));
  });

  it('weakest muscles and areas come lowest first', () => {
    const tq = TestQuiz.generate(
      world,
      { seed: 33, count: 6, types: ['paint-zone'] },
      { mode: 'exam' },
    );
    const [q1, ...rest] = tq.session.questions;
    for (const q of rest) tq.answerPerfectly(q.id);
    tq.answer({ questionId: q1!.id, type: 'paint-zone', regions: [] }).finish();
    const muscle = world.triggerPoint((q1 as QuestionOf<'paint-zone'>).triggerPointId)!.muscleId;
    tq.expectSummary((s) => {
      expect(s.weakestMuscles[0]!.muscleId).toBe(muscle);
      expect(s.weakestAreas[0]!.area).toBe(areaOfMuscle(muscle));
    });
  });
});
