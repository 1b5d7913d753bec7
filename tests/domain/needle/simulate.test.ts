import { describe, expect, it } from 'vitest';
import { Box3, Vector3 } from 'three';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { CONTAINER_ORDER, CONTAINER_STRUCTURES } from '../../../src/domain/body/bodyIndex.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { placeTriggerPoint } from '../../../src/domain/catalog/placement.ts';
import { loadNeedleBodyFromDisk } from '../../../src/domain/needle/node.ts';
import {
  DANGER_KINDS,
  simulateNeedle,
  skinEntry,
  type NeedleResult,
} from '../../../src/domain/needle/simulate.ts';
import { mulberry32 } from '../../../src/domain/random.ts';
import type { BodyVec3 } from '../../../src/domain/units.ts';
import { along, dot, norm } from '../../../src/domain/vec.ts';
import { bruteContains } from '../../helpers/brute.ts';

const { manifest, meshes, index } = loadBodyFromDisk();
const body = loadNeedleBodyFromDisk();
const catalog = loadCatalogFromDisk();
const lm = (id: string) => manifest.landmarks[id]!;

const boxes = new Map(
  meshes.map((m) => {
    const b = new Box3();
    for (let i = 0; i < m.positions.length; i += 3)
      b.expandByPoint(new Vector3(m.positions[i], m.positions[i + 1], m.positions[i + 2]));
    return [m.id, b] as const;
  }),
);

/** The tissue at a point by brute force: parity over every triangle of every mesh around it. */
function bruteTissue(p: BodyVec3): string | null {
  const v = new Vector3(p[0], p[1], p[2]);
  const inside = meshes
    .filter((m) => boxes.get(m.id)!.containsPoint(v) && bruteContains(m, p))
    .map((m) => m.id);
  return (
    inside.find((id) => !CONTAINER_STRUCTURES.has(id)) ??
    CONTAINER_ORDER.find((id) => inside.includes(id)) ??
    null
  );
}

/** The first point where a ray meets the skin (to start needles from a known spot). */
function skinAlong(origin: BodyVec3, dir: BodyVec3): BodyVec3 {
  const h = index.hitsAlong(origin, dir, 1, new Set(['skin']))[0];
  if (!h) throw new Error('no skin along the ray');
  return along(origin, dir, h.distance);
}

const skin = meshes.find((m) => m.id === 'skin')!;

