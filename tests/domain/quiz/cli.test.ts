/**
 * `needlewise quiz` and `needlewise score` (CONTRACTS §3): run in process through the command
 * registry with main's error handling, and a few end to end through `src/cli/main.ts` for the
 * real exit codes and streams.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../../src/cli/commands.ts';
import { CliError } from '../../../src/cli/errors.ts';
import { loadQuizWorldFromDisk } from '../../../src/domain/quiz/node.ts';
import { simulateNeedle } from '../../../src/domain/needle/simulate.ts';
import { perfectAnswer, RULE_BREACH_CAP } from '../../../src/domain/quiz/score.ts';
import {
  ANSWERS_FORMAT,
  MAX_QUIZ_FILE_BYTES,
  QUIZ_FORMAT_VERSION,
  quizSchema,
  type Answer,
  type Quiz,
} from '../../../src/domain/quiz/schema.ts';
import type { QuizWorld } from '../../../src/domain/quiz/world.ts';

afterEach(() => vi.restoreAllMocks());

/** Runs a command as `main` does: its exit code, and what it wrote on stdout and stderr. */
async function cli(name: 'quiz' | 'score', args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  let code: number;
  try {
    code = await COMMANDS[name]!.run!(args);
  } catch (err) {
    // main's handling: the message on stderr, CliError's exit code, 1 for anything else
    stderr += `needlewise ${name}: ${(err as Error).message}\n`;
    code = err instanceof CliError ? err.exitCode : 1;
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout, stderr };
}

