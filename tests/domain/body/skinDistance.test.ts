import { describe, expect, it } from 'vitest';
import { Triangle, Vector3 } from 'three';
import { BodyIndex } from '../../../src/domain/body/bodyIndex.ts';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import {
  distanceAlongSkin,
  ON_FACE,
  projectOntoSkin,
  skinGraphDistance,
  STEINER_SPACING,
  surfaceGraph,
  WELD_QUANTUM,
  type SkinPoint,
} from '../../../src/domain/body/skinDistance.ts';
import { mulberry32 } from '../../../src/domain/random.ts';
import type { BodyVec3 } from '../../../src/domain/units.ts';

type V3 = [number, number, number];

const { index } = loadBodyFromDisk();
const skin = index.get('skin')!;
const pos = skin.geometry.getAttribute('position');
const ix = skin.geometry.index!;
const nf = ix.count / 3;

const dist = (a: BodyVec3, b: BodyVec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** A random point of the skin one sees: a random point of a random face, projected. */
function randomSkinPoint(rnd: () => number): SkinPoint {
  const f = Math.floor(rnd() * nf);
  let u = rnd();
  let v = rnd();
  if (u + v > 1) [u, v] = [1 - u, 1 - v];
  const p: V3 = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const i = ix.getX(f * 3 + k);
    const w = k === 0 ? 1 - u - v : k === 1 ? u : v;
    p[0] += pos.getX(i) * w;
    p[1] += pos.getY(i) * w;
    p[2] += pos.getZ(i) * w;
  }
  return projectOntoSkin(index, p);
}

/** A pair of skin points: the second one projected from a random offset of up to `r` metres. */
function randomPair(rnd: () => number, r: number): [SkinPoint, SkinPoint] {
  for (;;) {
    const a = randomSkinPoint(rnd);
    const d: V3 = [rnd() * 2 - 1, rnd() * 2 - 1, rnd() * 2 - 1];
    const l = Math.hypot(...d);
    if (l === 0 || l > 1) continue;
    const s = (rnd() * r) / l;
    const b = projectOntoSkin(index, [
      a.point[0] + d[0] * s,
      a.point[1] + d[1] * s,
      a.point[2] + d[2] * s,
    ]);
    if (dist(a.point, b.point) <= r) return [a, b];
  }
}

// ---- the naive oracle: its own graph from the mesh, plain arrays and maps -----------------

/** Welded vertex of each mesh vertex, first occurrence first, and the welded positions. */
const weldOf: number[] = [];
const weldPos: V3[] = [];
{
  const seen = new Map<string, number>();
  for (let i = 0; i < pos.count; i++) {
    const p: V3 = [pos.getX(i), pos.getY(i), pos.getZ(i)];
    const key = p.map((c) => Math.round(c / WELD_QUANTUM)).join(',');
    let w = seen.get(key);
    if (w === undefined) {
      w = weldPos.length;
      seen.set(key, w);
      weldPos.push(p);
    }
    weldOf.push(w);
  }
}
const corners = (f: number) => [0, 1, 2].map((k) => weldOf[ix.getX(f * 3 + k)]!);
/** Each face's box: min x, y, z then max x, y, z. */
const faceBox = new Float64Array(nf * 6);
for (let f = 0; f < nf; f++)
  for (let k = 0; k < 3; k++) {
    const c = corners(f).map((v) => weldPos[v]![k]!);
    faceBox[f * 6 + k] = Math.min(...c);
    faceBox[f * 6 + 3 + k] = Math.max(...c);
  }
/** Whether face f's box comes within r of point p along every axis. */
const nearBox = (f: number, p: BodyVec3, r: number) =>
  [0, 1, 2].every((k) => p[k]! >= faceBox[f * 6 + k]! - r && p[k]! <= faceBox[f * 6 + 3 + k]! + r);

