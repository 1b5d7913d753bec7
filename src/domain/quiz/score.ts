/**
 * Scoring: one answer to one question, on the model. The key is worked out here from the catalog
 * and the model (where the point lies, its zone, what the lookup engine ranks, what the needle
 * passes), never read from the quiz file. Every score is 0–1 with its reasons in words and
 * millimetres, so a trainee sees why.
 *
 * Rules (this project's teaching rules, stated in the README and the app):
 * - distances: full marks within the tolerance, none beyond three times it, linear between;
 * - paint the zone: F1 of recall over the essential zone and precision over what was painted,
 *   a painted spillover region counting half;
 * - pick the trigger points: F1 of precision and recall against the points to examine;
 * - needle: any needle that enters a danger structure scores 0; otherwise the distance from the
 *   trigger point to the needle's shaft, and a needle the simulator calls "caution" (within the
 *   caution margin of a danger structure, or of a chosen length that could reach one further
 *   along its line) keeps 80 % of its marks. The needle is judged by the point's own rule too
 *   (`ruleCheck.ts`): aimed along an avoided direction at a danger it scores 0; any other breach
 *   of the rule (direction, maximum depth, needle length, pincer) keeps at most half the marks,
 *   below the pass mark, so a needle against the rule is never counted right;
 * - choices: right or wrong.
 */
import type { CatalogSide } from '../catalog/load.ts';
import { lookup } from '../lookup/lookup.ts';
import { NEEDLE_DEFAULTS, simulateNeedle, type NeedleResult } from '../needle/simulate.ts';
import type { BodyVec3 } from '../units.ts';
import { along, dist, dot, norm, sub } from '../vec.ts';
import { areaOfMuscle, type QuizArea } from '../catalog/areas.ts';
import { judgeForPoint, type RuleSubject } from '../catalog/ruleCheck.ts';
import { ruleSubjectFor } from '../catalog/needlePath.ts';
import type { Answer, AnswerOf, NeedleSpec, Question, QuestionOf, QuestionType } from './schema.ts';
import { nameMuscleKey } from './nameMuscle.ts';
import type { QuizWorld } from './world.ts';

/** A lookup score at or above this puts a trigger point among those to examine. */
export const EXAMINE_THRESHOLD = 0.5;
/** A question counts as right at or above this score. */
export const PASS_SCORE = 0.7;
/** What a needle within the caution margin of a danger structure keeps of its marks. */
export const CAUTION_FACTOR = 0.8;
/** The most a needle against its point's rule keeps (below PASS_SCORE: never right). */
export const RULE_BREACH_CAP = 0.5;
/** Spillover regions count this much in a painted zone. */
export const PAINT_SPILLOVER_CREDIT = 0.5;

/** What the app shows on the body after an answer: the key. */
export type QuizKey =
  | {
      readonly type: 'locate';
      readonly target: BodyVec3;
      readonly skin: BodyVec3;
      readonly distanceMm: number | null;
    }
  | { readonly type: 'name-muscle'; readonly muscleId: string }
  | {
      readonly type: 'paint-zone';
      readonly essential: readonly string[];
      readonly spillover: readonly string[];
    }
  | { readonly type: 'pick-trigger-points'; readonly expected: readonly string[] }
  | {
      readonly type: 'needle';
      readonly target: BodyVec3;
      readonly recommended: NeedleSpec | null;
      readonly distanceMm: number | null;
      readonly verdict: NeedleResult['verdict'] | null;
      /**
       * The answer's needle as the simulator ran it: the entry on the skin, where the tip stopped
       * and how deep (mm; less than asked where bone stopped it). Null when not answered or when
       * the needle could not go in.
       */
      readonly path: {
        readonly entry: BodyVec3;
        readonly tip: BodyVec3;
        readonly reachedDepthMm: number;
      } | null;
    }
  | {
      readonly type: 'structure-at-risk';
      readonly structureId: string | null;
      readonly reason: string;
    };

