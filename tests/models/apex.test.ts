/**
 * The lung apex under the root of the neck and the top of the shoulder, the best-known
 * pneumothorax site of dry needling, against published measurements on people.
 *
 * Wanichanon C, Hathaiareerug C (ASEAN J Rehabil Med; MRI of 57 adults): a horizontal line at the
 * level of the C7 spinous process, and the point where it leaves the skin laterally (their point
 * 2). From there to the lung apex: aimed 30° medially, mean 46.7–46.8 mm (minimum 33.4 mm); the
 * vertical path longer than the medial one on average (shortest vertical 37.4 mm); aimed 30°
 * laterally the line never met the pleura. The model is one heavier man (BMI about 27.7 against a
 * Thai sample), so the medial path may be longer than their mean: by at most the difference that
 * Chou et al. measured between normal-weight and obese men at the neighbouring point GB21 (5.3
 * against 7.1 cm; BMJ Open 2015;5:e007819, MRI of 394 adults), 18 mm.
 *
 * The line is taken in the coronal plane through the summit of the pleura as modelled, and the
 * distances are measured as on an image: along the straight line to the first pleura or lung,
 * whatever lies between.
 *
 * Not independent of the model: the apex's rise above the clavicle (3.5 cm, within the textbooks'
 * 2–4 cm) was set by the medial path's mean (models/anatomy/thorax.ts). What the figure did not
 * set, and these tests check: the vertical path longer than the medial one, the lateral one
 * missing the pleura, the order of the builds, and (below) the perpendicular needle at upper
 * trapezius TrP1 against the cadaver figures with no filler over the pleura.
 */
import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../src/domain/catalog/placement.ts';
import { loadNeedleBodyFromDisk } from '../../src/domain/needle/node.ts';
import { simulateNeedle, skinEntry } from '../../src/domain/needle/simulate.ts';
import type { BodyVec3 } from '../../src/domain/units.ts';

const BUILDS = ['lean', 'average', 'high-bmi'] as const;
const lungish = (t: string | null) => t !== null && /^(pleura|lung)-(left|right)$/.test(t);

/** The pleura's highest point on one side (above 1.4 m), on a 4 mm grid. */
function summit(index: ReturnType<typeof loadBodyFromDisk>['index'], s: 1 | -1): BodyVec3 {
  let best: BodyVec3 = [0, 1.4, 0];
  for (let x = 0.004; x <= 0.1; x += 0.004)
    for (let z = -0.08; z <= 0.06; z += 0.004)
      for (let y = 1.56; y > best[1]; y -= 0.001)
        if (lungish(index.tissueAt([s * x, y, z]))) {
          best = [s * x, y, z];
          break;
        }
  return best;
}

interface Paths {
  entry: BodyVec3;
  vertical: number | null;
  medial: number | null;
  lateral: number | null;
}

function mriPaths(build: (typeof BUILDS)[number], side: 'left' | 'right'): Paths {
  const { index, manifest } = loadBodyFromDisk(undefined, build);
  const s = side === 'left' ? 1 : -1;
  const y = manifest.landmarks['c7-spinous-process']!.skin[1];
  const z = summit(index, s)[2];
  let x = 0;
  while (x < 0.3 && index.tissueAt([s * x, y, z]) !== null) x += 0.0005;
  const along = (dx: number, dy: number): number | null => {
    for (let d = 0; d <= 0.1; d += 0.0005)
      if (lungish(index.tissueAt([s * (x + dx * d), y + dy * d, z]))) return d * 1000;
    return null;
  };
  const c = Math.cos(Math.PI / 6);
  return {
    entry: [s * x, y, z],
    vertical: along(0, -1),
    medial: along(-0.5, -c),
    lateral: along(0.5, -c),
  };
}

const paths = new Map<string, Paths>();
const get = (build: (typeof BUILDS)[number], side: 'left' | 'right') => {
  const key = `${build}:${side}`;
  if (!paths.has(key)) paths.set(key, mriPaths(build, side));
  return paths.get(key)!;
};

describe('the lung apex from the top of the shoulder (MRI of 57 adults)', () => {
  for (const side of ['left', 'right'] as const) {
    it(`average body (${side}): aimed 30° medially 33–65 mm, the vertical path longer, 30° laterally never`, () => {
      const p = get('average', side);
      expect(p.medial, JSON.stringify(p)).not.toBeNull();
      expect(p.medial!).toBeGreaterThanOrEqual(33.4);
      expect(p.medial!).toBeLessThanOrEqual(46.8 + 18);
      expect(p.vertical, JSON.stringify(p)).not.toBeNull();
      expect(p.vertical!).toBeGreaterThanOrEqual(37.4);
      expect(p.vertical!).toBeGreaterThan(p.medial!);
      expect(p.lateral).toBeNull();
    });

    it(`${side}: the depths grow with the build (lean, average, high BMI), and 30° laterally never reaches it`, () => {
      const [lean, avg, high] = BUILDS.map((b) => get(b, side));
      for (const k of ['vertical', 'medial'] as const) {
        expect(lean![k]!, k).toBeLessThanOrEqual(avg![k]!);
        expect(avg![k]!, k).toBeLessThanOrEqual(high![k]!);
      }
      for (const p of [lean, high]) expect(p!.lateral).toBeNull();
    });
  }
});

describe('the top of the shoulder over the apex', () => {
  const t = loadCatalogFromDisk().triggerPoints.find((x) => x.id === 'upper-trapezius-trp1')!;
  for (const build of BUILDS)
    for (const side of ['left', 'right'] as const)
      it(`${build} (${side}): perpendicular at upper trapezius TrP1 the pleura lies under the chest wall with no gap of filler`, () => {
        // Kearns et al. 2022 (15 cadavers, perpendicular at mid upper trapezius): 30 mm never
        // reached the pleura, 40 mm once, 50 mm in 4, 60 mm in 6. The cervical pleura lines the
        // inner surface of the first rib (Gray's; Moore): between the intercostal layer and the
        // pleura a needle meets at most a few millimetres of tissue not modelled as a structure
        // (it met 16 mm when the dome fell away under the ribs).
        const { manifest } = loadBodyFromDisk(undefined, build);
        const body = loadNeedleBodyFromDisk(undefined, build);
        const p = placeTriggerPoint(t, side, manifest.landmarks, body.index)!;
        const e = skinEntry(body.index, p.skin);
        const r = simulateNeedle(body, { entry: e.point, direction: e.inward, depthMm: 100 });
        const k = r.layers.findIndex((l) => l.kind === 'pleura' || l.kind === 'lung');
        expect(k, r.layers.map((l) => l.structure).join(' ')).toBeGreaterThan(0);
        const depth = r.layers[k]!.fromMm;
        expect(depth).toBeGreaterThan(30);
        expect(depth).toBeLessThan(100);
        const wall = r.layers.findLastIndex(
          (l, i) => i < k && (l.kind === 'bone' || l.structure.startsWith('intercostal-muscles')),
        );
        expect(wall, 'no chest wall before the pleura').toBeGreaterThan(0);
        expect(depth - r.layers[wall]!.toMm).toBeLessThanOrEqual(5);
      });
});
