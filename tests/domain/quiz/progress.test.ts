import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/domain/random.ts';
import { PASS_SCORE, type QuestionResult } from '../../../src/domain/quiz/score.ts';
import {
  CORRUPT_BACKUP_PREFIX,
  INTERVAL_DAYS,
  MAX_SESSIONS,
  MISSED_DELAY_MS,
  PROGRESS_KEY,
  ProgressError,
  RESET_BACKUP_PREFIX,
  BACKUPS_KEPT,
  dueItems,
  listBackups,
  mergeProgress,
  progressSchema,
  restoreBackup,
  emptyProgress,
  historySummary,
  loadProgress,
  nextItemState,
  recordSession,
  repetitionWeight,
  resetProgress,
  saveProgress,
  toSessionRecord,
  type ItemState,
  type KeyValueStore,
  type Progress,
  type SessionRecord,
  type SessionResult,
} from '../../../src/domain/quiz/progress.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 15, 9, 30, 0);

/** localStorage in a Map, with an optional quota (total characters) like a browser's. */
class MemoryStore implements KeyValueStore {
  map = new Map<string, string>();
  failSet = false;
  failGet = false;
  constructor(readonly quota = Infinity) {}
  getItem(k: string) {
    if (this.failGet) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failSet) throw new DOMException('denied', 'SecurityError');
    let used = 0;
    for (const [key, val] of this.map) if (key !== k) used += key.length + val.length;
    if (used + k.length + v.length > this.quota)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  keys() {
    return [...this.map.keys()];
  }
}

function result(over: Partial<SessionResult> = {}): SessionResult {
  return {
    questionId: 'q1',
    type: 'locate',
    score: 1,
    itemKey: 'locate:upper-trapezius-trp1',
    triggerPointId: 'upper-trapezius-trp1',
    muscleId: 'upper-trapezius',
    area: 'head-neck',
    ...over,
  };
}

function session(id: string, results: SessionResult[], over: Partial<SessionRecord> = {}) {
  const score = results.length ? results.reduce((s, r) => s + r.score, 0) / results.length : 0;
  return {
    id,
    title: `Quiz ${id}`,
    seed: 42,
    mode: 'practice',
    startedAt: new Date(T0).toISOString(),
    finishedAt: new Date(T0 + 5 * MIN).toISOString(),
    score: Math.round(score * 1000) / 1000,
    correct: results.filter((r) => r.score >= PASS_SCORE).length,
    total: results.length,
    results,
    ...over,
  } satisfies SessionRecord;
}

const KEY = 'locate:upper-trapezius-trp1';

function sampleProgress(): Progress {
  let p = emptyProgress();
  p = recordSession(
    p,
    session('a', [
      result(),
      result({
        questionId: 'q2',
        type: 'name-muscle',
        score: 0,
        itemKey: 'name-muscle:gluteus-medius-trp1',
        triggerPointId: 'gluteus-medius-trp1',
        muscleId: 'gluteus-medius',
        area: 'hip-thigh',
      }),
      result({
        questionId: 'q3',
        type: 'pick-trigger-points',
        score: 0.5,
        itemKey: 'pick-trigger-points:neck-posterior+shoulder-top',
        triggerPointId: null,
        muscleId: null,
        area: null,
      }),
    ]),
    T0,
  );
  p = recordSession(p, session('b', [result({ score: 0.8 })], { mode: 'exam' }), T0 + DAY);
  return p;
}

