/**
 * Guided tours on the body: a step is applied through the store's own events (camera, layers,
 * X-ray, zones, pain map, selection, needle, lung map), and the current view is captured as a
 * step for the tour editor. Nothing here knows about React.
 */
import { MathUtils } from 'three';
import type { TourLayers, TourStep } from '../domain/tours/schema.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { useStore } from '../store/index.ts';
import { LAYER_IDS } from '../store/layers.ts';
import { CAMERA_FOV_DEG } from './cameraPresets.ts';
import { snapNeedleTo } from './needleActions.ts';
import { currentNeedleBody } from './needleService.ts';
import { sceneRegistry } from './registry.ts';
import { zonesFocus } from './zoneFocus.ts';

/**
 * Shows a step. A needle step waits for the needle body (built once after the first frame);
 * returns what could not be shown, in words, or null.
 */
export function applyTourStep(step: TourStep): string | null {
  const s = useStore.getState();
  if ((step.xray ?? false) !== s.xray) s.xrayToggled();
  s.zonesCleared();
  for (const z of step.zones ?? [])
    s.triggerPointSelected({ id: z.triggerPointId, side: z.side }, true);
  // zones added in order put the last first: keep the step's order (its first in red)
  if (step.zones && step.zones.length > 1) {
    s.zonesCleared();
    for (const z of [...step.zones].reverse())
      s.triggerPointSelected({ id: z.triggerPointId, side: z.side }, true);
  }
  // the step's layers after its zones: a zone makes the skin opaque unless the step says
  // otherwise (see store/zoneSkin.ts)
  if (step.layers) {
    const layers: Partial<
      Record<(typeof LAYER_IDS)[number], { visible: boolean; opacity: number }>
    > = {};
    for (const id of LAYER_IDS) {
      const l = step.layers[id];
      if (l) layers[id] = l;
    }
    s.layersRestored(layers);
  }
  if (step.camera) {
    // a step that shows zones frames them whole ("frame this"), from the author's side
    const framed =
      step.zones?.length && !('preset' in step.camera)
        ? zonesFocus(
            step.zones.map((z) => ({ id: z.triggerPointId, side: z.side })),
            step.camera.from,
          )
        : null;
    if ('preset' in step.camera) s.cameraPresetChosen(step.camera.preset);
    else
      s.placeFocused(
        framed ?? {
          center: step.camera.center,
          radius: step.camera.radius,
          from: step.camera.from,
        },
      );
  }
  s.painCleared();
  for (const r of step.painRegions ?? []) s.painRegionAdded(r);
  s.structureSelected(step.selected ?? null);
  if ((step.lungMap ?? false) !== s.lungMap) s.lungMapToggled();
  if (!step.needle) {
    if (s.needleEntry) s.needleCleared();
    return null;
  }
  const body = currentNeedleBody();
  if (!body) return 'The needle appears once the body is ready (a second or two).';
  const missed = snapNeedleTo(body, step.needle, !step.camera);
  return missed;
}

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** The current view as a step (title and caption to be written by the author). */
export function captureStep(title: string, caption: string, demonstrate: boolean): TourStep {
  const s = useStore.getState();
  const pose = sceneRegistry.camera?.pose();
  let camera: TourStep['camera'];
  if (pose) {
    const [px, py, pz] = pose.position;
    const [tx, ty, tz] = pose.target;
    const d = Math.hypot(px - tx, py - ty, pz - tz) || 1;
    const radius = MathUtils.clamp(d * Math.sin(MathUtils.degToRad(CAMERA_FOV_DEG) / 2), 0.05, 2);
    const from: BodyVec3 = [r4((px - tx) / d), r4((py - ty) / d), r4((pz - tz) / d)];
    camera = { center: [r4(tx), r4(ty), r4(tz)], radius: r4(radius), from };
  }
  const layers: TourLayers = {};
  for (const id of LAYER_IDS)
    layers[id] = {
      visible: s.layers[id].visible,
      opacity: Math.round(s.layers[id].opacity * 100) / 100,
    };
  return {
    title,
    caption,
    ...(camera ? { camera } : {}),
    layers,
    xray: s.xray,
    ...(s.zoneTriggers.length
      ? { zones: s.zoneTriggers.map((z) => ({ triggerPointId: z.id, side: z.side })) }
      : {}),
    ...(s.painRegions.length ? { painRegions: [...s.painRegions] } : {}),
    ...(s.selectedId ? { selected: s.selectedId } : {}),
    ...(s.needleTarget
      ? {
          needle: {
            triggerPointId: s.needleTarget.triggerPointId,
            side: s.needleTarget.side,
            ...(demonstrate ? { demonstrate: true } : {}),
          },
        }
      : {}),
    ...(s.lungMap ? { lungMap: true } : {}),
  };
}