/** The real command line, in a child process. */
function spawnCli(args: readonly string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let world: QuizWorld;
let dir: string;
beforeAll(() => {
  world = loadQuizWorldFromDisk();
  dir = mkdtempSync(join(tmpdir(), 'needlewise-quiz-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const answersText = (answers: readonly unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: ANSWERS_FORMAT, version: QUIZ_FORMAT_VERSION, ...extra, answers });

describe('needlewise quiz', () => {
  it('--seed 7 --count 6 --json twice prints the same quiz file, which the schema accepts', async () => {
    const a = await cli('quiz', ['--seed', '7', '--count', '6', '--json']);
    const b = await cli('quiz', ['--seed', '7', '--count', '6', '--json']);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(b.stdout).toBe(a.stdout);
    const r = quizSchema.safeParse(JSON.parse(a.stdout));
    expect(r.success).toBe(true);
    expect(r.data!.questions).toHaveLength(6);
    expect(r.data!.seed).toBe(7);
  });

  it('prints the same quiz from a fresh process (nothing depends on what was computed before)', async () => {
    const inProcess = await cli('quiz', ['--seed', '7', '--count', '6', '--json']);
    const child = spawnCli(['quiz', '--seed', '7', '--count', '6', '--json']);
    expect(child.code).toBe(0);
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe(inProcess.stdout);
  });

  it('--types locate --count 3 gives three locate questions', async () => {
    const r = await cli('quiz', ['--seed', '11', '--count', '3', '--types', 'locate', '--json']);
    expect(r.code).toBe(0);
    const quiz = JSON.parse(r.stdout) as Quiz;
    expect(quiz.questions).toHaveLength(3);
    expect(quiz.questions.every((q) => q.type === 'locate')).toBe(true);
  });

  it('--difficulty and --mode reach the file; --regions keeps to the area', async () => {
    const r = await cli('quiz', [
      '--seed',
      '3',
      '--count',
      '4',
      '--types',
      'name-muscle, locate',
      '--regions',
      'leg-foot',
      '--difficulty',
      'hard',
      '--mode',
      'exam',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const quiz = JSON.parse(r.stdout) as Quiz;
    expect(quiz.difficulty).toBe('hard');
    expect(quiz.mode).toBe('exam');
    for (const q of quiz.questions) {
      expect(['name-muscle', 'locate']).toContain(q.type);
      if (q.type === 'locate') expect(q.toleranceMm).toBe(10);
      if (q.type === 'name-muscle') expect(q.choices).toHaveLength(5);
    }
  });

  it('--mode exam: name-muscle questions carry their zone, not their trigger point; score keys them', async () => {
    const args = ['--seed', '4', '--count', '6', '--types', 'name-muscle', '--mode', 'exam'];
    const r = await cli('quiz', [...args, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/triggerPointId|-trp\d/);
    const quiz = JSON.parse(r.stdout) as Quiz;
    expect(quiz.questions.length).toBeGreaterThan(1);
    // the same quiz in practice form names the points: the exam scores the same answers the same
    const practice = JSON.parse(
      (await cli('quiz', [...args.slice(0, -2), '--json'])).stdout,
    ) as Quiz;
    const perfect = practice.questions.map((q) => perfectAnswer(world, q)!);
    const wrong = practice.questions.map((q) => ({
      ...perfectAnswer(world, q)!,
      muscleId: (q as { choices: string[] }).choices.find(
        (c) => c !== (perfectAnswer(world, q) as { muscleId: string }).muscleId,
      )!,
    }));
    const examFile = write('exam.json', r.stdout);
    for (const [name, answers, score] of [
      ['perfect.json', perfect, 1],
      ['wrong.json', wrong, 0],
    ] as const) {
      const s = await cli('score', [
        '--quiz',
        examFile,
        '--answers',
        write(name, answersText(answers)),
        '--json',
      ]);
      expect(s.code, s.stderr).toBe(0);
      expect((JSON.parse(s.stdout) as { score: number }).score).toBe(score);
    }
    // in words: the regions painted, the muscles offered, and no trigger point
    const words = await cli('quiz', args);
    expect(words.stdout).toMatch(/Pain in: /);
    expect(words.stdout).not.toMatch(/TrP|-trp\d/);
  });

  it('without --json lists the questions in words, with the ids an answers file needs', async () => {
    const r = await cli('quiz', ['--seed', '7', '--count', '6']);
    expect(r.code).toBe(0);
    const quiz = JSON.parse((await cli('quiz', ['--seed', '7', '--count', '6', '--json'])).stdout);
    for (const q of (quiz as Quiz).questions) {
      expect(r.stdout).toContain(`[${q.id}]`);
      if ('choices' in q) for (const c of q.choices) expect(r.stdout).toContain(`[${c}]`);
    }
    expect(r.stdout).toMatch(/^Quiz 7 \(medium\): 6 questions/);
  });

  for (const [args, reason] of [
    [['--seed', '7', '--count', '0'], /count must be an integer from 1 to 200, got 0/],
    [['--seed', '7', '--count', '201'], /count must be an integer from 1 to 200, got 201/],
    [['--seed', '7', '--count', 'many'], /--count expects a whole number, got "many"/],
    [['--seed', '7', '--count', '2.5'], /--count expects a whole number, got "2.5"/],
    [['--seed', '-1', '--count', '3'], /seed must be an integer from 0 to 4294967295/],
    [
      ['--seed', '7', '--count', '3', '--types', 'locate,spelling'],
      /unknown question type\(s\) spelling/,
    ],
    [['--seed', '7', '--count', '3', '--types', ','], /types is empty/],
    [
      ['--seed', '7', '--count', '3', '--regions', 'elbow-of-mars'],
      /unknown region\(s\) elbow-of-mars/,
    ],
    [
      ['--seed', '7', '--count', '3', '--difficulty', 'insane'],
      /--difficulty expects easy, medium, hard, got "insane"/,
    ],
    [
      ['--seed', '7', '--count', '3', '--mode', 'test'],
      /--mode expects practice, exam, got "test"/,
    ],
    [['--count', '3'], /missing --seed\n.*usage: needlewise quiz/s],
    [['--seed', '7'], /missing --count\n.*usage: needlewise quiz/s],
    [['--seed', '7', '--count', '3', '--bogus'], /unknown option "--bogus"/],
  ] as const) {
    it(`quiz ${args.join(' ')} exits 2 with the reason on stderr and nothing on stdout`, async () => {
      const r = await cli('quiz', args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).toMatch(/^needlewise quiz: /);
    });
  }

  it('end to end: a bad --count exits 2 with one line on stderr', () => {
    const r = spawnCli(['quiz', '--seed', '7', '--count', '0', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('needlewise quiz: count must be an integer from 1 to 200, got 0\n');
  });
});

describe('needlewise score', () => {
  let quizFile: string;
  let quiz: Quiz;
  let half: Answer[];
  beforeAll(async () => {
    const r = await cli('quiz', ['--seed', '7', '--count', '12', '--json']);
    quizFile = write('quiz.json', r.stdout);
    quiz = JSON.parse(r.stdout) as Quiz;
    half = quiz.questions.filter((_, i) => i % 2 === 0).map((q) => perfectAnswer(world, q)!);
  });

  it('gives full marks to perfect answers and 0 to the questions left unanswered', async () => {
    const answers = write('half.json', answersText(half, { quizTitle: quiz.title }));
    const r = await cli('score', ['--quiz', quizFile, '--answers', answers, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as {
      score: number;
      correct: number;
      total: number;
      results: {
        questionId: string;
        type: string;
        score: number;
        correct: boolean;
        answered: boolean;
        feedback: string[];
        key: { type: string };
      }[];
      summary: { score: number; correct: number; total: number };
    };
    expect(doc.total).toBe(12);
    expect(doc.correct).toBe(6);
    expect(doc.score).toBe(0.5);
    expect(doc.summary).toMatchObject({ score: 0.5, correct: 6, total: 12 });
    expect(doc.results.map((x) => x.questionId)).toEqual(quiz.questions.map((q) => q.id));
    const answered = new Set(half.map((a) => a.questionId));
    for (const res of doc.results) {
      expect(res.type).toBe(quiz.questions.find((q) => q.id === res.questionId)!.type);
      expect(res.key.type).toBe(res.type);
      expect(res.feedback.length).toBeGreaterThan(0);
      if (answered.has(res.questionId)) {
        expect(res, res.questionId).toMatchObject({ score: 1, correct: true, answered: true });
      } else {
        expect(res, res.questionId).toMatchObject({ score: 0, correct: false, answered: false });
        expect(res.feedback[0]).toBe('Not answered.');
      }
    }
  });

  it('without --json prints a table and the summary', async () => {
    const answers = write('half-text.json', answersText(half));
    const r = await cli('score', ['--quiz', quizFile, '--answers', answers]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${quiz.title}: 6 of 12 answered`);
    expect(r.stdout).toMatch(/question\s+type\s+score\s+right/);
    expect(r.stdout).toMatch(/^Score: 50 %, 6 of 12 right$/m);
  });

  it('an empty answers file scores 0 everywhere', async () => {
    const answers = write('none.json', answersText([]));
    const r = await cli('score', ['--quiz', quizFile, '--answers', answers, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ score: 0, correct: 0, total: 12 });
  });

  it('notes on stderr when the answers were written for another quiz, and still scores', async () => {
    const answers = write('other.json', answersText(half, { quizTitle: 'Another quiz' }));
    const r = await cli('score', ['--quiz', quizFile, '--answers', answers, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: .* was written for "Another quiz"/);
    expect(JSON.parse(r.stdout)).toMatchObject({ correct: 6 });
  });

  it('a needle long enough to reach a danger ahead keeps 80 %, and the reason names the needle, not a margin', async () => {
    const r = await cli('quiz', ['--seed', '5', '--count', '40', '--types', 'needle', '--json']);
    const needles = (JSON.parse(r.stdout) as Quiz).questions;
    const long = needles.flatMap((q) => {
      const a = perfectAnswer(world, q) as Extract<Answer, { type: 'needle' }>;
      const sim = simulateNeedle(world.body, { ...a, lengthMm: 100 });
      const near = sim.nearestDanger;
      const byLength =
        sim.verdict === 'caution' &&
        sim.ahead !== null &&
        near !== null &&
        Math.min(near.distanceFromPathMm, near.distanceFromTipMm) >= 5;
      return byLength ? [{ ...a, lengthMm: 100 }] : [];
    });
    expect(long.length).toBeGreaterThan(0);
    const answers = write('long-needles.json', answersText(long));
    const out = await cli('score', [
      '--quiz',
      write('needles.json', r.stdout),
      '--answers',
      answers,
      '--json',
    ]);
    const doc = JSON.parse(out.stdout) as {
      results: { questionId: string; score: number; feedback: string[] }[];
    };
    for (const a of long) {
      const res = doc.results.find((x) => x.questionId === a.questionId)!;
      // a 100 mm needle is also longer than the point's own rule allows: capped below the pass mark
      const q = needles.find((x) => x.id === a.questionId)!;
      const t = world.triggerPoint((q as { triggerPointId: string }).triggerPointId)!;
      const overLength = 100 > t.needling.needleLengthMm;
      expect(res.score).toBe(overLength ? RULE_BREACH_CAP : 0.8);
      if (overLength) expect(res.feedback.join(' ')).toMatch(/longer than the \d+ mm the catalog/);
      expect(res.feedback.join(' ')).toMatch(
        /Caution: a 100 mm needle is long enough to reach the /,
      );
      expect(res.feedback.join(' ')).not.toMatch(/shaft came within/);
    }
  });

  describe('refuses a malformed answers file, naming the file and the place in it (exit 2)', () => {
    const cases: [string, () => string, RegExp][] = [
      [
        'an answer of the wrong type for its question',
        () => {
          const q = quiz.questions[0]!;
          const other =
            q.type === 'name-muscle'
              ? { questionId: q.id, type: 'structure-at-risk', structureId: 'skin' }
              : { questionId: q.id, type: 'name-muscle', muscleId: 'masseter' };
          return answersText([other]);
        },
        /answers\[0\]\.type: question "q1" is a \S+ question, not \S+/,
      ],
      [
        'an unknown question id',
        () => answersText([{ ...half[0]!, questionId: 'q99' }]),
        /answers\[0\]\.questionId: the quiz has no question "q99"/,
      ],
      [
        'two answers to one question',
        () => answersText([half[0]!, half[0]!]),
        /answers\[1\]\.questionId: a second answer to "q1"/,
      ],
      ['broken JSON', () => answersText(half).slice(0, -7), /\(file\): not JSON/],
      [
        'a field of the wrong type',
        () => answersText([{ questionId: 'q2', type: 'paint-zone', regions: 'calf-right' }]),
        /answers\[0\]\.regions: /,
      ],
      [
        'an unknown key',
        () => answersText([{ ...half[0]!, cheat: true }]),
        /answers\[0\]: Unrecognized key: "cheat"/,
      ],
      [
        'another format',
        () => JSON.stringify({ ...JSON.parse(answersText(half)), format: 'needlewise-quiz' }),
        /format: /,
      ],
    ];
    for (const [what, text, problem] of cases)
      it(what, async () => {
        const p = write('bad-answers.json', text());
        const r = await cli('score', ['--quiz', quizFile, '--answers', p, '--json']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.startsWith(`needlewise score: ${p}: `)).toBe(true);
        expect(r.stderr).toMatch(problem);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      });
  });

  it('refuses a quiz file naming a trigger point the catalog lacks', async () => {
    const bad = structuredClone(quiz) as { questions: Record<string, unknown>[] };
    const i = bad.questions.findIndex((q) => q.type !== 'pick-trigger-points');
    bad.questions[i]!.triggerPointId = 'elbow-of-mars-trp1';
    const p = write('bad-quiz.json', JSON.stringify(bad));
    const r = await cli('score', ['--quiz', p, '--answers', write('a.json', answersText([]))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `needlewise score: ${p}: questions[${i}].triggerPointId: no trigger point "elbow-of-mars-trp1" in the catalog\n`,
    );
  });

  it('refuses a structure-at-risk choice the model lacks', async () => {
    const bad = structuredClone(quiz) as Quiz;
    const i = bad.questions.findIndex((q) => q.type === 'structure-at-risk');
    expect(i).toBeGreaterThanOrEqual(0);
    const q = bad.questions[i]! as Extract<Quiz['questions'][number], { choices: string[] }>;
    (q.choices as string[])[1] = 'heart-of-gold';
    const p = write('bad-model.json', JSON.stringify(bad));
    const r = await cli('score', ['--quiz', p, '--answers', write('a.json', answersText([]))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`questions\\[${i}\\]\\.choices\\[1\\]: no structure "heart-of-gold" in the model`),
    );
  });

  it('a missing file, a directory and a file over the size limit are one-line errors, exit 2', async () => {
    const answers = write('ok.json', answersText([]));
    const missing = join(dir, 'nowhere.json');
    const big = write('big.json', ' '.repeat(MAX_QUIZ_FILE_BYTES + 1));
    for (const [args, msg] of [
      [['--quiz', missing, '--answers', answers], `${missing}: no such file`],
      [['--quiz', quizFile, '--answers', missing], `${missing}: no such file`],
      [['--quiz', dir, '--answers', answers], `${dir}: is a directory, not a file`],
      [
        ['--quiz', quizFile, '--answers', big],
        `${big}: (file): ${MAX_QUIZ_FILE_BYTES + 1} bytes is more than the ${MAX_QUIZ_FILE_BYTES} bytes allowed`,
      ],
    ] as const) {
      const r = await cli('score', args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`needlewise score: ${msg}\n`);
    }
  });

  it('missing --quiz or --answers prints the usage, exit 2', async () => {
    const r = await cli('score', ['--quiz', quizFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /missing --answers\nusage: needlewise score --quiz FILE --answers FILE/,
    );
  });

  it('end to end: a broken answers file exits 2 with one line naming it', () => {
    const p = write('broken.json', '{"format": "needlewise-answers", "version": 1, "answers": [');
    const r = spawnCli(['score', '--quiz', quizFile, '--answers', p, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `^needlewise score: ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\(file\\): not JSON \\(.*\\)\\n$`,
      ),
    );
  });
});
