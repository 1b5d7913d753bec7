/**
 * Importing quiz files (src/domain/quiz/file.ts): files come from outside, so every refusal names
 * the file, the place in it and the problem, and nothing else can come out of the parser: a
 * seeded fuzz of ~2000 mutated files gets either a quiz the schema and the catalog accept or a
 * QuizFileError, never another error, never a hang, and leaves Object.prototype alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/domain/catalog/node.ts';
import { mulberry32 } from '../../../src/domain/random.ts';
import {
  catalogProblems,
  parseAnswersFile,
  parseQuizFile,
  QuizFileError,
  quizToText,
} from '../../../src/domain/quiz/file.ts';
import { generateQuiz } from '../../../src/domain/quiz/generate.ts';
import { nameMuscleKey } from '../../../src/domain/quiz/nameMuscle.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import { scoreQuiz } from '../../../src/domain/quiz/score.ts';
import {
  answerSchema,
  MAX_QUIZ_FILE_BYTES,
  questionSchema,
  quizSchema,
  type QuestionOf,
  type Quiz,
} from '../../../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../../../src/domain/quiz/world.ts';
import { jsonFuzzer, prototypeKeys, type Json, type JsonObject } from '../../helpers/jsonFuzz.ts';

const FILE = 'class-quiz.json';

let world: QuizWorld;
let structureIds: ReadonlySet<string>;
let quiz: Quiz;
let text: string;
beforeAll(() => {
  world = loadQuizWorldFromDisk();
  structureIds = new Set(world.body.structures.keys());
  // every type, hard (the most choices), so every field of the format is present
  quiz = generateQuiz(world, { seed: 21, count: 12, difficulty: 'hard', mode: 'exam' });
  text = quizToText(quiz);
});

const parse = (t: string) => parseQuizFile(t, FILE, world.catalog, structureIds);

/** A plain-data copy of the quiz to change. */
const doc = () => JSON.parse(text) as { [k: string]: Json } & { questions: Record<string, Json>[] };
const indexOf = (type: string) => quiz.questions.findIndex((q) => q.type === type);

/** The QuizFileError a text is refused with. */
function refusal(t: string): QuizFileError {
  try {
    parse(t);
  } catch (err) {
    expect(err).toBeInstanceOf(QuizFileError);
    return err as QuizFileError;
  }
  throw new Error('the file was accepted');
}

describe('quiz files: what is accepted', () => {
  it('a generated quiz reads back the same, with every question type', () => {
    expect(new Set(quiz.questions.map((q) => q.type)).size).toBe(6);
    expect(parse(text)).toEqual(quiz);
    expect(parse(quizToText(parse(text)))).toEqual(quiz);
  });

  it('an instructor prompt with HTML is kept as plain text, neither stripped nor interpreted', () => {
    const d = doc();
    const html =
      '<img src=x onerror="alert(1)"><b>Where</b> is &amp; the <script>x()</script> point?';
    d.questions[0]!.prompt = html;
    d.description = '<a href="javascript:alert(1)">notes</a>';
    const q = parse(JSON.stringify(d));
    expect(q.questions[0]!.prompt).toBe(html);
    expect(q.description).toBe('<a href="javascript:alert(1)">notes</a>');
  });

  it('keys in any order, and JSON whitespace, make no difference', () => {
    const d = doc();
    const reversed = Object.fromEntries(Object.entries(d).reverse());
    expect(parse(JSON.stringify(reversed))).toEqual(quiz);
    expect(parse(`\n\t ${JSON.stringify(d)} \r\n`)).toEqual(quiz);
  });
});

