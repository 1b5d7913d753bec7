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
import { cross } from '../vec.ts';

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

/**
 * Every region's patch on the skin (regions whose landmarks the model lacks are left out). With the
 * fat's mesh, a patch is never centred on the skin's inner sheet (see sightPoint).
 */
export function regionPatches(
  skin: MeshData,
  regions: readonly Region[],
  landmarks: LandmarkMap,
  fat?: MeshData,
): Map<string, RegionPatch> {
  const p = skin.positions;
  const nor = vertexNormals(skin);
  const grid = vertexGrid(p);
  const tris = triangleGrid(skin);
  const under = fat && { mesh: fat, tris: triangleGrid(fat), top: highest(fat) };
  const out = new Map<string, RegionPatch>();
  for (const region of regions) {
    const anchor = resolveRegionCentre(region, landmarks);
    if (!anchor) continue;
    const r = region.anchor.radiusMm / 1000;
    const v = viewDirection(region.view, region.side);
    const facing = (i: number) =>
      nor[i * 3]! * v[0] + nor[i * 3 + 1]! * v[1] + nor[i * 3 + 2]! * v[2] >= FACING;
    // the anchor may lie inside or outside the surface: centre the patch where the line of sight
    // through it (along the region's view) meets skin facing that way; failing that (where the
    // arm rests on the chest there is no skin on that line), on the nearest skin vertex of the
    // outer surface that faces the region's way. (The nearest vertex alone put the ball of
    // the foot on the side of the forefoot: its anchor lies inside the foot, and the sole's
    // vertices there are far apart.)
    let c = sightPoint(skin, tris, anchor, v, under);
    // near an edge of the shell's two sheets the hit face may pass while the skin there, by its
    // nearest vertex's normal (how the patch is lit and seen), lies on the fat: not a centre
    if (c && under) {
      let ni = -1;
      let nd = Infinity;
      grid.near(c, CELL, (i, d2) => {
        if (d2 < nd) {
          nd = d2;
          ni = i;
        }
      });
      if (ni >= 0 && underSkin(under, c, vertexAt(nor, ni))) c = null;
    }
    if (!c) {
      let best = -1;
      for (let reach = CELL; best < 0 && reach <= 8 * CELL; reach *= 2) {
        const near: [number, number][] = [];
        grid.near(anchor, reach, (i, d2) => {
          if (facing(i)) near.push([d2, i]);
        });
        near.sort((a, b) => a[0] - b[0]);
        // nearest first, skipping the inner sheet (tested only until one passes)
        // (and skipping a vertex where the shell is pinched: a twin at the same place whose
        // normal looks into the fat, where the arm's skin meets the chest's)
        const onSheet = (q: BodyVec3, i: number) => underSkin(under!, q, vertexAt(nor, i));
        const pinched = (i: number) => {
          const q = vertexAt(p, i);
          let twin = false;
          grid.near(q, PINCH, (j) => {
            if (j !== i && !twin && onSheet(q, j)) twin = true;
          });
          return twin;
        };
        best =
          near.find(([, i]) => !under || (!onSheet(vertexAt(p, i), i) && !pinched(i)))?.[1] ?? -1;
      }
      if (best < 0) continue;
      c = vertexAt(p, best);
    }
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

/** Skin triangles by the grid cell of their centroid. */
function triangleGrid(skin: MeshData): Map<string, number[]> {
  const { positions: p, indices: ix } = skin;
  const cells = new Map<string, number[]>();
  for (let f = 0; f < ix.length; f += 3) {
    const k = [0, 1, 2]
      .map((a) =>
        Math.floor(
          (p[ix[f]! * 3 + a]! + p[ix[f + 1]! * 3 + a]! + p[ix[f + 2]! * 3 + a]!) / 3 / CELL,
        ),
      )
      .join(',');
    const list = cells.get(k);
    if (list) list.push(f);
    else cells.set(k, [f]);
  }
  return cells;
}

/** Vertices closer than this (metres) are one place of the skin: a pinch of the shell. */
const PINCH = 0.0001;

/** How far along the line of sight the patch centre may lie from the anchor, metres. */
const SIGHT_REACH = 0.06;

/**
 * Where the line through the anchor along the view direction meets skin that faces that way,
 * nearest the anchor (in front of it or behind it); null if it meets none within SIGHT_REACH.
 *
 * The skin mesh is a shell: besides the surface one sees it holds an inner sheet lying on the fat,
 * whose faces point into the body. Where the arm rests against the chest the arm's skin there is
 * all inner sheet, and on the far side of the arm an inner face looks the region's way too. Given
 * the fat, a face whose outer side (SHEET_PROBE off it) is in the fat is that inner sheet, or skin
 * pinched between two body parts, and is passed over.
 */
function sightPoint(
  skin: MeshData,
  tris: Map<string, number[]>,
  anchor: BodyVec3,
  v: BodyVec3,
  under?: Solid,
): BodyVec3 | null {
  const { positions: p, indices: ix } = skin;
  let bestT = Infinity;
  trianglesAlong(tris, anchor, v, -SIGHT_REACH, SIGHT_REACH, (f) => {
    const hit = lineTriangle(p, ix[f]!, ix[f + 1]!, ix[f + 2]!, anchor, v, true);
    if (hit === null || Math.abs(hit) >= Math.abs(bestT) || Math.abs(hit) > SIGHT_REACH) return;
    const q: BodyVec3 = [anchor[0] + v[0] * hit, anchor[1] + v[1] * hit, anchor[2] + v[2] * hit];
    if (under && underSkin(under, q, faceNormal(p, ix, f))) return;
    bestT = hit;
  });
  if (!Number.isFinite(bestT)) return null;
  return [anchor[0] + v[0] * bestT, anchor[1] + v[1] * bestT, anchor[2] + v[2] * bestT];
}

/**
 * Visits once each triangle whose centroid lies in a grid cell along the line o + t·v, t0 ≤ t ≤
 * t1, or in a neighbour of one (a long triangle's centroid may lie in the next cell).
 */
function trianglesAlong(
  tris: Map<string, number[]>,
  o: BodyVec3,
  v: BodyVec3,
  t0: number,
  t1: number,
  visit: (face: number) => void,
): void {
  const seen = new Set<string>();
  for (let t = t0; t <= t1; t += CELL / 2) {
    const cell = [0, 1, 2].map((a) => Math.floor((o[a]! + v[a]! * t) / CELL));
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dz = -1; dz <= 1; dz++) {
          const k = `${cell[0]! + dx},${cell[1]! + dy},${cell[2]! + dz}`;
          if (seen.has(k)) continue;
          seen.add(k);
          for (const f of tris.get(k) ?? []) visit(f);
        }
  }
}

/** How far off a skin face the fat is looked for, metres (the skin is about 3 mm thick). */
const SHEET_PROBE = 0.0003;

/**
 * Whether the point just off q along n is in the fat: q is then on the skin's inner sheet, or on
 * skin pinched between two body parts, not on the skin one sees.
 */
function underSkin(fat: Solid, q: BodyVec3, n: BodyVec3): boolean {
  return insideMesh(fat, [
    q[0] + n[0] * SHEET_PROBE,
    q[1] + n[1] * SHEET_PROBE,
    q[2] + n[2] * SHEET_PROBE,
  ]);
}

/** A direction off the axes, so that a ray along it does not run along the meshes' edges. */
const UP: BodyVec3 = (() => {
  const l = Math.hypot(0.0123, 1, 0.0071);
  return [0.0123 / l, 1 / l, 0.0071 / l];
})();

/** A closed mesh with its triangles by grid cell and its highest point's height. */
interface Solid {
  mesh: MeshData;
  tris: Map<string, number[]>;
  top: number;
}

function highest(mesh: MeshData): number {
  let top = -Infinity;
  for (let i = 1; i < mesh.positions.length; i += 3) top = Math.max(top, mesh.positions[i]!);
  return top;
}

/** Whether q is inside a closed mesh: the parity of its crossings by a ray up from q. */
function insideMesh({ mesh, tris, top }: Solid, q: BodyVec3): boolean {
  const { positions: p, indices: ix } = mesh;
  let crossings = 0;
  trianglesAlong(tris, q, UP, 0, (top + CELL - q[1]) / UP[1], (f) => {
    const hit = lineTriangle(p, ix[f]!, ix[f + 1]!, ix[f + 2]!, q, UP, false);
    if (hit !== null && hit > 0) crossings++;
  });
  return crossings % 2 === 1;
}

/** A vertex's three coordinates (or any per-vertex triple). */
function vertexAt(a: Float32Array, i: number): BodyVec3 {
  return [a[i * 3]!, a[i * 3 + 1]!, a[i * 3 + 2]!];
}

/** A face's unit normal (counter-clockwise seen from outside). */
function faceNormal(p: Float32Array, ix: Uint32Array, f: number): BodyVec3 {
  const a = ix[f]! * 3;
  const b = ix[f + 1]! * 3;
  const c = ix[f + 2]! * 3;
  const n = cross(
    [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!],
    [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!],
  );
  const l = Math.hypot(n[0], n[1], n[2]) || 1;
  return [n[0] / l, n[1] / l, n[2] / l];
}

/**
 * The parameter t where the line o + t·v crosses the triangle (a, b, c) (Möller–Trumbore, both
 * directions of the line), or null; with `fromBehind`, only where the triangle's outward normal
 * points along v.
 */
function lineTriangle(
  p: Float32Array,
  a: number,
  b: number,
  c: number,
  o: BodyVec3,
  v: BodyVec3,
  fromBehind: boolean,
): number | null {
  const e1: BodyVec3 = [
    p[b * 3]! - p[a * 3]!,
    p[b * 3 + 1]! - p[a * 3 + 1]!,
    p[b * 3 + 2]! - p[a * 3 + 2]!,
  ];
  const e2: BodyVec3 = [
    p[c * 3]! - p[a * 3]!,
    p[c * 3 + 1]! - p[a * 3 + 1]!,
    p[c * 3 + 2]! - p[a * 3 + 2]!,
  ];
  if (fromBehind) {
    const n = cross(e1, e2);
    if (n[0] * v[0] + n[1] * v[1] + n[2] * v[2] <= 0) return null;
  }
  const h = cross(v, e2);
  const det = e1[0] * h[0] + e1[1] * h[1] + e1[2] * h[2];
  if (Math.abs(det) < 1e-14) return null;
  const s: BodyVec3 = [o[0] - p[a * 3]!, o[1] - p[a * 3 + 1]!, o[2] - p[a * 3 + 2]!];
  const u = (s[0] * h[0] + s[1] * h[1] + s[2] * h[2]) / det;
  if (u < 0 || u > 1) return null;
  const q = cross(s, e1);
  const w = (v[0] * q[0] + v[1] * q[1] + v[2] * q[2]) / det;
  if (w < 0 || u + w > 1) return null;
  return (e2[0] * q[0] + e2[1] * q[1] + e2[2] * q[2]) / det;
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
