/**
 * The lung-field depth map: for each vertex of the skin's outer surface, how far a needle
 * perpendicular to the skin there would travel before it reaches the parietal pleura. Bones are
 * ignored on purpose: between two ribs the needle passes, so the map shows the pleura's depth,
 * not whether a rib happens to lie under one spot.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { MeshData } from '../body/glb.ts';

export interface DepthMapOptions {
  /** Structures whose depth is mapped (default: both pleural sacs). */
  targets?: readonly string[];
  /** Depths beyond this (mm) are left out (NaN). */
  maxMm?: number;
}
const FAT = 'subcutaneous-fat';

export const DEPTH_MAP_DEFAULTS: Required<DepthMapOptions> = {
  targets: ['pleura-left', 'pleura-right'],
  maxMm: 80,
};

/** Smooth outward vertex normals (area-weighted face normals). */
export function vertexNormals(mesh: MeshData): Float32Array {
  const p = mesh.positions;
  const ix = mesh.indices;
  const nor = new Float32Array(p.length);
  for (let t = 0; t < ix.length; t += 3) {
    const a = ix[t]! * 3;
    const b = ix[t + 1]! * 3;
    const c = ix[t + 2]! * 3;
    const e1 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
    const e2 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
    const fx = e1[1]! * e2[2]! - e1[2]! * e2[1]!;
    const fy = e1[2]! * e2[0]! - e1[0]! * e2[2]!;
    const fz = e1[0]! * e2[1]! - e1[1]! * e2[0]!;
    for (const v of [a, b, c]) {
      nor[v] = nor[v]! + fx;
      nor[v + 1] = nor[v + 1]! + fy;
      nor[v + 2] = nor[v + 2]! + fz;
    }
  }
  for (let i = 0; i < nor.length; i += 3) {
    const l = Math.hypot(nor[i]!, nor[i + 1]!, nor[i + 2]!) || 1;
    nor[i] = nor[i]! / l;
    nor[i + 1] = nor[i + 1]! / l;
    nor[i + 2] = nor[i + 2]! / l;
  }
  return nor;
}

/**
 * Depth (mm) from each skin vertex to the nearest target along the inward normal; NaN where the
 * vertex is on the skin's inner surface or no target lies within `maxMm`.
 */
export function perpendicularDepthMap(
  index: BodyIndex,
  skin: MeshData,
  options: DepthMapOptions = {},
): Float32Array {
  const { targets, maxMm } = { ...DEPTH_MAP_DEFAULTS, ...options };
  const only = new Set(targets.filter((t) => index.get(t)));
  // The skin is a shell. A ray in from its outer surface enters the fat under it; one from its
  // inner surface (whose normals face into the body) leaves the fat at once: skip those.
  const fat = new Set([FAT]);
  const maxM = maxMm / 1000;
  // only vertices within reach of a target's box need a ray
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (const id of only) {
    const box = index.get(id)!.box;
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k]!, box.min.getComponent(k) - maxM);
      hi[k] = Math.max(hi[k]!, box.max.getComponent(k) + maxM);
    }
  }
  const nor = vertexNormals(skin);
  const p = skin.positions;
  const depths = new Float32Array(p.length / 3).fill(NaN);
  for (let i = 0; i < depths.length; i++) {
    const x = p[i * 3]!;
    const y = p[i * 3 + 1]!;
    const z = p[i * 3 + 2]!;
    if (x < lo[0]! || x > hi[0]! || y < lo[1]! || y > hi[1]! || z < lo[2]! || z > hi[2]!) continue;
    const dir: [number, number, number] = [-nor[i * 3]!, -nor[i * 3 + 1]!, -nor[i * 3 + 2]!];
    const hit = index.hitsAlong([x, y, z], dir, maxM, only).find((h) => h.entering);
    if (!hit) continue;
    if (index.hitsAlong([x, y, z], dir, 0.01, fat)[0]?.entering !== true) continue;
    if (hit) depths[i] = hit.distance * 1000;
  }
  return depths;
}

/** Colour bands of the depth map (mm), shallowest first, for the overlay and its legend. */
export const DEPTH_BANDS = [
  { maxMm: 20, label: 'under 20 mm', color: '#e0262b' },
  { maxMm: 40, label: '20–40 mm', color: '#f28c28' },
  { maxMm: 60, label: '40–60 mm', color: '#f5d33b' },
  { maxMm: 80, label: '60–80 mm', color: '#8fd14f' },
] as const;

/** The band a depth falls in, or null (no pleura within the map's reach). */
export function depthBand(mm: number): (typeof DEPTH_BANDS)[number] | null {
  if (!Number.isFinite(mm)) return null;
  return DEPTH_BANDS.find((b) => mm < b.maxMm) ?? null;
}
