import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createFull, type Full } from '../../src/store/index.ts';
import { LAYER_DEFAULTS } from '../../src/store/layers.ts';

const fresh = () => create<Full>()(createFull);
const ut = { id: 'upper-trapezius-trp1', side: 'left' } as const;
const inf = { id: 'infraspinatus-trp1', side: 'right' } as const;

describe('the skin while a zone is shown', () => {
  it('goes opaque with the first zone and back when the last goes', () => {
    const s = fresh();
    expect(s.getState().layers.skin).toEqual(LAYER_DEFAULTS.skin);
    s.getState().triggerPointSelected(ut);
    expect(s.getState().layers.skin).toEqual({ visible: true, opacity: 1 });
    s.getState().triggerPointSelected(inf, true);
    s.getState().triggerPointRemoved(ut);
    expect(s.getState().layers.skin.opacity).toBe(1);
    s.getState().triggerPointRemoved(inf);
    expect(s.getState().layers.skin).toEqual(LAYER_DEFAULTS.skin);
    expect(s.getState().zoneSkinBefore).toBeNull();
  });

  it('a hidden skin is shown for the zone and hidden again after', () => {
    const s = fresh();
    s.getState().layerToggled('skin');
    expect(s.getState().layers.skin.visible).toBe(false);
    s.getState().triggerPointSelected(ut);
    expect(s.getState().layers.skin.visible).toBe(true);
    s.getState().zonesCleared();
    expect(s.getState().layers.skin).toEqual({ ...LAYER_DEFAULTS.skin, visible: false });
  });

  it("the user's skin, set while a zone is shown, stays when the zone goes", () => {
    const s = fresh();
    s.getState().triggerPointSelected(ut);
    s.getState().layerOpacityChanged('skin', 0.4);
    expect(s.getState().layers.skin.opacity).toBe(0.4);
    s.getState().zonesCleared();
    expect(s.getState().layers.skin.opacity).toBe(0.4);
  });

  it('a step or link restoring layers after its zones keeps its own skin', () => {
    const s = fresh();
    s.getState().triggerPointSelected(ut, true);
    s.getState().layersRestored({ skin: { visible: true, opacity: 0.35 } });
    expect(s.getState().layers.skin.opacity).toBe(0.35);
    s.getState().zonesCleared();
    expect(s.getState().layers.skin.opacity).toBe(0.35);
  });

  it("a name-the-muscle question's pattern counts as a zone", () => {
    const s = fresh();
    s.getState().quizZoneShown({ essential: ['temple-left'], spillover: [] });
    expect(s.getState().layers.skin.opacity).toBe(1);
    s.getState().zonesCleared();
    expect(s.getState().layers.skin).toEqual(LAYER_DEFAULTS.skin);
  });

  it('an opaque skin is left alone and nothing is remembered', () => {
    const s = fresh();
    s.getState().layerOpacityChanged('skin', 1);
    s.getState().triggerPointSelected(ut);
    expect(s.getState().zoneSkinBefore).toBeNull();
    s.getState().zonesCleared();
    expect(s.getState().layers.skin).toEqual({ visible: true, opacity: 1 });
  });
});
