import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aimFrame, aimOf, directionFromAim, leanInWords } from '../../../src/domain/needle/aim.ts';
import { dot, norm } from '../../../src/domain/vec.ts';

const vec = fc
  .tuple(
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
  )
  .filter((v) => Math.hypot(...v) > 0.1)
  .map((v) => norm(v));

describe('needle aim', () => {
  it('tilt 0 is the inward normal whatever the azimuth', () => {
    const f = aimFrame([0, 0, -1]);
    for (const az of [0, 90, 200]) {
      const d = directionFromAim(f, 0, az);
      expect(dot(d, [0, 0, -1])).toBeCloseTo(1, 9);
    }
  });

  it("on the back, azimuth 0 leans cranial and 90 toward the patient's left", () => {
    const f = aimFrame([0, 0, 1]); // skin of the back faces posterior; inward is anterior
    const up = directionFromAim(f, 30, 0);
    expect(up[1]).toBeGreaterThan(0.4);
    const left = directionFromAim(f, 30, 90);
    expect(left[0]).toBeGreaterThan(0.4);
    expect(leanInWords(left, f, 'right')).toBe('leaning medial');
    expect(leanInWords(directionFromAim(f, 30, 180), f, 'left')).toBe('leaning caudal');
  });

  it('on top of the shoulder (normal pointing down) the frame is still defined', () => {
    const f = aimFrame([0, -1, 0]);
    expect(Math.hypot(...f.u)).toBeCloseTo(1, 9);
    expect(dot(f.u, f.inward)).toBeCloseTo(0, 9);
    expect(dot(f.v, f.u)).toBeCloseTo(0, 9);
  });

  it('aim round-trips: direction → tilt and azimuth → the same direction (property)', () => {
    fc.assert(
      fc.property(
        vec,
        fc.double({ min: 0, max: 85, noNaN: true }),
        fc.double({ min: 0, max: 359.9, noNaN: true }),
        (n, tilt, az) => {
          const f = aimFrame(n);
          const d = directionFromAim(f, tilt, az);
          const back = aimOf(f, d);
          expect(back.tiltDeg).toBeCloseTo(tilt, 6);
          const again = directionFromAim(f, back.tiltDeg, back.azimuthDeg);
          expect(dot(again, d)).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});