/** The nodes on a face's boundary: its corners, and evenly spaced points along its edges. */
function faceNodes(f: number): { key: string; p: V3 }[] {
  const c = corners(f);
  const out: { key: string; p: V3 }[] = [];
  for (const v of new Set(c)) out.push({ key: `v${v}`, p: weldPos[v]! });
  for (let k = 0; k < 3; k++) {
    const u = Math.min(c[k]!, c[(k + 1) % 3]!);
    const v = Math.max(c[k]!, c[(k + 1) % 3]!);
    if (u === v) continue;
    const pu = weldPos[u]!;
    const pv = weldPos[v]!;
    const m = Math.max(0, Math.ceil(dist(pu, pv) / STEINER_SPACING) - 1);
    for (let j = 1; j <= m; j++) {
      const t = j / (m + 1);
      out.push({
        key: `e${u},${v},${j}`,
        p: [pu[0] + t * (pv[0] - pu[0]), pu[1] + t * (pv[1] - pu[1]), pu[2] + t * (pv[2] - pu[2])],
      });
    }
  }
  return out;
}

/** Every face within ON_FACE of a point: its own, and those round the edge or corner it is on. */
function facesOn(p: BodyVec3): number[] {
  const tri = new Triangle();
  const q = new Vector3(p[0], p[1], p[2]);
  const on = new Vector3();
  const out: number[] = [];
  for (let f = 0; f < nf; f++) {
    if (!nearBox(f, p, 1e-6)) continue;
    tri.a.fromBufferAttribute(pos, ix.getX(f * 3));
    tri.b.fromBufferAttribute(pos, ix.getX(f * 3 + 1));
    tri.c.fromBufferAttribute(pos, ix.getX(f * 3 + 2));
    if (tri.closestPointToPoint(q, on).distanceTo(q) <= ON_FACE) out.push(f);
  }
  return out;
}

/**
 * Shortest path from a (on the faces fa) to b (on fb) over the nodes whose distances to a and b
 * add up to at most `reach` (no shorter path can leave that ellipsoid): Dijkstra with a linear
 * scan for the minimum, seeded and finished like the fast one, but not clamped to the chord.
 */
function naiveDistance(
  a: BodyVec3,
  fa: readonly number[],
  b: BodyVec3,
  fb: readonly number[],
  reach: number,
): number {
  if (fa.some((f) => fb.includes(f))) return dist(a, b);
  const mid: V3 = [0, 1, 2].map((k) => (a[k]! + b[k]!) / 2) as V3;
  const r = reach / 2;
  const id = new Map<string, number>();
  const nodes: V3[] = [];
  const nodeFaces: number[][] = [];
  const faces = new Map<number, number[]>();
  for (let f = 0; f < nf; f++) {
    // quick reject: the face's box misses the ball round the ellipsoid
    if (!fa.includes(f) && !fb.includes(f) && !nearBox(f, mid, r)) continue;
    const list: number[] = [];
    for (const n of faceNodes(f)) {
      if (dist(n.p, a) + dist(n.p, b) > reach) continue;
      let i = id.get(n.key);
      if (i === undefined) {
        i = nodes.length;
        id.set(n.key, i);
        nodes.push(n.p);
        nodeFaces.push([]);
      }
      nodeFaces[i]!.push(f);
      list.push(i);
    }
    faces.set(f, list);
  }
  const d: number[] = nodes.map(() => Infinity);
  const done: boolean[] = nodes.map(() => false);
  for (const f of fa) for (const i of faces.get(f)!) d[i] = Math.min(d[i]!, dist(a, nodes[i]!));
  for (;;) {
    let u = -1;
    for (let i = 0; i < nodes.length; i++) if (!done[i] && (u < 0 || d[i]! < d[u]!)) u = i;
    if (u < 0 || d[u] === Infinity) break;
    done[u] = true;
    for (const f of nodeFaces[u]!)
      for (const w of faces.get(f)!) d[w] = Math.min(d[w]!, d[u]! + dist(nodes[u]!, nodes[w]!));
  }
  let best = Infinity;
  for (const f of fb)
    for (const i of faces.get(f)!) best = Math.min(best, d[i]! + dist(nodes[i]!, b));
  return best;
}

