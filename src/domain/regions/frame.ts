/**
 * "Frame this": one camera view that holds a set of points (a referral zone's skin, the trigger
 * point's spot, the head when the zone reaches it) from a chosen side. The view's middle is the
 * middle of the points as the camera sees them, and the distance is the nearest at which every
 * point lies inside the frustum of a camera of a given field of view and aspect, so a phone's
 * narrow view backs off as far as its width needs. Pure geometry: no three, no React.
 */
import type { BodyIndex } from '../body/bodyIndex.ts';
import type { MeshData } from '../body/glb.ts';
import { vertexNormals } from '../needle/dangerMap.ts';
import type { RegionPatch } from './patches.ts';
import type { BodyVec3 } from '../units.ts';
import { add, cross, dot, length, norm, scale, sub } from '../vec.ts';

/** The camera's axes for a view from `from` (unit, target to camera) with world +Y up. */
export function viewBasis(from: BodyVec3): { right: BodyVec3; up: BodyVec3; back: BodyVec3 } {
  const back = norm(from);
  // looking straight down or up: the body's front is "up" on the screen
  const worldUp: BodyVec3 = Math.abs(back[1]) > 0.999 ? [0, 0, -Math.sign(back[1])] : [0, 1, 0];
  const right = norm(cross(worldUp, back));
  const up = cross(back, right);
  return { right, up, back };
}

/**
 * The distance from `center` along `from` at which a camera looking at `center` sees every
 * point: each point's offset across the view must fit within the frustum at its own depth.
 * `fill` (0–1] is the share of the half-width and half-height the points may use.
 */
export function fitDistance(
  points: readonly BodyVec3[],
  center: BodyVec3,
  from: BodyVec3,
  vfovDeg: number,
  aspect: number,
  fill = 0.9,
): number {
  const { right, up, back } = viewBasis(from);
  const tanV = Math.tan((vfovDeg * Math.PI) / 360) * fill;
  const tanH = tanV * aspect;
  let d = 0;
  for (const p of points) {
    const o = sub(p, center);
    const x = Math.abs(dot(o, right));
    const y = Math.abs(dot(o, up));
    const z = dot(o, back);
    d = Math.max(d, z + Math.max(x / tanH, y / tanV));
  }
  return d;
}

/** The distance at which a sphere fills the narrower of the view's two angles. */
export function sphereDistance(radius: number, vfovDeg: number, aspect: number): number {
  const halfV = (vfovDeg * Math.PI) / 360;
  const halfH = Math.atan(Math.tan(halfV) * aspect);
  return radius / Math.sin(Math.min(halfV, halfH));
}

export interface Framing {
  /** Where the camera looks. */
  readonly center: BodyVec3;
  /** Unit direction from the centre to the camera. */
  readonly from: BodyVec3;
  /** Radius of a sphere round the framed points (for views that know no better). */
  readonly radius: number;
  /** The corners of the points' box in the view's axes: holding them holds every point. */
  readonly fit: readonly BodyVec3[];
}

/**
 * The framing of points seen from `from`: centred on the middle of their extent across the view
 * (at their middle depth), with a margin (metres) added on every side and a smallest half-size
 * so a small zone is not shown at the scale of a skin pore.
 */
export function framePoints(
  points: readonly BodyVec3[],
  from: BodyVec3,
  { margin = 0.03, minHalf = 0.08 }: { margin?: number; minHalf?: number } = {},
): Framing {
  if (points.length === 0) throw new Error('framePoints: nothing to frame');
  const { right, up, back } = viewBasis(from);
  const axes = [right, up, back] as const;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (const p of points)
    for (let k = 0; k < 3; k++) {
      const v = dot(p, axes[k]!);
      lo[k] = Math.min(lo[k]!, v);
      hi[k] = Math.max(hi[k]!, v);
    }
  const mid = [0, 1, 2].map((k) => (lo[k]! + hi[k]!) / 2);
  const half = [0, 1].map((k) => Math.max(minHalf, (hi[k]! - lo[k]!) / 2 + margin));
  const halfDepth = (hi[2]! - lo[2]!) / 2;
  const center = add(add(scale(right, mid[0]!), scale(up, mid[1]!)), scale(back, mid[2]!));
  const fit: BodyVec3[] = [];
  for (const sx of [-1, 1])
    for (const sy of [-1, 1])
      for (const sz of [-1, 1])
        fit.push(
          add(
            center,
            add(
              add(scale(right, sx * half[0]!), scale(up, sy * half[1]!)),
              scale(back, sz * halfDepth),
            ),
          ),
        );
  return {
    center,
    from: back,
    radius: Math.hypot(half[0]!, half[1]!, halfDepth),
    fit,
  };
}

