/**
 * The needle's constants and tissue kinds (no geometry library here, so the UI can import it
 * cheaply: the one measuring function takes the body index it is given).
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { StructureKind } from '../body/manifest.ts';
import type { BodyVec3 } from '../units.ts';

/** Kinds a needle must not enter. */
export const DANGER_KINDS: ReadonlySet<StructureKind> = new Set<StructureKind>([
  'pleura',
  'lung',
  'nerve',
  'artery',
  'vein',
  'organ',
]);
/** Kinds that stop a solid filiform needle: it cannot pass through bone or costal cartilage. */
export const STOP_KINDS: ReadonlySet<StructureKind> = new Set<StructureKind>(['bone', 'cartilage']);

/**
 * The needle lengths the trainer offers (mm): common filiform needle lengths, up to the 90 mm
 * the catalog recommends for the deep hip rotators.
 */
export const NEEDLE_LENGTHS_MM = [15, 25, 30, 40, 50, 60, 75, 90, 100] as const;
/** The deepest any needle here can go (mm). */
export const MAX_DEPTH_MM = 100;
/**
 * The needle lengths (mm) a quiz file, an answers file or the command line may name: one range
 * everywhere, and all of it within what the simulator measures (up to MAX_DEPTH_MM).
 */
export const NEEDLE_LENGTH_RANGE_MM = { min: 5, max: MAX_DEPTH_MM } as const;

/**
 * How far from the skin (mm) a needle's entry may be given: the simulator moves it to the nearest
 * skin point, and farther than this the point is not an entry on the skin but a mistake.
 */
export const MAX_ENTRY_FROM_SKIN_MM = 50;

/**
 * How far a point lies from the skin's surface (metres), inside the body or out. Beyond a metre
 * outside the skin's bounding box the distance to the box is given instead, marked `atLeast`
 * (the skin is at least that far): the exact search cannot measure absurd coordinates.
 */
export function distanceFromSkin(
  index: BodyIndex,
  p: BodyVec3,
): { readonly metres: number; readonly atLeast: boolean } {
  const box = index.get('skin')?.box;
  if (box) {
    const gap = Math.max(
      box.min.x - p[0],
      p[0] - box.max.x,
      box.min.y - p[1],
      p[1] - box.max.y,
      box.min.z - p[2],
      p[2] - box.max.z,
      0,
    );
    if (!(gap <= 1)) return { metres: gap, atLeast: true };
  }
  return { metres: index.closest('skin', p).distance, atLeast: false };
}

/** A distance in words: millimetres below a metre, else metres. */
export function formatDistance(metres: number): string {
  if (metres < 1) return `${(Math.round(metres * 10_000) / 10).toFixed(1)} mm`;
  if (metres < 1000) return `${metres.toFixed(2)} m`;
  return `${metres.toPrecision(3)} m`;
}

/**
 * Why a needle's entry is too far from the skin to be an entry (`"the entry is 2.31 m from the
 * skin; …"`), or null when it is near enough.
 */
export function entryProblem(index: BodyIndex, entry: BodyVec3): string | null {
  if (!entry.every(Number.isFinite)) return 'the entry is not a finite point';
  const d = distanceFromSkin(index, entry);
  if (d.metres * 1000 <= MAX_ENTRY_FROM_SKIN_MM) return null;
  return `the entry is ${d.atLeast ? 'at least ' : ''}${formatDistance(d.metres)} from the skin; it must lie within ${MAX_ENTRY_FROM_SKIN_MM} mm of it`;
}