// -------------------------------------------------------------------------------------------

describe('projection onto the skin one sees', () => {
  it('a point on the outer surface (a click from outside) projects onto itself', () => {
    const rnd = mulberry32(7);
    for (let k = 0; k < 30; k++) {
      const o: V3 = [rnd() * 0.5 - 0.25, 0.2 + rnd() * 1.4, 1];
      const hit = index.raycastFirst(o, [0, 0, -1], new Set(['skin']));
      if (!hit) continue;
      const p: V3 = [o[0], o[1], o[2] - hit.distance];
      expect(dist(projectOntoSkin(index, p).point, p)).toBeLessThan(1e-6);
    }
  });

  it('a point under the skin projects onto the outer surface above it, not onto the inner sheet on the fat', () => {
    // the chest and the back, 12 mm in from the surface along the ray that found it
    const rays: [V3, V3][] = [
      [
        [0.06, 1.33, 1],
        [0, 0, -1],
      ],
      [
        [-0.05, 1.1, 1],
        [0, 0, -1],
      ],
      [
        [0.05, 1.35, -1],
        [0, 0, 1],
      ],
      [
        [-0.06, 1.05, -1],
        [0, 0, 1],
      ],
    ];
    for (const [o, d] of rays) {
      const hit = index.raycastFirst(o, d, new Set(['skin']))!;
      const surface: V3 = [o[0], o[1], o[2] + d[2] * hit.distance];
      const deep: V3 = [surface[0], surface[1], surface[2] + d[2] * 0.012];
      const raw = index.closest('skin', deep);
      const p = projectOntoSkin(index, deep);
      // the nearest point of the outer surface: no farther than the point straight above, and
      // beside it by at most 12 mm × sin(slope) (under 6 mm where the surface slopes < 30°)
      expect(dist(p.point, deep)).toBeLessThanOrEqual(0.012 + 1e-6);
      expect(dist(p.point, surface)).toBeLessThan(0.006);
      // the raw nearest skin point is the inner sheet, a few millimetres nearer
      expect(dist(p.point, deep) - raw.distance).toBeGreaterThan(0.001);
    }
  });

  it('matches a brute-force search over every face for points within 15 mm of the skin', () => {
    const graph = surfaceGraph(index);
    const fat = 'subcutaneous-fat';
    const tri = new Triangle();
    const a = new Vector3();
    const b = new Vector3();
    const c = new Vector3();
    const q = new Vector3();
    const onTri = new Vector3();
    const n = new Vector3();
    const memo = new Map<number, boolean>();
    // outer: seen from outside (a ray off its piece escapes) and not facing into the fat
    const outer = (f: number) => {
      const known = memo.get(f);
      if (known !== undefined) return known;
      a.fromBufferAttribute(pos, ix.getX(f * 3));
      b.fromBufferAttribute(pos, ix.getX(f * 3 + 1));
      c.fromBufferAttribute(pos, ix.getX(f * 3 + 2));
      tri.set(a, b, c).getNormal(n);
      const m = new Vector3().add(a).add(b).add(c).divideScalar(3).addScaledVector(n, 3e-4);
      const o =
        graph.seen[graph.piece[weldOf[ix.getX(f * 3)]!]!] === 1 &&
        !index.contains(fat, [m.x, m.y, m.z]);
      memo.set(f, o);
      return o;
    };
    const rnd = mulberry32(5);
    for (let k = 0; k < 12; k++) {
      const s = randomSkinPoint(rnd).point;
      const p: V3 = [
        s[0] + (rnd() - 0.5) * 0.03,
        s[1] + (rnd() - 0.5) * 0.03,
        s[2] + (rnd() - 0.5) * 0.03,
      ];
      const got = projectOntoSkin(index, p);
      const d = dist(got.point, p);
      expect(outer(got.faceIndex)).toBe(true);
      q.set(p[0], p[1], p[2]);
      for (let f = 0; f < nf; f++) {
        a.fromBufferAttribute(pos, ix.getX(f * 3));
        b.fromBufferAttribute(pos, ix.getX(f * 3 + 1));
        c.fromBufferAttribute(pos, ix.getX(f * 3 + 2));
        tri.set(a, b, c).closestPointToPoint(q, onTri);
        if (onTri.distanceTo(q) < d - 1e-9) expect(outer(f), `face ${f} is nearer`).toBe(false);
      }
    }
  });
});

