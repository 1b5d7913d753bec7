/**
 * The recommended needle path of a trigger point on the model: from its skin spot along the
 * catalog's direction rule, to the recommended maximum depth, and what it would meet.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { BodyVec3 } from '../units.ts';
import type { CatalogSide } from './load.ts';
import type { DirectionRule, Needling } from './schema.ts';
import { along, dot, norm, sub } from '../vec.ts';
import { skinEntry } from '../needle/simulate.ts';

/**
 * The id of a direction rule's backstop bone on one side (stems of paired bones get the side).
 */
export function backstopId(
  rule: DirectionRule,
  side: CatalogSide,
  exists: (id: string) => boolean,
): string | undefined {
  if (!rule.backstop) return undefined;
  const sided = `${rule.backstop}-${side}`;
  return exists(sided) ? sided : exists(rule.backstop) ? rule.backstop : undefined;
}

/**
 * A rib backstop is the rib the fingers bracket under the point: the catalog names the rib where
 * its sources put the point, and on the model the point may lie over the next one. So the nearest
 * of that rib, the one above and the two below (by the distance from the point) stands in for it.
 */
function nearestRib(index: BodyIndex, bone: string | undefined, p: BodyVec3): string | undefined {
  const m = bone ? /^rib-(\d+)-(left|right)$/.exec(bone) : null;
  if (!bone || !m) return bone;
  const n = Number(m[1]);
  let best = bone;
  let bestD = index.closest(bone, p).distance;
  for (const k of [n - 1, n + 1, n + 2]) {
    const id = `rib-${k}-${m[2]}`;
    if (k < 1 || k > 12 || !index.get(id)) continue;
    const d = index.closest(id, p).distance;
    if (d < bestD) [best, bestD] = [id, d];
  }
  return best;
}

/** A unit vector in the body frame for a direction rule on one side. */
export function ruleDirection(rule: DirectionRule, side: CatalogSide, inward: BodyVec3): BodyVec3 {
  const lat = side === 'left' ? 1 : -1;
  const v: [number, number, number] = [0, 0, 0];
  for (const t of rule.toward) {
    const d: BodyVec3 =
      t === 'anterior'
        ? [0, 0, 1]
        : t === 'posterior'
          ? [0, 0, -1]
          : t === 'cranial'
            ? [0, 1, 0]
            : t === 'caudal'
              ? [0, -1, 0]
              : t === 'lateral'
                ? [lat, 0, 0]
                : t === 'medial'
                  ? [-lat, 0, 0]
                  : inward;
    v[0] += d[0];
    v[1] += d[1];
    v[2] += d[2];
  }
  return norm(v);
}

/** A trigger point's recommended needle on the model, for one side. */
export interface RecommendedNeedle {
  /** The skin spot over the point. */
  readonly entry: BodyVec3;
  /** Unit direction: the catalog's rule, or aimed at its backstop bone. */
  readonly direction: BodyVec3;
  /** The trigger point inside its muscle. */
  readonly target: BodyVec3;
  /** The catalog's depth range (mm) and needle length for the average adult. */
  readonly depthMm: { readonly min: number; readonly max: number };
  readonly needleLengthMm: number;
  /** The bone the needle is aimed at, if the rule names one on this model. */
  readonly backstop?: string;
}

/**
 * The recommended needle for a placed trigger point: how the catalog's words become a line on
 * the model. Every line passes through the trigger point (a needle shown beside its target would
 * teach the wrong spot: aimed from the skin spot at the nearest point of a backstop bone, the
 * supraspinatus needle met the spine of the scapula and never the muscle).
 * - A rule with a backstop bone: from the skin spot through the point, when that line goes on to
 *   meet the bone within the needle's length; else through the point straight at the nearest
 *   point of the bone, entering where that line leaves the skin.
 * - Otherwise along the rule's direction through the point, entering where that line leaves the
 *   skin (a pincer needle enters the near side of the fold and points at the far finger), when
 *   the entry lies within the needle's length and the line goes into the skin.
 * - Failing those, at the point from the skin spot; when that aim has a part along a direction the
 *   rule says to avoid, first along the aim with that part taken out (if most of it is left),
 *   entering where that line through the point leaves the skin.
 */
export function recommendedNeedle(
  index: BodyIndex,
  needling: Needling,
  side: CatalogSide,
  placed: { readonly point: BodyVec3; readonly skin: BodyVec3 },
): RecommendedNeedle {
  const common = {
    target: placed.point,
    depthMm: needling.depthMm,
    needleLengthMm: needling.needleLengthMm,
  };
  const length = needling.needleLengthMm / 1000;
  /** The line through the point along `dir`, entering where it leaves the skin going back. */
  const through = (dir: BodyVec3, reach: number) => {
    const back: BodyVec3 = [-dir[0], -dir[1], -dir[2]];
    const exit = index
      .hitsAlong(placed.point, back, reach, new Set(['skin']))
      .find((h) => !h.entering);
    if (!exit) return null;
    const entry = skinEntry(index, along(placed.point, back, exit.distance));
    // the line must go in through the skin, not graze it
    return dot(dir, entry.inward) > 0.1 ? entry.point : null;
  };
  const meets = (from: BodyVec3, dir: BodyVec3, id: string) =>
    index.hitsAlong(from, dir, length).some((h) => h.entering && h.structure === id);
  const spot = skinEntry(index, placed.skin);
  // from the skin spot straight at the point
  const direct = norm(sub(placed.point, spot.point));
  const directGoesIn = dot(direct, spot.inward) > 0.1;
  const bone = nearestRib(
    index,
    backstopId(needling.directionRule, side, (id) => !!index.get(id)),
    placed.point,
  );
  if (bone) {
    if (directGoesIn && meets(spot.point, direct, bone))
      return { ...common, entry: spot.point, direction: direct, backstop: bone };
    const onto = norm(sub(index.closest(bone, placed.point).point, placed.point));
    const entry = through(onto, length);
    if (entry) return { ...common, entry, direction: onto, backstop: bone };
  }
  const rule = ruleDirection(needling.directionRule, side, norm(sub(placed.point, placed.skin)));
  const entry = through(rule, length);
  if (entry) return { ...common, entry, direction: rule };
  // aimed at the point, but with no part along a direction the rule says to avoid
  let aim = direct;
  for (const a of needling.directionRule.avoid) {
    const u = ruleDirection({ toward: [a], avoid: [] }, side, spot.inward);
    const k = dot(aim, u);
    if (k > 0) aim = sub(aim, [u[0] * k, u[1] * k, u[2] * k]);
  }
  // (an aim mostly along an avoided direction leaves too little to steer by)
  const kept = Math.hypot(...aim);
  if (kept > 0.999 && directGoesIn) return { ...common, entry: spot.point, direction: direct };
  if (kept > 0.5) {
    aim = norm(aim);
    const via = through(aim, length);
    if (via) return { ...common, entry: via, direction: aim };
  }
  if (directGoesIn) return { ...common, entry: spot.point, direction: direct };
  return { ...common, entry: spot.point, direction: spot.inward };
}
