/**
 * Name-the-muscle questions in an exam carry the zone they paint, not the trigger point that
 * refers it (src/domain/quiz/nameMuscle.ts): the file gives no answer away, the key is worked
 * out from the catalog, and a zone with no right choice, or more than one, is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuizFile, QuizFileError, quizToText } from '../../../src/domain/quiz/file.ts';
import { generateQuiz } from '../../../src/domain/quiz/generate.ts';
import {
  concealedExam,
  nameMuscleKey,
  pointsWithZone,
  sameZone,
  zoneOfPoint,
} from '../../../src/domain/quiz/nameMuscle.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import { perfectAnswer, scoreAnswer } from '../../../src/domain/quiz/score.ts';
import type { QuestionOf, Quiz } from '../../../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../../../src/domain/quiz/world.ts';

let world: QuizWorld;
beforeAll(() => {
  world = loadQuizWorldFromDisk();
});

type NameMuscle = QuestionOf<'name-muscle'>;
const nameMuscles = (quiz: Quiz) =>
  quiz.questions.filter((q): q is NameMuscle => q.type === 'name-muscle');
const parse = (quiz: unknown) =>
  parseQuizFile(
    JSON.stringify(quiz),
    'exam.json',
    world.catalog,
    new Set(world.body.structures.keys()),
  );
function refusal(quiz: unknown): string {
  try {
    parse(quiz);
  } catch (err) {
    expect(err).toBeInstanceOf(QuizFileError);
    return (err as Error).message;
  }
  throw new Error('the file was accepted');
}
/** A one-question exam file. */
const exam = (q: Record<string, unknown>) => ({
  format: 'needlewise-quiz',
  version: 1,
  title: 'Exam',
  mode: 'exam',
  questions: [{ id: 'q1', type: 'name-muscle', ...q }],
});
const zoneOf = (id: string, side: 'left' | 'right') => {
  const z = zoneOfPoint(world.catalog, id, side)!;
  return { essential: [...z.essential], spillover: [...z.spillover] };
};

describe('exam files name no trigger point in a name-the-muscle question', () => {
  it('an exam (seeds 1-4, hard) carries each zone and its choices, and no trigger point id', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const quiz = generateQuiz(world, {
        seed,
        count: 12,
        types: ['name-muscle'],
        difficulty: 'hard',
        mode: 'exam',
      });
      const text = quizToText(quiz);
      expect(text).not.toMatch(/triggerPointId/);
      for (const t of world.catalog.triggerPoints) expect(text).not.toContain(t.id);
      for (const q of nameMuscles(quiz)) {
        expect(q.zone!.essential.length).toBeGreaterThan(0);
        // exactly one choice has a point of that zone on that side
        const owners = new Set(
          pointsWithZone(world.catalog, q.zone!, q.side)
            .map((p) => p.muscleId)
            .filter((m) => q.choices.includes(m)),
        );
        expect(owners.size, `seed ${seed} ${q.id}`).toBe(1);
      }
      expect(parse(quiz)).toEqual(quiz);
    }
  });

  it('the same seed as practice and as exam: the same questions, scored the same for any answer', () => {
    const options = { seed: 5, count: 12, difficulty: 'medium' as const };
    const practice = generateQuiz(world, { ...options, mode: 'practice' });
    const examQuiz = generateQuiz(world, { ...options, mode: 'exam' });
    expect(examQuiz.questions.map((q) => q.type)).toEqual(practice.questions.map((q) => q.type));
    const pairs = practice.questions.flatMap((p, i) =>
      p.type === 'name-muscle' ? [[p, examQuiz.questions[i] as NameMuscle] as const] : [],
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const [p, e] of pairs) {
      expect(e.triggerPointId).toBeUndefined();
      expect(e.choices).toEqual(p.choices);
      expect(e.zone).toEqual(zoneOf(p.triggerPointId!, p.side));
      for (const muscleId of p.choices) {
        const answer = { questionId: p.id, type: 'name-muscle' as const, muscleId };
        expect(scoreAnswer(world, e, answer)).toEqual(scoreAnswer(world, p, answer));
      }
      expect(scoreAnswer(world, e, undefined)).toEqual(scoreAnswer(world, p, undefined));
      expect(scoreAnswer(world, e, perfectAnswer(world, e)!).score).toBe(1);
    }
  });

  it('an old exam file in the practice form still loads, and the app takes it in the exam form', () => {
    const old = exam({
      triggerPointId: 'upper-trapezius-trp1',
      side: 'right',
      choices: ['levator-scapulae', 'upper-trapezius', 'masseter'],
    });
    const quiz = parse(old);
    const q = nameMuscles(quiz)[0]!;
    expect(q.triggerPointId).toBe('upper-trapezius-trp1');
    const hidden = concealedExam(world.catalog, quiz);
    expect(quizToText(hidden)).not.toContain('trp1');
    const h = nameMuscles(hidden)[0]!;
    expect(h.zone).toEqual(zoneOf('upper-trapezius-trp1', 'right'));
    expect(nameMuscleKey(world.catalog, h)).toEqual({
      ok: true,
      muscleId: 'upper-trapezius',
      triggerPointId: 'upper-trapezius-trp1',
    });
    expect(parse(hidden)).toEqual(hidden);
    // a practice quiz is left as it is
    const practice = { ...quiz, mode: 'practice' as const };
    expect(concealedExam(world.catalog, practice)).toBe(practice);
  });

  it('a zone two choices share is not concealed (the exam form would have two right answers)', () => {
    // deltoid TrP1 and pectoralis major TrP1 refer the same zone in this catalog
    expect(sameZone(zoneOf('deltoid-trp1', 'left'), zoneOf('pectoralis-major-trp1', 'left'))).toBe(
      true,
    );
    const quiz = parse(
      exam({
        triggerPointId: 'deltoid-trp1',
        side: 'left',
        choices: ['deltoid', 'pectoralis-major'],
      }),
    );
    expect(concealedExam(world.catalog, quiz)).toEqual(quiz);
  });
});