/**
 * A strip of slivers added to a mesh: a zip between a side divided every 2 mm (u = 0, the first
 * `fine` + 1 vertices) and the opposite side (u = 0.1) divided into `coarse`; `at` maps (u, y),
 * both 0 … 0.1, into space.
 */
function addStrip(
  positions: number[],
  indices: number[],
  at: (u: number, y: number) => V3,
  coarse: number,
) {
  const fine = Array.from({ length: 51 }, (_, i) => i * 0.002);
  const edge = Array.from({ length: coarse + 1 }, (_, j) => (j * 0.1) / coarse);
  const first = positions.length / 3;
  for (const y of fine) positions.push(...at(0, y));
  for (const y of edge) positions.push(...at(0.1, y));
  const c = (i: number) => first + i;
  const e = (j: number) => first + fine.length + j;
  let i = 0;
  let j = 0;
  while (i < fine.length - 1 || j < edge.length - 1) {
    if (j === edge.length - 1 || (i < fine.length - 1 && fine[i + 1]! <= edge[j + 1]!)) {
      indices.push(c(i), e(j), c(i + 1));
      i++;
    } else {
      indices.push(c(i), e(j), e(j + 1));
      j++;
    }
  }
}

const meshIndex = (positions: number[], indices: number[]) =>
  new BodyIndex([
    { id: 'skin', positions: new Float32Array(positions), indices: new Uint32Array(indices) },
  ]);

/**
 * A sheet bent square along the line x = z = 0: a floor (z = 0, −100 ≤ x ≤ 0 mm) and a wall
 * (x = 0, 0 ≤ z ≤ 100 mm), 0 ≤ y ≤ 100 mm, each a strip of slivers from the crease; the halves
 * have their own copies of the crease's vertices, welded by position. Along it, the distance is
 * the straight line with the sheet laid flat.
 */
function bentSheet(): BodyIndex {
  const positions: number[] = [];
  const indices: number[] = [];
  addStrip(positions, indices, (u, y) => [-u, y, 0], 2);
  addStrip(positions, indices, (u, y) => [0, y, u], 3);
  return meshIndex(positions, indices);
}

/**
 * Two flat squares of slivers, 50 mm, in opposite quarters of the plane z = 0, touching at one
 * corner (the origin): from one to the other the only way is through that point.
 */
function pinchedSheets(): BodyIndex {
  const positions: number[] = [];
  const indices: number[] = [];
  addStrip(positions, indices, (u, y) => [-u / 2, -y / 2, 0], 2);
  addStrip(positions, indices, (u, y) => [u / 2, y / 2, 0], 3);
  return meshIndex(positions, indices);
}

