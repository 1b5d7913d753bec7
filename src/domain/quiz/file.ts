/**
 * Reading quiz and answers files from outside: size first, then JSON, then the schema, then the
 * catalog (every trigger point, muscle and region named must exist, and every choice list must
 * hold its answer; a name-muscle question that shows its zone must have exactly one choice with a
 * trigger point of that zone). Each refusal names the place in the file and the problem, in one message.
 * Nothing here touches saved progress: a refused file changes nothing.
 *
 * A quiz read where the model is at hand (the command line's `score`, the app's quiz panel) is
 * also checked on it: every structure-at-risk question's needle must go in (`needleProblems`).
 */
import type { ZodError } from 'zod';
import { formatPath } from '../catalog/load.ts';
import type { Catalog } from '../catalog/schema.ts';
import { entryProblem } from '../needle/kinds.ts';
import { nameMuscleKey } from './nameMuscle.ts';
import { simulateNeedle, type NeedleBody } from '../needle/simulate.ts';
import { capText, problemsLine, unrecognizedKeysMessage, withoutBom } from '../textFile.ts';
import {
  answersFileSchema,
  MAX_QUIZ_FILE_BYTES,
  quizSchema,
  type AnswersFile,
  type Quiz,
} from './schema.ts';

export class QuizFileError extends Error {
  override readonly name = 'QuizFileError';
  constructor(
    /** The file's name as the user knows it. */
    readonly file: string,
    /** Each problem as "path: message". */
    readonly problems: readonly string[],
  ) {
    super(problemsLine(file, problems));
  }
}

/** Each issue as "path: message", short: unknown keys named a few at a time, each line capped. */
function zodProblems(err: ZodError): string[] {
  return err.issues.map((i) =>
    capText(
      `${formatPath(i.path) || '(top level)'}: ${i.code === 'unrecognized_keys' ? unrecognizedKeysMessage(i.keys) : i.message}`,
    ),
  );
}

function parseJson(raw: string, file: string): unknown {
  // a byte-order mark left at the start by an editor is not part of the JSON
  const text = withoutBom(raw);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_QUIZ_FILE_BYTES)
    throw new QuizFileError(file, [
      `(file): ${bytes} bytes is more than the ${MAX_QUIZ_FILE_BYTES} bytes allowed`,
    ]);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new QuizFileError(file, [`(file): not JSON (${(err as Error).message})`]);
  }
}

/** The problems a schema-valid quiz has against the catalog. */
export function catalogProblems(quiz: Quiz, catalog: Catalog): string[] {
  const trps = new Map(catalog.triggerPoints.map((t) => [t.id, t]));
  const muscles = new Set(catalog.muscles.map((m) => m.id));
  const regions = new Set(catalog.regions.map((r) => r.id));
  const out: string[] = [];
  quiz.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (
      q.type !== 'pick-trigger-points' &&
      q.triggerPointId !== undefined &&
      !trps.has(q.triggerPointId)
    )
      out.push(`${at}.triggerPointId: no trigger point "${q.triggerPointId}" in the catalog`);
    if (q.type === 'name-muscle') {
      q.choices.forEach((c, k) => {
        if (!muscles.has(c)) out.push(`${at}.choices[${k}]: no muscle "${c}" in the catalog`);
      });
      let regionsKnown = true;
      for (const part of ['essential', 'spillover'] as const)
        q.zone?.[part].forEach((r, k) => {
          if (regions.has(r)) return;
          regionsKnown = false;
          out.push(`${at}.zone.${part}[${k}]: no region "${r}" in the catalog`);
        });
      // the key: the named point's muscle among the choices, or exactly one choice of the zone
      const key = nameMuscleKey(catalog, q);
      if (!key.ok && key.field !== 'triggerPointId' && regionsKnown)
        out.push(`${at}.${key.field}: ${key.problem}`);
      if (new Set(q.choices).size !== q.choices.length) out.push(`${at}.choices: a choice repeats`);
    }
    if (q.type === 'pick-trigger-points') {
      q.painRegions.forEach((r, k) => {
        if (!regions.has(r)) out.push(`${at}.painRegions[${k}]: no region "${r}" in the catalog`);
      });
      const check = (list: readonly string[], name: string) =>
        list.forEach((c, k) => {
          if (!trps.has(c.split(':')[0]!))
            out.push(`${at}.${name}[${k}]: no trigger point "${c.split(':')[0]}" in the catalog`);
        });
      check(q.choices, 'choices');
      if (q.expected) {
        check(q.expected, 'expected');
        q.expected.forEach((e, k) => {
          if (!q.choices.includes(e))
            out.push(`${at}.expected[${k}]: "${e}" is not among the choices`);
        });
      }
      if (new Set(q.choices).size !== q.choices.length) out.push(`${at}.choices: a choice repeats`);
    }
    if (q.type === 'structure-at-risk' && new Set(q.choices).size !== q.choices.length)
      out.push(`${at}.choices: a choice repeats`);
  });
  return out;
}

