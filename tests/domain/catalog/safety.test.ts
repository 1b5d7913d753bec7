import { describe, expect, it } from 'vitest';
import { habitusIds } from '../../../src/domain/body/habitus.ts';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import { recommendedNeedle } from '../../../src/domain/catalog/needlePath.ts';
import { loadNeedleBodyFromDisk } from '../../../src/domain/needle/node.ts';
import { DANGER_KINDS, simulateNeedle } from '../../../src/domain/needle/simulate.ts';

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
          const p = placeTriggerPoint(t, side, manifest.landmarks, built.index);
          // every point is placed (placement.test.ts): a point that is not fails here too
          expect(p, 'placed in its muscle').toBeTruthy();
          if (!p) return;
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

/**
 * What a needle at this point can reach is named: every danger structure on the model that a
 * needle of the catalog's length enters, along the recommended line or tilted up to 20° from it
 * (a clinician's aim is not exact), before bone stops it, is in the point's `dangers` list.
 */
const REACH_TILT_DEG = 20;
const stemOf = (id: string) => id.replace(/-(left|right)$/, '');
function reachable(
  built: ReturnType<typeof loadNeedleBodyFromDisk>,
  rec: { entry: readonly number[]; direction: readonly number[] },
  lengthMm: number,
): Set<string> {
  const d = rec.direction;
  const u = Math.abs(d[0]!) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const cross = (a: readonly number[], b: readonly number[]) => [
    a[1]! * b[2]! - a[2]! * b[1]!,
    a[2]! * b[0]! - a[0]! * b[2]!,
    a[0]! * b[1]! - a[1]! * b[0]!,
  ];
  const e1 = cross(d, u);
  const n1 = Math.hypot(...e1);
  for (let k = 0; k < 3; k++) e1[k]! /= n1;
  const e2 = cross(d, e1);
  const dirs: number[][] = [[...d]];
  for (const a of [REACH_TILT_DEG / 2, REACH_TILT_DEG].map((x) => (x * Math.PI) / 180))
    for (let i = 0; i < 8; i++) {
      const ph = (i * Math.PI) / 4;
      dirs.push(
        [0, 1, 2].map(
          (k) =>
            Math.cos(a) * d[k]! + Math.sin(a) * (Math.cos(ph) * e1[k]! + Math.sin(ph) * e2[k]!),
        ),
      );
    }
  const found = new Set<string>();
  for (const dir of dirs) {
    let r;
    try {
      r = simulateNeedle(built, {
        entry: rec.entry as [number, number, number],
        direction: dir as [number, number, number],
        depthMm: lengthMm,
      });
    } catch {
      continue; // a tilt that points out of the skin is no needle
    }
    for (const l of r.layers) if (DANGER_KINDS.has(l.kind)) found.add(stemOf(l.structure));
  }
  return found;
}

describe('every danger a needle of the point’s length can reach is in its list, in every body build', () => {
  for (const build of BUILDS)
    it(`${build}: every point and side, the line and tilts up to ${REACH_TILT_DEG}°`, () => {
      const built = loadNeedleBodyFromDisk(undefined, build);
      const missing: string[] = [];
      for (const t of catalog.triggerPoints)
        for (const side of ['left', 'right'] as const) {
          const p = placeTriggerPoint(t, side, manifest.landmarks, built.index);
          if (!p) continue;
          const rec = recommendedNeedle(built, t.needling, side, p);
          const listed = new Set(t.needling.dangers);
          for (const s of reachable(built, rec, t.needling.needleLengthMm))
            if (!listed.has(s)) missing.push(`${t.id} (${side}): ${s}`);
        }
      expect(missing).toEqual([]);
    }, 240_000);

  it('the check can fail: a point whose list left out the pleura would be caught', () => {
    const t = catalog.triggerPoints.find((x) => x.id === 'upper-trapezius-trp1')!;
    const p = placeTriggerPoint(t, 'left', manifest.landmarks, index)!;
    const rec = recommendedNeedle(body, t.needling, 'left', p);
    // a 100 mm needle down the line from the top of the shoulder reaches the lung apex
    const found = reachable(body, rec, 100);
    expect([...found].some((s) => s === 'pleura' || s === 'lung')).toBe(true);
  });
});