describe('exam-form questions the reader refuses, naming the place', () => {
  it('a zone no choice refers', () => {
    const message = refusal(
      exam({
        zone: zoneOf('upper-trapezius-trp1', 'right'),
        side: 'right',
        choices: ['masseter', 'soleus'],
      }),
    );
    expect(message).toMatch(
      /^exam\.json: questions\[0\]\.zone: no choice has a trigger point whose zone on the right side is this one/,
    );
  });

  it('the zone of one side asked on the other', () => {
    const message = refusal(
      exam({
        zone: zoneOf('upper-trapezius-trp1', 'right'),
        side: 'left',
        choices: ['upper-trapezius', 'soleus'],
      }),
    );
    expect(message).toMatch(/questions\[0\]\.zone: no choice has a trigger point/);
  });

  it('a zone two choices refer', () => {
    const message = refusal(
      exam({
        zone: zoneOf('deltoid-trp1', 'left'),
        side: 'left',
        choices: ['soleus', 'deltoid', 'pectoralis-major'],
      }),
    );
    expect(message).toMatch(
      /questions\[0\]\.choices: more than one choice has a trigger point with the zone shown \((deltoid, pectoralis-major|pectoralis-major, deltoid)\); exactly one must/,
    );
  });

  it('a region the catalog lacks', () => {
    const message = refusal(
      exam({
        zone: { essential: ['elbow-of-mars'], spillover: [] },
        side: 'left',
        choices: ['deltoid', 'soleus'],
      }),
    );
    expect(message).toMatch(/questions\[0\]\.zone\.essential\[0\]: no region "elbow-of-mars"/);
    expect(message).not.toMatch(/no choice has/);
  });

  it('both forms at once, or neither', () => {
    expect(
      refusal(
        exam({
          triggerPointId: 'deltoid-trp1',
          zone: zoneOf('deltoid-trp1', 'left'),
          side: 'left',
          choices: ['deltoid', 'soleus'],
        }),
      ),
    ).toMatch(
      /questions\[0\]\.zone: a name-muscle question gives triggerPointId or zone, not both/,
    );
    expect(refusal(exam({ side: 'left', choices: ['deltoid', 'soleus'] }))).toMatch(
      /questions\[0\]\.triggerPointId: a name-muscle question needs triggerPointId \(practice form\) or zone \(exam form\)/,
    );
  });

  it('an empty essential zone, or an unknown key in the zone', () => {
    expect(
      refusal(exam({ zone: { essential: [], spillover: [] }, side: 'left', choices: ['a', 'b'] })),
    ).toMatch(/questions\[0\]\.zone\.essential: Too small/);
    expect(
      refusal(
        exam({
          zone: { ...zoneOf('deltoid-trp1', 'left'), triggerPointId: 'deltoid-trp1' },
          side: 'left',
          choices: ['deltoid', 'soleus'],
        }),
      ),
    ).toMatch(/questions\[0\]\.zone: Unrecognized key: "triggerPointId"/);
  });
});