export interface QuestionResult {
  readonly questionId: string;
  readonly type: QuestionType;
  /** 0–1, to three decimals. */
  readonly score: number;
  readonly correct: boolean;
  readonly answered: boolean;
  /** The reasons, in words and millimetres. */
  readonly feedback: readonly string[];
  readonly key: QuizKey;
  /** The trigger point and muscle the question is about (for the weakest-muscle summary). */
  readonly triggerPointId: string | null;
  readonly muscleId: string | null;
  readonly area: QuizArea | null;
  /** What spaced repetition tracks: the kind of question about this point or pain map. */
  readonly itemKey: string;
}

/** Marks for a distance: 1 within the tolerance, 0 beyond three times it, linear between. */
export function distanceCredit(distanceMm: number, toleranceMm: number): number {
  if (!(distanceMm >= 0)) return distanceMm < 0 ? 1 : 0; // NaN → 0
  if (distanceMm <= toleranceMm) return 1;
  if (distanceMm >= 3 * toleranceMm) return 0;
  return 1 - (distanceMm - toleranceMm) / (2 * toleranceMm);
}

/** F1 of two shares, 0 when both are 0. */
export function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

const round3 = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
const mm = (metres: number) => metres * 1000;
const fmtMm = (x: number) => `${Math.round(x)} mm`;

/**
 * The trigger point a question is about: the one it names, or, for a name-muscle question that
 * shows only its zone, the point of the right choice whose zone it is (null for a pain map, or
 * for a zone no single choice explains).
 */
export function questionPoint(world: QuizWorld, q: Question): string | null {
  if (q.type === 'pick-trigger-points') return null;
  if (q.type === 'name-muscle' && q.triggerPointId === undefined) {
    const key = nameMuscleKey(world.catalog, q);
    return key.ok ? key.triggerPointId : null;
  }
  return q.triggerPointId ?? null;
}

/** The item spaced repetition tracks for a question (both name-muscle forms give the same). */
export function itemKeyOf(world: QuizWorld, q: Question): string {
  if (q.type === 'pick-trigger-points') return `${q.type}:${[...q.painRegions].sort().join('+')}`;
  return `${q.type}:${questionPoint(world, q) ?? 'unknown'}`;
}

function subject(world: QuizWorld, q: Question) {
  const tpId = questionPoint(world, q);
  const muscleId = tpId ? (world.triggerPoint(tpId)?.muscleId ?? null) : null;
  return {
    triggerPointId: tpId,
    muscleId,
    area: muscleId ? (areaOfMuscle(muscleId) ?? null) : null,
    itemKey: itemKeyOf(world, q),
  };
}

/** Where `p` lies from `ref` in the patient's words (cranial, medial…), for one side. */
export function offsetInWords(p: BodyVec3, ref: BodyVec3, side: CatalogSide): string {
  const d = sub(p, ref);
  const parts: string[] = [];
  const lateral = side === 'left' ? d[0] : -d[0];
  const add = (v: number, plus: string, minus: string) => {
    if (Math.abs(v) >= 0.005) parts.push(`${fmtMm(Math.abs(mm(v)))} ${v > 0 ? plus : minus}`);
  };
  add(d[1], 'cranial', 'caudal');
  add(lateral, 'lateral', 'medial');
  add(d[2], 'anterior', 'posterior');
  return parts.length ? parts.join(', ') : 'on it';
}

function names(world: QuizWorld, ids: readonly string[]): string {
  const byId = new Map(world.catalog.regions.map((r) => [r.id, r.name]));
  return ids.map((id) => byId.get(id) ?? id).join('; ');
}

function trpLabel(world: QuizWorld, key: string): string {
  const [id, side] = key.split(':');
  const t = world.triggerPoint(id ?? '');
  return t ? `${t.name} (${side})` : key;
}

export class QuizScoringError extends Error {
  override readonly name = 'QuizScoringError';
}

function requirePlace(world: QuizWorld, id: string, side: CatalogSide) {
  const p = world.place(id, side);
  if (!p)
    throw new QuizScoringError(`trigger point ${id} (${side}) cannot be placed on this model`);
  return p;
}

