/**
 * The catalog's body regions realised on the generated skin: each region a patch of skin
 * vertices around its anchor (its landmarks' skin points plus offset), with a weight that fades
 * to nothing at the patch's radius so zones have soft edges. Only vertices facing the region's
 * view count, so a patch on the front of a thin arm does not show through on its back.
 */
import type { MeshData } from '../body/glb.ts';
import { resolveRegionCentre, type LandmarkMap } from '../catalog/resolve.ts';
import type { Region, View } from '../catalog/schema.ts';
import { vertexNormals } from '../needle/dangerMap.ts';
import type { BodyVec3 } from '../units.ts';

export interface RegionPatch {
  readonly regionId: string;
  readonly centre: BodyVec3;
  /** Skin vertex indices in the patch. */
  readonly vertices: Uint32Array;
  /** 1 in the middle, fading to 0 at the radius. */
  readonly weights: Float32Array;
}

/** The outward direction a region of this view faces (lateral and medial by side). */
export function viewDirection(view: View, side: Region['side']): BodyVec3 {
  const sx = side === 'right' ? -1 : 1;
  switch (view) {
    case 'anterior':
      return [0, 0, 1];
    case 'posterior':
      return [0, 0, -1];
    case 'lateral':
      return [sx, 0, 0];
    case 'medial':
      return [-sx, 0, 0];
    case 'superior':
      return [0, 1, 0];
    case 'inferior':
      return [0, -1, 0];
  }
}

/** Where the full weight ends, as a share of the radius; beyond it the weight fades. */
const CORE = 0.6;
/** A vertex counts when its normal is within about 85° of the view direction. */
const FACING = 0.1;

const CELL = 0.04;

/** A uniform grid of vertices: `near` visits those within a distance of a point. */
function vertexGrid(p: Float32Array) {
  const cells = new Map<string, number[]>();
  const key = (x: number, y: number, z: number) => `${x},${y},${z}`;
  for (let i = 0; i < p.length / 3; i++) {
    const k = key(
      Math.floor(p[i * 3]! / CELL),
      Math.floor(p[i * 3 + 1]! / CELL),
      Math.floor(p[i * 3 + 2]! / CELL),
    );
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  }
  return {
    near(c: BodyVec3, r: number, visit: (i: number, d2: number) => void): void {
      const r2 = r * r;
      const lo = c.map((x) => Math.floor((x - r) / CELL));
      const hi = c.map((x) => Math.floor((x + r) / CELL));
      for (let x = lo[0]!; x <= hi[0]!; x++)
        for (let y = lo[1]!; y <= hi[1]!; y++)
          for (let z = lo[2]!; z <= hi[2]!; z++)
            for (const i of cells.get(key(x, y, z)) ?? []) {
              const dx = p[i * 3]! - c[0];
              const dy = p[i * 3 + 1]! - c[1];
              const dz = p[i * 3 + 2]! - c[2];
              const d2 = dx * dx + dy * dy + dz * dz;
              if (d2 <= r2) visit(i, d2);
            }
    },
  };
}

/** Every region's patch on the skin (regions whose landmarks the model lacks are left out). */
export function regionPatches(
  skin: MeshData,
  regions: readonly Region[],
  landmarks: LandmarkMap,
): Map<string, RegionPatch> {
  const p = skin.positions;
  const nor = vertexNormals(skin);
  const grid = vertexGrid(p);
  const out = new Map<string, RegionPatch>();
  for (const region of regions) {
    const anchor = resolveRegionCentre(region, landmarks);
    if (!anchor) continue;
    const r = region.anchor.radiusMm / 1000;
    const v = viewDirection(region.view, region.side);
    const facing = (i: number) =>
      nor[i * 3]! * v[0] + nor[i * 3 + 1]! * v[1] + nor[i * 3 + 2]! * v[2] >= FACING;
    // the anchor may lie a little inside or outside the surface: centre the patch on the
    // nearest skin vertex that faces the region's way
    let best = -1;
    let bestD = Infinity;
    for (let reach = CELL; best < 0 && reach <= 8 * CELL; reach *= 2)
      grid.near(anchor, reach, (i, d2) => {
        if (d2 < bestD && facing(i)) {
          bestD = d2;
          best = i;
        }
      });
    if (best < 0) continue;
    const c: BodyVec3 = [p[best * 3]!, p[best * 3 + 1]!, p[best * 3 + 2]!];
    const ids: number[] = [];
    const ws: number[] = [];
    grid.near(c, r, (i, d2) => {
      if (!facing(i)) return;
      const t = (Math.sqrt(d2) / r - CORE) / (1 - CORE);
      ids.push(i);
      ws.push(t <= 0 ? 1 : 1 - t * t * (3 - 2 * t));
    });
    out.set(region.id, {
      regionId: region.id,
      centre: c,
      vertices: Uint32Array.from(ids),
      weights: Float32Array.from(ws),
    });
  }
  return out;
}

/**
 * Per-vertex weights of a zone (a set of region ids): each vertex takes its greatest weight
 * among the zone's patches.
 */
export function zoneWeights(
  vertexCount: number,
  patches: ReadonlyMap<string, RegionPatch>,
  regionIds: Iterable<string>,
): Float32Array {
  const w = new Float32Array(vertexCount);
  for (const id of regionIds) {
    const patch = patches.get(id);
    if (!patch) continue;
    patch.vertices.forEach((v, k) => {
      w[v] = Math.max(w[v]!, patch.weights[k]!);
    });
  }
  return w;
}

/** The region whose patch holds a skin vertex most strongly, or null. */
export function regionAtVertex(
  patches: ReadonlyMap<string, RegionPatch>,
  vertex: number,
): string | null {
  let best: string | null = null;
  let bestW = 0;
  for (const patch of patches.values()) {
    const k = patch.vertices.indexOf(vertex);
    if (k >= 0 && patch.weights[k]! > bestW) {
      bestW = patch.weights[k]!;
      best = patch.regionId;
    }
  }
  return best;
}

/**
 * The region at a point on or near the body: the region of the nearest skin vertex that lies in
 * a patch (a click on a muscle under the skin lands near the skin's inner surface, which belongs
 * to no patch), within `withinM` metres; the stronger patch where two hold that vertex.
 */
export function regionAtPoint(
  skin: MeshData,
  patches: ReadonlyMap<string, RegionPatch>,
  point: BodyVec3,
  withinM = 0.06,
): string | null {
  const p = skin.positions;
  let best: string | null = null;
  let bestD = withinM * withinM;
  let bestW = 0;
  for (const patch of patches.values()) {
    patch.vertices.forEach((i, k) => {
      const dx = p[i * 3]! - point[0];
      const dy = p[i * 3 + 1]! - point[1];
      const dz = p[i * 3 + 2]! - point[2];
      const d2 = dx * dx + dy * dy + dz * dz;
      const w = patch.weights[k]!;
      if (d2 < bestD - 1e-12 || (Math.abs(d2 - bestD) <= 1e-12 && w > bestW)) {
        bestD = d2;
        bestW = w;
        best = patch.regionId;
      }
    });
  }
  return best;
}
