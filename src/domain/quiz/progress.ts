/**
 * A trainee's saved progress: the quizzes they finished (at most the last MAX_SESSIONS) and, per
 * spaced-repetition item (`itemKeyOf` in score.ts), where it stands in a Leitner system.
 *
 * Pure TypeScript: no DOM, no React. Storage comes in as a `KeyValueStore` (window.localStorage
 * fits it), so the same code runs in the app and in Node tests.
 *
 * Saved progress is the trainee's own work, so it is never thrown away silently: text that cannot
 * be read back (not JSON, or not this format) is copied to a backup key first and the problem is
 * reported; a reset copies the current value to a backup key before removing it.
 *
 * Saved text is read back through a strict, bounded schema (unknown keys refused, strings at most
 * 200 characters, finite numbers in range), like every file from outside.
 */
import { z } from 'zod';
import { PASS_SCORE, summarize, type QuestionResult } from './score.ts';
import {
  MAX_QUESTIONS,
  QUESTION_TYPES,
  QUIZ_MODES,
  refuseDuplicateIds,
  type Quiz,
  type QuizMode,
} from './schema.ts';

export const PROGRESS_FORMAT = 'needlewise-progress';
export const PROGRESS_VERSION = 1;
/** Where the app keeps progress. */
export const PROGRESS_KEY = 'needlewise.progress.v1';
/** Unreadable saved progress is copied to `<prefix><ISO time>` before anything else happens. */
export const CORRUPT_BACKUP_PREFIX = 'needlewise.progress.corrupt.';
/** A reset copies the current value to `<prefix><ISO time>` before removing it. */
export const RESET_BACKUP_PREFIX = 'needlewise.progress.reset.';
/** The key of the last corrupt backup, so reloading the same unreadable text makes one copy. */
export const LAST_CORRUPT_BACKUP_KEY = 'needlewise.progress.corrupt.last';
/** Only the most recent sessions are kept. */
export const MAX_SESSIONS = 200;
/** At most this many spaced-repetition items are kept (the most mastered go first). */
export const MAX_ITEMS = 5000;
export const MAX_TEXT = 200;
/** The highest Leitner box. */
export const MAX_BOX = 5;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * This project's choice of spaced repetition: a Leitner system with six boxes. A right answer
 * (score ≥ PASS_SCORE) moves the item up one box (at most box 5) and it comes due after that
 * box's interval; a wrong answer puts it back in box 0, due again after 10 minutes, so missed
 * items come back soon.
 *
 * | box | comes due after |
 * | --- | --------------- |
 * | 0   | 10 minutes      |
 * | 1   | 1 day           |
 * | 2   | 3 days          |
 * | 3   | 7 days          |
 * | 4   | 14 days         |
 * | 5   | 30 days         |
 */
export const INTERVAL_DAYS: readonly number[] = [10 / (24 * 60), 1, 3, 7, 14, 30];
/** A missed item comes due again this long after the answer. */
export const MISSED_DELAY_MS = 10 * MINUTE_MS;

/** Weights `repetitionWeight` gives (relative to 1 for an item never seen). */
export const WEIGHT_UNSEEN = 1;
/** A due item: 2 in the top box up to 4.5 in box 0. */
export const weightDue = (box: number) => 2 + (MAX_BOX - box) / 2;
/** An item not yet due: small but not 0 (0.2 in box 0 down to 0.1 in the top box). */
export const weightNotDue = (box: number) => 0.1 + (0.1 * (MAX_BOX - box)) / MAX_BOX;

// ---------------------------------------------------------------------------------------------
// Schema

const text = z.string().max(MAX_TEXT);
const nonEmpty = z.string().min(1).max(MAX_TEXT);
const isoTime = z.iso.datetime({ offset: true }).max(MAX_TEXT);
const share = z.number().finite().min(0).max(1);
const count = z.number().int().min(0).max(MAX_QUESTIONS);
/** Epoch milliseconds (the range of a JS Date). */
const epochMs = z.number().finite().min(0).max(8.64e15);
/**
 * A spaced-repetition item key: `<question type>:<subject>` (see `itemKeyOf`). The pattern also
 * refuses keys such as `__proto__` in the items record.
 */
