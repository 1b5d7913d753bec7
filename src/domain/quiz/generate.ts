/**
 * Quiz generation: a seed, a count and filters give the same quiz every time (mulberry32). The
 * questions are drawn from the catalog's trigger points that the model can hold; choices come
 * from plausible neighbours (muscles whose referral patterns overlap, the trigger points the
 * lookup engine ranks for the same pain, the danger structures nearest the needle), never at
 * random from the whole list.
 */
import { structureIdsFor, type CatalogSide } from '../catalog/load.ts';
import type { TriggerPoint } from '../catalog/schema.ts';
import { lookup } from '../lookup/lookup.ts';
import { DANGER_KINDS, simulateNeedle } from '../needle/simulate.ts';
import { pick, shuffled, type Rng } from '../technique/random.ts';
import { mulberry32 } from '../random.ts';
import type { BodyVec3 } from '../units.ts';
import { along, norm, sub } from '../vec.ts';

const r5 = (v: BodyVec3): BodyVec3 => [
  Math.round(v[0] * 1e5) / 1e5,
  Math.round(v[1] * 1e5) / 1e5,
  Math.round(v[2] * 1e5) / 1e5,
];
import { areaOfMuscle, isQuizArea, QUIZ_AREAS } from '../catalog/areas.ts';
import { pointsWithZone, zoneOfPoint } from './nameMuscle.ts';
import { EXAMINE_THRESHOLD, reachableByNeedle, structureAtRisk } from './score.ts';
import {
  DIFFICULTIES,
  MAX_QUESTIONS,
  MAX_SEED,
  QUESTION_TYPES,
  QUIZ_FORMAT,
  QUIZ_FORMAT_VERSION,
  type Difficulty,
  type NeedleSpec,
  type Question,
  type QuestionType,
  type Quiz,
  type QuizMode,
} from './schema.ts';
import type { QuizWorld } from './world.ts';

export interface QuizOptions {
  readonly seed: number;
  readonly count: number;
  /** Question types to draw from (all when left out). */
  readonly types?: readonly QuestionType[];
  /** Body areas (QUIZ_AREAS) or catalog region ids: a point matches an area by its muscle, a region when that region is in its referral zone. */
  readonly regions?: readonly string[];
  /** Only these trigger points (catalog ids; an instructor's pick). */
  readonly triggerPoints?: readonly string[];
  readonly difficulty?: Difficulty;
  readonly mode?: QuizMode;
  readonly timeLimitMinutes?: number;
  readonly title?: string;
  /** Spaced repetition: how often an item should come, relative to 1 (0 = not at all). */
  readonly weight?: (itemKey: string) => number;
}

/** Per difficulty: tolerances (mm) and how many choices. */
export const DIFFICULTY_SETTINGS: Record<
  Difficulty,
  { locateMm: number; needleMm: number; choices: number; distractors: number }
> = {
  easy: { locateMm: 25, needleMm: 10, choices: 3, distractors: 2 },
  medium: { locateMm: 15, needleMm: 7, choices: 4, distractors: 3 },
  hard: { locateMm: 10, needleMm: 5, choices: 5, distractors: 4 },
};

/** Question types that need the point placed on the model. */
const NEEDS_PLACE: ReadonlySet<QuestionType> = new Set(['locate', 'needle', 'structure-at-risk']);

export class QuizOptionsError extends RangeError {
  override readonly name = 'QuizOptionsError';
}

interface Item {
  readonly t: TriggerPoint;
  readonly side: CatalogSide;
}