describe('saving and loading progress', () => {
  it('reads back what it saved', () => {
    const store = new MemoryStore();
    const p = sampleProgress();
    expect(saveProgress(store, p)).toEqual({ ok: true, progress: p });
    const loaded = loadProgress(store, T0);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.backupKey).toBeUndefined();
    expect(loaded.progress).toEqual(p);
    expect(loaded.progress.sessions).toHaveLength(2);
  });

  it('starts empty when nothing is saved', () => {
    const store = new MemoryStore();
    expect(loadProgress(store, T0)).toEqual({ progress: emptyProgress() });
    expect(store.map.size).toBe(0);
  });

  it('keeps unreadable JSON in a backup key, says so, and does not throw', () => {
    const store = new MemoryStore();
    const raw = '{"format":"needlewise-progress","version":1,"sessions":[{"id":';
    store.setItem(PROGRESS_KEY, raw);
    const r = loadProgress(store, T0);
    expect(r.progress).toEqual(emptyProgress());
    expect(r.problem).toMatch(/not JSON/);
    expect(r.problem).toContain(PROGRESS_KEY);
    expect(r.backupKey).toBe(`${CORRUPT_BACKUP_PREFIX}${new Date(T0).toISOString()}`);
    expect(r.problem).toContain(r.backupKey!);
    expect(store.getItem(r.backupKey!)).toBe(raw);
    // the original stays until the next successful save
    expect(store.getItem(PROGRESS_KEY)).toBe(raw);
    // loading the same text again makes no second copy
    const again = loadProgress(store, T0 + 1000);
    expect(again.backupKey).toBe(r.backupKey);
    expect([...store.map.keys()].filter((k) => k.startsWith(CORRUPT_BACKUP_PREFIX + '2'))).toEqual([
      r.backupKey,
    ]);
    // a later save replaces the original, the backup stays
    expect(saveProgress(store, sampleProgress()).ok).toBe(true);
    expect(loadProgress(store, T0).problem).toBeUndefined();
    expect(store.getItem(r.backupKey!)).toBe(raw);
  });

  it('keeps schema-invalid progress in a backup key and names the path and the problem', () => {
    const store = new MemoryStore();
    let p = emptyProgress();
    for (let i = 0; i < 5; i++) p = recordSession(p, session(`s${i}`, [result()]), T0 + i);
    const json = JSON.parse(JSON.stringify(p)) as { sessions: { score: number }[] };
    json.sessions[3]!.score = 1.5;
    const raw = JSON.stringify(json);
    store.setItem(PROGRESS_KEY, raw);
    let r: ReturnType<typeof loadProgress> | undefined;
    expect(() => (r = loadProgress(store, T0))).not.toThrow();
    // the one bad session is set aside, the four that read are kept
    expect(r!.progress.sessions.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's4']);
    expect(r!.problem).toMatch(/sessions\[3\]\.score: Too big/);
    expect(store.getItem(r!.backupKey!)).toBe(raw);
    expect(store.getItem(PROGRESS_KEY)).toBe(raw);
  });

  it.each([
    ['an unknown key', (j: Record<string, unknown>) => (j.extra = 1), /extra|Unrecognized/i, 2],
    ['another format', (j: Record<string, unknown>) => (j.format = 'other'), /^.*format:/, 0],
    [
      'a __proto__ item key',
      (j: Record<string, unknown>) =>
        ((j.items as Record<string, unknown>) = JSON.parse(
          '{"__proto__":{"box":1,"due":0,"seen":1,"lastScore":1}}',
        ) as Record<string, unknown>),
      /items/,
      2,
    ],
    [
      'a box beyond 5',
      (j: Record<string, unknown>) => ((j.items as Record<string, ItemState>)[KEY]!.box = 6),
      /items\.locate:upper-trapezius-trp1\.box/,
      2,
    ],
    [
      'an infinite due time',
      (j: Record<string, unknown>) =>
        ((j.items as Record<string, ItemState>)[KEY]!.due = Number.POSITIVE_INFINITY),
      /due/,
      2,
    ],
    [
      'a long title',
      (j: Record<string, unknown>) =>
        ((j.sessions as { title: string }[])[0]!.title = 'x'.repeat(201)),
      /sessions\[0\]\.title/,
      1,
    ],
  ])('refuses %s without losing it', (_name, spoil, message, sessionsKept) => {
    const store = new MemoryStore();
    const json = JSON.parse(JSON.stringify(sampleProgress())) as Record<string, unknown>;
    spoil(json);
    const raw = JSON.stringify(json);
    store.setItem(PROGRESS_KEY, raw);
    const r = loadProgress(store, T0);
    expect(r.problem).toMatch(message);
    // every record that reads is kept (none when the text is another format), the bad one not
    expect(r.progress.sessions).toHaveLength(sessionsKept);
    expect(progressSchema.safeParse(r.progress).success).toBe(true);
    expect(store.getItem(r.backupKey!)).toBe(raw);
  });

  it('reports a backup it cannot write, leaves the original, returns the text', () => {
    const store = new MemoryStore();
    store.setItem(PROGRESS_KEY, 'not json');
    store.failSet = true;
    const r = loadProgress(store, T0);
    expect(r.backupKey).toBeUndefined();
    expect(r.problem).toMatch(/could not be kept/);
    expect(r.raw).toBe('not json');
    expect(store.map.get(PROGRESS_KEY)).toBe('not json');
  });

  it('does not throw when storage cannot be read', () => {
    const store = new MemoryStore();
    store.failGet = true;
    const r = loadProgress(store, T0);
    expect(r.progress).toEqual(emptyProgress());
    expect(r.problem).toMatch(/SecurityError/);
  });

  it('reports a full storage on save and keeps what was saved before', () => {
    const p = sampleProgress();
    const store = new MemoryStore(PROGRESS_KEY.length + JSON.stringify(p).length + 10);
    expect(saveProgress(store, p).ok).toBe(true);
    let bigger = p;
    for (let i = 0; i < 3; i++) bigger = recordSession(bigger, session(`x${i}`, [result()]), T0);
    const r = saveProgress(store, bigger);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/storage is full.*QuotaExceededError/);
    expect(loadProgress(store, T0).progress).toEqual(p);
  });

  it('refuses to save progress that would not read back', () => {
    const store = new MemoryStore();
    const bad = { ...sampleProgress(), version: 2 } as unknown as Progress;
    const r = saveProgress(store, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/version/);
    expect(store.map.size).toBe(0);
  });

  it('reset moves the value to a backup key first', () => {
    const store = new MemoryStore();
    const p = sampleProgress();
    saveProgress(store, p);
    const saved = store.getItem(PROGRESS_KEY)!;
    const r = resetProgress(store, T0);
    expect(r).toEqual({
      ok: true,
      backupKey: `${RESET_BACKUP_PREFIX}${new Date(T0).toISOString()}`,
    });
    if (!r.ok) return;
    expect(store.getItem(r.backupKey!)).toBe(saved);
    expect(store.getItem(PROGRESS_KEY)).toBeNull();
    expect(loadProgress(store, T0)).toEqual({ progress: emptyProgress() });
    // nothing saved: nothing to back up
    expect(resetProgress(store, T0)).toEqual({ ok: true, backupKey: null });
    // a second reset in the same millisecond gets a key of its own
    saveProgress(store, p);
    const r2 = resetProgress(store, T0);
    expect(r2.ok && r2.backupKey).toBe(`${RESET_BACKUP_PREFIX}${new Date(T0).toISOString()}-2`);
  });

  it('reset removes nothing when the backup cannot be written', () => {
    const store = new MemoryStore();
    saveProgress(store, sampleProgress());
    const saved = store.getItem(PROGRESS_KEY);
    store.failSet = true;
    const r = resetProgress(store, T0);
    expect(r.ok).toBe(false);
    expect(store.getItem(PROGRESS_KEY)).toBe(saved);
  });
});

