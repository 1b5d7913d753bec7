/**
 * Signed distance primitives for the body generator. Convention: negative inside, positive
 * outside, in metres (manifold's levelSet wants the opposite sign; mesh.ts flips it).
 *
 * A `Shape` is a smooth union of primitives with a uniform grid that lists which primitives can
 * reach each cell, so an evaluation looks at a handful of primitives rather than all of them.
 */
export type V3 = [number, number, number];

export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: V3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const len = (a: V3): number => Math.hypot(a[0], a[1], a[2]);
export const lerp3 = (a: V3, b: V3, t: number): V3 => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];
export const norm = (a: V3): V3 => {
  const l = len(a) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};
export const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
/** Mirror a point of the left side (+X) to the right side. */
export const mirror = (p: V3): V3 => [-p[0], p[1], p[2]];

export interface Bounds {
  min: V3;
  max: V3;
}

export interface Primitive {
  /** Signed distance at p. */
  d(p: V3): number;
  bounds: Bounds;
  /** Unit direction of the primitive's long axis (fibre direction for muscle segments). */
  axis?: V3;
}

/** A cone-capped capsule from a (radius ra) to b (radius rb). */
export function capsule(a: V3, b: V3, ra: number, rb = ra): Primitive {
  const ab = sub(b, a);
  const l2 = dot(ab, ab) || 1e-12;
  const r = Math.max(ra, rb);
  return {
    d(p) {
      const ap = sub(p, a);
      const t = Math.min(1, Math.max(0, dot(ap, ab) / l2));
      const dx = ap[0] - ab[0] * t;
      const dy = ap[1] - ab[1] * t;
      const dz = ap[2] - ab[2] * t;
      return Math.sqrt(dx * dx + dy * dy + dz * dz) - (ra + (rb - ra) * t);
    },
    bounds: {
      min: [Math.min(a[0], b[0]) - r, Math.min(a[1], b[1]) - r, Math.min(a[2], b[2]) - r],
      max: [Math.max(a[0], b[0]) + r, Math.max(a[1], b[1]) + r, Math.max(a[2], b[2]) + r],
    },
    axis: norm(ab),
  };
}

/**
 * An ellipsoid centred at c with semi-axes r along the orthonormal basis u, v, w (default: world
 * axes). The distance is Quilez's bound, good near the surface, which is all the mesher needs.
 */
export function ellipsoid(c: V3, r: V3, basis?: [V3, V3, V3]): Primitive {
  const [u, v, w] = basis ?? [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const ext: V3 = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    ext[i] = Math.sqrt((u[i]! * r[0]) ** 2 + (v[i]! * r[1]) ** 2 + (w[i]! * r[2]) ** 2);
  }
  return {
    d(p) {
      const q = sub(p, c);
      const x = dot(q, u) / r[0];
      const y = dot(q, v) / r[1];
      const z = dot(q, w) / r[2];
      const k0 = Math.sqrt(x * x + y * y + z * z);
      const k1 = Math.sqrt((x / r[0]) ** 2 + (y / r[1]) ** 2 + (z / r[2]) ** 2);
      if (k1 < 1e-12) return -Math.min(r[0], r[1], r[2]);
      return (k0 * (k0 - 1)) / k1;
    },
    bounds: { min: sub(c, ext), max: add(c, ext) },
    axis: v,
  };
}

/** A box with rounded edges, half-sizes h along the basis u, v, w, corner radius rr. */
export function roundBox(c: V3, h: V3, rr: number, basis?: [V3, V3, V3]): Primitive {
  const [u, v, w] = basis ?? [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  const ext: V3 = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    ext[i] = Math.abs(u[i]! * h[0]) + Math.abs(v[i]! * h[1]) + Math.abs(w[i]! * h[2]) + rr;
  }
  return {
    d(p) {
      const q = sub(p, c);
      const x = Math.abs(dot(q, u)) - h[0] + rr;
      const y = Math.abs(dot(q, v)) - h[1] + rr;
      const z = Math.abs(dot(q, w)) - h[2] + rr;
      const ox = Math.max(x, 0);
      const oy = Math.max(y, 0);
      const oz = Math.max(z, 0);
      return Math.sqrt(ox * ox + oy * oy + oz * oz) + Math.min(Math.max(x, y, z), 0) - rr;
    },
    bounds: { min: sub(c, ext), max: add(c, ext) },
    axis: v,
  };
}

/** Polynomial smooth minimum (Quilez): blends two distances over a width k. */
export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b);
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - (h * h * k) / 4;
}

