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

/** Aim at the nearest point of the backstop bone from the skin spot. */
export function aimAtBackstop(index: BodyIndex, skin: BodyVec3, bone: string): BodyVec3 {
  return norm(sub(index.closest(bone, skin).point, skin));
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
 * the model. A rule with a backstop bone aims from the skin spot at that bone. Otherwise the
 * needle runs along the rule's direction through the trigger point, entering where that line
 * leaves the skin (a pincer needle enters the near side of the fold and points at the far
 * finger), provided the entry lies within the recommended depth and the line goes into the skin;
 * failing that, it goes from the skin spot straight at the point.
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
  const bone = backstopId(needling.directionRule, side, (id) => !!index.get(id));
  if (bone) {
    const entry = skinEntry(index, placed.skin);
    const aim = aimAtBackstop(index, entry.point, bone);
    if (dot(aim, entry.inward) > 0.1)
      return { ...common, entry: entry.point, direction: aim, backstop: bone };
  }
  const rule = ruleDirection(needling.directionRule, side, norm(sub(placed.point, placed.skin)));
  const back: BodyVec3 = [-rule[0], -rule[1], -rule[2]];
  const exit = index
    .hitsAlong(placed.point, back, needling.depthMm.max / 1000, new Set(['skin']))
    .find((h) => !h.entering);
  if (exit) {
    const entry = skinEntry(index, along(placed.point, back, exit.distance));
    // the line must go in through the skin, not graze it
    if (dot(rule, entry.inward) > 0.1) return { ...common, entry: entry.point, direction: rule };
  }
  const entry = skinEntry(index, placed.skin);
  // aimed at the point, but with no part along a direction the rule says to avoid
  let aim = norm(sub(placed.point, entry.point));
  for (const a of needling.directionRule.avoid) {
    const u = ruleDirection({ toward: [a], avoid: [] }, side, entry.inward);
    const k = dot(aim, u);
    if (k > 0) aim = norm(sub(aim, [u[0] * k, u[1] * k, u[2] * k]));
  }
  return {
    ...common,
    entry: entry.point,
    direction: dot(aim, entry.inward) > 0.1 ? aim : entry.inward,
  };
}