describe('recordSession', () => {
  it('moves an item up one box per right answer and back to box 0 on a wrong one', () => {
    let p = emptyProgress();
    let now = T0;
    const expectBox = (box: number, due: number, seen: number) =>
      expect(p.items[KEY]).toMatchObject({ box, due, seen });
    for (let i = 1; i <= 6; i++) {
      p = recordSession(p, session(`r${i}`, [result({ score: 1 })]), now);
      const box = Math.min(5, i);
      expectBox(box, now + INTERVAL_DAYS[box]! * DAY, i);
      now += 40 * DAY;
    }
    expect(INTERVAL_DAYS.map((d) => d * DAY)).toEqual([
      10 * MIN,
      DAY,
      3 * DAY,
      7 * DAY,
      14 * DAY,
      30 * DAY,
    ]);
    p = recordSession(p, session('w', [result({ score: 0.2 })]), now);
    expectBox(0, now + 10 * MIN, 7);
    expect(p.items[KEY]!.lastScore).toBe(0.2);
    p = recordSession(p, session('r7', [result({ score: 0.9 })]), now + MIN);
    expectBox(1, now + MIN + DAY, 8);
  });

  it('counts PASS_SCORE as right and just below it as wrong', () => {
    const right = recordSession(emptyProgress(), session('a', [result({ score: PASS_SCORE })]), T0);
    expect(right.items[KEY]!.box).toBe(1);
    const wrong = recordSession(
      emptyProgress(),
      session('a', [result({ score: PASS_SCORE - 0.001 })]),
      T0,
    );
    expect(wrong.items[KEY]).toEqual({
      box: 0,
      due: T0 + MISSED_DELAY_MS,
      seen: 1,
      lastScore: 0.699,
    });
  });

  it('takes the answers of one session in order', () => {
    const p = recordSession(
      emptyProgress(),
      session('a', [result({ score: 1 }), result({ questionId: 'q2', score: 1 })]),
      T0,
    );
    expect(p.items[KEY]).toMatchObject({ box: 2, seen: 2, due: T0 + 3 * DAY });
  });

  it('does not change the progress it is given', () => {
    const p = sampleProgress();
    const before = structuredClone(p);
    recordSession(p, session('c', [result({ score: 0 })]), T0 + 2 * DAY);
    expect(p).toEqual(before);
  });

  it('counts a session id once', () => {
    const p = sampleProgress();
    expect(recordSession(p, session('a', [result({ score: 0 })]), T0 + 9 * DAY)).toBe(p);
  });

  it('refuses a record that would not read back', () => {
    expect(() =>
      recordSession(emptyProgress(), session('a', [result({ score: 2 })]), T0),
    ).toThrowError(ProgressError);
    expect(() =>
      recordSession(emptyProgress(), session('a', [result({ itemKey: '__proto__' })]), T0),
    ).toThrowError(/results\[0\]\.itemKey/);
    expect(() => recordSession(emptyProgress(), session('a', [result()]), NaN)).toThrowError(
      ProgressError,
    );
  });

  it(`keeps the last ${MAX_SESSIONS} sessions`, () => {
    let p = emptyProgress();
    for (let i = 0; i < MAX_SESSIONS + 5; i++)
      p = recordSession(p, session(`s${i}`, [result({ score: i % 2 })]), T0 + i * MIN);
    expect(p.sessions).toHaveLength(MAX_SESSIONS);
    expect(p.sessions[0]!.id).toBe('s5');
    expect(p.sessions.at(-1)!.id).toBe(`s${MAX_SESSIONS + 4}`);
    expect(p.items[KEY]!.seen).toBe(MAX_SESSIONS + 5);
    const store = new MemoryStore();
    expect(saveProgress(store, p).ok).toBe(true);
    expect(loadProgress(store).progress).toEqual(p);
  });

  it('builds a record from scored results', () => {
    const qr = (id: string, score: number): QuestionResult => ({
      questionId: id,
      type: 'name-muscle',
      score,
      correct: score >= PASS_SCORE,
      answered: true,
      feedback: [],
      key: { type: 'name-muscle', muscleId: 'deltoid' },
      triggerPointId: 'deltoid-trp1',
      muscleId: 'deltoid',
      area: 'shoulder-arm',
      itemKey: 'name-muscle:deltoid-trp1',
    });
    const rec = toSessionRecord({
      id: 'x',
      quiz: { title: 'Shoulder', seed: 7, mode: 'exam' },
      results: [qr('a', 1), qr('b', 0.5)],
      startedAt: T0,
      finishedAt: T0 + MIN,
    });
    expect(rec).toMatchObject({
      id: 'x',
      seed: 7,
      mode: 'exam',
      score: 0.75,
      correct: 1,
      total: 2,
      startedAt: new Date(T0).toISOString(),
    });
    expect(rec.results[1]).toEqual({
      questionId: 'b',
      type: 'name-muscle',
      score: 0.5,
      itemKey: 'name-muscle:deltoid-trp1',
      triggerPointId: 'deltoid-trp1',
      muscleId: 'deltoid',
      area: 'shoulder-arm',
    });
    expect(recordSession(emptyProgress(), rec, T0).sessions).toEqual([rec]);
  });
});

