/** Meshing and booleans with manifold-3d (WASM): level sets of SDF shapes, simplification. */
import Module from 'manifold-3d';
import type { Manifold as ManifoldT, ManifoldToplevel } from 'manifold-3d';
import { Shape, type Bounds, type V3 } from './sdf.ts';

let wasm: ManifoldToplevel | undefined;

export async function manifoldApi(): Promise<ManifoldToplevel> {
  if (!wasm) {
    wasm = await Module();
    wasm.setup();
  }
  return wasm;
}

export type Manifold = ManifoldT;

export interface LevelSetOptions {
  /** Target triangle edge length, metres. */
  edge: number;
  /** Simplification tolerance, metres (0 keeps every triangle). */
  simplify: number;
  /** Grow the grid beyond the shape's bounds by this much, metres. */
  pad: number;
  /** Offset of the surface: positive shrinks the shape (inset), negative grows it. */
  level?: number;
}

/** Meshes the zero set of a signed distance function (negative inside) within bounds. */
export function levelSet(
  api: ManifoldToplevel,
  d: (p: V3) => number,
  bounds: Bounds,
  opts: LevelSetOptions,
): Manifold {
  const box = gridBox(bounds, opts.pad, opts.edge);
  const level = opts.level ?? 0;
  // a hair under the edge, so manifold-3d's count of cells along the snapped box rounds to the
  // whole number of edges rather than one fewer
  const raw = api.Manifold.levelSet((p) => -(d(p as V3) + level), box, opts.edge * (1 - 1e-6), 0);
  if (opts.simplify <= 0) return raw;
  const m = raw.simplify(opts.simplify);
  raw.delete();
  return m;
}

/**
 * The box the level set's grid spans: the bounds plus pad, widened to whole multiples of the edge
 * counted from the world origin. manifold-3d spreads its grid evenly over the box it is given, so
 * on a box that moved with the shape's bounds every vertex moved too: a change to one structure
 * shifted the skin and fat everywhere (and turned up thin spots of skin far from the change). On
 * the snapped box the grid's points stay at the same world positions.
 */
export function gridBox(bounds: Bounds, pad: number, edge: number): Bounds {
  const min = [0, 1, 2].map((i) => Math.floor((bounds.min[i]! - pad) / edge) * edge) as V3;
  const max = [0, 1, 2].map(
    (i) => min[i]! + Math.ceil((bounds.max[i]! + pad - min[i]!) / edge - 1e-9) * edge,
  ) as V3;
  return { min, max };
}

export function meshShape(api: ManifoldToplevel, shape: Shape, edge: number): Manifold {
  return levelSet(api, (p) => shape.d(p), shape.bounds, {
    edge,
    simplify: edge * 0.08,
    pad: shape.blend + edge * 2,
  });
}

export interface Arrays {
  positions: Float32Array;
  indices: Uint32Array<ArrayBuffer>;
}

export function toArrays(m: Manifold): Arrays {
  const mesh = m.getMesh();
  const n = mesh.numProp;
  const count = mesh.vertProperties.length / n;
  const positions = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) {
    positions[i * 3] = mesh.vertProperties[i * n]!;
    positions[i * 3 + 1] = mesh.vertProperties[i * n + 1]!;
    positions[i * 3 + 2] = mesh.vertProperties[i * n + 2]!;
  }
  return { positions, indices: new Uint32Array(mesh.triVerts) };
}

export function boundsOf(m: Manifold): Bounds {
  const b = m.boundingBox();
  return { min: [b.min[0], b.min[1], b.min[2]], max: [b.max[0], b.max[1], b.max[2]] };
}

export function overlaps(a: Bounds, b: Bounds, margin = 0): boolean {
  for (let i = 0; i < 3; i++) {
    if (a.max[i]! + margin < b.min[i]! || b.max[i]! + margin < a.min[i]!) return false;
  }
  return true;
}
