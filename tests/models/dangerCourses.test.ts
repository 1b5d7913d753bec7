/**
 * The danger structures of the needling sites (issue 19) lie on their published courses: each is a
 * closed mesh with its source in the manifest, most of its centre line is that structure in the
 * built body (not carved away by the lung or a bone), and no part of it strays from the course
 * (every vertex lies near the centre line: a brute-force distance to the polyline).
 */
import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../src/domain/body/node.ts';
import { DANGER_COURSES } from '../../models/anatomy/courseSources.ts';
import { courseLines } from '../../models/anatomy/neurovascular.ts';

const { manifest, meshes, index } = loadBodyFromDisk();
const lines = new Map(courseLines().map((c) => [c.id, c]));
const ids = [
  ...DANGER_COURSES.flatMap(([, stem]) => [`${stem}-left`, `${stem}-right`]),
  'spinal-cord',
];

type V = readonly number[];
function distToSegment(p: V, a: V, b: V): number {
  const ab = [0, 1, 2].map((k) => b[k]! - a[k]!);
  const ap = [0, 1, 2].map((k) => p[k]! - a[k]!);
  const L2 = ab.reduce((s, v) => s + v * v, 0);
  const t = L2 === 0 ? 0 : Math.max(0, Math.min(1, ap.reduce((s, v, k) => s + v * ab[k]!, 0) / L2));
  return Math.hypot(...[0, 1, 2].map((k) => ap[k]! - t * ab[k]!));
}

describe('danger structures on their published courses', () => {
  it.each(ids)('%s: in the manifest, closed, with its source', (id) => {
    const s = manifest.structures.find((x) => x.id === id);
    expect(s, id).toBeDefined();
    expect(s!.closed).toBe(true);
    expect((s as { source?: string }).source ?? '').toMatch(/\w{4,}/);
  });

  it.each(ids)('%s: at least 60 % of its centre line is this structure in the built body', (id) => {
    const c = lines.get(id)!;
    let n = 0;
    let on = 0;
    for (let i = 0; i + 1 < c.pts.length; i++) {
      const a = c.pts[i]!;
      const b = c.pts[i + 1]!;
      const steps = Math.max(2, Math.ceil(Math.hypot(...a.map((v, k) => b[k]! - v)) / 0.004));
      for (let s = 0; s < steps; s++) {
        const p = a.map((v, k) => v + ((b[k]! - v) * s) / steps) as [number, number, number];
        n++;
        if (index.tissueAt(p) === id) on++;
      }
    }
    expect(on / n, `${on} of ${n} centre-line samples`).toBeGreaterThanOrEqual(0.6);
  });

  it.each(ids)('%s: every vertex lies within its radius + 4 mm of the course', (id) => {
    const c = lines.get(id)!;
    const m = meshes.find((x) => x.id === id)!;
    let worst = 0;
    for (let v = 0; v < m.positions.length; v += 3) {
      const p = [m.positions[v]!, m.positions[v + 1]!, m.positions[v + 2]!];
      let d = Infinity;
      for (let i = 0; i + 1 < c.pts.length; i++)
        d = Math.min(d, distToSegment(p, c.pts[i]!, c.pts[i + 1]!));
      worst = Math.max(worst, d);
    }
    expect(worst * 1000).toBeLessThanOrEqual((c.r + 0.004) * 1000 + 2);
  });
});
