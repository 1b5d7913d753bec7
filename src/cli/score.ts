/**
 * `needlewise score --quiz FILE --answers FILE [--json]` (CONTRACTS §3): scores an answers file
 * against a quiz file with the same rules as the app. Both files are checked first (size, JSON,
 * schema, catalog and model ids, answers matching the questions); a refusal is one line naming
 * the file, the place in it and the problem, exit 2. The keys are worked out on the model, and
 * every structure-at-risk needle in the quiz must go in on it. Either file may be `-`, standard
 * input. What the files hold reaches the terminal with its control characters escaped.
 */
import { AREA_LABELS } from '../domain/catalog/areas.ts';
import { parseAnswersFile, parseQuizFile, QuizFileError } from '../domain/quiz/file.ts';
import { loadQuizWorldFromDisk } from '../domain/quiz/node.ts';
import { QUESTION_TYPE_LABELS, MAX_QUIZ_FILE_BYTES } from '../domain/quiz/schema.ts';
import {
  QuizScoringError,
  scoreQuiz,
  type QuestionResult,
  type QuizSummary,
} from '../domain/quiz/score.ts';
import type { QuizWorld } from '../domain/quiz/world.ts';
import { parseArgs } from './args.ts';
import { CliError } from './errors.ts';
import { fileLabel, readInputText, STDIN } from './files.ts';
import { oneLine, printJson, printNote, printText } from './output.ts';

const USAGE =
  'usage: needlewise score --quiz FILE --answers FILE [--json]   (FILE may be - for standard input)';

/**
 * A quiz or answers file's text (standard input for `-`), or a one-line CliError saying why it
 * cannot be read: missing, not a regular file, over the size limit, not text.
 */
export function readQuizText(file: string): string {
  return readInputText(file, MAX_QUIZ_FILE_BYTES);
}

function parsed<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof QuizFileError) throw new CliError(oneLine(err.message), 2);
    throw err;
  }
}

/** Numbers in a key to 0.01 mm (metres to 5 decimals), so the document stays readable. */
function rounded(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Math.round(v * 1e5) / 1e5;
  if (Array.isArray(v)) return v.map(rounded);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

/** The `--json` document. */
export function scoreJson(results: readonly QuestionResult[], summary: QuizSummary) {
  return {
    score: summary.score,
    correct: summary.correct,
    total: summary.total,
    results: results.map((r) => ({
      questionId: r.questionId,
      type: r.type,
      score: r.score,
      correct: r.correct,
      answered: r.answered,
      feedback: r.feedback,
      key: rounded(r.key),
      triggerPointId: r.triggerPointId,
      muscleId: r.muscleId,
    })),
    summary,
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The results as a table, each question's feedback under it, then the summary. */
export function scoreText(
  world: QuizWorld,
  title: string,
  results: readonly QuestionResult[],
  summary: QuizSummary,
): string {
  const answered = results.filter((r) => r.answered).length;
  const idWidth = Math.max(8, ...results.map((r) => r.questionId.length));
  const lines = [
    `${oneLine(title)}: ${answered} of ${results.length} answered`,
    '',
    `  ${'question'.padEnd(idWidth)}  ${'type'.padEnd(20)}  score  right`,
  ];
  for (const r of results) {
    lines.push(
      `  ${r.questionId.padEnd(idWidth)}  ${r.type.padEnd(20)}  ${r.score.toFixed(2).padStart(5)}  ${r.correct ? 'yes' : r.answered ? 'no' : '-'}`,
    );
    for (const f of r.feedback) lines.push(`  ${' '.repeat(idWidth)}    ${f}`);
  }
  lines.push(
    '',
    `Score: ${pct(summary.score)}, ${summary.correct} of ${summary.total} right`,
    ...summary.byType.map(
      (t) =>
        `  ${QUESTION_TYPE_LABELS[t.type].padEnd(44)} ${String(t.count).padStart(3)}  ${pct(t.score).padStart(5)}`,
    ),
  );
  if (summary.weakestMuscles.length)
    lines.push(
      `Weakest muscles: ${summary.weakestMuscles
        .slice(0, 5)
        .map((m) => `${world.muscle(m.muscleId)?.name ?? m.muscleId} ${pct(m.score)}`)
        .join('; ')}`,
    );
  if (summary.weakestAreas.length)
    lines.push(
      `Weakest areas: ${summary.weakestAreas
        .slice(0, 3)
        .map((a) => `${AREA_LABELS[a.area]} ${pct(a.score)}`)
        .join('; ')}`,
    );
  return `${lines.join('\n')}\n`;
}

export async function run(args: readonly string[]): Promise<number> {
  const opts = parseArgs(args, { values: ['quiz', 'answers'], flags: ['json'], usage: USAGE });
  const quizFile = opts.values.quiz;
  const answersFile = opts.values.answers;
  if (quizFile === undefined || answersFile === undefined)
    throw new CliError(
      `missing ${[quizFile === undefined ? '--quiz' : '', answersFile === undefined ? '--answers' : ''].filter(Boolean).join(' and ')}\n${USAGE}`,
    );
  if (quizFile === STDIN && answersFile === STDIN)
    throw new CliError('--quiz and --answers cannot both be standard input (-)');
  const quizText = readQuizText(quizFile);
  const answersText = readQuizText(answersFile);
  const world = loadQuizWorldFromDisk();
  const structureIds = new Set(world.body.structures.keys());
  const quiz = parsed(() =>
    parseQuizFile(quizText, fileLabel(quizFile), world.catalog, structureIds, world.body),
  );
  const answers = parsed(() => parseAnswersFile(answersText, fileLabel(answersFile), quiz));
  if (answers.quizTitle !== undefined && answers.quizTitle !== quiz.title)
    printNote(
      `needlewise score: note: ${oneLine(fileLabel(answersFile))} was written for ${oneLine(JSON.stringify(answers.quizTitle))}, not ${oneLine(JSON.stringify(quiz.title))}\n`,
    );
  let scored;
  try {
    scored = scoreQuiz(world, quiz.questions, answers.answers);
  } catch (err) {
    // a question the model cannot hold (a point it cannot place): not the user's mistake
    if (err instanceof QuizScoringError) throw new CliError(err.message, 1);
    throw err;
  }
  const { results, summary } = scored;
  if (opts.flags.json) printJson(scoreJson(results, summary));
  else printText(scoreText(world, quiz.title, results, summary));
  return 0;
}