export const itemKeySchema = z
  .string()
  .max(MAX_TEXT)
  .regex(/^[a-z0-9-]+:[A-Za-z0-9_.:+-]+$/, 'an item key "<question type>:<subject>"');

export const sessionResultSchema = z.strictObject({
  questionId: nonEmpty,
  type: z.enum(QUESTION_TYPES),
  /** 0–1. */
  score: share,
  itemKey: itemKeySchema,
  triggerPointId: nonEmpty.nullable(),
  muscleId: nonEmpty.nullable(),
  /**
   * A body area (QUIZ_AREAS). Kept as a bounded text rather than the list of today's areas, so
   * that renaming an area later does not make old progress unreadable.
   */
  area: nonEmpty.nullable(),
});
export type SessionResult = z.infer<typeof sessionResultSchema>;

export const sessionRecordSchema = z
  .strictObject({
    /** Unique within the progress; recording the same id twice changes nothing. */
    id: nonEmpty,
    title: text,
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    mode: z.enum(QUIZ_MODES),
    startedAt: isoTime,
    finishedAt: isoTime,
    /** Mean score over the questions, 0–1. */
    score: share,
    correct: count,
    total: count,
    results: z.array(sessionResultSchema).max(MAX_QUESTIONS),
  })
  .superRefine((s, ctx) => {
    if (s.correct > s.total)
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: `${s.correct} right out of ${s.total} questions`,
      });
  });
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

export const itemStateSchema = z.strictObject({
  /** Leitner box, 0–5 (see INTERVAL_DAYS). */
  box: z.number().int().min(0).max(MAX_BOX),
  /** When it comes due, epoch ms. */
  due: epochMs,
  /** How many times it was asked. */
  seen: z.number().int().min(0).max(1e9),
  /** The last score, 0–1. */
  lastScore: share,
});
export type ItemState = z.infer<typeof itemStateSchema>;

export const progressSchema = z
  .strictObject({
    format: z.literal(PROGRESS_FORMAT),
    version: z.literal(PROGRESS_VERSION),
    /** Oldest first. */
    sessions: z.array(sessionRecordSchema).max(MAX_SESSIONS),
    /** By item key (`itemKeyOf`). */
    items: z.preprocess(
      (value, ctx) => {
        // zod drops a `__proto__` record key silently; refuse it like any other bad key
        if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__'))
          ctx.addIssue({
            code: 'custom',
            path: ['__proto__'],
            message: 'not an item key "<question type>:<subject>"',
            input: value,
          });
        return value;
      },
      z.record(itemKeySchema, itemStateSchema),
    ),
  })
  .superRefine((p, ctx) => {
    const n = Object.keys(p.items).length;
    if (n > MAX_ITEMS)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `${n} items is more than the ${MAX_ITEMS} allowed`,
      });
    refuseDuplicateIds(p.sessions, 'sessions', 'session', ctx);
  });
export type Progress = z.infer<typeof progressSchema>;

/** `a.b[3].c` for a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

/** Each zod issue as "path: message". */
export function zodProblems(err: z.ZodError): string[] {
  return err.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
}

function joinProblems(problems: readonly string[]): string {
  return `${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`;
}

export class ProgressError extends Error {
  override readonly name = 'ProgressError';
}

// ---------------------------------------------------------------------------------------------
// Recording

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, sessions: [], items: {} };
}

/**
 * A session record from a finished quiz and its scored results (score, right answers and total
 * as `summarize` counts them).
 */