/**
 * The problems of a quiz's structure-at-risk needles on the model: a needle that cannot go in at
 * all (its entry far from the skin, deeper than its length, pointing out of the skin) asks a
 * question with no answer. Each names the question by its place and id, and says why.
 */
export function needleProblems(quiz: Quiz, body: NeedleBody): string[] {
  const out: string[] = [];
  quiz.questions.forEach((q, i) => {
    if (q.type !== 'structure-at-risk') return;
    const at = `questions[${i}].needle: question "${q.id}"`;
    const far = entryProblem(body.index, q.needle.entry);
    if (far) {
      out.push(`${at}: ${far}`);
      return;
    }
    try {
      simulateNeedle(body, {
        entry: q.needle.entry,
        direction: q.needle.direction,
        depthMm: q.needle.depthMm,
        ...(q.needle.lengthMm !== undefined ? { lengthMm: q.needle.lengthMm } : {}),
      });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      out.push(`${at}: the needle cannot go in: ${err.message.replace(/^simulateNeedle: /, '')}`);
    }
  });
  return out;
}

/**
 * A quiz file's text → the quiz, or QuizFileError naming the problems. `structureIds`, when
 * given, checks structure-at-risk choices against the model; `body`, when given, checks that
 * every structure-at-risk needle goes in on it (`needleProblems`).
 */
export function parseQuizFile(
  text: string,
  file: string,
  catalog: Catalog,
  structureIds?: ReadonlySet<string>,
  body?: NeedleBody,
): Quiz {
  const json = parseJson(text, file);
  const r = quizSchema.safeParse(json);
  if (!r.success) throw new QuizFileError(file, zodProblems(r.error));
  const problems = catalogProblems(r.data, catalog);
  if (structureIds)
    r.data.questions.forEach((q, i) => {
      if (q.type === 'structure-at-risk')
        q.choices.forEach((c, k) => {
          if (!structureIds.has(c))
            problems.push(`questions[${i}].choices[${k}]: no structure "${c}" in the model`);
        });
    });
  if (body) problems.push(...needleProblems(r.data, body));
  if (problems.length) throw new QuizFileError(file, problems);
  return r.data;
}

/** An answers file's text → its answers, checked against the quiz (ids and types match). */
export function parseAnswersFile(text: string, file: string, quiz?: Quiz): AnswersFile {
  const json = parseJson(text, file);
  const r = answersFileSchema.safeParse(json);
  if (!r.success) throw new QuizFileError(file, zodProblems(r.error));
  if (quiz) {
    const byId = new Map(quiz.questions.map((q) => [q.id, q]));
    const seen = new Set<string>();
    const problems: string[] = [];
    r.data.answers.forEach((a, i) => {
      const q = byId.get(a.questionId);
      if (!q) problems.push(`answers[${i}].questionId: the quiz has no question "${a.questionId}"`);
      else if (q.type !== a.type)
        problems.push(
          `answers[${i}].type: question "${q.id}" is a ${q.type} question, not ${a.type}`,
        );
      if (seen.has(a.questionId))
        problems.push(`answers[${i}].questionId: a second answer to "${a.questionId}"`);
      seen.add(a.questionId);
    });
    if (problems.length) throw new QuizFileError(file, problems);
  }
  return r.data;
}

/** The quiz as a file's text (what "export" writes; it reads back the same). */
export function quizToText(quiz: Quiz): string {
  return `${JSON.stringify(quiz, null, 2)}\n`;
}
