import { describe, expect, it } from 'vitest';
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
 * KNOWN DEVIATION: on the model, the recommended needle of this point (along the catalog's
 * direction rule through the point, to the catalog's maximum depth) enters a danger structure.
 * Iliopsoas TrP2: the femoral artery at about 26 mm (the catalog allows 50 mm); the model's
 * iliopsoas lies straight behind the femoral vessels at the anchor, so no offset of the point
 * clears them. The vessel course or the point's anchor needs a clinician's review; listed so the
 * test turns red when one is corrected.
 */
const KNOWN = new Set(['iliopsoas-trp2:left', 'iliopsoas-trp2:right']);

describe('the recommended technique is safe on the model', () => {
  for (const t of catalog.triggerPoints) {
    for (const side of ['left', 'right'] as const) {
      const test = KNOWN.has(`${t.id}:${side}`) ? it.fails : it;
      test(`${t.id} (${side}): ${t.needling.depthMm.max} mm along the recommended line enters no danger structure`, () => {
        const p = placeTriggerPoint(t.anchor, side, manifest.landmarks, index);
        if (!p) return; // placement gaps are reported by placement.test.ts
        const rec = recommendedNeedle(index, t.needling, side, p);
        const r = simulateNeedle(body, {
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