export function toSessionRecord(args: {
  id: string;
  quiz: Pick<Quiz, 'title' | 'seed' | 'mode'>;
  results: readonly QuestionResult[];
  startedAt: number | string;
  finishedAt: number | string;
  /** Overrides the quiz's mode (default practice). */
  mode?: QuizMode;
}): SessionRecord {
  const iso = (t: number | string) => (typeof t === 'number' ? new Date(t).toISOString() : t);
  const summary = summarize(args.results);
  const seed = args.quiz.seed;
  return {
    id: args.id,
    title: args.quiz.title.slice(0, MAX_TEXT),
    ...(seed !== undefined ? { seed } : {}),
    mode: args.mode ?? args.quiz.mode ?? 'practice',
    startedAt: iso(args.startedAt),
    finishedAt: iso(args.finishedAt),
    score: summary.score,
    correct: summary.correct,
    total: summary.total,
    results: args.results.map((r) => ({
      questionId: r.questionId,
      type: r.type,
      score: r.score,
      itemKey: r.itemKey,
      triggerPointId: r.triggerPointId,
      muscleId: r.muscleId,
      area: r.area,
    })),
  };
}

/** The item's state after one answer scored `score` at `now` (see INTERVAL_DAYS). */
export function nextItemState(prev: ItemState | undefined, score: number, now: number): ItemState {
  const seen = (prev?.seen ?? 0) + 1;
  if (score >= PASS_SCORE) {
    const box = Math.min(MAX_BOX, (prev?.box ?? 0) + 1);
    return { box, due: now + INTERVAL_DAYS[box]! * DAY_MS, seen, lastScore: score };
  }
  return { box: 0, due: now + MISSED_DELAY_MS, seen, lastScore: score };
}

/** Drops the most mastered items (highest box, then due latest) beyond MAX_ITEMS. */
function capItems(items: Record<string, ItemState>): Record<string, ItemState> {
  const keys = Object.keys(items);
  if (keys.length <= MAX_ITEMS) return items;
  const keep = keys
    .map((k) => [k, items[k]!] as const)
    .sort(([ka, a], [kb, b]) => a.box - b.box || a.due - b.due || ka.localeCompare(kb))
    .slice(0, MAX_ITEMS);
  return Object.fromEntries(keep);
}

/**
 * Progress with one more finished session (immutable: `progress` is not changed). Each result
 * moves its item through the Leitner boxes in order; only the last MAX_SESSIONS sessions are
 * kept. A session whose id is already recorded changes nothing (finishing twice counts once).
 * Throws ProgressError if the record does not fit the schema, so saved progress always reads back.
 */
export function recordSession(progress: Progress, record: SessionRecord, now: number): Progress {
  if (!Number.isFinite(now) || now < 0)
    throw new ProgressError(`recordSession: now must be epoch milliseconds, not ${now}`);
  const r = sessionRecordSchema.safeParse(record);
  if (!r.success) throw new ProgressError(`session record: ${joinProblems(zodProblems(r.error))}`);
  if (progress.sessions.some((s) => s.id === record.id)) return progress;
  // a Map while updating (item keys are checked by the schema, `__proto__` cannot be one)
  const items = new Map<string, ItemState>(Object.entries(progress.items));
  for (const res of r.data.results)
    items.set(res.itemKey, nextItemState(items.get(res.itemKey), res.score, now));
  return {
    ...progress,
    sessions: [...progress.sessions, r.data].slice(-MAX_SESSIONS),
    items: capItems(Object.fromEntries(items)),
  };
}

// ---------------------------------------------------------------------------------------------
// Spaced repetition

function ownItem(progress: Progress, key: string): ItemState | undefined {
  return Object.hasOwn(progress.items, key) ? progress.items[key] : undefined;
}

/**
 * The weight the quiz generator gives an item (`generateQuiz`'s `weight` option): 1 for an item
 * never seen; a due item more than 1, the more the lower its box (weightDue: 4.5 in box 0 down to
 * 2 in box 5); an item not yet due small but above 0 (weightNotDue: 0.2 down to 0.1), so a quiz
 * can still ask it when little else is left.
 */
export function repetitionWeight(progress: Progress, now: number): (itemKey: string) => number {
  return (key) => {
    const s = ownItem(progress, key);
    if (!s) return WEIGHT_UNSEEN;
    return s.due <= now ? weightDue(s.box) : weightNotDue(s.box);
  };
}

export interface DueItem extends ItemState {
  readonly itemKey: string;
  /** How long it has been due, ms (≥ 0). */
  readonly overdueMs: number;
}

