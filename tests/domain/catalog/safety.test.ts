import { describe, expect, it } from 'vitest';
import { habitusIds } from '../../../src/domain/body/habitus.ts';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import { recommendedNeedle } from '../../../src/domain/catalog/needlePath.ts';
import { loadNeedleBodyFromDisk } from '../../../src/domain/needle/node.ts';
import { simulateNeedle } from '../../../src/domain/needle/simulate.ts';

const { manifest, index } = loadBodyFromDisk();
const body = loadNeedleBodyFromDisk();
const catalog = loadCatalogFromDisk();

/**
 * KNOWN DEVIATIONS: points whose recommended needle (along the catalog's direction rule through
 * the point, to the catalog's maximum depth) enters a danger structure on the model, run as
 * `it.fails` so the test turns red when one is corrected. None at present (iliopsoas TrP2 entered
 * the femoral artery until the vessels were moved to the mid-inguinal point).
 */
const KNOWN = new Set<string>();

/** Every body build: the lean and high-BMI bodies have their own skin and fat. */
const BUILDS = habitusIds(manifest);

describe('the recommended technique is safe on the model, in every body build', () => {
  it('the model offers the lean, average and high-BMI builds', () => {
    expect(BUILDS).toEqual(expect.arrayContaining(['lean', 'average', 'high-bmi']));
  });
  for (const build of BUILDS)
    for (const t of catalog.triggerPoints) {
      for (const side of ['left', 'right'] as const) {
        const test = KNOWN.has(`${t.id}:${side}:${build}`) ? it.fails : it;
        test(`${t.id} (${side}, ${build}): ${t.needling.depthMm.max} mm along the recommended line enters no danger structure`, () => {
          const built = loadNeedleBodyFromDisk(undefined, build);
          const p = placeTriggerPoint(t.anchor, side, manifest.landmarks, built.index);
          if (!p) return; // placement gaps are reported by placement.test.ts
          const rec = recommendedNeedle(built, t.needling, side, p);
          const r = simulateNeedle(built, {
            entry: rec.entry,
            direction: rec.direction,
            depthMm: t.needling.depthMm.max,
          });
          expect(r.entered, r.messages.join(' ')).toBeNull();
          expect(r.verdict).not.toBe('unsafe');
        });
      }
    }
  it('a needle aimed straight into the chest between two ribs below the clavicle enters the pleura (the check can fail)', () => {
    const mid = manifest.landmarks['clavicle-midpoint-left']!.skin;
    const entered: string[] = [];
    // down the midclavicular line in 5 mm steps: the lines between two ribs reach the pleura
    for (let dy = 0.02; dy <= 0.1; dy += 0.005) {
      const origin: [number, number, number] = [mid[0], mid[1] - dy, 0.3];
      const skin = index.hitsAlong(origin, [0, 0, -1], 0.4, new Set(['skin']))[0];
      if (!skin) continue;
      const r = simulateNeedle(body, {
        entry: [origin[0], origin[1], origin[2] - skin.distance],
        direction: [0, 0, -1],
        depthMm: 100,
      });
      if (r.entered) entered.push(r.entered.structure);
      if (r.entered) expect(r.verdict).toBe('unsafe');
    }
    expect(entered).toContain('pleura-left');
  });
});
