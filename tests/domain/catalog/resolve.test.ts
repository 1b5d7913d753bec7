import type { Region, TrpAnchor } from '../../../src/domain/catalog/schema.ts';
import { describe, expect, it } from 'vitest';
import {
  directionVector,
  resolveAnchor,
  resolveRegionCentre,
  type LandmarkMap,
} from '../../../src/domain/catalog/resolve.ts';

const lm = (skin: [number, number, number]) => ({ bone: skin, skin });
const landmarks: LandmarkMap = {
  'c7-spinous-process': lm([0, 1.5, -0.08]),
  'acromion-left': lm([0.2, 1.45, -0.02]),
  'acromion-right': lm([-0.2, 1.45, -0.02]),
};
const round = (v: readonly number[] | null) => v && v.map((x) => Math.round(x * 1e6) / 1e6);

describe('resolveAnchor', () => {
  it('midpoint between C7 and the acromion on each side', () => {
    const a: TrpAnchor = {
      between: ['c7-spinous-process', 'acromion'],
      t: 0.5,
      structure: 'trapezius-upper',
    };
    expect(round(resolveAnchor(a, 'left', landmarks))).toEqual([0.1, 1.475, -0.05]);
    expect(round(resolveAnchor(a, 'right', landmarks))).toEqual([-0.1, 1.475, -0.05]);
  });

  it('a lateral offset mirrors: +X on the left, −X on the right', () => {
    const a: TrpAnchor = { at: 'acromion', offsetMm: [10, 20, -30], structure: 'deltoid' };
    expect(round(resolveAnchor(a, 'left', landmarks))).toEqual([0.21, 1.47, -0.05]);
    expect(round(resolveAnchor(a, 'right', landmarks))).toEqual([-0.21, 1.47, -0.05]);
  });

  it('a missing landmark gives null, not a guess', () => {
    expect(
      resolveAnchor({ at: 'nipple', structure: 'pectoralis-major' }, 'left', landmarks),
    ).toBeNull();
  });
});

describe('resolveRegionCentre', () => {
  it('mean of the landmarks plus the mirrored offset', () => {
    const region: Region = {
      id: 'angle-of-neck-right',
      name: 'Angle of the neck, right',
      side: 'right',
      view: 'posterior',
      anchor: {
        landmarks: ['c7-spinous-process', 'acromion'],
        offsetMm: [5, 0, 0],
        radiusMm: 20,
      },
    };
    expect(round(resolveRegionCentre(region, landmarks))).toEqual([-0.105, 1.475, -0.05]);
  });
});

describe('directionVector', () => {
  it('medial points toward the midline on each side', () => {
    expect(directionVector(['medial'], 'left')).toEqual([-1, 0, 0]);
    expect(directionVector(['medial'], 'right')).toEqual([1, 0, 0]);
  });
  it('inward depends on the skin normal and is left to the geometry', () => {
    expect(directionVector(['inward'], 'left')).toBeNull();
  });
});