describe('distance along a bent sheet of slivers (the answer known)', () => {
  const sheet = bentSheet();
  it('is the straight line with the sheet laid flat, where the graph path alone is longer', () => {
    const rnd = mulberry32(8);
    let graphOver = 0;
    for (let k = 0; k < 120; k++) {
      // from k = 40 on, a lies on the crease: on an edge, or (every fourth) at a vertex
      const a: V3 =
        k < 40
          ? [-0.01 - rnd() * 0.08, 0.01 + rnd() * 0.08, 0]
          : [0, k % 4 ? 0.01 + rnd() * 0.08 : Math.fround(0.002 * Math.floor(5 + rnd() * 40)), 0];
      const b: V3 =
        k % 4 === 0
          ? [-0.01 - rnd() * 0.08, 0.01 + rnd() * 0.08, 0] // both on the floor
          : [0, 0.01 + rnd() * 0.08, 0.01 + rnd() * 0.08];
      const flat = b[0] === 0 ? Math.hypot(b[2] - a[0], b[1] - a[1]) : dist(a, b);
      const d = distanceAlongSkin(sheet, a, b, 1);
      expect(d, `pair ${k}`).toBeCloseTo(flat, 12);
      expect(distanceAlongSkin(sheet, b, a, 1)).toBe(d);
      graphOver = Math.max(graphOver, skinGraphDistance(sheet, a, b, 1) / flat);
    }
    // what pulling the path straight is for
    expect(graphOver).toBeGreaterThan(1.01);
  });

  it('from one sheet to another touching it at a point, the line goes through that point', () => {
    const sheets = pinchedSheets();
    const rnd = mulberry32(10);
    for (let k = 0; k < 20; k++) {
      const a: V3 = [-0.005 - rnd() * 0.04, -0.005 - rnd() * 0.04, 0];
      const b: V3 = [0.005 + rnd() * 0.04, 0.005 + rnd() * 0.04, 0];
      const through = Math.hypot(a[0], a[1]) + Math.hypot(b[0], b[1]);
      expect(distanceAlongSkin(sheets, a, b, 1), `pair ${k}`).toBeCloseTo(through, 12);
    }
  });
});