/** The items due at `now`, most overdue first (then the lower box, then by key). */
export function dueItems(progress: Progress, now: number): DueItem[] {
  return Object.entries(progress.items)
    .filter(([, s]) => s.due <= now)
    .map(([itemKey, s]) => ({ itemKey, ...s, overdueMs: now - s.due }))
    .sort(
      (a, b) =>
        a.due - b.due ||
        a.box - b.box ||
        (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0),
    );
}

// ---------------------------------------------------------------------------------------------
// History

export interface HistorySummary {
  readonly sessions: number;
  /** Mean of the sessions' scores, 0–1 (0 with no session). */
  readonly meanScore: number;
  /** The last sessions' scores, oldest first. */
  readonly recent: readonly { id: string; title: string; finishedAt: string; score: number }[];
  /** Least-squares slope of the recent scores per session (null with fewer than 2). */
  readonly trend: number | null;
  /** Mean score per muscle over every recorded result, lowest first. */
  readonly weakestMuscles: readonly { muscleId: string; count: number; score: number }[];
  /** Mean score per body area over every recorded result, lowest first. */
  readonly weakestAreas: readonly { area: string; count: number; score: number }[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function meanByKey(progress: Progress, keyOf: (r: SessionResult) => string | null) {
  const acc = new Map<string, { n: number; sum: number }>();
  for (const s of progress.sessions)
    for (const r of s.results) {
      const k = keyOf(r);
      if (k === null) continue;
      const a = acc.get(k) ?? { n: 0, sum: 0 };
      a.n++;
      a.sum += r.score;
      acc.set(k, a);
    }
  return [...acc]
    .map(([k, a]) => ({ k, count: a.n, score: round3(a.sum / a.n) }))
    .sort((a, b) => a.score - b.score || b.count - a.count || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
}

function slope(ys: readonly number[]): number | null {
  const n = ys.length;
  if (n < 2) return null;
  const mx = (n - 1) / 2;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return round3(num / den);
}

/** Sessions, mean score, the last `recent` sessions' scores and trend, the weakest muscles and areas. */
export function historySummary(progress: Progress, recent = 10): HistorySummary {
  const n = progress.sessions.length;
  const k = Number.isFinite(recent) ? Math.max(0, Math.floor(recent)) : n;
  const recentRows = k > 0 ? progress.sessions.slice(-k) : [];
  return {
    sessions: n,
    meanScore: n ? round3(progress.sessions.reduce((s, x) => s + x.score, 0) / n) : 0,
    recent: recentRows.map((s) => ({
      id: s.id,
      title: s.title,
      finishedAt: s.finishedAt,
      score: s.score,
    })),
    trend: slope(recentRows.map((s) => s.score)),
    weakestMuscles: meanByKey(progress, (r) => r.muscleId).map(({ k, ...rest }) => ({
      muscleId: k,
      ...rest,
    })),
    weakestAreas: meanByKey(progress, (r) => r.area).map(({ k, ...rest }) => ({
      area: k,
      ...rest,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Persistence

/** What progress is kept in: `window.localStorage` fits it; tests pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Every key (for pruning the app's own backups); a store without it is never pruned. */
  keys?(): string[];
}

/** How many of the app's own backups of each kind (corrupt, reset) are kept, newest first. */
export const BACKUPS_KEPT = 3;

export interface LoadResult {
  readonly progress: Progress;
  /** Why the saved progress could not be used (in words, with the path and zod's message). */
  readonly problem?: string;
  /** Where the unreadable text was copied. */
  readonly backupKey?: string;
  /** The unreadable text itself, so the app can offer it for download if the copy failed. */
  readonly raw?: string;
}

const errText = (err: unknown) =>
  err instanceof Error ? `${err.name}: ${err.message}` : String(err);

/** Reads `key` without throwing (a browser may refuse storage access). */
function tryGet(store: KeyValueStore, key: string): { value: string | null } | { error: string } {
  try {
    return { value: store.getItem(key) };
  } catch (err) {
    return { error: errText(err) };
  }
}

function trySet(store: KeyValueStore, key: string, value: string): string | null {
  try {
    store.setItem(key, value);
    return null;
  } catch (err) {
    return isQuotaError(err) ? `storage is full (${errText(err)})` : errText(err);
  }
}

/** A key `<prefix><ISO time>` not yet used in the store (a suffix -2, -3… if it is). */
function freshKey(store: KeyValueStore, prefix: string, now: number): string {
  const t = Number.isFinite(now) ? now : Date.now();
  const base = `${prefix}${new Date(t).toISOString()}`;
  for (let i = 1; i < 100; i++) {
    const key = i === 1 ? base : `${base}-${i}`;
    const got = tryGet(store, key);
    if ('value' in got && got.value === null) return key;
  }
  return `${base}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Copies unreadable text to a backup key (the last one again if it already holds this text). */
function backUpCorrupt(
  store: KeyValueStore,
  raw: string,
  now: number,
): { key: string } | { error: string } {
  const last = tryGet(store, LAST_CORRUPT_BACKUP_KEY);
  if ('value' in last && last.value?.startsWith(CORRUPT_BACKUP_PREFIX)) {
    const prev = tryGet(store, last.value);
    if ('value' in prev && prev.value === raw) return { key: last.value };
  }
  pruneBackups(store, CORRUPT_BACKUP_PREFIX, BACKUPS_KEPT - 1);
  const key = freshKey(store, CORRUPT_BACKUP_PREFIX, now);
  const failed = trySet(store, key, raw);
  if (failed) return { error: failed };
  trySet(store, LAST_CORRUPT_BACKUP_KEY, key);
  return { key };
}

/** The reason text cannot be read as progress, or the progress. */
export function parseProgressText(raw: string): { progress: Progress } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw) as unknown;
  } catch (err) {
    return { problem: `not JSON (${(err as Error).message})` };
  }
  const r = progressSchema.safeParse(json);
  if (!r.success) return { problem: joinProblems(zodProblems(r.error)) };
  return { progress: r.data };
}

/**
 * The saved progress. Nothing saved: empty progress. Saved text that cannot be read (not JSON,
 * or not this format): its text is copied to `needlewise.progress.corrupt.<ISO time>` first, the
 * problem is returned in words (e.g. "sessions[3].score: Too big…"), and the progress returned is
 * empty; the original key is left as it is until the next successful save. Never throws.
 */
export function loadProgress(store: KeyValueStore, now: number = Date.now()): LoadResult {
  const got = tryGet(store, PROGRESS_KEY);
  if ('error' in got)
    return {
      progress: emptyProgress(),
      problem: `Saved progress could not be read from storage (${got.error}); starting with empty progress.`,
    };
  const raw = got.value;
  if (raw === null) return { progress: emptyProgress() };
  const parsed = parseProgressText(raw);
  if ('progress' in parsed) return { progress: parsed.progress };
  const backup = backUpCorrupt(store, raw, now);
  const kept = salvageProgress(raw);
  if (kept && (kept.progress.sessions.length > 0 || Object.keys(kept.progress.items).length > 0)) {
    // one bad record must not hide the good ones: keep every record that reads, set aside the rest
    const copy =
      'key' in backup
        ? `the whole saved text is kept under ${backup.key}`
        : `a copy could not be kept (${backup.error})`;
    return {
      progress: kept.progress,
      problem: `Saved progress (${PROGRESS_KEY}) had records that cannot be read: ${joinProblems(kept.dropped)}. The ${kept.progress.sessions.length} session(s) and the repetition items that read are kept; ${copy}.`,
      ...('key' in backup ? { backupKey: backup.key } : {}),
      raw,
    };
  }
  const where = `Saved progress (${PROGRESS_KEY}) cannot be read: ${parsed.problem}.`;
  if ('key' in backup)
    return {
      progress: emptyProgress(),
      problem: `${where} A copy of it was kept under ${backup.key}; starting with empty progress.`,
      backupKey: backup.key,
      raw,
    };
  return {
    progress: emptyProgress(),
    problem: `${where} A copy could not be kept (${backup.error}); it stays under ${PROGRESS_KEY} until the next save. Starting with empty progress.`,
    raw,
  };
}

/** Whether an error thrown by storage is the browser's "storage full". */
export function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; code?: unknown };
  return (
    e.name === 'QuotaExceededError' ||
    e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    e.code === 22 ||
    e.code === 1014
  );
}

export type SaveResult =
  | { readonly ok: true; readonly progress: Progress }
  | { readonly ok: false; readonly problem: string; readonly progress?: Progress };

/**
 * Saves progress (checked against the schema first, so what is saved always reads back). What is
 * stored is read again first and merged in (`mergeProgress`): another tab may have saved a quiz
 * since this one loaded, and a save must not drop it. Storage errors, a full storage included,
 * are returned, not thrown; the merged progress comes back so the caller can show it.
 */
export function saveProgress(store: KeyValueStore, progress: Progress): SaveResult {
  const stored = tryGet(store, PROGRESS_KEY);
  const theirs =
    'value' in stored && stored.value !== null
      ? salvageProgress(stored.value)?.progress
      : undefined;
  return writeProgress(store, theirs ? mergeProgress(theirs, progress) : progress);
}

function writeProgress(store: KeyValueStore, progress: Progress): SaveResult {
  const r = progressSchema.safeParse(progress);
  if (!r.success)
    return {
      ok: false,
      problem: `Progress not saved: it does not fit the format (${joinProblems(zodProblems(r.error))}).`,
    };
  let text: string;
  try {
    text = JSON.stringify(r.data);
  } catch (err) {
    return { ok: false, problem: `Progress not saved: ${errText(err)}.` };
  }
  const failed = trySet(store, PROGRESS_KEY, text);
  if (failed) return { ok: false, problem: `Progress not saved: ${failed}.`, progress: r.data };
  return { ok: true, progress: r.data };
}

export type ResetResult =
  | { readonly ok: true; readonly backupKey: string | null }
  | { readonly ok: false; readonly problem: string };

/**
 * Removes saved progress (the app asks first). The current value is first copied to
 * `needlewise.progress.reset.<ISO time>`, whose key is returned (null when nothing was saved).
 * If the copy cannot be written, nothing is removed and the problem is returned.
 */
export function resetProgress(store: KeyValueStore, now: number): ResetResult {
  const got = tryGet(store, PROGRESS_KEY);
  if ('error' in got) return { ok: false, problem: `Progress not reset: ${got.error}.` };
  let backupKey: string | null = null;
  if (got.value !== null) {
    pruneBackups(store, RESET_BACKUP_PREFIX, BACKUPS_KEPT - 1);
    backupKey = freshKey(store, RESET_BACKUP_PREFIX, now);
    const failed = trySet(store, backupKey, got.value);
    if (failed)
      return {
        ok: false,
        problem: `Progress not reset: a copy could not be kept (${failed}); nothing was removed.`,
      };
  }
  try {
    store.removeItem(PROGRESS_KEY);
  } catch (err) {
    return { ok: false, problem: `Progress not reset: ${errText(err)}.` };
  }
  return { ok: true, backupKey };
}

// ---------------------------------------------------------------------------------------------
// Salvage, merge, backups

/**
 * The records of saved text that still read: each session and item checked on its own, the bad
 * ones named in `dropped`. Null when the text is not JSON of this format at all.
 */
export function salvageProgress(raw: string): { progress: Progress; dropped: string[] } | null {
  let json: unknown;
  try {
    json = JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  if (o['format'] !== PROGRESS_FORMAT || o['version'] !== PROGRESS_VERSION) return null;
  const whole = progressSchema.safeParse(json);
  if (whole.success) return { progress: whole.data, dropped: [] };
  // what was wrong, path by path as the whole text's check names it; then each record alone
  const dropped = zodProblems(whole.error);
  const sessions: SessionRecord[] = [];
  const ids = new Set<string>();
  const rawSessions = Array.isArray(o['sessions']) ? (o['sessions'] as unknown[]) : [];
  for (const x of rawSessions) {
    const r = sessionRecordSchema.safeParse(x);
    if (r.success && !ids.has(r.data.id)) {
      ids.add(r.data.id);
      sessions.push(r.data);
    }
  }
  const items = new Map<string, ItemState>();
  const rawItems = o['items'];
  if (typeof rawItems === 'object' && rawItems !== null && !Array.isArray(rawItems))
    for (const [k, v] of Object.entries(rawItems)) {
      const r = itemStateSchema.safeParse(v);
      if (k !== '__proto__' && itemKeySchema.safeParse(k).success && r.success)
        items.set(k, r.data);
    }
  const progress: Progress = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    sessions: sessions.slice(-MAX_SESSIONS),
    items: capItems(Object.fromEntries(items)),
  };
  return progressSchema.safeParse(progress).success ? { progress, dropped } : null;
}

/**
 * Two copies of progress as one: every session of either (by id, in the order they finished,
 * the last MAX_SESSIONS), and for each repetition item the state that has seen more answers (the
 * later due date on a tie). What two tabs saved both survives.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const byId = new Map<string, SessionRecord>();
  for (const s of [...a.sessions, ...b.sessions]) if (!byId.has(s.id)) byId.set(s.id, s);
  const sessions = [...byId.values()].sort((x, y) => x.finishedAt.localeCompare(y.finishedAt));
  const items = new Map<string, ItemState>(Object.entries(a.items));
  for (const [k, v] of Object.entries(b.items)) {
    const old = items.get(k);
    if (!old || v.seen > old.seen || (v.seen === old.seen && v.due > old.due)) items.set(k, v);
  }
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    sessions: sessions.slice(-MAX_SESSIONS),
    items: capItems(Object.fromEntries(items)),
  };
}

/** The app's own backups of progress (corrupt and reset copies), newest first. */
export function listBackups(store: KeyValueStore): string[] {
  let keys: string[];
  try {
    keys = store.keys?.() ?? [];
  } catch {
    return [];
  }
  return keys
    .filter(
      (k) =>
        (k.startsWith(CORRUPT_BACKUP_PREFIX) && k !== LAST_CORRUPT_BACKUP_KEY) ||
        k.startsWith(RESET_BACKUP_PREFIX),
    )
    .sort((x, y) => backupTime(y).localeCompare(backupTime(x)));
}

const backupTime = (key: string) =>
  key.startsWith(CORRUPT_BACKUP_PREFIX)
    ? key.slice(CORRUPT_BACKUP_PREFIX.length)
    : key.slice(RESET_BACKUP_PREFIX.length);

/** Removes the oldest backups under `prefix` beyond the newest `keep`, so the app never fills storage. */
function pruneBackups(store: KeyValueStore, prefix: string, keep: number): void {
  const mine = listBackups(store).filter((k) => k.startsWith(prefix));
  for (const k of mine.slice(Math.max(0, keep)))
    try {
      store.removeItem(k);
    } catch {
      /* a refusal to remove leaves the copy; nothing is lost */
    }
}

export type RestoreResult =
  | { readonly ok: true; readonly progress: Progress; readonly dropped: readonly string[] }
  | { readonly ok: false; readonly problem: string };

/**
 * Progress with a backup's records added (merged, so nothing now saved is lost): the records of the
 * backup that read, and which did not. Saves the result.
 */
export function restoreBackup(store: KeyValueStore, key: string, current: Progress): RestoreResult {
  const isBackup =
    (key.startsWith(CORRUPT_BACKUP_PREFIX) && key !== LAST_CORRUPT_BACKUP_KEY) ||
    key.startsWith(RESET_BACKUP_PREFIX);
  if (!isBackup) return { ok: false, problem: `${key} is not a backup of this app's progress.` };
  const got = tryGet(store, key);
  if ('error' in got) return { ok: false, problem: `${key} could not be read (${got.error}).` };
  if (got.value === null) return { ok: false, problem: `${key} is no longer in storage.` };
  const kept = salvageProgress(got.value);
  if (!kept) return { ok: false, problem: `${key} holds no progress this app can read.` };
  const saved = saveProgress(store, mergeProgress(current, kept.progress));
  if (!saved.ok) return { ok: false, problem: saved.problem };
  return { ok: true, progress: saved.progress, dropped: kept.dropped };
}