/**
 * The direction a set of surface points is best seen from: the mean of their outward normals,
 * lifted a little so the view looks slightly down on them. When the normals cancel (a zone
 * round a limb, front and back), `fallback` is used.
 */
export function facingDirection(
  normals: readonly BodyVec3[],
  fallback: BodyVec3,
  lift = 0.2,
): BodyVec3 {
  let m: BodyVec3 = [0, 0, 0];
  for (const n of normals) m = add(m, n);
  const l = length(m) / Math.max(1, normals.length);
  const d = l < 0.25 ? norm(fallback) : norm(m);
  return notBelow(norm([d[0], d[1] + lift, d[2]]));
}

/**
 * The lowest a view may look up from (the sine of its angle below the horizontal): the orbit
 * controls go no further under the body, so a view from lower would jump on the first drag.
 */
export const LOWEST_VIEW = -0.12;

/** A view direction raised to LOWEST_VIEW when it comes from further below. */
export function notBelow(d: BodyVec3): BodyVec3 {
  if (d[1] >= LOWEST_VIEW) return d;
  const h = Math.hypot(d[0], d[2]);
  // straight up from below: look from the front instead
  const [x, z] = h < 1e-6 ? [0, 1] : [d[0] / h, d[2] / h];
  const c = Math.sqrt(1 - LOWEST_VIEW * LOWEST_VIEW);
  return [x * c, LOWEST_VIEW, z * c];
}

/**
 * The share of the points a camera at `eye` sees: no skin between (a 4 mm allowance), or for
 * points under the skin, no more crossings of the skin's shell than `crossings` (2: in and out
 * of the shell over them).
 */
export function visibleShare(
  index: BodyIndex,
  eye: BodyVec3,
  points: readonly BodyVec3[],
  crossings = 0,
): number {
  if (points.length === 0) return 1;
  const only = new Set(['skin']);
  let seen = 0;
  for (const p of points) {
    const d = sub(p, eye);
    const l = length(d);
    if (l < 1e-6) continue;
    if (index.hitsAlong(eye, scale(d, 1 / l), l - 0.004, only).length <= crossings) seen++;
  }
  return seen / points.length;
}

/** Views to try round a preferred one: turned about the vertical and tipped up or down. */
export function candidateDirections(preferred: BodyVec3): BodyVec3[] {
  const p = norm(preferred);
  const out: BodyVec3[] = [];
  for (const tip of [0, 0.35, -0.2])
    for (const deg of [0, 25, -25, 50, -50, 80, -80]) {
      const a = (deg * Math.PI) / 180;
      const c = Math.cos(a);
      const s = Math.sin(a);
      out.push(notBelow(norm([p[0] * c + p[2] * s, p[1] + tip, -p[0] * s + p[2] * c])));
    }
  return out;
}

/**
 * Of the views round `preferred`, the first (nearest the preferred) that sees the most of the
 * points from the distance the framing would use, so a hanging arm or the other side of the body
 * does not stand between the camera and the zone.
 */
export function clearestFraming(
  index: BodyIndex,
  points: readonly BodyVec3[],
  preferred: BodyVec3,
  distanceFor: (f: Framing) => number,
  options?: { margin?: number; minHalf?: number },
  crossings = 0,
): Framing {
  let best: Framing | null = null;
  let bestSeen = -1;
  for (const dir of candidateDirections(preferred)) {
    const f = framePoints(points, dir, options);
    const eye = add(f.center, scale(f.from, distanceFor(f)));
    const seen = visibleShare(index, eye, points, crossings);
    if (seen > bestSeen + 1e-9) {
      best = f;
      bestSeen = seen;
      if (seen >= 0.999) break;
    }
  }
  return best ?? framePoints(points, notBelow(norm(preferred)), options);
}

/** A skin mesh's vertex normals, worked out once per mesh. */
const normalsCache = new WeakMap<MeshData, Float32Array>();
function normalsOf(skin: MeshData): Float32Array {
  let n = normalsCache.get(skin);
  if (!n) {
    n = vertexNormals(skin);
    normalsCache.set(skin, n);
  }
  return n;
}

