/**
 * Anatomical anchors → body-frame points on the generated model (CONTRACTS §1: metres, +X the
 * patient's left, +Y up, +Z anterior). Pure: takes the manifest's landmarks.
 *
 * For now a trigger point resolves to its skin point (the interpolated landmark skin points plus
 * the offset); the step from the skin into the named muscle is added later by the needle domain.
 * The line between two skin points cuts through the body, so the result is near, not on, the skin.
 */
import type { BodyVec3 } from '../units.ts';
import type { CatalogSide } from './load.ts';
import { PAIRED_LANDMARKS, type DirectionRule, type Region, type TrpAnchor } from './schema.ts';

export type LandmarkMap = Readonly<
  Record<string, { readonly bone: BodyVec3; readonly skin: BodyVec3 }>
>;

const PAIRED = new Set<string>(PAIRED_LANDMARKS);

/** The manifest id of a side-less landmark name on one side. */
export function landmarkId(name: string, side: CatalogSide): string {
  return PAIRED.has(name) ? `${name}-${side}` : name;
}

/** Offsets are written with x = lateral (+); on the right side lateral is −X. */
function offsetMetres(
  offsetMm: readonly [number, number, number] | undefined,
  side: CatalogSide | 'midline',
): BodyVec3 {
  if (!offsetMm) return [0, 0, 0];
  const sx = side === 'right' ? -1 : 1;
  return [(sx * offsetMm[0]) / 1000, offsetMm[1] / 1000, offsetMm[2] / 1000];
}

function skin(landmarks: LandmarkMap, name: string, side: CatalogSide): BodyVec3 | null {
  return landmarks[landmarkId(name, side)]?.skin ?? null;
}

/** The landmark ids an anchor needs on one side that the manifest lacks. */
export function missingLandmarks(
  anchor: TrpAnchor,
  side: CatalogSide,
  landmarks: LandmarkMap,
): string[] {
  const names = 'at' in anchor ? [anchor.at] : [...anchor.between];
  return names.map((n) => landmarkId(n, side)).filter((id) => !landmarks[id]);
}

/** A trigger point anchor's skin point on one side, or null when a landmark is missing. */
export function resolveAnchor(
  anchor: TrpAnchor,
  side: CatalogSide,
  landmarks: LandmarkMap,
): BodyVec3 | null {
  let p: BodyVec3;
  if ('at' in anchor) {
    const a = skin(landmarks, anchor.at, side);
    if (!a) return null;
    p = a;
  } else {
    const a = skin(landmarks, anchor.between[0], side);
    const b = skin(landmarks, anchor.between[1], side);
    if (!a || !b) return null;
    const t = anchor.t;
    p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])];
  }
  const o = offsetMetres(anchor.offsetMm, side);
  return [p[0] + o[0], p[1] + o[1], p[2] + o[2]];
}

/** Both sides of a trigger point's anchor. */
export function resolveBothSides(
  anchor: TrpAnchor,
  landmarks: LandmarkMap,
): { left: BodyVec3 | null; right: BodyVec3 | null } {
  return {
    left: resolveAnchor(anchor, 'left', landmarks),
    right: resolveAnchor(anchor, 'right', landmarks),
  };
}

/** The centre of a region's skin patch (mean of its landmarks' skin points plus offset), or null. */
export function resolveRegionCentre(region: Region, landmarks: LandmarkMap): BodyVec3 | null {
  const side: CatalogSide = region.side === 'right' ? 'right' : 'left';
  const pts = region.anchor.landmarks.map((n) => skin(landmarks, n, side));
  if (pts.some((p) => p === null)) return null;
  const sum = (pts as BodyVec3[]).reduce<[number, number, number]>(
    (s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]],
    [0, 0, 0],
  );
  const n = pts.length;
  const o = offsetMetres(region.anchor.offsetMm, region.side);
  return [sum[0] / n + o[0], sum[1] / n + o[1], sum[2] / n + o[2]];
}

const UNIT: Record<Exclude<DirectionRule['toward'][number], 'inward'>, BodyVec3> = {
  anterior: [0, 0, 1],
  posterior: [0, 0, -1],
  lateral: [1, 0, 0],
  medial: [-1, 0, 0],
  cranial: [0, 1, 0],
  caudal: [0, -1, 0],
};

/**
 * A body-direction list as a unit vector in the body frame on one side (medial/lateral mirrored),
 * or null when it depends on the skin normal (`inward`) or cancels out.
 */
export function directionVector(dirs: DirectionRule['toward'], side: CatalogSide): BodyVec3 | null {
  const sx = side === 'right' ? -1 : 1;
  let x = 0;
  let y = 0;
  let z = 0;
  for (const d of dirs) {
    if (d === 'inward') return null;
    const u = UNIT[d];
    x += u[0] * sx;
    y += u[1];
    z += u[2];
  }
  const len = Math.hypot(x, y, z);
  return len === 0 ? null : [x / len, y / len, z / len];
}