function scoreLocate(world: QuizWorld, q: QuestionOf<'locate'>, a: AnswerOf<'locate'> | undefined) {
  const p = requirePlace(world, q.triggerPointId, q.side);
  if (!a)
    return {
      score: 0,
      feedback: ['Not answered.'],
      key: { type: 'locate', target: p.point, skin: p.skin, distanceMm: null } as const,
    };
  const cutoff = (3 * q.toleranceMm + 20) / 1000;
  const d = world.skinDistance(a.point, p.skin, cutoff);
  const dMm = Number.isFinite(d) ? mm(d) : null;
  const score = dMm === null ? 0 : distanceCredit(dMm, q.toleranceMm);
  const feedback = [
    dMm === null
      ? `Your spot is more than ${fmtMm(mm(cutoff))} along the skin from the trigger point.`
      : `Your spot is ${fmtMm(dMm)} along the skin from the trigger point's spot (full marks within ${fmtMm(q.toleranceMm)}, none beyond ${fmtMm(3 * q.toleranceMm)}).`,
  ];
  if (score < 1)
    feedback.push(`The point lies ${offsetInWords(p.skin, a.point, q.side)} of your spot.`);
  return {
    score,
    feedback,
    key: { type: 'locate', target: p.point, skin: p.skin, distanceMm: dMm } as const,
  };
}

function scoreNameMuscle(
  world: QuizWorld,
  q: QuestionOf<'name-muscle'>,
  a: AnswerOf<'name-muscle'> | undefined,
) {
  const k = nameMuscleKey(world.catalog, q);
  if (!k.ok) throw new QuizScoringError(`question ${q.id}: ${k.field}: ${k.problem}`);
  const t = world.triggerPoint(k.triggerPointId);
  if (!t) throw new QuizScoringError(`unknown trigger point ${k.triggerPointId}`);
  const right = world.muscle(t.muscleId)?.name ?? t.muscleId;
  const key = { type: 'name-muscle', muscleId: t.muscleId } as const;
  if (!a) return { score: 0, feedback: ['Not answered.'], key };
  if (a.muscleId === t.muscleId)
    return { score: 1, feedback: [`Right: this is the pattern of ${t.name}.`], key };
  const chosen = world.muscle(a.muscleId)?.name ?? a.muscleId;
  return {
    score: 0,
    feedback: [`You chose ${chosen}; the pattern is that of ${t.name} (${right}).`],
    key,
  };
}

function scorePaintZone(
  world: QuizWorld,
  q: QuestionOf<'paint-zone'>,
  a: AnswerOf<'paint-zone'> | undefined,
) {
  const z = world.zone(q.triggerPointId, q.side);
  const key = { type: 'paint-zone', essential: z.essential, spillover: z.spillover } as const;
  const painted = [...new Set(a?.regions ?? [])];
  if (painted.length === 0)
    return { score: 0, feedback: [a ? 'Nothing was painted.' : 'Not answered.'], key };
  const E = new Set(z.essential);
  const S = new Set(z.spillover.filter((r) => !E.has(r)));
  const hitE = painted.filter((r) => E.has(r));
  const hitS = painted.filter((r) => S.has(r));
  const wrong = painted.filter((r) => !E.has(r) && !S.has(r));
  const missed = z.essential.filter((r) => !painted.includes(r));
  const recall = hitE.length / Math.max(1, E.size);
  const precision = (hitE.length + PAINT_SPILLOVER_CREDIT * hitS.length) / painted.length;
  const feedback = [
    `${hitE.length} of the ${E.size} regions of the essential zone painted; ${wrong.length} painted outside the pattern.`,
  ];
  if (missed.length) feedback.push(`Missed: ${names(world, missed)}.`);
  if (hitS.length) feedback.push(`In the spillover zone (half credit): ${names(world, hitS)}.`);
  if (wrong.length) feedback.push(`Not part of this pattern: ${names(world, wrong)}.`);
  return { score: f1(precision, recall), feedback, key };
}

/** The trigger points to examine for a pick question: given, or ranked by the lookup engine. */
export function expectedPicks(world: QuizWorld, q: QuestionOf<'pick-trigger-points'>): string[] {
  if (q.expected) return [...q.expected];
  const ranked = lookup(world.lookup, q.painRegions, { limit: 1000 });
  const score = new Map(ranked.map((c) => [`${c.triggerPointId}:${c.side}`, c.score]));
  const good = q.choices.filter((c) => (score.get(c) ?? 0) >= EXAMINE_THRESHOLD);
  if (good.length > 0) return good;
  // none reaches the threshold: the best-ranked choice
  const best = [...q.choices].sort((x, y) => (score.get(y) ?? 0) - (score.get(x) ?? 0))[0];
  return best && (score.get(best) ?? 0) > 0 ? [best] : [];
}

