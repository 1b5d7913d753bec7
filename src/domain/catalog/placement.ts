/**
 * Places a trigger point on the generated model: from its anchor's surface point, find the
 * nearest part of its muscle and put the point midway through the muscle's thickness along the
 * line from the surface, and its skin spot where that line leaves the skin. Recomputed from the
 * model, so positions follow the model when it changes.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { BodyVec3 } from '../units.ts';
import { along, norm, sub } from '../vec.ts';
import type { CatalogSide } from './load.ts';
import { resolveAnchor, type LandmarkMap } from './resolve.ts';
import type { TrpAnchor } from './schema.ts';

export interface Placement {
  /** The trigger point inside its muscle, body frame, metres. */
  point: BodyVec3;
  /** Where the line from the point to the surface anchor leaves the skin. */
  skin: BodyVec3;
  /** The muscle structure id it lies in. */
  structure: string;
}

/**
 * The trigger point's place on one side, or null when the model lacks the landmarks or muscle.
 * The model is built as mirror images, so a point on the right is the left one mirrored, when
 * that lies inside the right muscle: placed side by side, small differences between the two
 * meshes sent the search down different lines (the right subscapularis point lay 2 cm from the
 * mirror of the left).
 */
export function placeTriggerPoint(
  anchor: TrpAnchor,
  side: CatalogSide,
  landmarks: LandmarkMap,
  index: BodyIndex,
): Placement | null {
  const right = `${anchor.structure}-right`;
  if (side === 'right' && index.get(right)) {
    const left = placeOnSide(anchor, 'left', landmarks, index);
    if (left && left.structure === `${anchor.structure}-left`) {
      const point: BodyVec3 = [-left.point[0], left.point[1], left.point[2]];
      if (index.contains(right, point))
        return { point, skin: index.closest('skin', point).point, structure: right };
    }
  }
  return placeOnSide(anchor, side, landmarks, index);
}

function placeOnSide(
  anchor: TrpAnchor,
  side: CatalogSide,
  landmarks: LandmarkMap,
  index: BodyIndex,
): Placement | null {
  const surface = resolveAnchor(anchor, side, landmarks);
  if (!surface) return null;
  const structure = index.get(`${anchor.structure}-${side}`)
    ? `${anchor.structure}-${side}`
    : anchor.structure;
  if (!index.get(structure)) return null;
  const near = index.closest(structure, surface);
  const only = new Set([structure]);
  // Candidate lines through the muscle: from the surface point toward the nearest muscle point,
  // then in from the skin nearest that point, then the body axes. The first that crosses the
  // muscle wins; the point lies midway through its thickness.
  const skinNear = index.closest('skin', near.point).point;
  const candidates: BodyVec3[] = [
    norm(sub(near.point, surface)),
    norm(sub(near.point, skinNear)),
    [0, 0, 1],
    [0, 0, -1],
    [1, 0, 0],
    [-1, 0, 0],
    [0, 1, 0],
    [0, -1, 0],
  ];
  let point: BodyVec3 | undefined;
  for (const dir of candidates) {
    if (!Number.isFinite(dir[0]) || (dir[0] === 0 && dir[1] === 0 && dir[2] === 0)) continue;
    const start = along(near.point, dir, -0.005);
    const hits = index.hitsAlong(start, dir, 0.12, only);
    // try each consecutive pair of crossings: the first midpoint inside the muscle wins
    for (let i = 0; i + 1 < hits.length && !point; i++) {
      const mid = along(start, dir, (hits[i]!.distance + hits[i + 1]!.distance) / 2);
      if (hits[i + 1]!.distance - hits[i]!.distance > 0.0005 && index.contains(structure, mid))
        point = mid;
    }
    if (point) break;
  }
  if (!point) point = sampleInside(index, structure, near.point, candidates);
  if (!point) return null;
  // its spot on the skin: the nearest point of the skin's surface
  const skin = index.closest('skin', point).point;
  return { point, skin, structure };
}

/** Fallback for thin parts of a muscle: step along each line and take the middle of the run inside. */
function sampleInside(
  index: BodyIndex,
  structure: string,
  from: BodyVec3,
  dirs: readonly BodyVec3[],
): BodyVec3 | undefined {
  for (const dir of dirs) {
    if (!Number.isFinite(dir[0])) continue;
    let first = -1;
    let last = -1;
    for (let i = -20; i <= 80; i++) {
      const t = i * 0.0005;
      if (index.contains(structure, along(from, dir, t))) {
        if (first < 0) first = t;
        last = t;
      } else if (first >= 0) break;
    }
    if (first >= 0) {
      const mid = along(from, dir, (first + last) / 2);
      if (index.contains(structure, mid)) return mid;
    }
  }
  return undefined;
}
