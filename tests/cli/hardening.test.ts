/**
 * "Nothing lost, nothing leaked" on the command line: endless and blocking inputs are refused
 * at once, absurd numbers and needles are refused in one line, one needle length range
 * everywhere, files saved with a byte-order mark or as UTF-16 are read, refusals stay short, and
 * control characters from files never reach the terminal raw.
 *
 * Modules that did not exist before these fixes are imported inside the tests that need them, so
 * each test stands or falls on its own.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { CliError } from '../../src/cli/errors.ts';
import { loadBodyFromDisk } from '../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../src/domain/catalog/node.ts';
import { parseQuizFile, QuizFileError } from '../../src/domain/quiz/file.ts';
import { loadQuizWorldFromDisk } from '../../src/domain/quiz/node.ts';
import {
  ANSWERS_FORMAT,
  MAX_QUIZ_FILE_BYTES,
  needleSpecSchema,
  QUIZ_FORMAT_VERSION,
  type Answer,
  type Quiz,
} from '../../src/domain/quiz/schema.ts';
import { perfectAnswer } from '../../src/domain/quiz/score.ts';
import { parseTourFile } from '../../src/domain/tours/file.ts';
import type { QuizWorld } from '../../src/domain/quiz/world.ts';

afterEach(() => vi.restoreAllMocks());

type Name = 'quiz' | 'score' | 'needle' | 'lookup' | 'catalog';

/** Runs a command in process as `main` does: exit code, stdout, stderr. */
async function cli(name: Name, args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  let code: number;
  try {
    code = await COMMANDS[name]!.run!(args);
  } catch (err) {
    stderr += `needlewise ${name}: ${(err as Error).message}\n`;
    code = err instanceof CliError ? err.exitCode : 1;
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout, stderr };
}

