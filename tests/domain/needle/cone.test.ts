import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import { recommendedNeedle } from '../../../src/domain/catalog/needlePath.ts';
import { needleCone } from '../../../src/domain/needle/cone.ts';
import { loadNeedleBodyFromDisk } from '../../../src/domain/needle/node.ts';
import { simulateNeedle } from '../../../src/domain/needle/simulate.ts';
import { dot } from '../../../src/domain/vec.ts';

const { manifest, index } = loadBodyFromDisk();
const body = loadNeedleBodyFromDisk();
const catalog = loadCatalogFromDisk();

describe('cone of directions around a needle line', () => {
  it('the first ray is the line itself; each ring tilts by its angle; verdicts match single needles', () => {
    const t = catalog.triggerPoints.find((x) => x.id === 'infraspinatus-trp1')!;
    const p = placeTriggerPoint(t, 'left', manifest.landmarks, index)!;
    const rec = recommendedNeedle(body, t.needling, 'left', p);
    const cone = needleCone(body, rec.entry, rec.direction, t.needling.depthMm.max);
    expect(cone.rays).toHaveLength(1 + 3 * 8);
    expect(dot(cone.rays[0]!.direction, rec.direction)).toBeCloseTo(1, 6);
    for (const r of cone.rays) {
      const cos = dot(r.direction, rec.direction);
      expect(Math.acos(Math.min(1, cos)) * (180 / Math.PI)).toBeCloseTo(r.tiltDeg, 4);
      if (r.verdict === null) continue;
      const single = simulateNeedle(body, {
        entry: rec.entry,
        direction: r.direction,
        depthMm: t.needling.depthMm.max,
      });
      expect(r.verdict).toBe(single.verdict);
    }
    expect(cone.rays[0]!.verdict).not.toBe('unsafe');
  });

  it('straight into the chest between two ribs, deep: the cone holds unsafe directions and its safe tilt is 0', () => {
    const mid = manifest.landmarks['clavicle-midpoint-left']!.skin;
    let found = false;
    for (let dy = 0.02; dy <= 0.1 && !found; dy += 0.005) {
      const o: [number, number, number] = [mid[0], mid[1] - dy, 0.3];
      const h = index.hitsAlong(o, [0, 0, -1], 0.4, new Set(['skin']))[0];
      if (!h) continue;
      const entry: [number, number, number] = [o[0], o[1], o[2] - h.distance];
      const cone = needleCone(body, entry, [0, 0, -1], 90);
      if (cone.rays[0]!.verdict !== 'unsafe') continue;
      found = true;
      expect(cone.safeTiltDeg).toBe(0);
      expect(cone.rays.filter((r) => r.entered === 'pleura-left').length).toBeGreaterThan(0);
    }
    expect(found).toBe(true);
  });
});