describe('spaced repetition', () => {
  it('weights unseen 1, due more than 1 (the lower the box the more), not due small', () => {
    let p = emptyProgress();
    p = recordSession(p, session('a', [result({ score: 0 })]), T0); // box 0, due in 10 min
    const other = 'needle:deltoid-trp1';
    p = recordSession(
      p,
      session('b', [result({ itemKey: other, score: 1 }), result({ itemKey: other, score: 1 })]),
      T0,
    ); // box 2, due in 3 days
    const now = repetitionWeight(p, T0 + MIN);
    expect(now('locate:never-asked')).toBe(1);
    expect(now(KEY)).toBeGreaterThan(0);
    expect(now(KEY)).toBeLessThan(1);
    expect(now('__proto__')).toBe(1);
    expect(now('constructor')).toBe(1);
    const later = repetitionWeight(p, T0 + 4 * DAY);
    expect(later(KEY)).toBeGreaterThan(1);
    expect(later(other)).toBeGreaterThan(1);
    expect(later(KEY)).toBeGreaterThan(later(other));
  });

  it('lists due items most overdue first', () => {
    let p = emptyProgress();
    p = recordSession(p, session('a', [result({ itemKey: 'locate:a', score: 1 })]), T0); // due T0+1d
    p = recordSession(p, session('b', [result({ itemKey: 'locate:b', score: 0 })]), T0); // T0+10m
    p = recordSession(p, session('c', [result({ itemKey: 'locate:c', score: 0 })]), T0 + DAY); // T0+1d+10m
    expect(dueItems(p, T0).map((d) => d.itemKey)).toEqual([]);
    expect(dueItems(p, T0 + 2 * DAY).map((d) => d.itemKey)).toEqual([
      'locate:b',
      'locate:a',
      'locate:c',
    ]);
    expect(dueItems(p, T0 + 2 * DAY)[0]!.overdueMs).toBe(2 * DAY - 10 * MIN);
    expect(dueItems(p, T0 + DAY).map((d) => d.itemKey)).toEqual(['locate:b', 'locate:a']);
  });

  it('a wrong answer brings an item back no later, and weighs it more, than a right one', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = mulberry32(seed);
      let state: ItemState | undefined;
      let now = T0 + Math.floor(rng() * 1e9);
      const steps = 1 + Math.floor(rng() * 12);
      for (let i = 0; i < steps; i++) {
        const wrong = nextItemState(state, rng() * PASS_SCORE * 0.999, now);
        const right = nextItemState(state, PASS_SCORE + rng() * (1 - PASS_SCORE), now);
        expect(wrong.due).toBeLessThanOrEqual(right.due);
        const pw: Progress = { ...emptyProgress(), items: { [KEY]: wrong } };
        const pr: Progress = { ...emptyProgress(), items: { [KEY]: right } };
        for (const dt of [0, MIN, 10 * MIN, rng() * 40 * DAY, 31 * DAY]) {
          const w = repetitionWeight(pw, now + dt)(KEY);
          const r = repetitionWeight(pr, now + dt)(KEY);
          expect(w).toBeGreaterThan(r);
          expect(r).toBeGreaterThan(0);
        }
        // then carry on along a random history
        state = rng() < 0.6 ? right : wrong;
        now += Math.floor(rng() * 20 * DAY);
      }
    }
  });

  it('a missed item weighs more and comes due sooner than a mastered one', () => {
    const rng = mulberry32(2024);
    for (let trial = 0; trial < 100; trial++) {
      let p = emptyProgress();
      let now = T0;
      const n = 5 + Math.floor(rng() * 10);
      for (let i = 0; i < n; i++) {
        const results = [
          result({ questionId: 'm', itemKey: 'locate:mastered', score: 1 }),
          result({ questionId: 'x', itemKey: 'locate:missed', score: rng() < 0.5 ? 1 : 0.3 }),
        ];
        // the last answer to the missed one is wrong
        if (i === n - 1)
          results[1] = result({ questionId: 'x', itemKey: 'locate:missed', score: 0 });
        p = recordSession(p, session(`t${i}`, results), now);
        now += Math.floor(rng() * 40 * DAY);
      }
      expect(p.items['locate:missed']!.due).toBeLessThanOrEqual(p.items['locate:mastered']!.due);
      const at = now + Math.floor(rng() * 60 * DAY);
      const w = repetitionWeight(p, at);
      expect(w('locate:missed')).toBeGreaterThan(w('locate:mastered'));
    }
  });
});