describe('distance along the skin', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the graph path matches a naive Dijkstra over its own copy of the graph; pulled straight it is shorter, never shorter than the chord`, () => {
      const rnd = mulberry32(seed);
      const cutoff = 0.12;
      let finite = 0;
      for (let k = 0; k < 25; k++) {
        const [s, t] = randomPair(rnd, 0.08);
        const fast = skinGraphDistance(index, s.point, t.point, cutoff);
        const pulled = distanceAlongSkin(index, s.point, t.point, cutoff);
        // projected as the function projects them (onto the same points), faces found by brute force
        const a = projectOntoSkin(index, s.point).point;
        const b = projectOntoSkin(index, t.point).point;
        const reach = Number.isFinite(fast) ? fast + 1e-7 : cutoff;
        const slow = naiveDistance(a, facesOn(a), b, facesOn(b), reach);
        const chord = dist(a, b);
        if (slow <= cutoff) {
          finite++;
          // a path on the surface: the graph never undercuts the chord (the clamp is for rounding)
          expect(slow).toBeGreaterThanOrEqual(chord * (1 - 1e-12));
          expect(fast, `pair ${k}`).toBeCloseTo(Math.max(slow, chord), 9);
          expect(pulled).toBeLessThanOrEqual(fast + 1e-12);
          expect(pulled).toBeGreaterThanOrEqual(chord);
        } else {
          expect(fast, `pair ${k}: ${slow}`).toBe(Infinity);
        }
      }
      expect(finite).toBeGreaterThan(15);
    });
  }

  it('is symmetric, zero from a point to itself, and Infinity just beyond the cutoff', () => {
    const rnd = mulberry32(4);
    for (let k = 0; k < 40; k++) {
      const [a, b] = randomPair(rnd, 0.08);
      const ab = distanceAlongSkin(index, a.point, b.point);
      const ba = distanceAlongSkin(index, b.point, a.point);
      expect(distanceAlongSkin(index, a.point, a.point)).toBe(0);
      if (!Number.isFinite(ab)) {
        expect(ba).toBe(Infinity);
        continue;
      }
      expect(Math.abs(ab - ba)).toBeLessThan(1e-9);
      // never below the chord (to rounding: the two are computed in different orders)
      expect(ab).toBeGreaterThanOrEqual(dist(a.point, b.point) - 1e-12);
      if (ab > 0.001) {
        expect(distanceAlongSkin(index, a.point, b.point, ab * 0.99)).toBe(Infinity);
        expect(distanceAlongSkin(index, a.point, b.point, ab * 1.01)).toBeCloseTo(ab, 12);
      }
    }
  });

  it('on the flat-ish back over the left scapula it stays close to the chord', () => {
    // (nearer the midline the model's back has a groove 10 mm deep beside the spinous processes,
    // where the skin is rightly 20 % longer than the chord across it)
    const rnd = mulberry32(9);
    const ratios: number[] = [];
    const onBack = () =>
      projectOntoSkin(index, [0.055 + rnd() * 0.07, 1.27 + rnd() * 0.13, -0.3]).point;
    while (ratios.length < 60) {
      const a = onBack();
      const b = onBack();
      const chord = dist(a, b);
      if (chord < 0.01 || chord > 0.06) continue;
      ratios.push(distanceAlongSkin(index, a, b) / chord);
    }
    ratios.sort((x, y) => x - y);
    // never shorter than the chord (to rounding: a straight path equals it)
    expect(ratios[0]!).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(ratios.at(-1)!).toBeLessThan(1.05); // well inside 1.25; the graph path alone reaches 1.06
    expect(ratios[ratios.length >> 1]!).toBeLessThan(1.01);
  });

  it('goes round where the arm touches the trunk, between the side of the chest and the inside of the arm', () => {
    // along +x just above the elbow, 2 cm in front of the flank's midline: the trunk's side (skin
    // crossings 0 and 1), a gap of about 20 mm, then the arm (2 and 3). The hanging arm rests on
    // the back of the flank (from z ≈ 0 backward), touches the chest below the armpit (y ≈ 1.22)
    // and the waist at the elbow (y ≈ 1.13): the path on the skin has to go round a contact and
    // cannot jump the gap
    const hits = index.hitsAlong([0, 1.17, 0.02], [1, 0, 0], 0.4, new Set(['skin']));
    expect(hits.length).toBeGreaterThanOrEqual(4);
    const chest = projectOntoSkin(index, [hits[1]!.distance + 0.002, 1.17, 0.02]).point;
    const arm = projectOntoSkin(index, [hits[2]!.distance - 0.002, 1.17, 0.02]).point;
    const chord = dist(chest, arm);
    // (about 14 mm since the brachial vessels, modelled in the medial bicipital groove, brought
    // the inside of the arm in by a few millimetres)
    expect(chord).toBeGreaterThan(0.01);
    expect(chord).toBeLessThan(0.04);
    const d = distanceAlongSkin(index, chest, arm);
    // round a contact and back: a path that jumped the gap would be about the chord
    expect(d).toBeGreaterThan(1.5 * chord);
    expect(d).toBeLessThan(0.3);
  });

  it('between the thighs it goes round through the crotch: beyond the default cutoff, finite with a longer one', () => {
    const hits = index.hitsAlong([0, 0.6, 0], [1, 0, 0], 0.2, new Set(['skin']));
    const left = projectOntoSkin(index, [hits[0]!.distance - 0.002, 0.6, 0]).point;
    const right = projectOntoSkin(index, [-hits[0]!.distance + 0.002, 0.6, 0]).point;
    const chord = dist(left, right);
    expect(chord).toBeLessThan(0.08);
    expect(distanceAlongSkin(index, left, right)).toBe(Infinity);
    const d = distanceAlongSkin(index, left, right, 1);
    expect(d).toBeGreaterThan(0.3);
    expect(d).toBeGreaterThan(1.3 * chord);
    expect(d).toBeLessThan(1);
  });

  it('takes well under a millisecond at the median for points up to 60 mm apart', () => {
    const rnd = mulberry32(6);
    const pairs = Array.from({ length: 300 }, () => randomPair(rnd, 0.06));
    for (const [a, b] of pairs.slice(0, 20)) distanceAlongSkin(index, a.point, b.point); // warm up
    const times = pairs.map(([a, b]) => {
      const t = performance.now();
      distanceAlongSkin(index, a.point, b.point);
      return performance.now() - t;
    });
    times.sort((x, y) => x - y);
    expect(times[times.length >> 1]!).toBeLessThan(1);
  });
});