function scorePick(
  world: QuizWorld,
  q: QuestionOf<'pick-trigger-points'>,
  a: AnswerOf<'pick-trigger-points'> | undefined,
) {
  const expected = expectedPicks(world, q);
  const key = { type: 'pick-trigger-points', expected } as const;
  const picks = [...new Set(a?.picks ?? [])];
  if (picks.length === 0)
    return { score: 0, feedback: [a ? 'No trigger point was picked.' : 'Not answered.'], key };
  const X = new Set(expected);
  const hits = picks.filter((p) => X.has(p));
  const precision = hits.length / picks.length;
  const recall = hits.length / Math.max(1, X.size);
  const missed = expected.filter((e) => !picks.includes(e));
  const extra = picks.filter((p) => !X.has(p));
  const feedback = [
    `${hits.length} of the ${X.size} trigger points to examine picked (recall ${Math.round(recall * 100)} %); ${hits.length} of your ${picks.length} picks are among them (precision ${Math.round(precision * 100)} %).`,
  ];
  if (missed.length)
    feedback.push(`Also examine: ${missed.map((k) => trpLabel(world, k)).join('; ')}.`);
  if (extra.length)
    feedback.push(
      `Their zones explain little of this pain: ${extra.map((k) => trpLabel(world, k)).join('; ')}.`,
    );
  return { score: f1(precision, recall), feedback, key };
}

/** Distance (m) from a point to the segment a–b. */
function pointSegment(p: BodyVec3, a: BodyVec3, b: BodyVec3): { d: number; t: number } {
  const ab = sub(b, a);
  const len2 = dot(ab, ab);
  const t = len2 > 0 ? Math.max(0, Math.min(1, dot(sub(p, a), ab) / len2)) : 0;
  return { d: dist(p, along(a, ab, t)), t };
}

function simulate(world: QuizWorld, spec: NeedleSpec): NeedleResult | string {
  try {
    return simulateNeedle(world.body, {
      entry: spec.entry,
      direction: spec.direction,
      depthMm: spec.depthMm,
      ...(spec.lengthMm !== undefined ? { lengthMm: spec.lengthMm } : {}),
    });
  } catch (err) {
    if (err instanceof RangeError) return err.message.replace(/^simulateNeedle: /, '');
    throw err;
  }
}

/**
 * A needle that reaches the trigger point safely on the model: the catalog's recommended line
 * (it passes through the point), else from its entry, or from the point's skin spot, straight at
 * the point, when the recommended line meets a danger structure before the point.
 */
const specCache = new WeakMap<QuizWorld, Map<string, NeedleSpec | null>>();

function recommendedSpec(world: QuizWorld, id: string, side: CatalogSide): NeedleSpec | null {
  let cache = specCache.get(world);
  if (!cache) specCache.set(world, (cache = new Map()));
  const k = `${id}:${side}`;
  if (!cache.has(k)) cache.set(k, searchSpec(world, id, side));
  return cache.get(k)!;
}

/** A safe needle to the point within 2 mm of it, if the model has one (see `recommendedSpec`). */
export function reachableByNeedle(world: QuizWorld, id: string, side: CatalogSide): boolean {
  const spec = recommendedSpec(world, id, side);
  const p = world.place(id, side);
  if (!spec || !p) return false;
  const sim = simulate(world, spec);
  return typeof sim !== 'string' && pointSegment(p.point, sim.entry, sim.tip.position).d <= 0.002;
}

/** What the point's rule judges a needle by. */
function ruleSubject(world: QuizWorld, id: string, side: CatalogSide): RuleSubject {
  const t = world.triggerPoint(id);
  const p = world.place(id, side);
  if (!t || !p)
    throw new QuizScoringError(`trigger point ${id} (${side}) cannot be placed on this model`);
  return ruleSubjectFor(world.body.index, t.needling, side, p);
}

