/**
 * The recommended needle path of a trigger point on the model: from its skin spot along the
 * catalog's direction rule, to the recommended maximum depth, and what it would meet.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import { CONTAINER_STRUCTURES } from '../body/bodyIndex.ts';
import type { BodyVec3 } from '../units.ts';
import type { CatalogSide } from './load.ts';
import type { DirectionRule } from './schema.ts';

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
  const q = index.closest(bone, skin).point;
  const v: BodyVec3 = [q[0] - skin[0], q[1] - skin[1], q[2] - skin[2]];
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
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
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

export interface PathCheck {
  /** The first danger structure the path enters within the depth, if any. */
  reached: { structure: string; depthMm: number } | null;
  /** Depth (mm) along the path from the skin to the nearest danger entry beyond the depth. */
  nearestDangerDepthMm: number | null;
}

/**
 * Walks the needle from the skin spot along the direction to `depthMm` and reports any of the
 * danger structures it enters (containers such as the pleural sac count as reached on entry).
 */
export function checkPath(
  index: BodyIndex,
  skin: BodyVec3,
  dir: BodyVec3,
  depthMm: number,
  dangers: readonly string[],
  /** A bone the needle is aimed at: it stops the needle, so nothing beyond it is reached. */
  backstop?: string,
): PathCheck {
  const set = new Set(dangers.filter((d) => index.get(d)));
  if (backstop && index.get(backstop)) {
    const start0: BodyVec3 = [
      skin[0] - dir[0] * 0.003,
      skin[1] - dir[1] * 0.003,
      skin[2] - dir[2] * 0.003,
    ];
    const bone = index.hitsAlong(start0, dir, 0.25, new Set([backstop])).find((h) => h.entering);
    if (bone) depthMm = Math.min(depthMm, (bone.distance - 0.003) * 1000);
  }
  // start just outside the skin so the entry is seen
  const start: BodyVec3 = [
    skin[0] - dir[0] * 0.003,
    skin[1] - dir[1] * 0.003,
    skin[2] - dir[2] * 0.003,
  ];
  const hits = index.hitsAlong(start, dir, 0.25, set);
  const entries = hits.filter((h) => h.entering || CONTAINER_STRUCTURES.has(h.structure));
  const within = entries.find((h) => (h.distance - 0.003) * 1000 <= depthMm);
  const first = entries[0];
  return {
    reached: within
      ? { structure: within.structure, depthMm: (within.distance - 0.003) * 1000 }
      : null,
    nearestDangerDepthMm: first ? (first.distance - 0.003) * 1000 : null,
  };
}
