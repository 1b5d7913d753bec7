/** Brute-force geometry for oracle tests: every triangle tested, no acceleration structure. */
import type { MeshData } from '../../src/domain/body/glb.ts';

/** Möller–Trumbore against every triangle: the slow, obviously right answer. */
export function bruteHits(m: MeshData, o: number[], d: number[], maxDist: number): number[] {
  const out: number[] = [];
  const p = m.positions;
  const ix = m.indices;
  for (let t = 0; t < ix.length; t += 3) {
    const a = ix[t]! * 3;
    const b = ix[t + 1]! * 3;
    const c = ix[t + 2]! * 3;
    const e1 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
    const e2 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
    const h = [
      d[1]! * e2[2]! - d[2]! * e2[1]!,
      d[2]! * e2[0]! - d[0]! * e2[2]!,
      d[0]! * e2[1]! - d[1]! * e2[0]!,
    ];
    const det = e1[0]! * h[0]! + e1[1]! * h[1]! + e1[2]! * h[2]!;
    if (Math.abs(det) < 1e-14) continue;
    const f = 1 / det;
    const s = [o[0]! - p[a]!, o[1]! - p[a + 1]!, o[2]! - p[a + 2]!];
    const u = f * (s[0]! * h[0]! + s[1]! * h[1]! + s[2]! * h[2]!);
    if (u < 0 || u > 1) continue;
    const q = [
      s[1]! * e1[2]! - s[2]! * e1[1]!,
      s[2]! * e1[0]! - s[0]! * e1[2]!,
      s[0]! * e1[1]! - s[1]! * e1[0]!,
    ];
    const v = f * (d[0]! * q[0]! + d[1]! * q[1]! + d[2]! * q[2]!);
    if (v < 0 || u + v > 1) continue;
    const dist = f * (e2[0]! * q[0]! + e2[1]! * q[1]! + e2[2]! * q[2]!);
    if (dist >= 0 && dist <= maxDist) out.push(dist);
  }
  return out.sort((x, y) => x - y);
}

/** Whether a closed mesh contains a point: crossings of a fixed skewed ray, counted over every triangle. */
export function bruteContains(m: MeshData, p: readonly number[]): boolean {
  const d = [0.5773, 0.5774, 0.5775];
  const l = Math.hypot(d[0]!, d[1]!, d[2]!);
  return bruteHits(m, [...p], [d[0]! / l, d[1]! / l, d[2]! / l], 10).length % 2 === 1;
}