function searchSpec(world: QuizWorld, id: string, side: CatalogSide): NeedleSpec | null {
  const r = world.recommended(id, side);
  const p = world.place(id, side);
  if (!r || !p) return null;
  const atPoint = (entry: BodyVec3): NeedleSpec => ({
    entry,
    direction: norm(sub(p.point, entry)),
    depthMm: Math.min(100, Math.round(dist(entry, p.point) * 1000)),
  });
  const along_ = (): NeedleSpec => {
    const depth = Math.max(0, dot(sub(p.point, r.entry), r.direction));
    return {
      entry: r.entry,
      direction: r.direction,
      depthMm: Math.min(100, Math.round(depth * 1000)),
    };
  };
  // last resort: in along a body axis, entering where the line from the point leaves the skin
  const axes: BodyVec3[] = [
    [1, 0, 0],
    [-1, 0, 0],
    [0, 0, 1],
    [0, 0, -1],
    [0, 1, 0],
    [0, -1, 0],
  ];
  const viaAxes = axes.flatMap((u): NeedleSpec[] => {
    const exit = world.body.index
      .hitsAlong(p.point, u, 0.1, new Set(['skin']))
      .find((h) => !h.entering);
    return exit ? [atPoint(along(p.point, u, exit.distance))] : [];
  });
  const candidates = [along_(), atPoint(r.entry), atPoint(p.skin), ...viaAxes];
  let best: { spec: NeedleSpec; d: number } | null = null;
  const subject = ruleSubject(world, id, side);
  for (const spec of candidates) {
    const sim = simulate(world, spec);
    if (typeof sim === 'string' || sim.entered) continue;
    if (judgeForPoint(subject, sim).verdict !== 'safe') continue;
    const d = pointSegment(p.point, sim.entry, sim.tip.position).d;
    if (!best || d < best.d - 1e-4) best = { spec, d };
    if (d < 0.002) break;
  }
  return best?.spec ?? null;
}

function scoreNeedle(world: QuizWorld, q: QuestionOf<'needle'>, a: AnswerOf<'needle'> | undefined) {
  const p = requirePlace(world, q.triggerPointId, q.side);
  const recommended = recommendedSpec(world, q.triggerPointId, q.side);
  const empty = {
    type: 'needle',
    target: p.point,
    recommended,
    distanceMm: null,
    verdict: null,
    path: null,
  } as const;
  if (!a) return { score: 0, feedback: ['Not answered.'], key: empty };
  const sim = simulate(world, a);
  if (typeof sim === 'string')
    return { score: 0, feedback: [`This needle cannot go in: ${sim}.`], key: empty };
  const r = judgeForPoint(ruleSubject(world, q.triggerPointId, q.side), sim);
  const tipAt = r.tip.position;
  const { d, t } = pointSegment(p.point, r.entry, tipAt);
  const dMm = mm(d);
  const key = {
    ...empty,
    distanceMm: dMm,
    verdict: r.verdict,
    path: { entry: r.entry, tip: tipAt, reachedDepthMm: r.reachedDepthMm },
  } as const;
  if (r.entered)
    return {
      score: 0,
      feedback: [
        `Fails: the needle entered the ${r.entered.name} at ${fmtMm(r.entered.depthMm)} from the skin. Any needle into a danger structure fails.`,
        `It passed ${fmtMm(dMm)} from the trigger point.`,
      ],
      key,
    };
  let score = distanceCredit(dMm, q.toleranceMm);
  const feedback = [
    `The needle passed ${fmtMm(dMm)} from the trigger point (full marks within ${fmtMm(q.toleranceMm)}, none beyond ${fmtMm(3 * q.toleranceMm)}).`,
  ];
  if (t >= 0.999 && dMm > q.toleranceMm)
    feedback.push(
      `The tip stopped ${fmtMm(mm(dist(tipAt, p.point)))} from the point${r.stoppedBy ? `: the ${r.stoppedBy.name} stopped it at ${fmtMm(r.stoppedBy.depthMm)}` : ''}.`,
    );
  if (sim.verdict === 'caution' && r.nearestDanger) {
    score *= CAUTION_FACTOR;
    // the simulator's two cautions: a danger within its margin of the shaft or tip, or a needle
    // chosen long enough to reach a danger further along the line (then name that one)
    const near = r.nearestDanger;
    const withinMargin =
      Math.min(near.distanceFromPathMm, near.distanceFromTipMm) < NEEDLE_DEFAULTS.marginMm;
    feedback.push(
      !withinMargin && r.ahead && r.lengthMm !== null
        ? `Caution: a ${r.lengthMm} mm needle is long enough to reach the ${r.ahead.name} further along this line (at ${fmtMm(r.ahead.depthMm)}); ${Math.round(CAUTION_FACTOR * 100)} % of the marks kept.`
        : `Caution: the shaft came within ${near.distanceFromPathMm.toFixed(1)} mm of the ${near.name} (this trainer's ${NEEDLE_DEFAULTS.marginMm} mm margin); ${Math.round(CAUTION_FACTOR * 100)} % of the marks kept.`,
    );
  } else if (r.nearestDanger)
    feedback.push(
      `Nearest danger: the ${r.nearestDanger.name}, ${r.nearestDanger.distanceFromPathMm.toFixed(1)} mm from the shaft.`,
    );
  const breaches = r.rule.breaches;
  if (breaches.some((b) => b.severity === 'unsafe')) {
    score = 0;
    feedback.unshift("Fails: this needle is aimed where the point's rule forbids, at a danger.");
  } else if (breaches.length && score > RULE_BREACH_CAP) {
    score = RULE_BREACH_CAP;
    feedback.unshift(
      `Against the point's rule: at most ${Math.round(RULE_BREACH_CAP * 100)} % of the marks, not counted right.`,
    );
  }
  feedback.push(...breaches.map((b) => b.message));
  return { score, feedback, key };
}

