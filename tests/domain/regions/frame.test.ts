import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  candidateDirections,
  facingDirection,
  fitDistance,
  fitInWindow,
  framePoints,
  projectToView,
  sphereDistance,
  viewBasis,
} from '../../../src/domain/regions/frame.ts';
import type { BodyVec3 } from '../../../src/domain/units.ts';
import { add, dot, length, scale } from '../../../src/domain/vec.ts';

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Brute force: the camera three would use, and every point's place in normalised device space. */
function inFrustum(
  points: readonly BodyVec3[],
  center: BodyVec3,
  from: BodyVec3,
  distance: number,
  fov: number,
  aspect: number,
  fill: number,
): boolean {
  const cam = new PerspectiveCamera(fov, aspect, 0.001, 100);
  const eye = add(center, scale(from, distance));
  cam.position.set(...eye);
  cam.up.set(...viewBasis(from).up);
  cam.lookAt(new Vector3(...center));
  cam.updateMatrixWorld(true);
  return points.every((p) => {
    const v = new Vector3(...p).project(cam);
    return Math.abs(v.x) <= fill + 1e-6 && Math.abs(v.y) <= fill + 1e-6 && v.z < 1;
  });
}

const randomDir = (r: () => number): BodyVec3 => {
  const z = r() * 2 - 1;
  const a = r() * Math.PI * 2;
  const s = Math.sqrt(1 - z * z);
  return [s * Math.cos(a), z, s * Math.sin(a)];
};

describe('fitDistance against a brute-force frustum test', () => {
  const r = rng(20261207);
  for (let trial = 0; trial < 60; trial++) {
    const n = 3 + Math.floor(r() * 30);
    const centre: BodyVec3 = [r() - 0.5, 0.5 + r(), r() - 0.5];
    const spread = 0.05 + r() * 0.5;
    const points = Array.from(
      { length: n },
      () => add(centre, scale(randomDir(r), spread * r())) as BodyVec3,
    );
    const from = randomDir(r);
    if (Math.abs(from[1]) > 0.99) continue;
    const fov = 20 + r() * 50;
    const aspect = 0.4 + r() * 2;
    const fill = 0.6 + r() * 0.4;
    it(`trial ${trial}: every point in view at the distance, one at the edge`, () => {
      const d = fitDistance(points, centre, from, fov, aspect, fill);
      expect(inFrustum(points, centre, from, d, fov, aspect, fill)).toBe(true);
      // tight: a little nearer, some point leaves the frame (or passes behind the camera)
      expect(inFrustum(points, centre, from, d * 0.97, fov, aspect, fill)).toBe(false);
    });
  }
});

describe('framePoints', () => {
  it('its box corners hold every point, and the centre is the middle of the view', () => {
    const r = rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const pts = Array.from({ length: 20 }, () => [r(), r() * 2, r() - 0.5] as BodyVec3);
      const from = randomDir(r);
      if (Math.abs(from[1]) > 0.99) continue;
      const f = framePoints(pts, from, { margin: 0, minHalf: 0 });
      const { right, up } = viewBasis(from);
      for (const axis of [right, up, f.from]) {
        const proj = pts.map((p) => dot(p, axis));
        const corners = f.fit.map((p) => dot(p, axis));
        expect(Math.min(...corners)).toBeLessThanOrEqual(Math.min(...proj) + 1e-9);
        expect(Math.max(...corners)).toBeGreaterThanOrEqual(Math.max(...proj) - 1e-9);
        const c = dot(f.center, axis);
        expect(c).toBeCloseTo((Math.min(...proj) + Math.max(...proj)) / 2, 9);
      }
      // holding the corners holds the points
      const d = fitDistance(f.fit, f.center, f.from, 35, 1.6);
      expect(inFrustum(pts, f.center, f.from, d, 35, 1.6, 0.9)).toBe(true);
    }
  });

  it('a narrow (phone) view backs off further than a wide one for a wide zone', () => {
    const pts: BodyVec3[] = [
      [-0.3, 1, 0],
      [0.3, 1, 0],
      [0, 1.1, 0],
    ];
    const f = framePoints(pts, [0, 0, 1]);
    const wide = fitDistance(f.fit, f.center, f.from, 35, 1.6);
    const phone = fitDistance(f.fit, f.center, f.from, 35, 390 / 600);
    expect(phone).toBeGreaterThan(wide * 2);
  });

  it('refuses nothing to frame', () => {
    expect(() => framePoints([], [0, 0, 1])).toThrow(/nothing to frame/);
  });
});

describe('sphereDistance', () => {
  it('holds the sphere in the narrower angle', () => {
    const r = rng(3);
    for (let k = 0; k < 30; k++) {
      const radius = 0.05 + r();
      const fov = 20 + r() * 50;
      const aspect = 0.4 + r() * 2;
      const d = sphereDistance(radius, fov, aspect);
      // brute force: points on the sphere's rim across the view all project inside
      const rim: BodyVec3[] = [];
      for (let a = 0; a < 64; a++) {
        const t = (a / 64) * Math.PI * 2;
        rim.push([radius * Math.cos(t), 1 + radius * Math.sin(t), 0]);
      }
      // the rim of a sphere seen in perspective lies a little nearer than its equator
      expect(inFrustum(rim, [0, 1, 0], [0, 0, 1], d, fov, aspect, 1)).toBe(true);
    }
  });
});

