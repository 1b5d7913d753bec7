import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { depthInRange, placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import { mulberry32 } from '../../../src/domain/random.ts';

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
        const p = placeTriggerPoint(t, side, manifest.landmarks, index);
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
      const l = placeTriggerPoint(t, 'left', manifest.landmarks, index);
      const r = placeTriggerPoint(t, 'right', manifest.landmarks, index);
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

/** Brute force: the depths of a run, 0.05 mm apart, that keep the insets, nearest `at` first. */
function bruteDepth(
  run: { from: number; to: number },
  at: number,
  range: { min: number; max: number },
) {
  const min = range.min / 1000;
  const max = range.max / 1000;
  if (at >= min && at <= max) return at;
  const inset = Math.min(0.003, (run.to - run.from) / 3);
  const ri = Math.min(0.001, (max - min) / 2);
  const lo = run.from + inset;
  const hi = run.to - inset;
  let best = NaN;
  let bestScore = Infinity;
  for (let d = lo; d <= hi + 1e-9; d += 0.00005) {
    // first: how far outside the range (1 mm in); then: how far from where it was
    const out = Math.max(0, min + ri - d, d - (max - ri));
    const score = out * 1e6 + Math.abs(d - at);
    if (score < bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

describe('a point is moved to its depth range only inside its muscle (depthInRange)', () => {
  it('agrees with a brute-force search on 400 random runs, points and ranges', () => {
    const rand = mulberry32(19);
    for (let i = 0; i < 400; i++) {
      const from = rand() * 0.05;
      const run = { from, to: from + 0.002 + rand() * 0.04 };
      const at = run.from + (run.to - run.from) * rand();
      const lo = Math.round(rand() * 50);
      const range = { min: lo, max: lo + 2 + Math.round(rand() * 30) };
      const got = depthInRange(run, at, range);
      expect(
        Math.abs(got - bruteDepth(run, at, range)) * 1000,
        JSON.stringify({ run, at, range }),
      ).toBeLessThan(0.06);
    }
  });

  it('on the model: each placed point is in its range wherever its muscle, along the line in from its skin spot, reaches into the range', () => {
    const misses: string[] = [];
    for (const t of catalog.triggerPoints)
      for (const side of ['left', 'right'] as const) {
        const p = placeTriggerPoint(t, side, manifest.landmarks, index);
        if (!p) continue;
        const d = Math.hypot(...p.point.map((v, k) => v - p.skin[k]!));
        const dir = p.point.map((v, k) => (v - p.skin[k]!) / d);
        // the muscle along the line, sampled every 0.25 mm (not the mesh crossings placement uses)
        const inside = (mm: number) =>
          index.contains(
            p.structure,
            p.skin.map((v, k) => v + (dir[k]! * mm) / 1000) as [number, number, number],
          );
        const { min, max } = t.needling.depthMm;
        const reaches = [...Array(Math.round((max - min) * 4) + 1).keys()]
          .map((k) => min + 1 + k / 4)
          .filter((mm) => mm <= max - 1)
          .some((mm) => inside(mm - 3) && inside(mm) && inside(mm + 3));
        const inRange = d * 1000 >= min - 0.5 && d * 1000 <= max + 0.5;
        if (reaches && !inRange)
          misses.push(`${t.id}:${side} at ${(d * 1000).toFixed(1)} mm (${min}–${max})`);
      }
    expect(misses).toEqual([]);
  });
});