/** Distance from p to an axis-aligned box (0 inside it). */
function boxDistance(b: Bounds, p: V3): number {
  const dx = Math.max(b.min[0] - p[0], 0, p[0] - b.max[0]);
  const dy = Math.max(b.min[1] - p[1], 0, p[1] - b.max[1]);
  const dz = Math.max(b.min[2] - p[2], 0, p[2] - b.max[2]);
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

const CELL = 0.04;
const NONE: readonly Primitive[] = [];

/** A smooth union of primitives with a uniform acceleration grid. */
export class Shape {
  readonly bounds: Bounds;
  private readonly cells = new Map<number, Primitive[]>();
  private readonly origin: V3;
  private readonly dims: V3;

  constructor(
    readonly prims: readonly Primitive[],
    /** Smooth-union blend width, metres. */
    readonly blend = 0.004,
    /** Extra reach of each primitive in the grid: queries farther than this read as "far". */
    readonly reach = 0.03,
    /**
     * Skip a primitive whose bounding box lies farther than the smooth minimum so far plus the
     * blend: it cannot lower the minimum if its distance is at least its box's. That holds for
     * exact distances, not for the underestimates some primitives give far from their surface,
     * so pruning is asked for where far values may be the truer ones (the envelope's union).
     */
    readonly prune = false,
  ) {
    if (prims.length === 0) throw new Error('Shape: no primitives');
    const min: V3 = [Infinity, Infinity, Infinity];
    const max: V3 = [-Infinity, -Infinity, -Infinity];
    for (const p of prims) {
      for (let i = 0; i < 3; i++) {
        min[i] = Math.min(min[i]!, p.bounds.min[i]!);
        max[i] = Math.max(max[i]!, p.bounds.max[i]!);
      }
    }
    this.bounds = { min, max };
    this.origin = sub(min, [reach, reach, reach]);
    this.dims = [0, 1, 2].map((i) =>
      Math.max(1, Math.ceil((max[i]! - min[i]! + 2 * reach) / CELL)),
    ) as V3;
    for (const p of prims) {
      const lo = this.cellCoords(sub(p.bounds.min, [reach, reach, reach]));
      const hi = this.cellCoords(add(p.bounds.max, [reach, reach, reach]));
      for (let x = lo[0]; x <= hi[0]; x++)
        for (let y = lo[1]; y <= hi[1]; y++)
          for (let z = lo[2]; z <= hi[2]; z++) {
            const k = this.key(x, y, z);
            const list = this.cells.get(k);
            if (list) list.push(p);
            else this.cells.set(k, [p]);
          }
    }
  }

  private cellCoords(p: V3): V3 {
    return [0, 1, 2].map((i) =>
      Math.min(this.dims[i]! - 1, Math.max(0, Math.floor((p[i]! - this.origin[i]!) / CELL))),
    ) as V3;
  }
  private key(x: number, y: number, z: number): number {
    return (x * this.dims[1] + y) * this.dims[2] + z;
  }

  /** The primitives that can reach p (empty when p is farther than `reach` from all). */
  near(p: V3): readonly Primitive[] {
    // no arrays made here: this runs for every sample of every level set
    const x = Math.floor((p[0] - this.origin[0]) / CELL);
    const y = Math.floor((p[1] - this.origin[1]) / CELL);
    const z = Math.floor((p[2] - this.origin[2]) / CELL);
    if (x < 0 || y < 0 || z < 0 || x >= this.dims[0] || y >= this.dims[1] || z >= this.dims[2])
      return NONE;
    return this.cells.get(this.key(x, y, z)) ?? NONE;
  }

  /** Signed distance (negative inside); `reach` when nothing is near. */
  d(p: V3): number {
    const list = this.near(p);
    let d = this.reach;
    for (const prim of list) {
      // (smin is the plain minimum when its arguments differ by the blend or more)
      if (this.prune && boxDistance(prim.bounds, p) >= d + this.blend) continue;
      d = smin(d, prim.d(p), this.blend);
    }
    return d;
  }

  /** Outward gradient by central differences. */
  grad(p: V3, h = 0.0005): V3 {
    return norm([
      this.d([p[0] + h, p[1], p[2]]) - this.d([p[0] - h, p[1], p[2]]),
      this.d([p[0], p[1] + h, p[2]]) - this.d([p[0], p[1] - h, p[2]]),
      this.d([p[0], p[1], p[2] + h]) - this.d([p[0], p[1], p[2] - h]),
    ]);
  }
}

/**
 * Every structure's primitives in one grid, tagged with the structure's build order, so that
 * "the union of everything built before structure k" can be evaluated at a point without
 * meshing or booleans. Each structure's own smooth union is respected.
 */
export class PriorityIndex {
  private readonly cells = new Map<number, { prim: Primitive; tag: number; blend: number }[]>();
  private readonly cell = 0.04;

  constructor(
    groups: readonly { prims: readonly Primitive[]; blend: number }[],
    private readonly reach = 0.02,
  ) {
    groups.forEach((g, tag) => {
      for (const prim of g.prims) {
        const lo = prim.bounds.min.map((v) => Math.floor((v - reach) / this.cell));
        const hi = prim.bounds.max.map((v) => Math.floor((v + reach) / this.cell));
        for (let x = lo[0]!; x <= hi[0]!; x++)
          for (let y = lo[1]!; y <= hi[1]!; y++)
            for (let z = lo[2]!; z <= hi[2]!; z++) {
              const k = this.key(x, y, z);
              const list = this.cells.get(k);
              const e = { prim, tag, blend: g.blend };
              if (list) list.push(e);
              else this.cells.set(k, [e]);
            }
      }
    });
    for (const list of this.cells.values()) list.sort((a, b) => a.tag - b.tag);
  }

  private key(x: number, y: number, z: number): number {
    return ((x + 512) * 1024 + (y + 512)) * 1024 + (z + 512);
  }

  /** Signed distance to the union of the structures with tag < maxTag (`reach` when far). */
  d(p: V3, maxTag: number): number {
    const list = this.cells.get(
      this.key(
        Math.floor(p[0] / this.cell),
        Math.floor(p[1] / this.cell),
        Math.floor(p[2] / this.cell),
      ),
    );
    if (!list) return this.reach;
    let best = this.reach;
    let tag = -1;
    let acc = this.reach;
    for (const e of list) {
      if (e.tag >= maxTag) break;
      if (e.tag !== tag) {
        if (acc < best) best = acc;
        tag = e.tag;
        acc = this.reach;
      }
      acc = smin(acc, e.prim.d(p), e.blend);
    }
    return Math.min(best, acc);
  }
}