/** The real command line in a child process, killed after `timeout` ms. */
function spawnCli(
  args: readonly string[],
  opts: { input?: string; stdin?: number; timeout?: number } = {},
) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    ...(opts.stdin !== undefined ? { stdio: [opts.stdin, 'pipe', 'pipe'] as const } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const oneLine = (s: string) => expect(s.trimEnd().split('\n')).toHaveLength(1);

let world: QuizWorld;
let dir: string;
let quizText: string;
let quiz: Quiz;
let answersFile: string;
let quizFile: string;
beforeAll(async () => {
  world = loadQuizWorldFromDisk();
  dir = mkdtempSync(join(tmpdir(), 'needlewise-hardening-'));
  const r = await cli('quiz', ['--seed', '7', '--count', '12', '--json']);
  expect(r.code).toBe(0);
  quizText = r.stdout;
  quiz = JSON.parse(quizText) as Quiz;
  quizFile = write('quiz.json', quizText);
  answersFile = write('answers.json', answersText([]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: string | Uint8Array) {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}
const answersText = (answers: readonly unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: ANSWERS_FORMAT, version: QUIZ_FORMAT_VERSION, ...extra, answers });

describe('1. inputs that never end or never come', () => {
  it.skipIf(!existsSync('/dev/zero'))(
    'score --quiz /dev/zero is refused at once as a device, exit 2, one line',
    () => {
      const r = spawnCli(['score', '--quiz', '/dev/zero', '--answers', answersFile], {
        timeout: 30_000,
      });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'needlewise score: /dev/zero: is a device, not a regular file (give a file, or - for standard input)\n',
      );
      expect(r.ms).toBeLessThan(20_000);
    },
  );

  // made when the tests are collected, so the test can be skipped where mkfifo is missing
  const fifoDir = mkdtempSync(join(tmpdir(), 'needlewise-fifo-'));
  afterAll(() => rmSync(fifoDir, { recursive: true, force: true }));
  const fifo = (() => {
    if (process.platform === 'win32') return null;
    const p = join(fifoDir, 'quiz.json');
    const made = spawnSync('mkfifo', [p]);
    return made.status === 0 ? p : null;
  })();
  it.skipIf(fifo === null)(
    'a named pipe with no writer is refused at once, not waited on for ever',
    () => {
      const r = spawnCli(['score', '--quiz', fifo!, '--answers', answersFile], {
        timeout: 30_000,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `needlewise score: ${fifo}: is a named pipe, not a regular file (give a file, or - for standard input)\n`,
      );
      expect(r.ms).toBeLessThan(20_000);
    },
  );

  it.skipIf(!existsSync('/dev/zero'))(
    'an endless standard input (- < /dev/zero) stops one byte past the limit, exit 2',
    () => {
      const fd = openSync('/dev/zero', 'r');
      try {
        const r = spawnCli(['score', '--quiz', '-', '--answers', answersFile], {
          stdin: fd,
          timeout: 30_000,
        });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
          `needlewise score: (standard input): (file): more than the ${MAX_QUIZ_FILE_BYTES} bytes allowed\n`,
        );
        expect(r.ms).toBeLessThan(20_000);
      } finally {
        closeSync(fd);
      }
    },
  );

  it('a quiz on standard input is scored as the same quiz in a file', async () => {
    const fromFile = await cli('score', ['--quiz', quizFile, '--answers', answersFile, '--json']);
    expect(fromFile.code).toBe(0);
    const r = spawnCli(['score', '--quiz', '-', '--answers', answersFile, '--json'], {
      input: quizText,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(fromFile.stdout);
  });

  it('--quiz - --answers - is refused (one standard input)', async () => {
    const r = await cli('score', ['--quiz', '-', '--answers', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot both be standard input/);
  });

  it.skipIf(!existsSync('/proc/self/maps'))(
    'a regular file that says it holds 0 bytes (/proc) is still read only to the limit',
    async () => {
      const { readInputBytes } = await import('../../src/cli/files.ts');
      expect(() => readInputBytes('/proc/self/maps', 100)).toThrow(
        '/proc/self/maps: (file): more than the 100 bytes allowed',
      );
      expect(readInputBytes('/proc/self/maps', 10_000_000).length).toBeGreaterThan(100);
    },
  );
});

describe('2. absurd needles and numbers', () => {
  const c7 = loadBodyFromDisk().manifest.landmarks['c7-spinous-process']!;
  const entry = c7.skin.join(',');
  const toward = c7.bone.join(',');

  for (const [args, reason] of [
    [
      ['--entry', '1e308,0,0', '--normal', '--depth', '10'],
      /^--entry 1e308,0,0: the entry is at least 1\.00e\+308 m from the skin; it must lie within 50 mm of it$/,
    ],
    [
      ['--entry', '1e9,1e9,1e9', '--toward', toward, '--depth', '10'],
      /^--entry 1e9,1e9,1e9: the entry is at least .* m from the skin; it must lie within 50 mm/,
    ],
    [
      ['--entry', '0,1.2,0', '--normal', '--depth', '10'],
      /^--entry 0,1\.2,0: the entry is \d+\.\d mm from the skin; it must lie within 50 mm/,
    ],
    [['--entry', ',,', '--normal', '--depth', '10'], /^--entry expects three numbers/],
    [['--entry', '1,2,', '--normal', '--depth', '10'], /^--entry expects three numbers/],
    [['--entry', '0x1,0,0', '--normal', '--depth', '10'], /^--entry expects three numbers/],
    [
      ['--entry', entry, '--normal', '--depth', ''],
      /^--depth expects millimetres from 0 to 100, got ""$/,
    ],
    [
      ['--entry', entry, '--normal', '--depth', '0x10'],
      /^--depth expects millimetres .* got "0x10"$/,
    ],
    [['--entry', entry, '--normal', '--depth', '1e999'], /^--depth expects millimetres/],
    [['--entry', entry, '--normal', '--depth', '10', '--length', '0x20'], /^--length expects/],
    [
      ['--entry', entry, '--direction', '0,0,0', '--depth', '10'],
      /^--direction: .* has no length$/,
    ],
    [['--entry', entry, '--direction', '1e999,0,0', '--depth', '10'], /^--direction expects three/],
    [
      ['--entry', entry, '--toward', entry, '--depth', '10'],
      /^--toward \S+: less than 1 mm from the entry on the skin, so no direction$/,
    ],
  ] as const) {
    it(`needle ${args.join(' ')} exits 2 with a one-line reason`, async () => {
      const r = await cli('needle', args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      expect(r.stderr.replace(/^needlewise needle: /, '').trimEnd()).toMatch(reason);
    });
  }

  it('a direction of huge components is the same direction, not an overflow to zero', async () => {
    const plain = await cli('needle', [
      '--entry',
      entry,
      '--toward',
      toward,
      '--depth',
      '20',
      '--json',
    ]);
    expect(plain.code).toBe(0);
    const d = (JSON.parse(plain.stdout) as { direction: number[] }).direction;
    const m = Math.max(...d.map(Math.abs));
    const components = d.map((x) => (x / m) * 1.79e308);
    // its length overflows: normalised the naive way, it is a zero vector
    expect(Math.hypot(...components)).toBe(Infinity);
    const huge = components.join(',');
    const r = await cli('needle', [
      '--entry',
      entry,
      '--direction',
      huge,
      '--depth',
      '20',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { direction: number[]; layers: unknown[] };
    doc.direction.forEach((x, i) => expect(x).toBeCloseTo(d[i]!, 4));
    expect(doc.layers).toEqual((JSON.parse(plain.stdout) as { layers: unknown[] }).layers);
  });

  it('an entry a little off the skin (within 50 mm) is still moved onto it', async () => {
    const off = c7.skin.map((x, i) => x + (i === 2 ? -0.02 : 0)).join(',');
    const r = await cli('needle', ['--entry', off, '--normal', '--depth', '10', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  for (const [name, args, reason] of [
    [
      'lookup',
      ['--regions', 'neck-posterior-left', '--limit', '0x10'],
      /--limit expects a whole number from 1 to 500, got "0x10"/,
    ],
    ['lookup', ['--regions', 'neck-posterior-left', '--limit', '1e1000'], /--limit expects/],
    ['quiz', ['--seed', '0x10', '--count', '3'], /--seed expects a whole number, got "0x10"/],
    ['quiz', ['--seed', '7', '--count', '0x3'], /--count expects a whole number, got "0x3"/],
    ['quiz', ['--seed', '7', '--count', '  '], /--count expects a whole number/],
  ] as const) {
    it(`${name} ${args.join(' ')} exits 2 with a one-line reason`, async () => {
      const r = await cli(name, args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      expect(r.stderr).toMatch(reason);
    });
  }

  it('plain decimals with a sign, a point or an exponent are still numbers', async () => {
    const r = await cli('quiz', ['--seed', '7e0', '--count', '+3.0', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Quiz).questions).toHaveLength(3);
  });
});

describe('3. one needle length range', () => {
  it('the quiz schema and the command line take NEEDLE_LENGTH_RANGE_MM, and the docs say it', async () => {
    const { NEEDLE_LENGTH_RANGE_MM, MAX_DEPTH_MM } =
      await import('../../src/domain/needle/kinds.ts');
    expect(MAX_DEPTH_MM).toBe(100);
    const { min, max } = NEEDLE_LENGTH_RANGE_MM as { min: number; max: number };
    expect(max).toBeLessThanOrEqual(MAX_DEPTH_MM);
    const spec = (lengthMm: number) =>
      needleSpecSchema.safeParse({ entry: [0, 1, 0], direction: [0, 0, -1], depthMm: 1, lengthMm })
        .success;
    expect([spec(min), spec(max), spec(min - 0.01), spec(max + 0.01)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const docs = readFileSync('docs/quiz-format.md', 'utf8');
    expect(docs).toContain(`\`lengthMm\` (optional, ${min}–${max})`);
    expect(docs).not.toMatch(/5–150/);
  });

  it('an answer naming a 120 mm needle is refused as the file is read, not scored 0 later', async () => {
    const q = quiz.questions.find((x) => x.type === 'needle')!;
    const a = { ...(perfectAnswer(world, q) as Answer & { type: 'needle' }), lengthMm: 120 };
    const p = write('long.json', answersText([a]));
    const r = await cli('score', ['--quiz', quizFile, '--answers', p, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/answers\[0\]\.lengthMm: Too big: expected number to be <=100/);
  });

  it('needle --length takes the same range (5–100 mm)', async () => {
    const c7 = loadBodyFromDisk().manifest.landmarks['c7-spinous-process']!.skin.join(',');
    const base = ['--entry', c7, '--normal', '--depth', '4'];
    expect((await cli('needle', [...base, '--length', '100', '--json'])).code).toBe(0);
    for (const bad of ['4', '101']) {
      const r = await cli('needle', [...base, '--length', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`--length expects millimetres from 5 to 100, got "${bad}"`),
      );
    }
  });

  describe('a structure-at-risk needle that cannot go in is refused with the quiz file', () => {
    let atRisk: Quiz;
    beforeAll(async () => {
      const r = await cli('quiz', [
        '--seed',
        '4',
        '--count',
        '3',
        '--types',
        'structure-at-risk',
        '--json',
      ]);
      expect(r.code).toBe(0);
      atRisk = JSON.parse(r.stdout) as Quiz;
    });
    type Needle = { entry: number[]; direction: number[]; depthMm: number; lengthMm?: number };
    const cases: [string, (n: Needle) => void, RegExp][] = [
      [
        'deeper than its length',
        (n) => {
          n.depthMm = 40;
          n.lengthMm = 30;
        },
        /the needle cannot go in: depth 40 mm is more than the 30 mm needle's length/,
      ],
      [
        'pointing out of the skin',
        (n) => {
          n.direction = n.direction.map((x) => -x);
        },
        /the needle cannot go in: the direction points out of the skin/,
      ],
      [
        'an entry metres from the body',
        (n) => {
          n.entry = [2.5, 1, 2.5];
        },
        /the entry is (at least )?\d+\.\d\d m from the skin; it must lie within 50 mm of it/,
      ],
    ];
    for (const [what, change, reason] of cases)
      it(what, async () => {
        const bad = structuredClone(atRisk) as unknown as {
          questions: { id: string; needle: Needle }[];
        };
        const q = bad.questions[1]!;
        change(q.needle);
        const p = write('bad-needle.json', JSON.stringify(bad));
        const r = await cli('score', ['--quiz', p, '--answers', answersFile]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        oneLine(r.stderr);
        expect(r.stderr).toMatch(
          new RegExp(`^needlewise score: ${p}: questions\\[1\\]\\.needle: question "${q.id}": `),
        );
        expect(r.stderr).toMatch(reason);
        // the same check in the domain, where the app has the model
        expect(() =>
          parseQuizFile(JSON.stringify(bad), 'q.json', world.catalog, undefined, world.body),
        ).toThrow(reason);
      });

    it('the generated quiz itself passes the check', () => {
      expect(
        parseQuizFile(JSON.stringify(atRisk), 'q.json', world.catalog, undefined, world.body),
      ).toEqual(atRisk);
    });
  });
});

describe('4. encodings', () => {
  const utf16le = (s: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
  const utf16be = (s: string) => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return Uint8Array.from([0xfe, 0xff, ...le]);
  };
  const utf8bom = (s: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(s, 'utf8')]);

  it('a quiz and answers saved with a UTF-8 byte-order mark, or as UTF-16 LE/BE, score as plain UTF-8', async () => {
    const q = quiz.questions[0]!;
    const answers = answersText([perfectAnswer(world, q)], { quizTitle: `${quiz.title} – é` });
    const plain = await cli('score', [
      '--quiz',
      quizFile,
      '--answers',
      write('plain-answers.json', answers),
      '--json',
    ]);
    expect(plain.code).toBe(0);
    for (const [name, encode] of [
      ['utf8-bom', utf8bom],
      ['utf16le', utf16le],
      ['utf16be', utf16be],
    ] as const) {
      const r = await cli('score', [
        '--quiz',
        write(`quiz-${name}.json`, encode(quizText)),
        '--answers',
        write(`answers-${name}.json`, encode(answers)),
        '--json',
      ]);
      expect(r.stderr.replace(/\S+answers-\S+\.json/, 'A'), name).toBe(
        plain.stderr.replace(/\S+plain-answers\.json/, 'A'),
      );
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toBe(plain.stdout);
    }
  });

  it('decodeTextFile: one reader for the app and the command line', async () => {
    const { decodeTextFile, TextFileError } = await import('../../src/domain/textFile.ts');
    const text = '{"title": "Schulter – Übungen ✓ 𝄞"}';
    expect(decodeTextFile(Buffer.from(text))).toBe(text);
    expect(decodeTextFile(utf8bom(text))).toBe(text);
    expect(decodeTextFile(utf16le(text))).toBe(text);
    expect(decodeTextFile(utf16be(text))).toBe(text);
    // nothing replaced silently: bytes that are not UTF-8 (Latin-1 "é") are refused
    expect(() => decodeTextFile(Uint8Array.from([0x7b, 0xe9, 0x7d]))).toThrow(TextFileError);
    expect(() => decodeTextFile(Uint8Array.from([0xff, 0xfe, 0x41]))).toThrow(/not UTF-16/);
    expect(() => decodeTextFile(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(
      /UTF-32/,
    );
  });

  it('a Latin-1 file is refused with a one-line reason, exit 2', async () => {
    const bytes = Buffer.from(quizText.replace('"Quiz 7', '"Quiz \u00e9'), 'latin1');
    const r = await cli('score', ['--quiz', write('latin1.json', bytes), '--answers', answersFile]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/latin1\.json: \(file\): not UTF-8 text/);
  });

  it('parseQuizFile reads text that still starts with a byte-order mark (as decoded elsewhere)', () => {
    const ids = new Set(world.body.structures.keys());
    expect(parseQuizFile(`\ufeff${quizText}`, 'bom.json', world.catalog, ids)).toEqual(quiz);
  });
});

describe('5. refusals stay short', () => {
  // numbers in base 36: short keys, and none of them a key the format knows ("id" is one, 481)
  const keys = (n: number, prefix = '') =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i.toString(36)}`, 0]));

  it('90,000 unknown keys in a quiz file: the first five and a count, in one short line', async () => {
    const text = JSON.stringify({ ...quiz, ...keys(90_000) });
    expect(text.length).toBeLessThan(MAX_QUIZ_FILE_BYTES);
    const p = write('keys.json', text);
    const r = await cli('score', ['--quiz', p, '--answers', answersFile]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr.length).toBeLessThan(600);
    expect(r.stderr).toBe(
      `needlewise score: ${p}: (root): Unrecognized keys: "0", "1", "2", "3", "4" and 89,995 more\n`,
    );
  });

  it('many long problems: the line stays under ~500 characters and counts the rest', () => {
    const bad = structuredClone(quiz) as unknown as { questions: Record<string, unknown>[] };
    bad.questions.forEach((q, i) => (q[`${'k'.repeat(5000)}${i}`] = 1));
    const ids = new Set(world.body.structures.keys());
    let err: unknown;
    try {
      parseQuizFile(JSON.stringify(bad), 'many.json', world.catalog, ids);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QuizFileError);
    const msg = (err as Error).message;
    expect(msg.length).toBeLessThan(600);
    expect(msg).toMatch(/^many\.json: questions\[0\]: Unrecognized key: "kkk/);
    expect(msg).toMatch(/; and \d+ more$/);
  });

  it('a tour file of 40,000 unknown keys is refused in one short line too', () => {
    const tour = JSON.parse(
      readFileSync('data/tours/low-back-and-buttock-pain.json', 'utf8'),
    ) as Record<string, unknown>;
    const text = JSON.stringify({ ...tour, ...keys(40_000, 'x') });
    let msg = '';
    try {
      parseTourFile(text, 'tour.json', loadCatalogFromDisk());
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(
      /^tour\.json: \(root\): Unrecognized keys: "x0", "x1", "x2", "x3", "x4" and 39,995 more$/,
    );
    expect(msg.length).toBeLessThan(600);
  });

  it('end to end: an argument of 20,000 characters does not make a 20,000-character line', () => {
    const r = spawnCli([
      'needle',
      '--entry',
      '0,1,0',
      '--normal',
      '--depth',
      '5',
      '--body',
      'x'.repeat(20_000),
    ]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr.length).toBeLessThan(700);
    expect(r.stderr).toMatch(
      /^needlewise needle: --body expects one of lean, average, high-bmi, got "xxx/,
    );
  });
});

describe('6. control characters never reach the terminal raw', () => {
  // CSI (C1), right-to-left override, a first-strong isolate, ESC (C0), DEL
  const evil = 'Quiz \u009b31m red \u202e desserts \u2068x\u2069 \u001b[2J \u007f';
  /** The characters that must not reach a terminal raw, found in `s` (newline and tab allowed). */
  const raw = (s: string) =>
    [...s].filter((c) => {
      const x = c.codePointAt(0)!;
      return (
        (x < 0x20 && x !== 0x0a && x !== 0x09) ||
        (x >= 0x7f && x <= 0x9f) ||
        (x >= 0x202a && x <= 0x202e) ||
        (x >= 0x2066 && x <= 0x2069)
      );
    });

  it('a quiz title is printed with its controls escaped (score, text)', async () => {
    const p = write('evil.json', JSON.stringify({ ...quiz, title: evil }));
    const r = await cli('score', ['--quiz', p, '--answers', answersFile]);
    expect(r.code).toBe(0);
    expect(raw(r.stdout)).toEqual([]);
    expect(r.stdout.split('\n')[0]).toBe(
      'Quiz \\u{9b}31m red \\u{202e} desserts \\u{2068}x\\u{2069} \\u{1b}[2J \\u{7f}: 0 of 12 answered',
    );
  });

  it('an answers file written for another quiz: the note on stderr is escaped', async () => {
    const p = write('evil-answers.json', answersText([], { quizTitle: evil }));
    const r = await cli('score', ['--quiz', quizFile, '--answers', p]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: .* was written for "Quiz \\u\{9b\}31m red \\u\{202e\}/);
    expect(raw(r.stderr)).toEqual([]);
  });

  it('--json output escapes them as JSON escapes and stays the same JSON', async () => {
    const { printJson } = await import('../../src/cli/output.ts');
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    const doc = { title: evil, nested: [{ name: '\u202eabc' }] };
    printJson(doc);
    vi.restoreAllMocks();
    expect(raw(out)).toEqual([]);
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\u009b');
    expect(JSON.parse(out)).toEqual(doc);
  });

  it('end to end: an argument with controls comes back escaped in the error line', () => {
    const r = spawnCli([
      'needle',
      '--entry',
      '0,1,0',
      '--normal',
      '--depth',
      '5',
      '--body',
      '\u009b2J\u202eevil',
    ]);
    expect(r.code).toBe(2);
    expect(raw(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('got "\\u{9b}2J\\u{202e}evil"');
  });
});
