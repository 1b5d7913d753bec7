/**
 * Places a trigger point on the generated model: from its anchor's surface point, find the
 * nearest part of its muscle, take the middle of the muscle's thickness along the line from the
 * surface, then move it along the line in from its nearest skin spot to the catalog's depth range
 * where the muscle allows (depthInRange); its skin spot is the skin nearest the point. Recomputed from the
 * model, so positions follow the model when it changes.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { BodyVec3 } from '../units.ts';
import { add, along, norm, sub } from '../vec.ts';
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

/** Offsets (m) tried round a mirrored point, nearest first: 1 and 2 mm along each axis. */
const NUDGES: readonly BodyVec3[] = [0.001, 0.002].flatMap((r) => [
  [r, 0, 0],
  [-r, 0, 0],
  [0, r, 0],
  [0, -r, 0],
  [0, 0, r],
  [0, 0, -r],
]) as BodyVec3[];

/** What placing a trigger point reads of it: its anchor and the catalog's depth range. */
export interface PlacedPoint {
  readonly anchor: TrpAnchor;
  readonly needling: { readonly depthMm: DepthRange };
}

/**
 * The trigger point's place on one side, or null when the model lacks the landmarks or muscle.
 * The model is built as mirror images, so a point on the right is the left one mirrored, when
 * that lies inside the right muscle: placed side by side, small differences between the two
 * meshes sent the search down different lines (the right subscapularis point lay 2 cm from the
 * mirror of the left).
 */
export function placeTriggerPoint(
  t: PlacedPoint,
  side: CatalogSide,
  landmarks: LandmarkMap,
  index: BodyIndex,
): Placement | null {
  const { anchor } = t;
  const depthMm = t.needling.depthMm;
  const right = `${anchor.structure}-right`;
  if (side === 'right' && index.get(right)) {
    const left = placeOnSide(anchor, 'left', landmarks, index, depthMm);
    if (left && left.structure === `${anchor.structure}-left`) {
      const mirror: BodyVec3 = [-left.point[0], left.point[1], left.point[2]];
      // the mirror image, or the nearest point within 2 mm of it inside the right muscle (the two
      // meshes differ by a fraction of a millimetre, and a point on a face can fall just outside)
      const point = [mirror, ...NUDGES.map((d) => add(mirror, d))].find((p) =>
        index.contains(right, p),
      );
      if (point) return { point, skin: index.closest('skin', point).point, structure: right };
    }
  }
  return placeOnSide(anchor, side, landmarks, index, depthMm);
}

/** The catalog's depth range of a point (mm from the skin). */
export interface DepthRange {
  readonly min: number;
  readonly max: number;
}

/** How far inside the muscle's faces (m) a point moved to its depth range stays, at most. */
const FACE_INSET = 0.003;
/** How far inside the catalog's range (mm) a moved point is put. */
const RANGE_INSET_MM = 1;

/**
 * The run of a structure along the line from `from` (distances in metres along `dir`) that holds
 * the point `at` metres along it, or null when the line is outside the structure there.
 */
export function runAlong(
  index: BodyIndex,
  structure: string,
  from: BodyVec3,
  dir: BodyVec3,
  at: number,
): { readonly from: number; readonly to: number } | null {
  const hits = index.hitsAlong(from, dir, at + 0.15, new Set([structure]));
  for (let i = 0; i < hits.length; i++) {
    if (!hits[i]!.entering) continue;
    const exit = hits.slice(i + 1).find((h) => !h.entering);
    if (exit && hits[i]!.distance <= at + 1e-6 && exit.distance >= at - 1e-6)
      return { from: hits[i]!.distance, to: exit.distance };
  }
  return null;
}

/**
 * Where along a line a trigger point lies: its depth `at` (m from the skin) when that is inside
 * the catalog's range, otherwise the depth nearest it that lies both inside the range (1 mm in
 * from its ends) and inside the same run of the muscle (3 mm, or a third of the run, in from each
 * face); where the two do not overlap, the muscle face nearest the range. A trigger point lies
 * somewhere in its taut band through the muscle's thickness: the catalog says how deep a needle
 * finds it and the model says where the muscle is. Where they disagree (the whole muscle deeper
 * or shallower than the range) the gap stays and is reported, not hidden.
 */
export function depthInRange(
  run: { readonly from: number; readonly to: number },
  at: number,
  depthMm: DepthRange,
): number {
  const min = depthMm.min / 1000;
  const max = depthMm.max / 1000;
  if (at >= min && at <= max) return at;
  const inset = Math.min(FACE_INSET, (run.to - run.from) / 3);
  const lo = run.from + inset;
  const hi = run.to - inset;
  const ri = Math.min(RANGE_INSET_MM / 1000, (max - min) / 2);
  const wanted = Math.min(Math.max(at, min + ri), max - ri);
  return Math.min(Math.max(wanted, lo), hi);
}

/** The point moved along the line in from its nearest skin spot to its depth range. */
function toDepthRange(
  index: BodyIndex,
  structure: string,
  point: BodyVec3,
  depthMm: DepthRange,
): BodyVec3 {
  const skin = index.closest('skin', point).point;
  const dir = norm(sub(point, skin));
  if (!Number.isFinite(dir[0])) return point;
  const at = Math.hypot(...sub(point, skin));
  const run = runAlong(index, structure, skin, dir, at);
  // a sliver of the muscle on this line (its edge grazed) is no place to move the point within
  if (!run || run.to - run.from < 0.002) return point;
  const moved = along(skin, dir, depthInRange(run, at, depthMm));
  // inside, and not on a face of the muscle a mirror image could fall outside of
  return index.contains(structure, moved) && index.closest(structure, moved).distance > 0.001
    ? moved
    : point;
}

function placeOnSide(
  anchor: TrpAnchor,
  side: CatalogSide,
  landmarks: LandmarkMap,
  index: BodyIndex,
  depthMm: DepthRange,
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
  // (first a run at least 2 mm thick whose middle is within 1 cm of the muscle's nearest point: a
  // line that grazed the muscle's edge, or crossed a thin place of a sheet, put the point in a
  // sliver a fraction of a millimetre thick; then any run over 0.5 mm, as before)
  let point: BodyVec3 | undefined;
  for (const thick of [0.002, 0.0005])
    for (const dir of candidates) {
      if (point) break;
      if (!Number.isFinite(dir[0]) || (dir[0] === 0 && dir[1] === 0 && dir[2] === 0)) continue;
      const start = along(near.point, dir, -0.005);
      const hits = index.hitsAlong(start, dir, 0.12, only);
      // try each consecutive pair of crossings: the first midpoint inside the muscle wins
      for (let i = 0; i + 1 < hits.length && !point; i++) {
        const mid = along(start, dir, (hits[i]!.distance + hits[i + 1]!.distance) / 2);
        if (
          hits[i + 1]!.distance - hits[i]!.distance > thick &&
          (thick < 0.002 || Math.hypot(...sub(mid, near.point)) < 0.01) &&
          index.contains(structure, mid)
        )
          point = mid;
      }
    }
  if (!point) point = sampleInside(index, structure, near.point, candidates);
  if (!point) return null;
  point = toDepthRange(index, structure, point, depthMm);
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