export interface ZonePoints {
  /** Skin points of the regions' patches (and any extra spots). */
  readonly points: BodyVec3[];
  /** Their outward normals, in the same order. */
  readonly normals: BodyVec3[];
}

/**
 * The skin points of some regions' patches where the zone is drawn at least at `minWeight`,
 * with their outward normals; spots (a trigger point's place on the skin) are added with the
 * normal given.
 */
export function zonePoints(
  skin: MeshData,
  patches: ReadonlyMap<string, RegionPatch>,
  regionIds: readonly string[],
  spots: readonly { at: BodyVec3; normal: BodyVec3 }[] = [],
  minWeight = 0.25,
): ZonePoints {
  const nor = normalsOf(skin);
  const pos = skin.positions;
  const points: BodyVec3[] = [];
  const normals: BodyVec3[] = [];
  for (const id of regionIds) {
    const patch = patches.get(id);
    if (!patch) continue;
    patch.vertices.forEach((v, k) => {
      if ((patch.weights[k] ?? 0) < minWeight) return;
      points.push([pos[v * 3]!, pos[v * 3 + 1]!, pos[v * 3 + 2]!]);
      normals.push([nor[v * 3]!, nor[v * 3 + 1]!, nor[v * 3 + 2]!]);
    });
  }
  for (const s of spots) {
    points.push(s.at);
    normals.push(norm(s.normal));
  }
  return { points, normals };
}

/** Every `step`-th point, so a sight check costs a few dozen rays however large the zone. */
export function sample<T>(xs: readonly T[], most: number): T[] {
  if (xs.length <= most) return [...xs];
  const step = xs.length / most;
  return Array.from({ length: most }, (_, k) => xs[Math.floor(k * step)]!);
}

/**
 * Where a point falls in a perspective view of a camera at `eye` looking at `target` (world +Y
 * up), as normalised device coordinates (-1 to 1 across the view), or null behind the camera.
 */
export function projectToView(
  p: BodyVec3,
  eye: BodyVec3,
  target: BodyVec3,
  vfovDeg: number,
  aspect: number,
): { x: number; y: number } | null {
  const { right, up, back } = viewBasis(sub(eye, target));
  const o = sub(p, eye);
  const ahead = -dot(o, back);
  if (ahead <= 1e-6) return null;
  const tanV = Math.tan((vfovDeg * Math.PI) / 360);
  return { x: dot(o, right) / (ahead * tanV * aspect), y: dot(o, up) / (ahead * tanV) };
}

/** The part of the view left clear by overlays, as normalised device y (bottom < top, in -1…1). */
export interface ViewWindow {
  readonly bottom: number;
  readonly top: number;
}

/**
 * Where a camera goes to hold every point inside a band of the view (the part a caption or a
 * toolbar leaves clear): the distance along `from`, and the target, moved below (or above) the
 * framing's centre so the points sit in the band's middle. Found by bisection on the distance
 * with the target shift proportional to it, checked point by point as three projects them.
 */
export function fitInWindow(
  points: readonly BodyVec3[],
  center: BodyVec3,
  from: BodyVec3,
  vfovDeg: number,
  aspect: number,
  window: ViewWindow,
  fill = 0.9,
): { distance: number; target: BodyVec3 } {
  const { up } = viewBasis(from);
  const tanV = Math.tan((vfovDeg * Math.PI) / 360);
  const mid = (window.top + window.bottom) / 2;
  const half = ((window.top - window.bottom) / 2) * fill;
  const targetAt = (d: number): BodyVec3 => sub(center, scale(up, mid * d * tanV));
  const holds = (d: number) => {
    const target = targetAt(d);
    const eye = add(target, scale(norm(from), d));
    return points.every((p) => {
      const q = projectToView(p, eye, target, vfovDeg, aspect);
      return !!q && Math.abs(q.x) <= fill && Math.abs(q.y - mid) <= half;
    });
  };
  // a safe start: fitted into the band's height alone, then doubled until it holds
  let hi = Math.max(1e-3, fitDistance(points, center, from, vfovDeg, aspect, Math.min(fill, half)));
  for (let k = 0; k < 20 && !holds(hi); k++) hi *= 2;
  let lo = 0;
  for (let k = 0; k < 40; k++) {
    const m = (lo + hi) / 2;
    if (holds(m)) hi = m;
    else lo = m;
  }
  return { distance: hi, target: targetAt(hi) };
}