describe('needle layers against brute force', () => {
  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: the tissue in the middle of every layer is that layer's tissue`, () => {
      const rnd = mulberry32(seed);
      let checked = 0;
      for (let k = 0; k < 12; k++) {
        // an entry in a random skin triangle of the trunk (its centre: a line through a vertex
        // meets six triangles at once), tilted up to about 35° from the normal
        let p: BodyVec3 = [0, 0, 0];
        do {
          const t = Math.floor(rnd() * (skin.indices.length / 3)) * 3;
          const c = [0, 1, 2].map((j) => skin.indices[t + j]! * 3);
          p = [0, 1, 2].map(
            (k) =>
              (skin.positions[c[0]! + k]! +
                skin.positions[c[1]! + k]! +
                skin.positions[c[2]! + k]!) /
              3,
          ) as unknown as BodyVec3;
        } while (p[1] < 0.9 || p[1] > 1.5 || Math.abs(p[0]) > 0.2);
        const e = skinEntry(index, skinEntry(index, p).point);
        const tilt: BodyVec3 = [rnd() - 0.5, rnd() - 0.5, rnd() - 0.5];
        const dir = norm(along(e.inward, tilt, 0.7));
        if (dot(dir, e.inward) < 0.2) continue;
        const r = simulateNeedle(body, {
          entry: e.point,
          direction: dir,
          depthMm: 10 + rnd() * 70,
        });
        for (const layer of r.layers) {
          // a layer thinner than 1.5 mm puts its middle within a hair of two surfaces, where parity
          // over a thin, pinched shell (the skin) is not a fair oracle
          if (layer.toMm - layer.fromMm < 1.5) continue;
          const mid = along(r.entry, r.direction, (layer.fromMm + layer.toMm) / 2000);
          expect(
            bruteTissue(mid),
            `needle ${k}, ${layer.name} ${layer.fromMm}–${layer.toMm} mm`,
          ).toBe(layer.structure);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  }

  for (const seed of [21, 22]) {
    it(`seed ${seed}: the nearest danger's distance from the shaft is no more than any sampled point's`, () => {
      const rnd = mulberry32(seed);
      let checked = 0;
      for (let k = 0; k < 16; k++) {
        const y = 1.0 + rnd() * 0.45;
        const x = (rnd() - 0.5) * 0.3;
        const back = rnd() < 0.5;
        const e = skinEntry(index, skinAlong([x, y, back ? -0.4 : 0.4], [0, 0, back ? 1 : -1]));
        const r = simulateNeedle(body, {
          entry: e.point,
          direction: e.inward,
          depthMm: 20 + rnd() * 40,
        });
        const d = r.nearestDanger;
        if (!d) continue;
        // the reported closest point lies on the structure's surface
        expect(index.closest(d.structure, d.closestPoint).distance).toBeLessThan(1e-5);
        // no danger structure is nearer to any point of the shaft (1 mm steps)
        for (let t = 0; t <= r.reachedDepthMm; t += 1) {
          const q = along(r.entry, r.direction, t / 1000);
          for (const s of manifest.structures) {
            if (!DANGER_KINDS.has(s.kind)) continue;
            const near = index.closest(s.id, q).distance * 1000;
            expect(near, `${s.id} at ${t} mm`).toBeGreaterThanOrEqual(d.distanceFromPathMm - 0.06);
          }
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    });
  }
});

function depthToPleura(r: NeedleResult): number | null {
  return r.layers.find((l) => l.kind === 'pleura')?.fromMm ?? null;
}

describe('known cases', () => {
  for (const side of ['left', 'right'] as const) {
    it(`2nd intercostal space, midclavicular (${side}): a needle perpendicular to the skin reaches the pleura at 14–69 mm (Wax & Leibowitz 2007)`, () => {
      const mid = lm(`clavicle-midpoint-${side}`).skin;
      // down the midclavicular line from the clavicle: the first line that passes between two
      // ribs into the pleura (the 2nd space: the 1st lies behind the clavicle)
      let found: NeedleResult | null = null;
      for (let dy = 0.015; dy <= 0.08 && !found; dy += 0.0025) {
        const e = skinEntry(index, skinAlong([mid[0], mid[1] - dy, 0.4], [0, 0, -1]));
        const r = simulateNeedle(body, { entry: e.point, direction: e.inward, depthMm: 100 });
        if (r.entered?.kind === 'pleura' && !r.stoppedBy) found = r;
      }
      expect(found).not.toBeNull();
      expect(found!.entered!.depthMm).toBeGreaterThanOrEqual(14);
      expect(found!.entered!.depthMm).toBeLessThanOrEqual(69);
      expect(found!.verdict).toBe('unsafe');
    });

    it(`upper trapezius (${side}): a horizontal needle across the fold stays out of the pleura; one aimed caudally at the apex enters it`, () => {
      const t = catalog.triggerPoints.find((x) => x.id === 'upper-trapezius-trp1')!;
      const p = placeTriggerPoint(t, side, manifest.landmarks, index)!;
      const e = skinEntry(index, p.skin);
      const horizontal = norm([e.inward[0], 0, e.inward[2]]);
      const h = simulateNeedle(body, { entry: e.point, direction: horizontal, depthMm: 100 });
      expect(h.layers.some((l) => l.kind === 'pleura' || l.kind === 'lung')).toBe(false);
      // perpendicular to the skin of the shoulder's slope, which points down toward the apex
      expect(e.inward[1]).toBeLessThan(-0.2);
      const c = simulateNeedle(body, { entry: e.point, direction: e.inward, depthMm: 100 });
      expect(depthToPleura(c)).not.toBeNull();
      expect(c.verdict).toBe('unsafe');
      // Kearns et al. 2022: 30 mm never reached the pleura in 15 cadavers
      expect(depthToPleura(c)!).toBeGreaterThan(30);
    });
  }

  it('a needle long enough to reach a danger structure is flagged before it goes in', () => {
    const t = catalog.triggerPoints.find((x) => x.id === 'upper-trapezius-trp1')!;
    const p = placeTriggerPoint(t, 'left', manifest.landmarks, index)!;
    const e = skinEntry(index, p.skin);
    const short = simulateNeedle(body, {
      entry: e.point,
      direction: e.inward,
      depthMm: 5,
      lengthMm: 15,
    });
    expect(short.verdict).toBe('safe');
    const long = simulateNeedle(body, {
      entry: e.point,
      direction: e.inward,
      depthMm: 5,
      lengthMm: 100,
    });
    expect(long.ahead).not.toBeNull();
    expect(long.verdict).toBe('caution');
    const said = long.messages.join(' ');
    expect(said).toContain('A 100 mm needle is long enough to reach the');
    expect(said).toContain(`at ${long.ahead!.depthMm} mm`);
  });

  it('the C7 spinous process: a needle from the skin landmark toward the bone landmark meets bone and stops there', () => {
    const c7 = lm('c7-spinous-process');
    const dir = norm([c7.bone[0] - c7.skin[0], c7.bone[1] - c7.skin[1], c7.bone[2] - c7.skin[2]]);
    const r = simulateNeedle(body, { entry: c7.skin, direction: dir, depthMm: 60 });
    expect(r.stoppedBy?.structure).toBe('vertebra-c7');
    expect(r.reachedDepthMm).toBeLessThan(40);
    expect(r.layers.at(-1)!.toMm).toBe(r.reachedDepthMm);
    expect(r.messages.join(' ')).toMatch(/meets bone \(.*C7.*\) at [\d.]+ mm and stops there/);
  });

  it('zero depth: the needle rests on the skin and passes nothing', () => {
    const entry = skinAlong([0.1, 1.2, -0.4], [0, 0, 1]);
    const r = simulateNeedle(body, { entry, direction: [0, 0, 1], depthMm: 0 });
    expect(r.layers).toEqual([]);
    expect(r.reachedDepthMm).toBe(0);
    expect(r.entered).toBeNull();
  });

  it('layers are contiguous, in depth order, and start at the skin', () => {
    const entry = skinAlong([0.08, 1.25, -0.4], [0, 0, 1]);
    const r = simulateNeedle(body, { entry, direction: [0, 0, 1], depthMm: 60 });
    expect(r.layers[0]!.structure).toBe('skin');
    expect(r.layers[0]!.fromMm).toBe(0);
    for (let i = 1; i < r.layers.length; i++) {
      expect(r.layers[i]!.fromMm).toBeGreaterThanOrEqual(r.layers[i - 1]!.fromMm);
      expect(r.layers[i]!.fromMm - r.layers[i - 1]!.toMm).toBeLessThan(0.2);
    }
    expect(r.layers.at(-1)!.toMm).toBeCloseTo(r.reachedDepthMm, 1);
    expect(r.messages.at(-1)).toMatch(/one generated average adult/);
  });
});

describe('input out of range is refused with a clear error', () => {
  const entry = skinAlong([0.08, 1.25, -0.4], [0, 0, 1]);
  it('a negative depth', () => {
    expect(() => simulateNeedle(body, { entry, direction: [0, 0, 1], depthMm: -1 })).toThrow(
      /simulateNeedle: depth -1 mm is outside/,
    );
  });
  it('a depth beyond the needle', () => {
    expect(() =>
      simulateNeedle(body, { entry, direction: [0, 0, 1], depthMm: 40, lengthMm: 30 }),
    ).toThrow(/more than the 30 mm needle/);
  });
  it('a direction of zero length', () => {
    expect(() => simulateNeedle(body, { entry, direction: [0, 0, 0], depthMm: 10 })).toThrow(
      /no length/,
    );
  });
  it('a direction pointing out of the body', () => {
    expect(() => simulateNeedle(body, { entry, direction: [0, 0, -1], depthMm: 10 })).toThrow(
      /points out of the skin/,
    );
  });
  it('an entry inside the body is moved to the skin surface nearest it', () => {
    const inside = along(entry, [0, 0, 1], 0.004);
    const e = skinEntry(index, inside);
    expect(
      Math.hypot(e.point[0] - entry[0], e.point[1] - entry[1], e.point[2] - entry[2]),
    ).toBeLessThan(0.003);
    expect(e.inward[2]).toBeGreaterThan(0.5);
  });
});
