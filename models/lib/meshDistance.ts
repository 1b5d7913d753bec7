/** Unsigned distance from a point to a triangle mesh, clamped at a reach, with a uniform grid. */
import type { V3 } from './sdf.ts';
import type { Arrays } from './mesh.ts';

const Q = new Float64Array(3);

/** Squared distance from p to triangle abc (closest point left in Q) (Ericson, Real-Time Collision Detection 5.1.5). */
function triDist2(px: number, py: number, pz: number, t: Float64Array, o: number): number {
  const ax = t[o]!,
    ay = t[o + 1]!,
    az = t[o + 2]!;
  const abx = t[o + 3]! - ax,
    aby = t[o + 4]! - ay,
    abz = t[o + 5]! - az;
  const acx = t[o + 6]! - ax,
    acy = t[o + 7]! - ay,
    acz = t[o + 8]! - az;
  const apx = px - ax,
    apy = py - ay,
    apz = pz - az;
  const d1 = abx * apx + aby * apy + abz * apz;
  const d2 = acx * apx + acy * apy + acz * apz;
  let qx: number, qy: number, qz: number;
  if (d1 <= 0 && d2 <= 0) {
    Q[0] = ax;
    Q[1] = ay;
    Q[2] = az;
    return apx * apx + apy * apy + apz * apz;
  }
  const bpx = px - ax - abx,
    bpy = py - ay - aby,
    bpz = pz - az - abz;
  const d3 = abx * bpx + aby * bpy + abz * bpz;
  const d4 = acx * bpx + acy * bpy + acz * bpz;
  if (d3 >= 0 && d4 <= d3) {
    Q[0] = ax + abx;
    Q[1] = ay + aby;
    Q[2] = az + abz;
    return bpx * bpx + bpy * bpy + bpz * bpz;
  }
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const v = d1 / (d1 - d3);
    qx = ax + abx * v;
    qy = ay + aby * v;
    qz = az + abz * v;
  } else {
    const cpx = px - ax - acx,
      cpy = py - ay - acy,
      cpz = pz - az - acz;
    const d5 = abx * cpx + aby * cpy + abz * cpz;
    const d6 = acx * cpx + acy * cpy + acz * cpz;
    if (d6 >= 0 && d5 <= d6) {
      Q[0] = ax + acx;
      Q[1] = ay + acy;
      Q[2] = az + acz;
      return cpx * cpx + cpy * cpy + cpz * cpz;
    }
    const vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) {
      const w = d2 / (d2 - d6);
      qx = ax + acx * w;
      qy = ay + acy * w;
      qz = az + acz * w;
    } else {
      const va = d3 * d6 - d5 * d4;
      if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
        const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
        const bx = ax + abx,
          by = ay + aby,
          bz = az + abz;
        qx = bx + (acx - abx) * w;
        qy = by + (acy - aby) * w;
        qz = bz + (acz - abz) * w;
      } else {
        const denom = 1 / (va + vb + vc);
        const v = vb * denom;
        const w = vc * denom;
        qx = ax + abx * v + acx * w;
        qy = ay + aby * v + acy * w;
        qz = az + abz * v + acz * w;
      }
    }
  }
  Q[0] = qx;
  Q[1] = qy;
  Q[2] = qz;
  const dx = px - qx,
    dy = py - qy,
    dz = pz - qz;
  return dx * dx + dy * dy + dz * dz;
}

/**
 * signed(p): the distance from p to the closed, outward-facing mesh, negative inside, ±Infinity beyond
 * reach (nothing nearer: unknown side). The sign is that of the nearest triangle's normal; where several triangles are nearest
 * (an edge or a vertex), the one facing the point most squarely decides.
 */
export function signedMeshDistance(mesh: Arrays, reach: number): (p: V3) => number {
  const near = nearest(mesh, reach);
  return (p) => {
    const r = near(p);
    return r.sign === 0 ? Infinity : r.sign * r.d;
  };
}

/**
 * distance(p): the unsigned distance from p to the mesh, or `reach` when no triangle is nearer.
 * Triangles are binned in cells of `reach`; a query reads the 27 cells around its own.
 */