/** The structure at risk with a needle: the danger it enters, else the one nearest its shaft. */
export function structureAtRisk(
  world: QuizWorld,
  needle: NeedleSpec,
): { structureId: string | null; reason: string } {
  const r = simulate(world, needle);
  if (typeof r === 'string') return { structureId: null, reason: `The needle cannot go in: ${r}.` };
  if (r.entered)
    return {
      structureId: r.entered.structure,
      reason: `The needle enters the ${r.entered.name} at ${fmtMm(r.entered.depthMm)} from the skin.`,
    };
  if (r.nearestDanger)
    return {
      structureId: r.nearestDanger.structure,
      reason: `The ${r.nearestDanger.name} is the danger structure nearest the shaft, ${r.nearestDanger.distanceFromPathMm.toFixed(1)} mm from it (${r.nearestDanger.distanceFromTipMm.toFixed(1)} mm from the tip).`,
    };
  return { structureId: null, reason: 'No danger structure lies near this needle.' };
}

function scoreAtRisk(
  world: QuizWorld,
  q: QuestionOf<'structure-at-risk'>,
  a: AnswerOf<'structure-at-risk'> | undefined,
) {
  const risk = structureAtRisk(world, q.needle);
  const key = { type: 'structure-at-risk', ...risk } as const;
  const name = (id: string) => world.body.structures.get(id)?.name ?? id;
  if (!a) return { score: 0, feedback: ['Not answered.', risk.reason], key };
  const right = risk.structureId !== null && a.structureId === risk.structureId;
  return {
    score: right ? 1 : 0,
    feedback: [right ? 'Right.' : `You chose the ${name(a.structureId)}.`, risk.reason],
    key,
  };
}

/** Scores one answer (or none: 0) to one question. */
export function scoreAnswer(
  world: QuizWorld,
  q: Question,
  answer: Answer | undefined,
): QuestionResult {
  if (answer && (answer.type !== q.type || answer.questionId !== q.id))
    throw new QuizScoringError(
      `answer for ${answer.questionId} (${answer.type}) does not fit question ${q.id} (${q.type})`,
    );
  const s = (() => {
    switch (q.type) {
      case 'locate':
        return scoreLocate(world, q, answer as AnswerOf<'locate'> | undefined);
      case 'name-muscle':
        return scoreNameMuscle(world, q, answer as AnswerOf<'name-muscle'> | undefined);
      case 'paint-zone':
        return scorePaintZone(world, q, answer as AnswerOf<'paint-zone'> | undefined);
      case 'pick-trigger-points':
        return scorePick(world, q, answer as AnswerOf<'pick-trigger-points'> | undefined);
      case 'needle':
        return scoreNeedle(world, q, answer as AnswerOf<'needle'> | undefined);
      case 'structure-at-risk':
        return scoreAtRisk(world, q, answer as AnswerOf<'structure-at-risk'> | undefined);
    }
  })();
  const score = round3(s.score);
  return {
    questionId: q.id,
    type: q.type,
    score,
    correct: score >= PASS_SCORE,
    answered: answer !== undefined,
    feedback: s.feedback,
    key: s.key,
    ...subject(world, q),
  };
}

