import { describe, expect, it } from 'vitest';
import { gridBox, levelSet, manifoldApi, toArrays } from '../../models/lib/mesh.ts';
import type { Bounds, V3 } from '../../models/lib/sdf.ts';

// an off-centre ellipsoid-ish blob, so that no vertex falls on a symmetry of the grid
const blob = (p: V3): number => Math.hypot(p[0] - 0.0137, p[1] + 0.021, p[2] * 1.3) - 0.1;

async function vertexSet(bounds: Bounds, edge: number): Promise<Set<string>> {
  const api = await manifoldApi();
  const { positions } = toArrays(levelSet(api, blob, bounds, { edge, simplify: 0, pad: 0.01 }));
  const out = new Set<string>();
  for (let i = 0; i < positions.length; i += 3) {
    out.add([0, 1, 2].map((k) => positions[i + k]!.toFixed(5)).join(','));
  }
  return out;
}

describe('the level-set grid is fixed in the world', () => {
  it('the grid box is the padded bounds widened to whole edges from the origin', () => {
    const edge = 0.008;
    const box = gridBox({ min: [-0.101, 0.003, -0.05], max: [0.2, 0.31, 0.0] }, 0.01, edge);
    for (let i = 0; i < 3; i++) {
      const lo = box.min[i]! / edge;
      const n = (box.max[i]! - box.min[i]!) / edge;
      expect(Math.abs(lo - Math.round(lo))).toBeLessThan(1e-9);
      expect(Math.abs(n - Math.round(n))).toBeLessThan(1e-9);
    }
    expect(box.min[0]).toBeLessThanOrEqual(-0.111);
    expect(box.min[0]).toBeGreaterThan(-0.111 - edge);
    expect(box.max[1]).toBeGreaterThanOrEqual(0.32);
    expect(box.max[1]).toBeLessThan(0.32 + edge);
  });

  it('the same surface meshed in two different boxes has the same vertices', async () => {
    const edge = 0.008;
    const a = await vertexSet({ min: [-0.12, -0.13, -0.1], max: [0.12, 0.1, 0.1] }, edge);
    const b = await vertexSet({ min: [-0.137, -0.15, -0.111], max: [0.151, 0.103, 0.13] }, edge);
    expect(a.size).toBeGreaterThan(1000);
    let shared = 0;
    for (const k of a) if (b.has(k)) shared++;
    expect(shared).toBe(a.size);
    expect(b.size).toBe(a.size);
  });
});
