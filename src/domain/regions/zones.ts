/**
 * The per-vertex paint of referral zones on the skin: for each shown trigger point (first shown
 * drawn on top), its essential zone solid and its spillover zone dotted, in its colour, with the
 * patches' soft edges. What the scene uploads as vertex attributes after a selection.
 */
import type { RegionPatch } from './patches.ts';
import { zoneWeights } from './patches.ts';

/** Per-vertex pattern codes of a skin overlay. */
export const PATTERN = { solid: 0, dots: 1, hatch: 2 } as const;

export interface ShownZone {
  readonly essential: readonly string[];
  readonly spillover: readonly string[];
  /** Linear RGB, 0–1. */
  readonly rgb: readonly [number, number, number];
}

export interface ZonePaint {
  /** RGBA per vertex. */
  readonly color: Float32Array;
  /** PATTERN code per vertex. */
  readonly pattern: Float32Array;
}

/** Paints the zones (the first in the list wins where zones overlap) on `vertexCount` vertices. */
export function paintZones(
  vertexCount: number,
  patches: ReadonlyMap<string, RegionPatch>,
  zones: readonly ShownZone[],
): ZonePaint {
  const color = new Float32Array(vertexCount * 4);
  const pattern = new Float32Array(vertexCount);
  const strength = new Float32Array(vertexCount);
  for (let k = zones.length - 1; k >= 0; k--) {
    const z = zones[k]!;
    const essential = zoneWeights(vertexCount, patches, z.essential);
    const spill = zoneWeights(vertexCount, patches, z.spillover);
    for (let i = 0; i < vertexCount; i++) {
      const e = essential[i]!;
      const s = spill[i]!;
      const w = Math.max(e, s);
      if (w <= 0.02 || w < strength[i]! * 0.5) continue;
      strength[i] = w;
      color[i * 4] = z.rgb[0];
      color[i * 4 + 1] = z.rgb[1];
      color[i * 4 + 2] = z.rgb[2];
      color[i * 4 + 3] = 0.9 * w;
      pattern[i] = e >= s ? PATTERN.solid : PATTERN.dots;
    }
  }
  return { color, pattern };
}
