/**
 * Name-the-muscle questions come in two forms. The practice form names the trigger point whose
 * pattern is painted (`triggerPointId`); the exam form carries only what the trainee is shown,
 * the zone itself (`zone`: region ids, essential and spillover, on the question's side), so a
 * student who decodes an exam file or link reads regions, not the answer. The key of the exam
 * form is worked out from the catalog when it is needed: the one choice with a trigger point
 * whose zone on that side is the zone shown. A file where no choice, or more than one, has such
 * a point is refused when it is read (`nameMuscleProblems`).
 */
import { regionIdsFor, type CatalogSide } from '../catalog/load.ts';
import type { Catalog } from '../catalog/schema.ts';
import type { QuestionOf, Quiz, ShownZone } from './schema.ts';

type NameMuscle = QuestionOf<'name-muscle'>;

/** Per catalog: every trigger point's zone on each side (the catalog does not change). */
const zoneCache = new WeakMap<Catalog, Map<string, ShownZone>>();

/** A trigger point's zone on one side, as region ids (as the app paints it), or null. */
export function zoneOfPoint(
  catalog: Catalog,
  triggerPointId: string,
  side: CatalogSide,
): ShownZone | null {
  let cache = zoneCache.get(catalog);
  if (!cache) zoneCache.set(catalog, (cache = new Map()));
  const k = `${triggerPointId}:${side}`;
  const hit = cache.get(k);
  if (hit) return hit;
  const t = catalog.triggerPoints.find((x) => x.id === triggerPointId);
  if (!t) return null;
  const z: ShownZone = {
    essential: regionIdsFor(t.referral.essential, side, catalog.regions),
    spillover: regionIdsFor(t.referral.spillover, side, catalog.regions),
  };
  cache.set(k, z);
  return z;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const A = new Set(a);
  const B = new Set(b);
  return A.size === B.size && [...A].every((x) => B.has(x));
};

/** Two zones are the same when their essential and their spillover regions are (any order). */
export function sameZone(a: ShownZone, b: ShownZone): boolean {
  return sameSet(a.essential, b.essential) && sameSet(a.spillover, b.spillover);
}

/** The catalog's trigger points whose zone on `side` is `zone`, in catalog order. */
export function pointsWithZone(
  catalog: Catalog,
  zone: ShownZone,
  side: CatalogSide,
): { readonly triggerPointId: string; readonly muscleId: string }[] {
  return catalog.triggerPoints.flatMap((t) => {
    const z = zoneOfPoint(catalog, t.id, side);
    return z && sameZone(z, zone) ? [{ triggerPointId: t.id, muscleId: t.muscleId }] : [];
  });
}

/** The zone a name-muscle question paints (its own, or its trigger point's), or null. */
export function shownZone(catalog: Catalog, q: NameMuscle): ShownZone | null {
  if (q.zone) return q.zone;
  return q.triggerPointId ? zoneOfPoint(catalog, q.triggerPointId, q.side) : null;
}

export type NameMuscleKey =
  | { readonly ok: true; readonly muscleId: string; readonly triggerPointId: string }
  | {
      readonly ok: false;
      /** Where in the question the problem lies: `triggerPointId`, `zone` or `choices`. */
      readonly field: 'triggerPointId' | 'zone' | 'choices';
      readonly problem: string;
    };

/**
 * The right muscle of a name-muscle question and the trigger point whose pattern it is. For the
 * practice form, the named point's muscle (it must be among the choices); for the exam form, the
 * one choice with a point whose zone on the side is the zone shown.
 */
export function nameMuscleKey(catalog: Catalog, q: NameMuscle): NameMuscleKey {
  if (q.triggerPointId !== undefined) {
    const t = catalog.triggerPoints.find((x) => x.id === q.triggerPointId);
    if (!t)
      return {
        ok: false,
        field: 'triggerPointId',
        problem: `no trigger point "${q.triggerPointId}" in the catalog`,
      };
    if (!q.choices.includes(t.muscleId))
      return {
        ok: false,
        field: 'choices',
        problem: `must include the trigger point's muscle "${t.muscleId}"`,
      };
    return { ok: true, muscleId: t.muscleId, triggerPointId: t.id };
  }
  const zone = q.zone;
  if (!zone) return { ok: false, field: 'zone', problem: 'the question shows no zone' };
  const matches = pointsWithZone(catalog, zone, q.side).filter((m) =>
    q.choices.includes(m.muscleId),
  );
  const muscles = [...new Set(matches.map((m) => m.muscleId))];
  if (muscles.length === 0)
    return {
      ok: false,
      field: 'zone',
      problem: `no choice has a trigger point whose zone on the ${q.side} side is this one, so no answer is right`,
    };
  if (muscles.length > 1)
    return {
      ok: false,
      field: 'choices',
      problem: `more than one choice has a trigger point with the zone shown (${muscles.join(', ')}); exactly one must`,
    };
  return { ok: true, muscleId: muscles[0]!, triggerPointId: matches[0]!.triggerPointId };
}

/**
 * The exam form of a name-muscle question: its zone in place of its trigger point. A question
 * already in the exam form, or one whose zone another choice shares too (the exam form would
 * have no single answer), comes back as it was.
 */
export function withZoneShown(catalog: Catalog, q: NameMuscle): NameMuscle {
  if (q.triggerPointId === undefined) return q;
  const zone = shownZone(catalog, q);
  if (!zone) return q;
  const exam: NameMuscle = {
    id: q.id,
    ...(q.prompt !== undefined ? { prompt: q.prompt } : {}),
    type: q.type,
    zone: { essential: [...zone.essential], spillover: [...zone.spillover] },
    side: q.side,
    choices: q.choices,
  };
  const before = nameMuscleKey(catalog, q);
  const after = nameMuscleKey(catalog, exam);
  return before.ok && after.ok && after.muscleId === before.muscleId ? exam : q;
}

/**
 * An exam as it may leave the instructor's hands or enter a student's browser: every
 * name-muscle question in the exam form. A practice quiz comes back unchanged.
 */
export function concealedExam(catalog: Catalog, quiz: Quiz): Quiz {
  if (quiz.mode !== 'exam') return quiz;
  if (!quiz.questions.some((q) => q.type === 'name-muscle' && q.triggerPointId !== undefined))
    return quiz;
  return {
    ...quiz,
    questions: quiz.questions.map((q) =>
      q.type === 'name-muscle' ? withZoneShown(catalog, q) : q,
    ),
  };
}