export function meshDistance(mesh: Arrays, reach: number): (p: V3) => number {
  const near = nearest(mesh, reach);
  return (p) => near(p).d;
}

function nearest(mesh: Arrays, reach: number): (p: V3) => { d: number; sign: number } {
  const pos = mesh.positions;
  const ix = mesh.indices;
  const nt = ix.length / 3;
  const tri = new Float64Array(nt * 9);
  for (let t = 0; t < nt; t++) {
    for (let c = 0; c < 3; c++) {
      const v = ix[t * 3 + c]!;
      tri[t * 9 + c * 3] = pos[v * 3]!;
      tri[t * 9 + c * 3 + 1] = pos[v * 3 + 1]!;
      tri[t * 9 + c * 3 + 2] = pos[v * 3 + 2]!;
    }
  }
  const cell = reach;
  const bins = new Map<number, number[]>();
  const key = (i: number, j: number, k: number) =>
    ((i + 512) * 1024 + (j + 512)) * 1024 + (k + 512);
  for (let t = 0; t < nt; t++) {
    const o = t * 9;
    const lo = [0, 1, 2].map((a) =>
      Math.floor(Math.min(tri[o + a]!, tri[o + 3 + a]!, tri[o + 6 + a]!) / cell),
    );
    const hi = [0, 1, 2].map((a) =>
      Math.floor(Math.max(tri[o + a]!, tri[o + 3 + a]!, tri[o + 6 + a]!) / cell),
    );
    for (let i = lo[0]!; i <= hi[0]!; i++)
      for (let j = lo[1]!; j <= hi[1]!; j++)
        for (let k = lo[2]!; k <= hi[2]!; k++) {
          const kk = key(i, j, k);
          const b = bins.get(kk);
          if (b) b.push(o);
          else bins.set(kk, [o]);
        }
  }
  const nrm = new Float64Array(nt * 3);
  for (let t = 0; t < nt; t++) {
    const o = t * 9;
    const ux = tri[o + 3]! - tri[o]!,
      uy = tri[o + 4]! - tri[o + 1]!,
      uz = tri[o + 5]! - tri[o + 2]!;
    const vx = tri[o + 6]! - tri[o]!,
      vy = tri[o + 7]! - tri[o + 1]!,
      vz = tri[o + 8]! - tri[o + 2]!;
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    const l = Math.hypot(nx, ny, nz) || 1;
    nrm[t * 3] = nx / l;
    nrm[t * 3 + 1] = ny / l;
    nrm[t * 3 + 2] = nz / l;
  }
  const r2 = reach * reach;
  const out = { d: reach, sign: 1 };
  return (p) => {
    const ci = Math.floor(p[0] / cell);
    const cj = Math.floor(p[1] / cell);
    const ck = Math.floor(p[2] / cell);
    let best = r2;
    let bestCos = 0;
    let sign = 1;
    for (let i = ci - 1; i <= ci + 1; i++)
      for (let j = cj - 1; j <= cj + 1; j++)
        for (let k = ck - 1; k <= ck + 1; k++) {
          const b = bins.get(key(i, j, k));
          if (!b) continue;
          for (const o of b) {
            const d2 = triDist2(p[0], p[1], p[2], tri, o);
            if (d2 > best * (1 + 1e-9) + 1e-18) continue;
            const t = o / 9;
            const ex = p[0] - Q[0]!,
              ey = p[1] - Q[1]!,
              ez = p[2] - Q[2]!;
            const el = Math.hypot(ex, ey, ez) || 1e-30;
            const c = (ex * nrm[t * 3]! + ey * nrm[t * 3 + 1]! + ez * nrm[t * 3 + 2]!) / el;
            if (d2 < best * (1 - 1e-9) - 1e-18 || Math.abs(c) > Math.abs(bestCos)) {
              bestCos = c;
              sign = c < 0 ? -1 : 1;
            }
            if (d2 < best) best = d2;
          }
        }
    out.d = Math.sqrt(best);
    // nothing within reach: the sign is unknown (the caller decides)
    out.sign = best >= r2 ? 0 : sign;
    return out;
  };
}
