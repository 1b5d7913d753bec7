import { useEffect } from 'react';
import { loadHabitus } from '../scene/loadModel.ts';
import { sceneRegistry } from '../scene/registry.ts';
import { useStore, type Full } from '../store/index.ts';
import { decodeView, encodeView, type ViewState } from './urlState.ts';

function viewOf(s: Full): ViewState {
  const n = s.needleEntry;
  const cam = sceneRegistry.camera?.pose();
  return {
    mode: s.mode,
    selectedId: s.selectedId,
    layers: s.layers,
    xray: s.xray,
    zones: [...s.zoneTriggers],
    pain: [...s.painRegions],
    habitus: s.habitus,
    ...(n
      ? {
          needle: {
            entry: [...n.point],
            inward: [...n.inward],
            tiltDeg: s.needleTiltDeg,
            azimuthDeg: s.needleAzimuthDeg,
            depthMm: s.needleDepthMm,
            lengthMm: s.needleLengthMm,
          },
        }
      : {}),
    ...(cam ? { camera: cam } : {}),
  };
}

function apply(view: ViewState): void {
  const s = useStore.getState();
  if (view.layers) s.layersRestored(view.layers);
  if (view.xray && !s.xray) s.xrayToggled();
  if (view.selectedId && s.structuresById[view.selectedId]) s.structureSelected(view.selectedId);
  for (const z of [...(view.zones ?? [])].reverse()) s.triggerPointSelected(z, true);
  for (const p of view.pain ?? []) s.painRegionAdded(p);
  if (view.needle) {
    const n = view.needle;
    s.needlePlaced({ point: n.entry, inward: n.inward });
    s.needleLengthChosen(n.lengthMm);
    s.needleAimed(n.tiltDeg, n.azimuthDeg);
    s.needleDepthSet(n.depthMm);
  }
  if (view.mode) s.modeChosen(view.mode);
  if (view.habitus && view.habitus !== 'average') void loadHabitus(view.habitus);
  if (view.camera) sceneRegistry.camera?.setPose(view.camera.position, view.camera.target);
}

/**
 * Keeps the view in the URL's hash (replaceState, so Back is not flooded) and, once the model is
 * ready, opens the view a shared link describes. A malformed part of a link is skipped with a
 * console warning; the rest still opens.
 */
export function useUrlState(): void {
  const ready = useStore((s) => s.modelPhase === 'ready');
  useEffect(() => {
    if (!ready) return;
    const { view, skipped } = decodeView(location.hash);
    if (skipped.length > 0)
      console.warn(
        `Needlewise: the link's ${skipped.join(', ')} could not be read and was skipped`,
      );
    // once the scene has drawn the body (the ready signal) its camera can take the link's pose
    let t: ReturnType<typeof setTimeout>;
    const whenScene = () => {
      if (document.body.dataset.sceneReady === 'true' && sceneRegistry.camera) apply(view);
      else t = setTimeout(whenScene, 100);
    };
    t = setTimeout(whenScene, 0);
    let last = '';
    const write = () => {
      const hash = encodeView(viewOf(useStore.getState()));
      if (hash === last) return;
      last = hash;
      history.replaceState(null, '', `${location.pathname}${location.search}#${hash}`);
    };
    let pending: ReturnType<typeof setTimeout> | undefined;
    const unsub = useStore.subscribe(() => {
      clearTimeout(pending);
      pending = setTimeout(write, 400);
    });
    // the camera moves outside the store: look at it now and then
    const poll = setInterval(write, 1500);
    return () => {
      clearTimeout(t);
      clearTimeout(pending);
      clearInterval(poll);
      unsub();
    };
  }, [ready]);
}
