import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createFull, snapshot, type Full } from '../../src/store/index.ts';
import { MAX_STROKES } from '../../src/store/teachSlice.ts';
import { LAYER_DEFAULTS } from '../../src/store/layers.ts';
import type { Manifest } from '../../src/domain/body/manifest.ts';

const fresh = () => create<Full>()(createFull);

const manifest: Manifest = {
  version: 'test-1',
  units: 'm',
  body: { sex: 'male', statureMm: 1756, source: 'test' },
  structures: [
    {
      id: 'deltoid-left',
      name: 'Deltoid',
      kind: 'muscle',
      side: 'left',
      closed: true,
      triangles: 10,
      volumeCm3: 300,
    },
    {
      id: 'sternum',
      name: 'Sternum',
      kind: 'bone',
      side: 'midline',
      closed: true,
      triangles: 10,
      volumeCm3: 40,
    },
  ],
  landmarks: {},
};

describe('model slice', () => {
  it('walks manifest → downloading → parsing → ready and bumps the revision', () => {
    const store = fresh();
    const s = store.getState();
    s.modelLoadStarted();
    expect(store.getState().modelPhase).toBe('manifest');
    s.manifestLoaded(manifest);
    expect(store.getState().modelPhase).toBe('downloading');
    expect(store.getState().structuresById['sternum']?.name).toBe('Sternum');
    s.modelBytesReceived(500, 1000);
    expect(store.getState().bytesReceived).toBe(500);
    s.modelDownloaded();
    expect(store.getState().modelPhase).toBe('parsing');
    s.modelLoaded([]);
    expect(store.getState().modelPhase).toBe('ready');
    expect(store.getState().modelRevision).toBe(1);
  });

  it('a failed load keeps the URL and status', () => {
    const store = fresh();
    store.getState().modelLoadFailed({ message: 'nope', url: '/models/body.glb', status: 404 });
    expect(store.getState().modelPhase).toBe('error');
    expect(store.getState().modelError).toEqual({
      message: 'nope',
      url: '/models/body.glb',
      status: 404,
    });
  });

  it('a new load clears the previous error and geometry', () => {
    const store = fresh();
    store.getState().modelLoaded([]);
    store.getState().modelLoadFailed({ message: 'x', url: 'u' });
    store.getState().modelLoadStarted();
    expect(store.getState().modelError).toBeNull();
    expect(store.getState().meshes).toBeNull();
  });
});

describe('selection slice', () => {
  it('hiding the selected structure clears the selection and the isolation', () => {
    const store = fresh();
    store.getState().structureIsolated('deltoid-left');
    expect(store.getState().selectedId).toBe('deltoid-left');
    store.getState().structureHidden('deltoid-left');
    const s = store.getState();
    expect(s.hiddenIds).toEqual({ 'deltoid-left': true });
    expect(s.selectedId).toBeNull();
    expect(s.isolatedId).toBeNull();
  });

  it('isolating a hidden structure shows it again', () => {
    const store = fresh();
    store.getState().structureHidden('sternum');
    store.getState().structureIsolated('sternum');
    expect(store.getState().hiddenIds).toEqual({});
  });

  it('show all clears hidden and isolated', () => {
    const store = fresh();
    store.getState().structureHidden('sternum');
    store.getState().structureIsolated('deltoid-left');
    store.getState().allStructuresShown();
    expect(store.getState().hiddenIds).toEqual({});
    expect(store.getState().isolatedId).toBeNull();
  });

  it('focusing the same structure twice makes two distinct requests', () => {
    const store = fresh();
    store.getState().structureFocused('sternum');
    const first = store.getState().focusRequest;
    store.getState().structureFocused('sternum');
    expect(store.getState().focusRequest).not.toBe(first);
    expect(store.getState().focusRequest?.nonce).toBe(2);
  });

  it('hovering the same structure again does not notify subscribers', () => {
    const store = fresh();
    store.getState().structureHovered('sternum');
    let calls = 0;
    const unsub = store.subscribe(() => calls++);
    store.getState().structureHovered('sternum');
    unsub();
    expect(calls).toBe(0);
  });
});

