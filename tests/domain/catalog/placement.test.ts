import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';

const { manifest, index } = loadBodyFromDisk();
const catalog = loadCatalogFromDisk();

/**
 * Points the model cannot place (its muscle squeezed to no thickness at the anchor), listed so
 * each test turns red the day the model is fixed. None at present: the right middle trapezius
 * point came in once the envelope stopped swelling over the back.
 */
const KNOWN_GAPS = new Set<string>([]);

describe('trigger points placed on the generated model', () => {
  for (const t of catalog.triggerPoints) {
    for (const side of ['left', 'right'] as const) {
      const test = KNOWN_GAPS.has(`${t.id}:${side}`) ? it.fails : it;
      test(`${t.id} (${side}) lies inside its muscle, under the skin`, () => {
        const p = placeTriggerPoint(t.anchor, side, manifest.landmarks, index);
        expect(p, 'placement').not.toBeNull();
        expect(index.contains(p!.structure, p!.point)).toBe(true);
        expect(index.tissueAt(p!.point)).toBe(p!.structure);
        const depth = Math.hypot(
          p!.skin[0] - p!.point[0],
          p!.skin[1] - p!.point[1],
          p!.skin[2] - p!.point[2],
        );
        expect(depth * 1000).toBeLessThan(120);
      });
    }
  }
  it('mirrors: every right point is the left one mirrored, within 3 mm', () => {
    // (placed side by side, the right subscapularis point lay 2 cm from the left's mirror image;
    // where the mirror image falls just outside the right mesh, the right is placed by itself)
    const off: string[] = [];
    for (const t of catalog.triggerPoints) {
      const l = placeTriggerPoint(t.anchor, 'left', manifest.landmarks, index);
      const r = placeTriggerPoint(t.anchor, 'right', manifest.landmarks, index);
      if (!l || !r) continue;
      const d = Math.hypot(
        l.point[0] + r.point[0],
        l.point[1] - r.point[1],
        l.point[2] - r.point[2],
      );
      if (d > 0.003) off.push(`${t.id}: ${(d * 1000).toFixed(1)} mm`);
    }
    expect(off).toEqual([]);
  });
});