describe('historySummary', () => {
  it('counts sessions, the mean, the recent trend and the weakest muscles and areas', () => {
    let p = emptyProgress();
    const scores = [0.2, 0.4, 0.6, 0.8];
    scores.forEach((s, i) => {
      p = recordSession(
        p,
        session(`h${i}`, [
          result({ score: s }),
          result({
            questionId: 'g',
            score: s / 2,
            itemKey: 'locate:gluteus-medius-trp1',
            muscleId: 'gluteus-medius',
            area: 'hip-thigh',
          }),
          result({
            questionId: 'p',
            itemKey: 'pick-trigger-points:a+b',
            muscleId: null,
            area: null,
          }),
        ]),
        T0 + i * DAY,
      );
    });
    const h = historySummary(p, 3);
    expect(h.sessions).toBe(4);
    const means = p.sessions.map((s) => s.score);
    expect(h.meanScore).toBeCloseTo(means.reduce((a, b) => a + b, 0) / 4, 3);
    expect(h.recent.map((r) => r.id)).toEqual(['h1', 'h2', 'h3']);
    expect(h.trend).toBeGreaterThan(0);
    expect(h.weakestMuscles.map((m) => m.muscleId)).toEqual(['gluteus-medius', 'upper-trapezius']);
    expect(h.weakestMuscles[0]).toEqual({ muscleId: 'gluteus-medius', count: 4, score: 0.25 });
    expect(h.weakestAreas[0]).toEqual({ area: 'hip-thigh', count: 4, score: 0.25 });
    expect(historySummary(emptyProgress())).toMatchObject({
      sessions: 0,
      meanScore: 0,
      recent: [],
      trend: null,
    });
  });
});