describe('view slice', () => {
  it('toggling a layer flips only that layer', () => {
    const store = fresh();
    store.getState().layerToggled('fat');
    expect(store.getState().layers.fat.visible).toBe(true);
    expect(store.getState().layers.skin).toEqual(LAYER_DEFAULTS.skin);
  });

  it('opacity is clamped to 0…1 and raising it shows a hidden layer', () => {
    const store = fresh();
    store.getState().layerOpacityChanged('fat', 1.7);
    expect(store.getState().layers.fat).toEqual({ visible: true, opacity: 1 });
    store.getState().layerOpacityChanged('skin', -1);
    expect(store.getState().layers.skin.opacity).toBe(0);
  });

  it('reset restores default layers and turns X-ray off', () => {
    const store = fresh();
    store.getState().xrayToggled();
    store.getState().layerToggled('muscles');
    store.getState().layersReset();
    expect(store.getState().xray).toBe(false);
    expect(store.getState().layers).toEqual(LAYER_DEFAULTS);
  });

  it('choosing the same camera preset twice makes two requests', () => {
    const store = fresh();
    store.getState().cameraPresetChosen('back');
    store.getState().cameraPresetChosen('back');
    expect(store.getState().cameraRequest).toEqual({ preset: 'back', nonce: 2 });
  });

  it('drawer toggles flip or set explicitly', () => {
    const store = fresh();
    store.getState().leftDrawerToggled();
    expect(store.getState().leftDrawerOpen).toBe(true);
    store.getState().leftDrawerToggled(true);
    expect(store.getState().leftDrawerOpen).toBe(true);
    store.getState().leftDrawerToggled(false);
    expect(store.getState().leftDrawerOpen).toBe(false);
  });
});

describe('snapshot', () => {
  it('is JSON-safe and leaves out geometry', () => {
    const store = fresh();
    store.getState().manifestLoaded(manifest);
    store
      .getState()
      .modelLoaded([
        { id: 'sternum', positions: new Float32Array(9), indices: new Uint32Array(3) },
      ]);
    store.getState().structureHidden('sternum');
    const snap = snapshot(store.getState());
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.hiddenIds).toEqual(['sternum']);
    expect(snap.modelVersion).toBe('test-1');
    expect('meshes' in snap).toBe(false);
  });
});

describe('teach slice', () => {
  const tour = {
    format: 'needlewise-tour' as const,
    version: 1 as const,
    id: 't',
    title: 'T',
    description: 'D',
    sources: [],
    steps: [
      { title: 'a', caption: 'a' },
      { title: 'b', caption: 'b' },
      { title: 'c', caption: 'c' },
    ],
  };

  it('steps a tour within its steps', () => {
    const s = fresh();
    s.getState().tourStepped(2); // no tour: nothing happens
    expect(s.getState().tourStep).toBe(0);
    s.getState().tourStarted(tour);
    s.getState().tourStepped(5);
    expect(s.getState().tourStep).toBe(2);
    s.getState().tourStepped(-3);
    expect(s.getState().tourStep).toBe(0);
    s.getState().tourStarted(null);
    expect(snapshot(s.getState()).tour).toBeNull();
  });

  it('ending a tour clears the selection its step made, not one the user made', () => {
    const s = fresh();
    const selecting = { ...tour, steps: [{ title: 'a', caption: 'a', selected: 'deltoid-l' }] };
    s.getState().tourStarted(selecting);
    s.getState().structureSelected('deltoid-l'); // as the step applies it
    s.getState().tourStarted(null);
    expect(s.getState().selectedId).toBeNull();
    s.getState().tourStarted(selecting);
    s.getState().structureSelected('trapezius-r'); // the user picks another one
    s.getState().tourStarted(null);
    expect(s.getState().selectedId).toBe('trapezius-r');
  });

  it('draws strokes point by point, keeps at most MAX_STROKES, and clears them with one event', () => {
    const s = fresh();
    s.getState().strokeExtended([0, 1, 0]); // no stroke yet: ignored
    expect(s.getState().strokes).toEqual([]);
    s.getState().strokeStarted([0, 1, 0]);
    s.getState().strokeExtended([0, 1.01, 0]);
    expect(s.getState().strokes).toEqual([
      [
        [0, 1, 0],
        [0, 1.01, 0],
      ],
    ]);
    for (let i = 0; i < MAX_STROKES + 5; i++) s.getState().strokeStarted([i, 0, 0]);
    expect(s.getState().strokes).toHaveLength(MAX_STROKES);
    expect(s.getState().strokes.at(-1)).toEqual([[MAX_STROKES + 4, 0, 0]]);
    s.getState().annotationsCleared();
    expect(s.getState().strokes).toEqual([]);
  });
});
