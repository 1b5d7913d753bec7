import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../src/domain/body/node.ts';
import { habitusList } from '../../src/domain/body/habitus.ts';
import { mulberry32 } from '../../src/domain/random.ts';
import type { BodyIndex } from '../../src/domain/body/bodyIndex.ts';

const average = loadBodyFromDisk();
const { manifest } = average;
const BUILDS = ['lean', 'average', 'high-bmi'] as const;
const bodies = Object.fromEntries(BUILDS.map((h) => [h, loadBodyFromDisk(undefined, h)]));
const lm = (id: string) => manifest.landmarks[id]!;

/** Skin to the first of `targets` along a ray from outside (mm), or null. */
function depth(
  index: BodyIndex,
  from: [number, number, number],
  dir: [number, number, number],
  targets: string[],
) {
  const hits = index.hitsAlong(from, dir, 0.4);
  const skin = hits.find((h) => h.structure === 'skin' && h.entering);
  const t = hits.find(
    (h) => targets.includes(h.structure) && h.entering && skin && h.distance > skin.distance,
  );
  return skin && t ? (t.distance - skin.distance) * 1000 : null;
}

/**
 * Lean, average, high BMI: deeper with the build. Over the upper back and the upper chest the
 * average build's fat is 2.5–3 mm and the lean build's 1.5 mm (the thinnest the model allows), a
 * difference within the meshes' simplification tolerance (about 1 mm each side), so lean and
 * average are compared to that tolerance, and lean and high BMI strictly. Muscle does not change
 * with the build in the model, which is why its differences are smaller than the published ones.
 */
function growsWithBuild(d: number[]): void {
  const MESH_TOL_MM = 1;
  expect(d[0]!).toBeLessThan(d[2]!);
  expect(d[0]!).toBeLessThanOrEqual(d[1]! + MESH_TOL_MM);
  expect(d[1]!).toBeLessThanOrEqual(d[2]! + MESH_TOL_MM);
  expect(d[2]! - d[0]!).toBeGreaterThan(2);
}

describe('body builds: lean, average and high BMI', () => {
  it('the manifest lists the three builds at the ANSUR II 5th percentile, mean and 95th percentile weight', () => {
    const list = habitusList(manifest);
    expect(list.map((h) => h.id)).toEqual(['lean', 'average', 'high-bmi']);
    const bmi = Object.fromEntries(list.map((h) => [h.id, h.bmi]));
    expect(bmi['lean']).toBeCloseTo(20.9, 1);
    expect(bmi['average']).toBeCloseTo(27.7, 1);
    expect(bmi['high-bmi']).toBeCloseTo(35.9, 1);
    for (const h of list) expect(h.source).toMatch(/ANSUR II/);
  });

  it('only the skin and fat differ between builds; every other mesh is the same data', () => {
    for (const h of ['lean', 'high-bmi'] as const) {
      const b = bodies[h]!;
      b.meshes.forEach((m, i) => {
        const same = m === average.meshes[i];
        expect(same, m.id).toBe(m.id !== 'skin' && m.id !== 'subcutaneous-fat');
      });
    }
  });

  for (const h of BUILDS) {
    it(`${h}: seed 5: every structure lies inside the build's fat surface (tissues stay disjoint)`, () => {
      const b = bodies[h]!;
      const rnd = mulberry32(5);
      for (const m of b.meshes) {
        if (m.id === 'skin' || m.id === 'subcutaneous-fat') continue;
        const n = m.positions.length / 3;
        for (let k = 0; k < 8; k++) {
          const v = Math.floor(rnd() * n);
          const p: [number, number, number] = [
            m.positions[v * 3]!,
            m.positions[v * 3 + 1]!,
            m.positions[v * 3 + 2]!,
          ];
          expect(b.index.contains('subcutaneous-fat', p), `${m.id} vertex ${v}`).toBe(true);
        }
      }
    });
  }

  for (const side of ['left', 'right'] as const) {
    it(`skin to rib beside the scapula grows with the build and stays in range (${side})`, () => {
      const root = lm(`root-of-spine-of-scapula-${side}`).bone;
      const from: [number, number, number] = [
        root[0] * 0.55,
        lm('t5-spinous-process').bone[1],
        -0.3,
      ];
      const ribs = Array.from({ length: 12 }, (_, i) => `rib-${i + 1}-${side}`);
      const d = BUILDS.map((h) => depth(bodies[h]!.index, from, [0, 0, 1], ribs));
      for (const v of d) expect(v).not.toBeNull();
      growsWithBuild(d as number[]);
      // Ann Rehabil Med 2014: 21 (BMI < 23), 24 (23–25), 27 mm (≥ 25) on average; the spread of
      // single people is wider
      expect(d[0]!).toBeGreaterThanOrEqual(15);
      expect(d[2]!).toBeLessThanOrEqual(40);
    });

    it(`skin to pleura at the 2nd intercostal space grows with the build, within 14–69 mm (${side})`, () => {
      const mid = lm(`clavicle-midpoint-${side}`).skin;
      const from: [number, number, number] = [mid[0], mid[1] - 0.045, 0.35];
      const d = BUILDS.map((h) => depth(bodies[h]!.index, from, [0, 0, -1], [`pleura-${side}`]));
      for (const v of d) {
        expect(v).not.toBeNull();
        expect(v!).toBeGreaterThanOrEqual(14);
        expect(v!).toBeLessThanOrEqual(69);
      }
      growsWithBuild(d as number[]);
    });
  }

  it('the abdomen gains more fat than the upper back (the CT study: most near the hips and lower abdomen)', () => {
    const navel = lm('umbilicus').skin;
    const fat = (
      h: (typeof BUILDS)[number],
      from: [number, number, number],
      dir: [number, number, number],
    ) => {
      const hits = bodies[h]!.index.hitsAlong(from, dir, 0.4);
      const skin = hits.find((x) => x.structure === 'skin' && !x.entering);
      const next = hits.find(
        (x) =>
          skin &&
          x.distance > skin.distance + 1e-4 &&
          x.entering &&
          x.structure !== 'subcutaneous-fat',
      );
      return skin && next ? (next.distance - skin.distance) * 1000 : NaN;
    };
    const belly: [number, number, number] = [0.06, navel[1] - 0.03, 0.4];
    const back: [number, number, number] = [0.06, lm('t4-spinous-process').bone[1], -0.4];
    const gainBelly = fat('high-bmi', belly, [0, 0, -1]) - fat('lean', belly, [0, 0, -1]);
    const gainBack = fat('high-bmi', back, [0, 0, 1]) - fat('lean', back, [0, 0, 1]);
    expect(gainBelly).toBeGreaterThan(gainBack);
    expect(gainBack).toBeGreaterThan(0);
  });
});