describe('facingDirection and candidates', () => {
  it('faces the mean normal, lifted; falls back when normals cancel', () => {
    const f = facingDirection(
      [
        [1, 0, 0],
        [1, 0, 0],
      ],
      [0, 0, 1],
      0,
    );
    expect(f).toEqual([1, 0, 0]);
    const g = facingDirection(
      [
        [0, 0, 1],
        [0, 0, -1],
      ],
      [0, 0, 1],
      0.2,
    );
    expect(g[2]).toBeGreaterThan(0.9);
    expect(g[1]).toBeGreaterThan(0);
  });

  it('tries the preferred view first, then ones round it, all unit length', () => {
    const c = candidateDirections([0, 0, 1]);
    expect(c[0]![2]).toBeCloseTo(1, 9);
    for (const d of c) expect(length(d)).toBeCloseTo(1, 9);
    expect(new Set(c.map((d) => d.map((x) => x.toFixed(3)).join())).size).toBe(c.length);
  });
});

describe('projectToView against three', () => {
  it("puts points where three's camera projects them", () => {
    const r = rng(11);
    for (let k = 0; k < 50; k++) {
      const target: BodyVec3 = [r() - 0.5, r() * 2, r() - 0.5];
      const from = randomDir(r);
      if (Math.abs(from[1]) > 0.99) continue;
      const eye = add(target, scale(from, 0.5 + r() * 2));
      const fov = 20 + r() * 50;
      const aspect = 0.5 + r() * 1.5;
      const cam = new PerspectiveCamera(fov, aspect, 0.001, 100);
      cam.position.set(...eye);
      cam.up.set(...viewBasis(from).up);
      cam.lookAt(new Vector3(...target));
      cam.updateMatrixWorld(true);
      const p: BodyVec3 = add(target, scale(randomDir(r), r() * 0.3));
      const v = new Vector3(...p).project(cam);
      const mine = projectToView(p, eye, target, fov, aspect)!;
      expect(mine.x).toBeCloseTo(v.x, 6);
      expect(mine.y).toBeCloseTo(v.y, 6);
    }
    expect(projectToView([0, 0, 5], [0, 0, 1], [0, 0, 0], 35, 1)).toBeNull();
  });
});

describe('fitInWindow: the points held in the band a caption leaves clear', () => {
  it('every point lands inside the band, as three projects them', () => {
    const r = rng(99);
    for (let trial = 0; trial < 40; trial++) {
      const centre: BodyVec3 = [r() - 0.5, 0.5 + r(), r() - 0.5];
      const pts = Array.from({ length: 12 }, () => add(centre, scale(randomDir(r), 0.3 * r())));
      const from = randomDir(r);
      if (Math.abs(from[1]) > 0.95) continue;
      const f = framePoints(pts, from);
      const bottom = -1 + r() * 0.9;
      const window = { bottom, top: 1 - r() * 0.3 };
      const aspect = 0.5 + r() * 1.5;
      const { distance, target } = fitInWindow(f.fit, f.center, f.from, 35, aspect, window, 0.9);
      const place = (d: number, t: BodyVec3) => {
        const cam = new PerspectiveCamera(35, aspect, 0.001, 100);
        cam.position.set(...add(t, scale(f.from, d)));
        cam.up.set(0, 1, 0);
        cam.lookAt(new Vector3(...t));
        cam.updateMatrixWorld(true);
        return pts.map((p) => new Vector3(...p).project(cam));
      };
      const mid = (window.top + window.bottom) / 2;
      const half = ((window.top - window.bottom) / 2) * 0.9;
      for (const v of place(distance, target)) {
        expect(Math.abs(v.y - mid)).toBeLessThanOrEqual(half + 1e-6);
        expect(Math.abs(v.x)).toBeLessThanOrEqual(0.9 + 1e-6);
      }
    }
  });

  it('the whole view as the band is the plain fit', () => {
    const pts: BodyVec3[] = [
      [-0.2, 1, 0],
      [0.2, 1.3, 0.05],
    ];
    const f = framePoints(pts, [0, 0, 1]);
    const w = fitInWindow(f.fit, f.center, f.from, 35, 1.4, { bottom: -1, top: 1 }, 0.9);
    expect(w.distance).toBeCloseTo(fitDistance(f.fit, f.center, f.from, 35, 1.4, 0.9), 4);
    expect(w.target).toEqual(f.center);
  });

  it('a caption over the lower third moves the target down, so the points sit higher', () => {
    const pts: BodyVec3[] = [
      [0, 1, 0],
      [0, 1.2, 0],
    ];
    const f = framePoints(pts, [0, 0, 1]);
    const w = fitInWindow(f.fit, f.center, f.from, 35, 1.4, { bottom: -1 / 3, top: 1 }, 0.9);
    expect(w.target[1]).toBeLessThan(f.center[1]);
    expect(w.distance).toBeGreaterThan(fitDistance(f.fit, f.center, f.from, 35, 1.4, 0.9));
  });
});