describe('quiz files: each refusal names the file and the place', () => {
  const cases: [string, (d: ReturnType<typeof doc>) => void, RegExp][] = [
    [
      'an unknown trigger point id',
      (d) => {
        d.questions[indexOf('locate')]!.triggerPointId = 'deltoid-trp9';
      },
      /questions\[\d+\]\.triggerPointId: no trigger point "deltoid-trp9" in the catalog/,
    ],
    [
      'name-muscle choices lacking the right muscle (an exam: the zone has no right choice)',
      (d) => {
        const i = indexOf('name-muscle');
        const key = nameMuscleKey(world.catalog, quiz.questions[i] as QuestionOf<'name-muscle'>);
        const right = key.ok ? key.muscleId : '';
        const choices = d.questions[i]!.choices as string[];
        choices[choices.indexOf(right)] = right === 'soleus' ? 'masseter' : 'soleus';
      },
      /questions\[\d+\]\.zone: no choice has a trigger point whose zone on the (left|right) side is this one/,
    ],
    [
      'name-muscle choices lacking the right muscle (the practice form)',
      (d) => {
        const i = indexOf('name-muscle');
        const q = d.questions[i]!;
        delete q.zone;
        q.triggerPointId = 'upper-trapezius-trp1';
        q.choices = ['masseter', 'soleus'];
      },
      /questions\[\d+\]\.choices: must include the trigger point's muscle "upper-trapezius"/,
    ],
    [
      'a muscle choice the catalog lacks',
      (d) => {
        (d.questions[indexOf('name-muscle')]!.choices as string[]).push('musculus-imaginarius');
      },
      /questions\[\d+\]\.choices\[\d\]: no muscle "musculus-imaginarius" in the catalog/,
    ],
    [
      'a pain region the catalog lacks',
      (d) => {
        (d.questions[indexOf('pick-trigger-points')]!.painRegions as string[]).push(
          'elbow-of-mars',
        );
      },
      /questions\[\d+\]\.painRegions\[\d+\]: no region "elbow-of-mars" in the catalog/,
    ],
    [
      'an expected trigger point that is not among the choices',
      (d) => {
        d.questions[indexOf('pick-trigger-points')]!.expected = ['masseter-trp1:left'];
      },
      /questions\[\d+\]\.expected\[0\]: "masseter-trp1:left" is not among the choices/,
    ],
    [
      'a structure the model lacks',
      (d) => {
        (d.questions[indexOf('structure-at-risk')]!.choices as string[])[0] = 'heart-of-gold';
      },
      /questions\[\d+\]\.choices\[0\]: no structure "heart-of-gold" in the model/,
    ],
    [
      'duplicate question ids',
      (d) => {
        d.questions[3]!.id = d.questions[1]!.id!;
      },
      /questions\[3\]\.id: duplicate question id "q2"/,
    ],
    [
      'a __proto__ key',
      (d) => {
        Object.defineProperty(d.questions[0]!, '__proto__', {
          value: { polluted: true },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      },
      /questions\[0\]: Unrecognized key: "__proto__"/,
    ],
    [
      'an unknown key',
      (d) => {
        d.answerKey = { q1: 'masseter' };
      },
      /\(root\): Unrecognized key: "answerKey"/,
    ],
    [
      'a prompt over 500 characters',
      (d) => {
        d.questions[2]!.prompt = 'x'.repeat(501);
      },
      /questions\[2\]\.prompt: Too big: expected string to have <=500 characters/,
    ],
    [
      'a title over 120 characters',
      (d) => {
        d.title = 't'.repeat(121);
      },
      /title: Too big/,
    ],
    [
      'a tolerance out of range',
      (d) => {
        d.questions[indexOf('locate')]!.toleranceMm = 1000;
      },
      /questions\[\d+\]\.toleranceMm: Too big: expected number to be <=100/,
    ],
    [
      'a tolerance written as "NaN"',
      (d) => {
        d.questions[indexOf('needle')]!.toleranceMm = 'NaN';
      },
      /questions\[\d+\]\.toleranceMm: Invalid input: expected number, received string/,
    ],
    [
      'a NaN that JSON.stringify turned into null',
      (d) => {
        d.questions[indexOf('needle')]!.toleranceMm = JSON.parse(JSON.stringify(NaN)) as null;
      },
      /questions\[\d+\]\.toleranceMm: Invalid input: expected number, received null/,
    ],
    [
      'a needle entry outside the body frame',
      (d) => {
        const n = d.questions[indexOf('structure-at-risk')]!.needle as { entry: number[] };
        n.entry[1] = 4;
      },
      /questions\[\d+\]\.needle\.entry\[1\]: Too big: expected number to be <=3/,
    ],
    [
      'a zero needle direction',
      (d) => {
        (d.questions[indexOf('structure-at-risk')]!.needle as { direction: number[] }).direction = [
          0, 0, 0,
        ];
      },
      /questions\[\d+\]\.needle\.direction: a non-zero direction/,
    ],
    [
      'a seed that is not a whole number',
      (d) => {
        d.seed = 1.5;
      },
      /seed: Invalid input: expected int, received number/,
    ],
    [
      'an id that is not kebab-case',
      (d) => {
        d.questions[indexOf('paint-zone')]!.triggerPointId = 'Masseter TrP1';
      },
      /questions\[\d+\]\.triggerPointId: a kebab-case id/,
    ],
    [
      'an unknown question type',
      (d) => {
        d.questions[0]!.type = 'essay';
      },
      /questions\[0\]\.type: /,
    ],
    [
      'no questions',
      (d) => {
        d.questions = [];
      },
      /questions: Too small/,
    ],
    [
      'another format',
      (d) => {
        d.format = 'needlewise-answers';
      },
      /format: Invalid input: expected "needlewise-quiz"/,
    ],
  ];
  for (const [what, change, problem] of cases)
    it(what, () => {
      const d = doc();
      change(d);
      const err = refusal(JSON.stringify(d));
      expect(err.file).toBe(FILE);
      expect(err.message.startsWith(`${FILE}: `)).toBe(true);
      expect(err.message).toMatch(problem);
    });

  it('a number too large for a double (1e400 reads as Infinity)', () => {
    const t = text.replace(/"toleranceMm": \d+/, '"toleranceMm": 1e400');
    expect(refusal(t).message).toMatch(/questions\[\d+\]\.toleranceMm: /);
  });

  it('a __proto__ key written in the file itself, at the top', () => {
    const t = text.replace('{', '{\n  "__proto__": { "polluted": true },');
    expect(refusal(t).message).toMatch(/\(root\): Unrecognized key: "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file over MAX_QUIZ_FILE_BYTES, counted in UTF-8 bytes, before it is parsed', () => {
    const padded = text + ' '.repeat(MAX_QUIZ_FILE_BYTES - text.length + 1);
    expect(refusal(padded).message).toBe(
      `${FILE}: (file): ${MAX_QUIZ_FILE_BYTES + 1} bytes is more than the ${MAX_QUIZ_FILE_BYTES} bytes allowed`,
    );
    // fewer characters than the limit, more bytes: three bytes each
    const euros = text + ' '.repeat(10) + '€'.repeat(Math.ceil(MAX_QUIZ_FILE_BYTES / 3));
    expect(euros.length).toBeLessThan(MAX_QUIZ_FILE_BYTES);
    expect(refusal(euros).message).toMatch(/^class-quiz\.json: \(file\): \d+ bytes is more than/);
  });

  it('a file that is not JSON', () => {
    for (const t of ['', 'quiz', '<html><body>quiz</body></html>', text.slice(0, 200), '{"a":1}}'])
      expect(refusal(t).message).toMatch(/^class-quiz\.json: \(file\): not JSON \(/);
  });

  it('JSON that is not an object', () => {
    for (const t of ['null', '42', '"quiz"', '[]', 'true'])
      expect(refusal(t).message).toMatch(/^class-quiz\.json: \(root\): Invalid input/);
  });

  it('many problems: the first five, and how many more', () => {
    const d = doc();
    for (const q of d.questions) q.prompt = 'x'.repeat(600);
    expect(refusal(JSON.stringify(d)).message).toMatch(/; and 7 more$/);
  });
});

describe('docs/quiz-format.md', () => {
  // its examples are real: generated by `needlewise quiz --seed 2 --count 6 --difficulty easy`
  // and scored with `needlewise score`; when the model or the catalog changes them, regenerate
  const md = readFileSync(join(REPO_ROOT, 'docs', 'quiz-format.md'), 'utf8');
  const blocks = [...md.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((m) => {
    try {
      return [JSON.parse(m[1]!) as Record<string, unknown>];
    } catch {
      return []; // the shortened top-level sketch
    }
  });

  it('each question example is a question of the generated quiz, and the answers file scores as stated', () => {
    const generated = generateQuiz(world, { seed: 2, count: 6, difficulty: 'easy' });
    // `--mode exam`: the same questions, the name-muscle one showing its zone
    const exam = generateQuiz(world, { seed: 2, count: 6, difficulty: 'easy', mode: 'exam' });
    const questions = blocks.filter((b) => 'type' in b && 'id' in b);
    expect([...new Set(questions.map((q) => q.type))].sort()).toEqual(
      [...new Set(generated.questions.map((q) => q.type))].sort(),
    );
    for (const q of questions) {
      expect(questionSchema.safeParse(q).success).toBe(true);
      expect([...generated.questions, ...exam.questions]).toContainEqual(q);
    }
    const examForm = questions.filter((q) => 'zone' in q);
    expect(examForm).toHaveLength(1);
    expect(exam.questions).toContainEqual(examForm[0]);
    expect(JSON.stringify(examForm[0])).not.toMatch(/trp/);
    for (const a of blocks.filter((b) => 'questionId' in b))
      expect(answerSchema.safeParse(a).success, JSON.stringify(a)).toBe(true);
    const answersDoc = blocks.find((b) => b.format === 'needlewise-answers')!;
    const answers = parseAnswersFile(JSON.stringify(answersDoc), 'answers.json', generated);
    const { results, summary } = scoreQuiz(world, generated.questions, answers.answers);
    const scores = Object.fromEntries(results.map((r) => [r.type, r.score]));
    // the scores the page states; the locate one (42 mm along the skin) within a few mm
    expect(scores).toMatchObject({
      'paint-zone': 0.857,
      'pick-trigger-points': 0.667,
      'structure-at-risk': 0,
      'name-muscle': 1,
      needle: 1,
    });
    expect(scores.locate).toBeGreaterThan(0.62);
    expect(scores.locate).toBeLessThan(0.71);
    expect(summary).toMatchObject({ correct: 3, total: 6 });
    // the exam form of the same quiz scores the same answers the same
    expect(scoreQuiz(world, exam.questions, answers.answers).summary).toEqual(summary);
  });

  it("the instructor's own quiz is a valid file", () => {
    const own = blocks.find((b) => b.format === 'needlewise-quiz')!;
    expect(own.title).toBe('Shoulder girdle, week 3');
    expect(parse(JSON.stringify(own)).questions).toHaveLength(2);
  });
});

/** Fuzz: seeded mutations of a valid quiz file. */
describe('quiz files: fuzz', () => {
  let before: string[];
  beforeAll(() => {
    before = prototypeKeys();
  });
  afterAll(() => {
    // nothing was added to Object.prototype by any of the files read
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('~2000 mutated files: a valid quiz or a QuizFileError naming the file and a path, nothing else', () => {
    const rng = mulberry32(20_260_301);
    const fuzz = jsonFuzzer(rng, {
      strings: ['q1', 'masseter', 'left'],
      keys: ['id', 'type'],
      numbers: [4294967296, 3, 100],
    });
    const { int, choose } = fuzz;
    const treeMutations: ((root: JsonObject) => void)[] = [
      ...fuzz.treeMutations,
      // swap two questions
      (root) => {
        const qs = root.questions;
        if (!Array.isArray(qs) || qs.length < 2) return;
        const i = int(qs.length);
        const j = int(qs.length);
        [qs[i], qs[j]] = [qs[j]!, qs[i]!];
      },
    ];
    const textMutations: ((t: string) => string)[] = [
      ...fuzz.textMutations,
      // a key written twice (JSON.parse keeps the last)
      (t) =>
        t.replace(
          /"type": "([a-z-]+)"/,
          (m) => `${m}, "type": "${choose(['locate', 'essay', 'needle'])}"`,
        ),
    ];

    const pathRe = /^(\(file\)|\(root\)|\(top level\)|[A-Za-z]\w*(\[\d+\]|\.[A-Za-z]\w*)*): /;
    const t0 = performance.now();
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 2000; n++) {
      const t = fuzz.mutant(doc, text, treeMutations, textMutations);
      let result: Quiz;
      try {
        result = parse(t);
      } catch (err) {
        if (!(err instanceof QuizFileError))
          throw new Error(`mutation ${n}: ${String(err)} for ${t.slice(0, 300)}`, { cause: err });
        expect(err.file).toBe(FILE);
        expect(err.message.startsWith(`${FILE}: `), err.message).toBe(true);
        expect(err.problems.length).toBeGreaterThan(0);
        for (const p of err.problems) expect(p, `mutation ${n}`).toMatch(pathRe);
        refused++;
        continue;
      }
      expect(quizSchema.safeParse(result).success, `mutation ${n}`).toBe(true);
      expect(catalogProblems(result, world.catalog), `mutation ${n}`).toEqual([]);
      // a parsed quiz holds no inherited-looking own keys
      for (const q of result.questions) {
        expect(Object.hasOwn(q, '__proto__')).toBe(false);
        expect(Object.getPrototypeOf(q)).toBe(Object.prototype);
      }
      accepted++;
    }
    // both outcomes occur (mutations that keep a file valid: swapped questions, -0, …)
    expect(refused).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(10);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
