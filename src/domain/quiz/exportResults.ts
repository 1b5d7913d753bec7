/**
 * Exporting a trainee's finished sessions for a teacher, and reading such exports back.
 *
 * Two forms:
 * - JSON, the `needlewise-results` format (version 1), documented by `resultsFileSchema`:
 *   `{ format: 'needlewise-results', version: 1, exportedAt: <ISO time>, sessions: [...] }`, each
 *   session a `SessionRecord` as saved progress keeps it (progress.ts). `parseResultsFile` reads
 *   it back through the same strict, bounded schema, since a teacher loads files from students.
 * - CSV (RFC 4180: comma separated, CRLF line ends, a field holding a comma, a double quote, CR
 *   or LF quoted with its double quotes doubled), one row per question result. Spreadsheets run a
 *   cell beginning with `=`, `+`, `-` or `@` as a formula, so a text cell beginning with one of
 *   these, a tab, CR or LF gets a leading `'` (OWASP's advice against CSV injection); numbers are
 *   written as plain numbers.
 */
import { z } from 'zod';
import { MAX_SESSIONS, sessionRecordSchema, zodProblems, type SessionRecord } from './progress.ts';
import { refuseDuplicateIds } from './schema.ts';

export const RESULTS_FORMAT = 'needlewise-results';
export const RESULTS_VERSION = 1;
/** The largest results file read. */
export const MAX_RESULTS_FILE_BYTES = 20_000_000;

export const resultsFileSchema = z
  .strictObject({
    format: z.literal(RESULTS_FORMAT),
    version: z.literal(RESULTS_VERSION),
    /** When the file was written. */
    exportedAt: z.iso.datetime({ offset: true }).max(200),
    /** Oldest first, as in the trainee's progress. */
    sessions: z.array(sessionRecordSchema).max(MAX_SESSIONS),
  })
  .superRefine((f, ctx) => refuseDuplicateIds(f.sessions, 'sessions', 'session', ctx));
export type ResultsFile = z.infer<typeof resultsFileSchema>;

/** The sessions as a `needlewise-results` object (JSON.stringify it to write the file). */
export function sessionsToJson(
  sessions: readonly SessionRecord[],
  now: number = Date.now(),
): ResultsFile {
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    exportedAt: new Date(now).toISOString(),
    sessions: [...sessions],
  };
}

export const CSV_COLUMNS = [
  'session_id',
  'title',
  'finished_at',
  'mode',
  'question_id',
  'type',
  'score',
  'item_key',
  'trigger_point_id',
  'muscle_id',
  'area',
] as const;

/** Characters that make a spreadsheet read a cell as a formula (or hide one) at its start. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell: neutralised against formulas, then quoted if RFC 4180 needs it. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell, written as a number (empty if not finite). */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/**
 * One row per question result under a header row (CSV_COLUMNS), CRLF line ends, ending with one.
 * `bom` puts a UTF-8 byte order mark first, which some spreadsheets need to read accents right.
 */
export function sessionsToCsv(
  sessions: readonly SessionRecord[],
  options: { bom?: boolean } = {},
): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of sessions)
    for (const r of s.results)
      lines.push(
        [
          csvText(s.id),
          csvText(s.title),
          csvText(s.finishedAt),
          csvText(s.mode),
          csvText(r.questionId),
          csvText(r.type),
          csvNumber(r.score),
          csvText(r.itemKey),
          csvText(r.triggerPointId),
          csvText(r.muscleId),
          csvText(r.area),
        ].join(','),
      );
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export class ResultsFileError extends Error {
  override readonly name = 'ResultsFileError';
  constructor(
    /** The file's name as the user knows it. */
    readonly file: string,
    /** Each problem as "path: message". */
    readonly problems: readonly string[],
  ) {
    super(
      `${file}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`,
    );
  }
}

/**
 * A results file's text → its sessions, or a ResultsFileError whose message names the file, the
 * place in it and the problem (e.g. "anna.json: sessions[2].results[0].score: Too big…").
 */
export function parseResultsFile(text: string, fileName: string): ResultsFile {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_RESULTS_FILE_BYTES)
    throw new ResultsFileError(fileName, [
      `(file): ${bytes} bytes is more than the ${MAX_RESULTS_FILE_BYTES} bytes allowed`,
    ]);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new ResultsFileError(fileName, [`(file): not JSON (${(err as Error).message})`]);
  }
  const r = resultsFileSchema.safeParse(json);
  if (!r.success) throw new ResultsFileError(fileName, zodProblems(r.error));
  return r.data;
}
