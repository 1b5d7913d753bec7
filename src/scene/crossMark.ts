/**
 * The × that marks a trigger point on the skin (Travell & Simons' convention): two flat bars
 * crossing in the skin's tangent plane, lifted a little off it so no half of the cross sinks
 * into the surface, as triangles. Drawn twice, a wide light rim under a narrower bar in the
 * zone's colour, so it reads on skin and on a red zone alike.
 */
import type { BodyVec3 } from '../domain/units.ts';
import { add, cross, norm, scale } from '../domain/vec.ts';

/**
 * Triangles (xyz per vertex, 12 vertices: two bars of two triangles each) of a × centred at
 * `at`, lying across `normal`, arms `halfLength` from the centre, bars `halfWidth` wide,
 * lifted `lift` along the normal.
 */
export function crossTriangles(
  at: BodyVec3,
  normal: BodyVec3,
  halfLength: number,
  halfWidth: number,
  lift: number,
): number[] {
  const n = norm(normal);
  // any direction across the normal; the cross's arms at ±45° to it
  const seed: BodyVec3 = Math.abs(n[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  const u = norm(cross(seed, n));
  const v = cross(n, u);
  const c = add(at, scale(n, lift));
  const out: number[] = [];
  for (const s of [1, -1]) {
    const arm = norm(add(u, scale(v, s)));
    const side = cross(n, arm);
    const a = add(c, scale(arm, -halfLength));
    const b = add(c, scale(arm, halfLength));
    const w = scale(side, halfWidth);
    const [p0, p1, p2, p3] = [add(a, w), add(b, w), add(b, scale(w, -1)), add(a, scale(w, -1))];
    out.push(...p0, ...p1, ...p2, ...p0, ...p2, ...p3);
  }
  return out;
}
