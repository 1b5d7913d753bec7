import { describe, expect, it } from 'vitest';
import { appearanceOf, type AppearanceInput } from '../../src/scene/appearance.ts';
import { orientationLabels } from '../../src/scene/orientation.ts';
import { presetPose, BODY_TARGET } from '../../src/scene/cameraPresets.ts';
import { LAYER_DEFAULTS } from '../../src/store/layers.ts';

const base: AppearanceInput = {
  layers: LAYER_DEFAULTS,
  xray: false,
  selectedId: null,
  hoveredId: null,
  isolatedId: null,
  hiddenIds: {},
};
const deltoid = { id: 'deltoid-left', kind: 'muscle' } as const;
const skin = { id: 'skin', kind: 'skin' } as const;
const rib = { id: 'rib-5-left', kind: 'bone' } as const;
const pleura = { id: 'pleura-left', kind: 'pleura' } as const;

describe('appearance', () => {
  it('muscles are opaque and pickable by default', () => {
    const a = appearanceOf(deltoid, base);
    expect(a).toMatchObject({
      visible: true,
      opacity: 1,
      transparent: false,
      depthWrite: true,
      pickable: true,
    });
  });

  it('the faint default skin does not block picking of what is under it', () => {
    const a = appearanceOf(skin, base);
    expect(a.visible).toBe(true);
    expect(a.transparent).toBe(true);
    expect(a.depthWrite).toBe(false);
    expect(a.pickable).toBe(false);
  });

  it('fat is hidden by default', () => {
    expect(appearanceOf({ id: 'subcutaneous-fat', kind: 'fat' }, base).visible).toBe(false);
  });

  it('a hidden structure is not drawn even when selected', () => {
    const a = appearanceOf(deltoid, {
      ...base,
      hiddenIds: { 'deltoid-left': true },
      selectedId: 'deltoid-left',
    });
    expect(a.visible).toBe(false);
  });

  it('isolation hides other muscles and ghosts the bones', () => {
    const v = { ...base, isolatedId: 'trapezius-upper-left' };
    expect(appearanceOf(deltoid, v).visible).toBe(false);
    const bone = appearanceOf(rib, v);
    expect(bone.visible).toBe(true);
    expect(bone.opacity).toBeLessThan(0.5);
    expect(bone.pickable).toBe(false);
  });

  it('X-ray makes muscles translucent, keeps bones and dangers emphasised', () => {
    const v = { ...base, xray: true };
    const m = appearanceOf(deltoid, v);
    const b = appearanceOf(rib, v);
    const p = appearanceOf(pleura, v);
    expect(m.transparent && !m.depthWrite).toBe(true);
    expect(b.opacity).toBeGreaterThan(m.opacity);
    expect(p.opacity).toBeGreaterThan(m.opacity);
    expect(appearanceOf(skin, v).pickable).toBe(false);
  });

  it('the selected structure stays readable in X-ray', () => {
    const a = appearanceOf(deltoid, { ...base, xray: true, selectedId: 'deltoid-left' });
    expect(a.opacity).toBeGreaterThanOrEqual(0.85);
    expect(a.highlight).toBe(2);
  });

  it('skin draws after muscles when both are translucent', () => {
    const v = { ...base, xray: true };
    expect(appearanceOf(skin, v).renderOrder).toBeGreaterThan(appearanceOf(deltoid, v).renderOrder);
  });
});

describe('orientation labels', () => {
  const v = (x: number, y: number, z: number) => ({ x, y, z });

  it("front view: patient's right on the screen left", () => {
    expect(orientationLabels(v(0, 0, 1), v(1, 0, 0))).toEqual({
      view: 'Anterior view',
      screenLeft: "Patient's right",
      screenRight: "Patient's left",
    });
  });

  it("back view: patient's left on the screen left", () => {
    expect(orientationLabels(v(0, 0, -1), v(-1, 0, 0))).toEqual({
      view: 'Posterior view',
      screenLeft: "Patient's left",
      screenRight: "Patient's right",
    });
  });

  it("looking at the patient's left side: anterior is on the screen left", () => {
    expect(orientationLabels(v(1, 0, 0), v(0, 0, -1))).toEqual({
      view: 'Left lateral view',
      screenLeft: 'Anterior',
      screenRight: 'Posterior',
    });
  });

  it('from above', () => {
    expect(orientationLabels(v(0, 1, 0.01), v(1, 0, 0)).view).toBe('Superior view');
  });
});

describe('camera presets', () => {
  it('"left" looks at the patient\'s left side from +X (CONTRACTS §1)', () => {
    expect(presetPose('left').position[0]).toBeGreaterThan(1);
    expect(presetPose('right').position[0]).toBeLessThan(-1);
  });
  it('"front" stands anterior (+Z) and all presets look at the body', () => {
    expect(presetPose('front').position[2]).toBeGreaterThan(1);
    expect(presetPose('back').position[2]).toBeLessThan(-1);
    for (const p of ['front', 'back', 'left', 'right', 'top'] as const) {
      expect(presetPose(p).target).toEqual(BODY_TARGET);
      expect(presetPose(p).position[1]).toBeGreaterThan(0);
    }
  });
});