function checkOptions(world: QuizWorld, o: QuizOptions) {
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > MAX_SEED)
    throw new QuizOptionsError(`seed must be an integer from 0 to ${MAX_SEED}, got ${o.seed}`);
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > MAX_QUESTIONS)
    throw new QuizOptionsError(
      `count must be an integer from 1 to ${MAX_QUESTIONS}, got ${o.count}`,
    );
  const badTypes = (o.types ?? []).filter((t) => !QUESTION_TYPES.includes(t));
  if (badTypes.length)
    throw new QuizOptionsError(
      `unknown question type(s) ${badTypes.join(', ')}; known: ${QUESTION_TYPES.join(', ')}`,
    );
  if (o.types && o.types.length === 0) throw new QuizOptionsError('types is empty');
  const regionIds = new Set(world.catalog.regions.map((r) => r.id));
  const badRegions = (o.regions ?? []).filter((r) => !isQuizArea(r) && !regionIds.has(r));
  if (badRegions.length)
    throw new QuizOptionsError(
      `unknown region(s) ${badRegions.join(', ')}; give a body area (${QUIZ_AREAS.join(', ')}) or a catalog region id`,
    );
  const trpIds = new Set(world.catalog.triggerPoints.map((t) => t.id));
  const badPoints = (o.triggerPoints ?? []).filter((t) => !trpIds.has(t));
  if (badPoints.length)
    throw new QuizOptionsError(`unknown trigger point(s) ${badPoints.join(', ')}`);
  if (o.difficulty && !DIFFICULTIES.includes(o.difficulty))
    throw new QuizOptionsError(`difficulty must be one of ${DIFFICULTIES.join(', ')}`);
}

function matchesRegions(world: QuizWorld, item: Item, regions: readonly string[]): boolean {
  if (regions.length === 0) return true;
  const area = areaOfMuscle(item.t.muscleId);
  const z = world.zone(item.t.id, item.side);
  return regions.some((r) =>
    isQuizArea(r) ? r === area : z.essential.includes(r) || z.spillover.includes(r),
  );
}

/** Referral stems of every trigger point of a muscle. */
function muscleStems(world: QuizWorld, muscleId: string): Set<string> {
  const out = new Set<string>();
  for (const t of world.catalog.triggerPoints)
    if (t.muscleId === muscleId)
      for (const s of [...t.referral.essential, ...t.referral.spillover]) out.add(s);
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  const u = a.size + b.size - n;
  return u ? n / u : 0;
}

/** Muscles offered beside the right one: those whose patterns overlap most, harder ones closer. */
export function muscleDistractors(
  world: QuizWorld,
  t: TriggerPoint,
  n: number,
  difficulty: Difficulty,
  rng: Rng,
): string[] {
  const mine = new Set([...t.referral.essential, ...t.referral.spillover]);
  const sameEssential = (m: string) =>
    world.catalog.triggerPoints.some(
      (o) =>
        o.muscleId === m &&
        o.referral.essential.length === t.referral.essential.length &&
        o.referral.essential.every((s) => t.referral.essential.includes(s)),
    );
  // a muscle with a point of exactly this zone on either side would make a second right answer
  // (an exam question is keyed by its zone alone): never offered
  const shares = new Set(
    (['left', 'right'] as const).flatMap((side) => {
      const z = zoneOfPoint(world.catalog, t.id, side);
      return z ? pointsWithZone(world.catalog, z, side).map((p) => p.muscleId) : [];
    }),
  );
  const area = areaOfMuscle(t.muscleId);
  const ranked = world.catalog.muscles
    .filter((m) => m.id !== t.muscleId && !sameEssential(m.id) && !shares.has(m.id))
    .map((m) => ({
      id: m.id,
      sim: jaccard(mine, muscleStems(world, m.id)),
      near: areaOfMuscle(m.id) === area ? 0 : 1,
    }))
    .sort((a, b) => b.sim - a.sim || a.near - b.near || a.id.localeCompare(b.id));
  // the closest pattern always (but on easy); the rest drawn from a pool that widens as it gets easier
  const poolSize = difficulty === 'hard' ? n : difficulty === 'medium' ? 2 * n : 4 * n;
  const first = difficulty === 'easy' ? [] : ranked.slice(0, 1);
  const rest = shuffled(rng, ranked.slice(first.length, Math.max(n, poolSize))).slice(
    0,
    n - first.length,
  );
  return [...first, ...rest].map((m) => m.id);
}

