import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { structureIdsFor } from '../../../src/domain/catalog/load.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import {
  aimAtBackstop,
  backstopId,
  checkPath,
  ruleDirection,
} from '../../../src/domain/catalog/needlePath.ts';
import type { BodyVec3 } from '../../../src/domain/units.ts';

const { manifest, index } = loadBodyFromDisk();
const catalog = loadCatalogFromDisk();

/**
 * KNOWN DEVIATION: on the model, the recommended path of these points reaches a danger structure
 * within the recommended maximum depth. The left iliopsoas point in the femoral triangle meets the
 * femoral nerve at about 37 mm (the catalog allows 50 mm): the data's direction rule or depth
 * needs a clinician's review. Listed so the test turns red when either is corrected.
 */
const KNOWN = new Set(['iliopsoas-trp2:left']);

describe('the recommended technique is safe on the model', () => {
  for (const t of catalog.triggerPoints) {
    for (const side of ['left', 'right'] as const) {
      const test = KNOWN.has(`${t.id}:${side}`) ? it.fails : it;
      test(`${t.id} (${side}): ${t.needling.depthMm.max} mm along the rule reaches no danger structure`, () => {
        const p = placeTriggerPoint(t.anchor, side, manifest.landmarks, index);
        if (!p) return; // placement gaps are reported by placement.test.ts
        const inward: [number, number, number] = [
          p.point[0] - p.skin[0],
          p.point[1] - p.skin[1],
          p.point[2] - p.skin[2],
        ];
        const l = Math.hypot(...inward);
        const inwardUnit: BodyVec3 = [inward[0] / l, inward[1] / l, inward[2] / l];
        const bone = backstopId(t.needling.directionRule, side, (id) => !!index.get(id));
        const dir = bone
          ? aimAtBackstop(index, p.skin, bone)
          : ruleDirection(t.needling.directionRule, side, inwardUnit);
        const dangers = structureIdsFor(t.needling.dangers, side);
        const r = checkPath(index, p.skin, dir, t.needling.depthMm.max, dangers, bone);
        expect(r.reached).toBeNull();
      });
    }
  }
  it('a path aimed straight into the chest at the 2nd intercostal space does reach the pleura (the check can fail)', () => {
    const mid = manifest.landmarks['clavicle-midpoint-left']!.skin;
    const r = checkPath(index, [mid[0], mid[1] - 0.045, 0.2], [0, 0, -1], 200, ['pleura-left']);
    expect(r.reached?.structure).toBe('pleura-left');
  });
});
