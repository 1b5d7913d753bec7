/**
 * "Frame this" for referral zones: the whole pattern on the skin and the trigger point's spot in
 * shot, the head too when the pattern reaches the neck, seen from the side the pattern faces and
 * from the nearest view that no limb stands in front of. Used through src/scene/zoneFocus.ts by
 * Explore, the search box, the quiz, tours and the printable chart.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { MeshData } from '../body/glb.ts';
import { regionIdsFor, type CatalogSide } from '../catalog/load.ts';
import { placeTriggerPoint } from '../catalog/placement.ts';
import type { LandmarkMap } from '../catalog/resolve.ts';
import type { Catalog } from '../catalog/schema.ts';
import type { BodyVec3 } from '../units.ts';
import { add, norm, scale, sub } from '../vec.ts';
import {
  clearestFraming,
  facingDirection,
  fitDistance,
  framePoints,
  sample,
  zonePoints,
  type Framing,
  type ZonePoints,
} from './frame.ts';
import { viewDirection, type RegionPatch } from './patches.ts';

/** What framing a zone needs of the loaded model. */
export interface ZoneWorld {
  readonly catalog: Pick<Catalog, 'regions' | 'triggerPoints'>;
  readonly skin: MeshData;
  readonly patches: ReadonlyMap<string, RegionPatch>;
  readonly landmarks: LandmarkMap;
  /** For the sight check and the points' spots; without it the zone is framed as it faces. */
  readonly index: BodyIndex | null;
  /** The camera's vertical field of view, degrees. */
  readonly fovDeg: number;
}

export interface ZoneRef {
  readonly id: string;
  readonly side: CatalogSide;
}

/** How far round the zone the framing reaches beyond its points (m), and its least half-size. */
const FRAME_OPTIONS = { margin: 0.05, minHalf: 0.1 };
/** How many points of a zone the sight check casts rays to. */
const SIGHT_SAMPLES = 40;

const vec = (v: readonly number[] | undefined): BodyVec3 | null =>
  v && v.length >= 3 ? [v[0]!, v[1]!, v[2]!] : null;

/** How much the trigger point's spot counts, against the whole zone, in choosing the view. */
const SPOT_SHARE = 0.25;
/** The spot sits under the skin's outer face: the sight check looks at it from just outside. */
const SPOT_LIFT = 0.006;

/**
 * Frames a zone's skin points and spots on the skin: with the head (crown to jugular notch)
 * when they reach the neck, so a zone at the temple is read against the whole head; from `from`
 * when given, else from the side they face, turned to the clearest nearby view (of the zone and
 * the spots) when the body is indexed.
 */
export function frameSkinPoints(
  world: ZoneWorld,
  zone: ZonePoints,
  spots: readonly SkinSpot[],
  fallback: BodyVec3,
  from?: BodyVec3,
): Framing | null {
  const all = [...zone.points, ...spots.map((s) => s.at)];
  if (all.length === 0) return null;
  const neck = vec(world.landmarks['c7-spinous-process']?.skin);
  const crown = vec(world.landmarks['vertex']?.skin);
  if (neck && crown && all.some((p) => p[1] > neck[1] - 0.02)) {
    all.push(crown);
    const notch = vec(world.landmarks['jugular-notch']?.skin);
    if (notch) all.push(notch);
  }
  // each spot weighs a quarter of the zone (or one point, for a zone of none)
  const copies = (n: number) =>
    Math.max(1, Math.round((n * SPOT_SHARE) / Math.max(1, spots.length)));
  const spotNormals = spots.flatMap((s) =>
    Array<BodyVec3>(copies(zone.normals.length)).fill(s.normal),
  );
  const preferred = from ?? facingDirection([...zone.normals, ...spotNormals], fallback);
  if (from || !world.index) return framePoints(all, preferred, FRAME_OPTIONS);
  const zoneSight = sample(zone.points, SIGHT_SAMPLES);
  const spotSight = spots.flatMap((s) =>
    Array<BodyVec3>(copies(zoneSight.length)).fill(add(s.at, scale(norm(s.normal), SPOT_LIFT))),
  );
  const distanceFor = (f: Framing) => fitDistance(f.fit, f.center, f.from, world.fovDeg, 1);
  const seen = clearestFraming(
    world.index,
    [...zoneSight, ...spotSight],
    preferred,
    distanceFor,
    FRAME_OPTIONS,
  );
  return framePoints(all, seen.from, FRAME_OPTIONS);
}