describe("nothing lost: two tabs, one bad record, a full storage, the app's own backups", () => {
  const one = (id: string, minutes: number) =>
    session(id, [result({ questionId: `q-${id}` })], {
      finishedAt: new Date(T0 + minutes * MIN).toISOString(),
    });

  it('two tabs that each finish a quiz both keep it (the save re-reads and merges)', () => {
    const store = new MemoryStore();
    const a = loadProgress(store).progress;
    const b = loadProgress(store).progress;
    expect(saveProgress(store, recordSession(a, one('tab-a', 1), T0)).ok).toBe(true);
    const r = saveProgress(store, recordSession(b, one('tab-b', 2), T0 + MIN));
    expect(r.ok).toBe(true);
    const stored = loadProgress(store).progress.sessions.map((s) => s.id);
    expect(stored).toEqual(['tab-a', 'tab-b']);
    expect(r.progress?.sessions.map((s) => s.id)).toEqual(['tab-a', 'tab-b']);
  });

  it("merging keeps each item's state with more answers, and every session once", () => {
    const a = recordSession(emptyProgress(), one('x', 1), T0);
    const b = recordSession(a, one('y', 2), T0 + DAY);
    const m = mergeProgress(a, b);
    expect(m.sessions.map((s) => s.id)).toEqual(['x', 'y']);
    expect(m.items[KEY]!.seen).toBe(2);
    expect(mergeProgress(b, a)).toEqual(m);
  });

  it('one bad record (score 7) among three good ones: the three are kept, the text set aside, a backup restorable', () => {
    const store = new MemoryStore();
    let p = emptyProgress();
    for (const [i, id] of ['g1', 'g2', 'g3'].entries()) p = recordSession(p, one(id, i), T0);
    const json = JSON.parse(JSON.stringify(p)) as { sessions: unknown[] };
    json.sessions.push({ ...one('bad', 9), score: 7 });
    store.map.set(PROGRESS_KEY, JSON.stringify(json));
    const loaded = loadProgress(store, T0);
    expect(loaded.progress.sessions.map((s) => s.id)).toEqual(['g1', 'g2', 'g3']);
    expect(loaded.problem).toMatch(/sessions\[3\]/);
    expect(loaded.backupKey).toMatch(new RegExp(`^${CORRUPT_BACKUP_PREFIX}`));
    expect(store.map.get(loaded.backupKey!)).toBe(JSON.stringify(json));
    // the next save keeps the three and adds the new one
    saveProgress(store, recordSession(loaded.progress, one('g4', 4), T0));
    expect(loadProgress(store).progress.sessions.map((s) => s.id)).toEqual([
      'g1',
      'g2',
      'g3',
      'g4',
    ]);
    expect(listBackups(store)).toContain(loaded.backupKey);
  });

  it('restoring a reset backup brings the sessions back, merged with what is saved now', () => {
    const store = new MemoryStore();
    saveProgress(store, recordSession(emptyProgress(), one('old', 1), T0));
    const reset = resetProgress(store, T0 + MIN);
    expect(reset.ok && reset.backupKey).toBeTruthy();
    const now = recordSession(emptyProgress(), one('new', 2), T0 + 2 * MIN);
    saveProgress(store, now);
    const r = restoreBackup(store, (reset as { backupKey: string }).backupKey, now);
    expect(r.ok).toBe(true);
    expect(loadProgress(store).progress.sessions.map((s) => s.id)).toEqual(['old', 'new']);
    expect(restoreBackup(store, PROGRESS_KEY, now).ok).toBe(false);
  });

  it(`the app never fills storage with its own backups: at most ${BACKUPS_KEPT} of each kind, newest kept`, () => {
    const store = new MemoryStore();
    for (let i = 0; i < 10; i++) {
      store.map.set(PROGRESS_KEY, `not json ${i}`);
      loadProgress(store, T0 + i * MIN);
    }
    const corrupt = listBackups(store).filter((k) => k.startsWith(CORRUPT_BACKUP_PREFIX));
    expect(corrupt).toHaveLength(BACKUPS_KEPT);
    expect(store.map.get(corrupt[0]!)).toBe('not json 9');
    for (let i = 0; i < 6; i++) {
      saveProgress(store, recordSession(emptyProgress(), one(`r${i}`, i), T0));
      resetProgress(store, T0 + (20 + i) * MIN);
    }
    const resets = listBackups(store).filter((k) => k.startsWith(RESET_BACKUP_PREFIX));
    expect(resets).toHaveLength(BACKUPS_KEPT);
  });

  it('a full storage: the save says so and hands back the progress (nothing silently in memory)', () => {
    const store = new MemoryStore(50);
    const p = recordSession(emptyProgress(), one('full', 1), T0);
    const r = saveProgress(store, p);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/storage is full/);
    expect(r.progress?.sessions.map((s) => s.id)).toEqual(['full']);
  });
});
