/**
 * `needlewise quiz --seed N --count K [--types t1,t2] [--regions r1,r2] [--difficulty D]
 *  [--mode practice|exam] [--json]` (CONTRACTS §3): a reproducible quiz from the same engine as
 * the app. With `--json` it prints the quiz file (docs/quiz-format.md) exactly as the app exports
 * it, so it can be saved and scored with `needlewise score`; without, the questions in words.
 */
import { QUIZ_AREAS } from '../domain/catalog/areas.ts';
import { generateQuiz, QuizOptionsError } from '../domain/quiz/generate.ts';
import { needleProblems, quizToText } from '../domain/quiz/file.ts';
import { shownZone } from '../domain/quiz/nameMuscle.ts';
import { loadQuizWorldFromDisk } from '../domain/quiz/node.ts';
import {
  DIFFICULTIES,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  QUIZ_MODES,
  type Difficulty,
  type Question,
  type QuestionType,
  type Quiz,
  type QuizMode,
} from '../domain/quiz/schema.ts';
import type { QuizWorld } from '../domain/quiz/world.ts';
import { numberOption, parseArgs } from './args.ts';
import { CliError } from './errors.ts';
import { printJsonText, printText } from './output.ts';

const USAGE =
  'usage: needlewise quiz --seed N --count K [--types t1,t2] [--regions r1,r2] [--difficulty easy|medium|hard] [--mode practice|exam] [--json]';

/** A whole number in plain decimals (the range is the quiz engine's to check, in its words). */
const wholeNumber = (name: string, v: string) =>
  numberOption(name, v, { integer: true, what: 'a whole number' });

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function oneOf<T extends string>(name: string, v: string | undefined, allowed: readonly T[]) {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v))
    throw new CliError(`--${name} expects ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

/** The command's options, checked as far as they can be without the model. */
export function quizOptions(args: readonly string[]) {
  const opts = parseArgs(args, {
    values: ['seed', 'count', 'types', 'regions', 'difficulty', 'mode'],
    flags: ['json'],
    usage: USAGE,
  });
  const { seed, count } = opts.values;
  if (seed === undefined || count === undefined)
    throw new CliError(
      `missing ${[seed === undefined ? '--seed' : '', count === undefined ? '--count' : ''].filter(Boolean).join(' and ')}\n${USAGE}\n` +
        `  types: ${QUESTION_TYPES.join(', ')}\n` +
        `  regions: body areas (${QUIZ_AREAS.join(', ')}) or catalog region ids`,
    );
  const types = list(opts.values.types) as QuestionType[] | undefined;
  const regions = list(opts.values.regions);
  const difficulty = oneOf<Difficulty>('difficulty', opts.values.difficulty, DIFFICULTIES);
  const mode = oneOf<QuizMode>('mode', opts.values.mode, QUIZ_MODES);
  return {
    json: opts.flags.json,
    options: {
      seed: wholeNumber('seed', seed),
      count: wholeNumber('count', count),
      ...(types ? { types } : {}),
      ...(regions ? { regions } : {}),
      ...(difficulty ? { difficulty } : {}),
      ...(mode ? { mode } : {}),
    },
  };
}

function regionNames(world: QuizWorld, ids: readonly string[]): string {
  const byId = new Map(world.catalog.regions.map((r) => [r.id, r.name]));
  return ids.map((id) => byId.get(id) ?? id).join('; ');
}

function trpName(world: QuizWorld, id: string, side: string): string {
  return `${world.triggerPoint(id)?.name ?? id} (${side})`;
}

const letter = (i: number) => String.fromCharCode(97 + i);

function choiceLines(choices: readonly string[], label: (id: string) => string): string[] {
  return choices.map((c, i) => `       ${letter(i)}) ${label(c)}  [${c}]`);
}

const round = (v: readonly number[]) => v.map((x) => Math.round(x * 1e4) / 1e4).join(', ');

/** One question in words, with the ids an answers file uses. */
export function questionText(world: QuizWorld, q: Question, n: number): string[] {
  const head = `${String(n).padStart(3)}. [${q.id}] ${QUESTION_TYPE_LABELS[q.type]}`;
  const out = [head];
  if (q.prompt) out.push(`     ${q.prompt}`);
  switch (q.type) {
    case 'locate':
      out.push(
        `     Click ${trpName(world, q.triggerPointId, q.side)} on the skin: full marks within ${q.toleranceMm} mm along the skin.`,
      );
      break;
    case 'name-muscle': {
      // the zone the question shows (an exam's own, or its named point's)
      const z = shownZone(world.catalog, q) ?? { essential: [], spillover: [] };
      out.push(
        `     Pain in: ${regionNames(world, z.essential)}${z.spillover.length ? ` (spilling over to ${regionNames(world, z.spillover)})` : ''}.`,
        '     Which muscle refers it?',
        ...choiceLines(q.choices, (id) => world.muscle(id)?.name ?? id),
      );
      break;
    }
    case 'paint-zone':
      out.push(
        `     Paint the essential referral zone of ${trpName(world, q.triggerPointId, q.side)}.`,
      );
      break;
    case 'pick-trigger-points':
      out.push(
        `     Pain in: ${regionNames(world, q.painRegions)}.`,
        '     Which trigger points should be examined?',
        ...choiceLines(q.choices, (k) => {
          const [id, side] = k.split(':');
          return trpName(world, id ?? k, side ?? '');
        }),
      );
      break;
    case 'needle':
      out.push(
        `     Needle ${trpName(world, q.triggerPointId, q.side)}: full marks when the shaft passes within ${q.toleranceMm} mm of the point; a needle into a danger structure fails.`,
      );
      break;
    case 'structure-at-risk':
      out.push(
        `     A needle meant for ${trpName(world, q.triggerPointId, q.side)} enters at [${round(q.needle.entry)}] along [${round(q.needle.direction)}] to ${q.needle.depthMm} mm.`,
        '     Which structure is at risk?',
        ...choiceLines(q.choices, (id) => world.body.structures.get(id)?.name ?? id),
      );
      break;
  }
  return out;
}

export function quizText(world: QuizWorld, quiz: Quiz): string {
  const meta = [
    `${quiz.questions.length} question${quiz.questions.length === 1 ? '' : 's'}`,
    quiz.difficulty,
    quiz.mode,
    quiz.seed !== undefined ? `seed ${quiz.seed}` : undefined,
  ].filter(Boolean);
  const lines = [`${quiz.title}: ${meta.join(', ')}`, ''];
  quiz.questions.forEach((q, i) => lines.push(...questionText(world, q, i + 1), ''));
  lines.push(
    'Save it with --json (needlewise quiz … --json > quiz.json) and score answers with',
    'needlewise score --quiz quiz.json --answers answers.json (see docs/quiz-format.md).',
  );
  return `${lines.join('\n')}\n`;
}

export async function run(args: readonly string[]): Promise<number> {
  const { json, options } = quizOptions(args);
  const world = loadQuizWorldFromDisk();
  let quiz: Quiz;
  try {
    quiz = generateQuiz(world, options);
  } catch (err) {
    if (err instanceof QuizOptionsError) throw new CliError(err.message, 2);
    throw err;
  }
  // the check a quiz file gets when it is read back: a needle that cannot go in is a bug here
  const problems = needleProblems(quiz, world.body);
  if (problems.length)
    throw new Error(`the generated quiz has a needle that cannot go in: ${problems.join('; ')}`);
  if (json) printJsonText(quizToText(quiz));
  else printText(quizText(world, quiz));
  return 0;
}