function pickQuestion(
  world: QuizWorld,
  base: { id: string },
  item: Item,
  difficulty: Difficulty,
  rng: Rng,
  items: readonly Item[],
): Question | null {
  const s = DIFFICULTY_SETTINGS[difficulty];
  let pain = [...world.zone(item.t.id, item.side).essential];
  if (difficulty === 'hard') {
    const area = areaOfMuscle(item.t.muscleId);
    const others = items.filter(
      (o) =>
        o.side === item.side &&
        o.t.muscleId !== item.t.muscleId &&
        areaOfMuscle(o.t.muscleId) === area,
    );
    if (others.length) {
      const o = pick(rng, others);
      pain = [...new Set([...pain, ...world.zone(o.t.id, o.side).essential])];
    }
  }
  const ranked = lookup(world.lookup, pain, { limit: 1000 });
  const keyOf = (c: { triggerPointId: string; side: CatalogSide }) =>
    `${c.triggerPointId}:${c.side}`;
  const expected = ranked
    .filter((c) => c.score >= EXAMINE_THRESHOLD)
    .slice(0, 4)
    .map(keyOf);
  if (expected.length === 0) return null;
  // distractors: points the pain only half explains, then neighbours of the same area
  const partial = ranked.filter((c) => c.score < EXAMINE_THRESHOLD).map(keyOf);
  const area = areaOfMuscle(item.t.muscleId);
  const neighbours = items
    .filter((o) => areaOfMuscle(o.t.muscleId) === area && o.side === item.side)
    .map((o) => `${o.t.id}:${o.side}`)
    .filter((k) => !ranked.some((c) => keyOf(c) === k));
  const distractorPool = [...shuffled(rng, partial.slice(0, 8)), ...shuffled(rng, neighbours)];
  const distractors = distractorPool
    .filter((k, i) => distractorPool.indexOf(k) === i && !expected.includes(k))
    .slice(0, s.distractors);
  if (distractors.length === 0) return null;
  return {
    ...base,
    type: 'pick-trigger-points',
    painRegions: pain,
    choices: shuffled(rng, [...expected, ...distractors]),
  };
}

/** Per world: the wrong needles of each point and side (deterministic, so computed once). */
const wrongCache = new WeakMap<QuizWorld, Map<string, NeedleSpec[]>>();

/**
 * The needles a trainee might get wrong: the recommended line pushed too deep, or aimed from the
 * same entry at one of the dangers the catalog names for this point; each is pushed 3 mm past the
 * danger it enters first. Only needles that do enter a danger make a question.
 */
