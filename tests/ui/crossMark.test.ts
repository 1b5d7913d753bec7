import { describe, expect, it } from 'vitest';
import { crossTriangles } from '../../src/scene/crossMark.ts';
import type { BodyVec3 } from '../../src/domain/units.ts';
import { dot, norm, sub } from '../../src/domain/vec.ts';

const verts = (xs: number[]) =>
  Array.from(
    { length: xs.length / 3 },
    (_, k) => [xs[k * 3]!, xs[k * 3 + 1]!, xs[k * 3 + 2]!] as BodyVec3,
  );

describe('the × on the skin', () => {
  for (const normal of [
    [0, 0, 1],
    [1, 0.3, -0.2],
    [0, 1, 0],
    [0, -1, 0.001],
  ] as BodyVec3[])
    it(`lies flat across the normal ${normal.join(',')}, lifted off the skin, arms of the given length`, () => {
      const at: BodyVec3 = [0.1, 1.2, -0.05];
      const v = verts(crossTriangles(at, normal, 0.01, 0.0015, 0.002));
      expect(v).toHaveLength(12);
      const n = norm(normal);
      for (const p of v) expect(dot(sub(p, at), n)).toBeCloseTo(0.002, 9);
      const reach = Math.max(...v.map((p) => Math.hypot(...sub(p, at))));
      expect(reach).toBeCloseTo(Math.hypot(0.01, 0.0015, 0.002), 9);
      // the two bars cross at right angles
      const arm = (k: number) => norm(sub(v[k * 6 + 1]!, v[k * 6]!));
      expect(Math.abs(dot(arm(0), arm(1)))).toBeLessThan(1e-9);
    });
});