export interface QuizSummary {
  /** Mean score over the questions, 0–1. */
  readonly score: number;
  readonly correct: number;
  readonly total: number;
  readonly byType: readonly { type: QuestionType; count: number; score: number }[];
  /** Lowest mean first; only those below full marks. */
  readonly weakestMuscles: readonly { muscleId: string; count: number; score: number }[];
  readonly weakestAreas: readonly { area: QuizArea; count: number; score: number }[];
}

function meanBy<K extends string>(
  results: readonly QuestionResult[],
  keyOf: (r: QuestionResult) => K | null,
) {
  const acc = new Map<K, { n: number; sum: number }>();
  for (const r of results) {
    const k = keyOf(r);
    if (k === null) continue;
    const a = acc.get(k) ?? { n: 0, sum: 0 };
    a.n++;
    a.sum += r.score;
    acc.set(k, a);
  }
  return [...acc].map(([k, a]) => ({ k, count: a.n, score: round3(a.sum / a.n) }));
}

/** Per question, per type, and the weakest muscles and areas. */
export function summarize(results: readonly QuestionResult[]): QuizSummary {
  const total = results.length;
  const score = total ? round3(results.reduce((s, r) => s + r.score, 0) / total) : 0;
  const weak = <K extends string>(rows: { k: K; count: number; score: number }[]) =>
    rows
      .filter((r) => r.score < 1)
      .sort((a, b) => a.score - b.score || b.count - a.count || a.k.localeCompare(b.k));
  return {
    score,
    correct: results.filter((r) => r.correct).length,
    total,
    byType: meanBy(results, (r) => r.type).map(({ k, ...rest }) => ({ type: k, ...rest })),
    weakestMuscles: weak(meanBy(results, (r) => r.muscleId)).map(({ k, ...rest }) => ({
      muscleId: k,
      ...rest,
    })),
    weakestAreas: weak(meanBy(results, (r) => r.area)).map(({ k, ...rest }) => ({
      area: k,
      ...rest,
    })),
  };
}

/** Scores every question of a quiz (a question without an answer scores 0). */
export function scoreQuiz(
  world: QuizWorld,
  questions: readonly Question[],
  answers: readonly Answer[],
): { results: QuestionResult[]; summary: QuizSummary } {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const results = questions.map((q) => scoreAnswer(world, q, byId.get(q.id)));
  return { results, summary: summarize(results) };
}

/**
 * The answer that earns full marks, built from the key on the model (what practice mode shows
 * as "the right answer", and what the tests' perfect trainee gives).
 */
export function perfectAnswer(world: QuizWorld, q: Question): Answer | null {
  const base = { questionId: q.id };
  switch (q.type) {
    case 'locate': {
      const p = world.place(q.triggerPointId, q.side);
      return p ? { ...base, type: q.type, point: p.skin } : null;
    }
    case 'name-muscle': {
      const k = nameMuscleKey(world.catalog, q);
      return k.ok ? { ...base, type: q.type, muscleId: k.muscleId } : null;
    }
    case 'paint-zone':
      return {
        ...base,
        type: q.type,
        regions: [...world.zone(q.triggerPointId, q.side).essential],
      };
    case 'pick-trigger-points':
      return { ...base, type: q.type, picks: expectedPicks(world, q) };
    case 'needle': {
      const spec = recommendedSpec(world, q.triggerPointId, q.side);
      return spec ? { ...base, type: q.type, ...spec } : null;
    }
    case 'structure-at-risk': {
      const r = structureAtRisk(world, q.needle);
      return r.structureId ? { ...base, type: q.type, structureId: r.structureId } : null;
    }
  }
}