function wrongNeedles(
  world: QuizWorld,
  item: Item,
  rec: { entry: BodyVec3; direction: BodyVec3; target: BodyVec3 },
): NeedleSpec[] {
  let cache = wrongCache.get(world);
  if (!cache) wrongCache.set(world, (cache = new Map()));
  const key = `${item.t.id}:${item.side}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const aims: BodyVec3[] = [rec.direction];
  for (const id of structureIdsFor(item.t.needling.dangers, item.side)) {
    if (!world.body.index.get(id)) continue;
    aims.push(norm(sub(world.body.index.closest(id, rec.target).point, rec.entry)));
  }
  const wrong: NeedleSpec[] = [];
  for (const direction of aims) {
    try {
      const deep = simulateNeedle(world.body, { entry: rec.entry, direction, depthMm: 100 });
      if (deep.entered && deep.entered.depthMm <= 97)
        wrong.push({
          entry: rec.entry,
          direction,
          depthMm: Math.ceil(deep.entered.depthMm + 3),
        });
    } catch {
      // a direction out of the skin: not a needle anyone could place
    }
  }
  cache.set(key, wrong);
  return wrong;
}

function atRiskQuestion(
  world: QuizWorld,
  base: { id: string },
  item: Item,
  difficulty: Difficulty,
  rng: Rng,
): Question | null {
  if (item.t.needling.dangers.length === 0) return null;
  const rec = world.recommended(item.t.id, item.side);
  if (!rec) return null;
  const wrong = wrongNeedles(world, item, rec);
  if (wrong.length === 0) return null;
  const needle = pick(rng, wrong);
  const risk = structureAtRisk(world, needle);
  if (!risk.structureId) return null;
  const tip = along(needle.entry, needle.direction, needle.depthMm / 1000);
  // distractors: the dangers the catalog names for points of the same area, nearest the tip first
  const area = areaOfMuscle(item.t.muscleId);
  const named = new Set(
    world.catalog.triggerPoints
      .filter((o) => areaOfMuscle(o.muscleId) === area)
      .flatMap((o) => structureIdsFor(o.needling.dangers, item.side)),
  );
  const others = [...named]
    .filter((id) => id !== risk.structureId && world.body.index.get(id))
    .filter((id) => DANGER_KINDS.has(world.body.structures.get(id)?.kind ?? 'skin'))
    .map((id) => ({ id, d: world.body.index.closest(id, tip).distance }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
  const n = DIFFICULTY_SETTINGS[difficulty].choices - 1;
  const distractors = shuffled(rng, others.slice(0, n + 3))
    .slice(0, n)
    .map((o) => o.id);
  if (distractors.length === 0) return null;
  return {
    ...base,
    type: 'structure-at-risk',
    triggerPointId: item.t.id,
    side: item.side,
    needle: {
      entry: r5(needle.entry),
      direction: r5(needle.direction),
      depthMm: needle.depthMm,
    },
    choices: shuffled(rng, [risk.structureId, ...distractors]),
  };
}

function makeQuestion(
  world: QuizWorld,
  type: QuestionType,
  id: string,
  item: Item,
  difficulty: Difficulty,
  rng: Rng,
  items: readonly Item[],
  mode: QuizMode,
): Question | null {
  const base = { id };
  const s = DIFFICULTY_SETTINGS[difficulty];
  if (NEEDS_PLACE.has(type) && !world.place(item.t.id, item.side)) return null;
  switch (type) {
    case 'locate':
      return { ...base, type, triggerPointId: item.t.id, side: item.side, toleranceMm: s.locateMm };
    case 'needle':
      // only where the model lets a needle reach the point safely: in the anatomical position
      // the hanging arm covers a few (serratus anterior TrP1, the medial triceps)
      if (!reachableByNeedle(world, item.t.id, item.side)) return null;
      return { ...base, type, triggerPointId: item.t.id, side: item.side, toleranceMm: s.needleMm };
    case 'name-muscle': {
      const others = muscleDistractors(world, item.t, s.choices - 1, difficulty, rng);
      const choices = shuffled(rng, [item.t.muscleId, ...others]);
      // an exam shows the zone and does not name its point, so the file cannot leak the answer
      if (mode === 'exam') {
        const z = world.zone(item.t.id, item.side);
        return {
          ...base,
          type,
          zone: { essential: [...z.essential], spillover: [...z.spillover] },
          side: item.side,
          choices,
        };
      }
      return { ...base, type, triggerPointId: item.t.id, side: item.side, choices };
    }
    case 'paint-zone':
      return { ...base, type, triggerPointId: item.t.id, side: item.side };
    case 'pick-trigger-points':
      return pickQuestion(world, base, item, difficulty, rng, items);
    case 'structure-at-risk':
      return atRiskQuestion(world, base, item, difficulty, rng);
  }
}

/** The spaced-repetition item a draw is about (as `itemKeyOf` names it for the question). */
function selectionKey(world: QuizWorld, type: QuestionType, it: Item): string {
  return type === 'pick-trigger-points'
    ? `${type}:${[...world.zone(it.t.id, it.side).essential].sort().join('+')}`
    : `${type}:${it.t.id}`;
}

/** A weighted draw (weights ≥ 0); -1 when every weight is 0. */
function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) return -1;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/**
 * A seed typed by hand (Teach mode's quiz builder) → the seed, or why it is not one, naming the
 * range. Only plain digits: "1e3", "-1", "4.5" and blanks around them are not seeds.
 */
export function parseSeed(typed: string): { seed: number } | { error: string } {
  const t = typed.trim();
  const range = `a whole number from 0 to ${MAX_SEED}`;
  if (t === '') return { error: `empty; give ${range}` };
  const shown = t.length > 24 ? `${t.slice(0, 24)}…` : t;
  if (!/^\d+$/.test(t)) return { error: `"${shown}" is not ${range}` };
  const n = Number(t);
  if (n > MAX_SEED) return { error: `${shown} is out of range: give ${range}` };
  return { seed: n };
}

/**
 * The quiz with the instructor's own wording on its questions (by question id), each trimmed; an
 * empty one leaves the question without a prompt. The length is left for the quiz file's parser
 * to check, as for a file written by hand.
 */
export function withOwnPrompts(quiz: Quiz, prompts: Readonly<Record<string, string>>): Quiz {
  return {
    ...quiz,
    questions: quiz.questions.map((q) => {
      const { prompt: old, ...rest } = q;
      const own = (prompts[q.id] ?? old ?? '').trim();
      return (own ? { ...rest, prompt: own } : rest) as Question;
    }),
  };
}

/** The same options give the same quiz. Throws QuizOptionsError on bad options. */
export function generateQuiz(world: QuizWorld, options: QuizOptions): Quiz {
  checkOptions(world, options);
  const difficulty = options.difficulty ?? 'medium';
  const types = options.types && options.types.length ? [...options.types] : [...QUESTION_TYPES];
  const rng = mulberry32(options.seed);
  const items: Item[] = world.catalog.triggerPoints.flatMap((t) =>
    (['left', 'right'] as const).map((side) => ({ t, side })),
  );
  const only = options.triggerPoints?.length ? new Set(options.triggerPoints) : null;
  const pool = items.filter(
    (it) => (!only || only.has(it.t.id)) && matchesRegions(world, it, options.regions ?? []),
  );
  if (pool.length === 0) throw new QuizOptionsError('no trigger point matches these regions');
  // a balanced sequence of types, in a seeded order
  const order = shuffled(
    rng,
    Array.from({ length: options.count }, (_, i) => types[i % types.length]!),
  );
  const used = new Set<string>();
  const questions: Question[] = [];
  const weight = options.weight ?? (() => 1);
  for (const type of order) {
    let tries = 0;
    let q: Question | null = null;
    const tried = new Set<number>();
    while (!q && tries++ < 40) {
      const weights = pool.map((it, i) => {
        if (tried.has(i)) return 0;
        const k = selectionKey(world, type, it);
        // the same point and type once per quiz while others remain
        const w = used.has(k) ? 0.001 : 1;
        return w * Math.max(0, weight(k));
      });
      const i = weightedIndex(rng, weights);
      if (i < 0) break;
      tried.add(i);
      q = makeQuestion(
        world,
        type,
        `q${questions.length + 1}`,
        pool[i]!,
        difficulty,
        rng,
        items,
        options.mode ?? 'practice',
      );
      if (q) used.add(selectionKey(world, type, pool[i]!));
    }
    if (!q) continue; // this type has no question in this pool (e.g. no danger near any point)
    questions.push(q);
  }
  if (questions.length === 0)
    throw new QuizOptionsError('no question of these types can be made for these regions');
  return {
    format: QUIZ_FORMAT,
    version: QUIZ_FORMAT_VERSION,
    title: options.title ?? `Quiz ${options.seed} (${difficulty})`,
    seed: options.seed,
    difficulty,
    mode: options.mode ?? 'practice',
    ...(options.timeLimitMinutes !== undefined
      ? { timeLimitMinutes: options.timeLimitMinutes }
      : {}),
    order: 'fixed',
    questions,
  };
}