/** The side a set of regions faces, from the first region's view (for zones that wrap round). */
function fallbackFor(
  world: ZoneWorld,
  side: CatalogSide | null,
  regionIds: readonly string[],
): BodyVec3 {
  const r = world.catalog.regions.find((x) => x.id === regionIds[0]);
  if (r) return viewDirection(r.view, r.side);
  return side === 'left' ? [1, 0, 0] : side === 'right' ? [-1, 0, 0] : [0, 0, 1];
}

/** A spot on the skin and the outward direction there. */
export interface SkinSpot {
  readonly at: BodyVec3;
  readonly normal: BodyVec3;
}

/** The framing of regions of the skin (and spots on it), from the side they face or `from`. */
export function regionsFraming(
  world: ZoneWorld,
  regionIds: readonly string[],
  side: CatalogSide | null,
  spots: readonly SkinSpot[] = [],
  from?: BodyVec3,
): Framing | null {
  const z = zonePoints(world.skin, world.patches, regionIds);
  return frameSkinPoints(world, z, spots, fallbackFor(world, side, regionIds), from);
}

/** Where a trigger point meets the skin on the model, and the outward direction there. */
export function triggerSpot(world: ZoneWorld, ref: ZoneRef): SkinSpot | null {
  const t = world.catalog.triggerPoints.find((x) => x.id === ref.id);
  if (!t || !world.index) return null;
  const p = placeTriggerPoint(t, ref.side, world.landmarks, world.index);
  return p ? { at: p.skin, normal: norm(sub(p.skin, p.point)) } : null;
}

/** The regions of a trigger point's essential zone on one side. */
export function essentialRegions(world: ZoneWorld, ref: ZoneRef): readonly string[] {
  const t = world.catalog.triggerPoints.find((x) => x.id === ref.id);
  return t ? regionIdsFor(t.referral.essential, ref.side, world.catalog.regions) : [];
}

/** The framing of a trigger point's essential zone and its spot on the skin. */
export function zoneFraming(world: ZoneWorld, ref: ZoneRef, from?: BodyVec3): Framing | null {
  const spot = triggerSpot(world, ref);
  return regionsFraming(world, essentialRegions(world, ref), ref.side, spot ? [spot] : [], from);
}

/** How many of a structure's vertices frame it. */
const STRUCTURE_SAMPLES = 400;

/**
 * The framing of one structure of the model (a muscle a locate question asks about): all of it
 * in shot, from the view nearest `preferred` from which no limb or fold of skin stands in front
 * of it (its vertices seen through the skin over them and nothing else). Null for an unknown id.
 */
export function structureFraming(
  world: Pick<ZoneWorld, 'index' | 'fovDeg'>,
  structureId: string,
  preferred: BodyVec3,
): Framing | null {
  const mesh = world.index?.get(structureId);
  const pos = mesh?.geometry.getAttribute('position');
  if (!world.index || !mesh || !pos || pos.count === 0) return null;
  const all: BodyVec3[] = [];
  for (let k = 0; k < pos.count; k++) all.push([pos.getX(k), pos.getY(k), pos.getZ(k)]);
  const points = sample(all, STRUCTURE_SAMPLES);
  const distanceFor = (f: Framing) => fitDistance(f.fit, f.center, f.from, world.fovDeg, 1);
  const options = { margin: 0.05, minHalf: 0.1 };
  // in and out of the skin's shell over the muscle: two crossings, and no more
  const seen = clearestFraming(
    world.index,
    sample(points, SIGHT_SAMPLES),
    preferred,
    distanceFor,
    options,
    2,
  );
  return framePoints(points, seen.from, options);
}
