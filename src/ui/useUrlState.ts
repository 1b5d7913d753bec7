import { useEffect } from 'react';
import { browserCatalog } from '../domain/catalog/browser.ts';
import { loadHabitus } from '../scene/loadModel.ts';
import { sceneRegistry } from '../scene/registry.ts';
import { useStore, type Full } from '../store/index.ts';
import { decodeView, encodeView, type ViewState } from './urlState.ts';

function viewOf(s: Full): ViewState {
  const n = s.needleEntry;
  const cam = sceneRegistry.camera?.pose();
  // while a quiz runs the view holds its question (a painted zone names its trigger point):
  // nothing of it goes into the URL, where a student could read the answer
  if (s.quizSession && s.quizSession.finishedAt === null)
    return { mode: s.mode, layers: s.layers, xray: s.xray, habitus: s.habitus };
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

/**
 * Opens a link's view. Ids the model or the catalog does not know (a typo, a link from another
 * version, a made-up "constructor") are skipped and returned, never applied: the state, and so
 * the hash written back from it, only ever holds known ids.
 */
export function apply(view: ViewState): string[] {
  const s = useStore.getState();
  const c = browserCatalog();
  const regions = new Set(c.regions.map((r) => r.id));
  const points = new Set(c.triggerPoints.map((t) => t.id));
  const unknown: string[] = [];
  if (view.xray && !s.xray) s.xrayToggled();
  if (view.selectedId) {
    if (Object.hasOwn(s.structuresById, view.selectedId)) s.structureSelected(view.selectedId);
    else unknown.push(`structure ${view.selectedId}`);
  }
  for (const z of [...(view.zones ?? [])].reverse()) {
    if (points.has(z.id)) s.triggerPointSelected(z, true);
    else unknown.push(`trigger point ${z.id}`);
  }
  // the link's layers after its zones: a shown zone makes the skin opaque, the link's skin wins
  if (view.layers) s.layersRestored(view.layers);
  for (const p of view.pain ?? []) {
    if (regions.has(p)) s.painRegionAdded(p);
    else unknown.push(`region ${p}`);
  }
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
  return unknown;
}

/** What the user is told of a link's parts that were skipped (at most a few named). */
export function skippedNotice(
  malformed: readonly string[],
  unknown: readonly string[],
): string | null {
  const all = [...malformed.map((m) => `the ${m} part`), ...unknown];
  if (all.length === 0) return null;
  const named = all.slice(0, 4).join(', ');
  const more = all.length > 4 ? ` and ${all.length - 4} more` : '';
  return `This link asked for ${named}${more}, which this version of Needlewise does not know or could not read; the rest of the view opened.`;
}

/**
 * Keeps the view in the URL's hash (replaceState, so Back is not flooded) and, once the model is
 * ready, opens the view a shared link describes, again whenever the hash changes in an open tab.
 * A malformed part or an unknown id is skipped, and the user is told which; the rest opens.
 */
export function useUrlState(): void {
  const ready = useStore((s) => s.modelPhase === 'ready');
  useEffect(() => {
    if (!ready) return;
    let t: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    // opens the view a hash describes, once the scene has drawn the body (the ready signal), so
    // its camera can take the link's pose; tells the user what was skipped
    const open = (hash: string) => {
      const { view, skipped } = decodeView(hash);
      clearTimeout(t);
      const whenScene = () => {
        if (document.body.dataset.sceneReady === 'true' && sceneRegistry.camera) {
          const text = skippedNotice(skipped, apply(view));
          if (text) useStore.getState().appNoticeShown({ text, kind: 'info' });
        } else t = setTimeout(whenScene, 100);
      };
      t = setTimeout(whenScene, 0);
    };
    open(location.hash);
    const write = () => {
      const hash = encodeView(viewOf(useStore.getState()));
      if (hash === last) return;
      last = hash;
      history.replaceState(null, '', `${location.pathname}${location.search}#${hash}`);
    };
    // a link pasted into an open tab, or Back/Forward between hashes (replaceState fires no event)
    const onHash = () => {
      if (location.hash.replace(/^#/, '') !== last) open(location.hash);
    };
    window.addEventListener('hashchange', onHash);
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
      window.removeEventListener('hashchange', onHash);
      unsub();
    };
  }, [ready]);
}
