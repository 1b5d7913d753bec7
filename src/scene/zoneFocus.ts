/**
 * "Frame this": where the camera goes to show a referral zone (a trigger point's, a
 * name-the-muscle question's, one region of the skin): the whole pattern on the skin and the
 * point's spot in shot, the head too when the pattern reaches the neck, seen from the side the
 * pattern faces and from a view no limb stands in front of. Explore's trigger point panel, the
 * search box, the quiz, tours and the printable chart all frame a zone through here.
 */
import { browserCatalog } from '../domain/catalog/browser.ts';
import type { Framing } from '../domain/regions/frame.ts';
import {
  essentialRegions,
  regionsFraming,
  triggerSpot,
  zoneFraming,
  type ZoneWorld,
} from '../domain/regions/zoneFrame.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { useStore } from '../store/index.ts';
import type { SelectionSlice } from '../store/selectionSlice.ts';
import type { TriggerRef } from '../store/triggerSlice.ts';
import { CAMERA_FOV_DEG } from './cameraPresets.ts';
import { patchesFor } from './catalogService.ts';
import { afterNeedleBody, currentNeedleBody } from './needleService.ts';

export type FocusAt = NonNullable<NonNullable<SelectionSlice['focusRequest']>['at']>;

/** The loaded model's zone world, or null before the body has loaded. */
export function currentZoneWorld(): ZoneWorld | null {
  const { meshes, manifest } = useStore.getState();
  const skin = meshes?.find((m) => m.id === 'skin');
  if (!skin || !manifest) return null;
  const fat = meshes?.find((m) => m.id === 'subcutaneous-fat');
  return {
    catalog: browserCatalog(),
    skin,
    patches: patchesFor(skin, manifest.landmarks, fat),
    landmarks: manifest.landmarks,
    index: currentNeedleBody()?.index ?? null,
    fovDeg: CAMERA_FOV_DEG,
  };
}

/** A framing as the camera rig takes it. */
export function focusOf(f: Framing): FocusAt {
  return { center: f.center, radius: f.radius, from: f.from, fit: f.fit };
}

/** The view of a trigger point's zone and spot (null before the body has loaded). */
export function zoneFocus(ref: TriggerRef): FocusAt | null {
  const world = currentZoneWorld();
  const f = world && zoneFraming(world, ref);
  return f ? focusOf(f) : null;
}

/**
 * The view of several trigger points' zones and spots at once (a tour step's), from `from` when
 * given (the step author's side), else from the side the zones face.
 */
export function zonesFocus(refs: readonly TriggerRef[], from?: BodyVec3): FocusAt | null {
  const world = currentZoneWorld();
  if (!world || refs.length === 0) return null;
  const ids = [...new Set(refs.flatMap((r) => essentialRegions(world, r)))];
  const spots = refs.flatMap((r) => triggerSpot(world, r) ?? []);
  const f = regionsFraming(world, ids, refs[0]!.side, spots, from);
  return f ? focusOf(f) : null;
}

/** The view of one region of the skin. */
export function regionFocus(regionId: string): FocusAt | null {
  const world = currentZoneWorld();
  const r = browserCatalog().regions.find((x) => x.id === regionId);
  const f = world && regionsFraming(world, [regionId], r && r.side !== 'midline' ? r.side : null);
  return f ? focusOf(f) : null;
}

/**
 * Flies to a framing now and, when the body's index (which places the point and checks the
 * line of sight) is still being built, once more when it is ready, unless the camera has been
 * sent elsewhere meanwhile.
 */
function flyFramed(make: () => FocusAt | null): void {
  const s = useStore.getState();
  const at = make();
  if (at) s.placeFocused(at);
  if (currentNeedleBody()) return;
  const nonce = useStore.getState().focusRequest?.nonce;
  afterNeedleBody(() => {
    if (useStore.getState().focusRequest?.nonce !== nonce) return;
    const again = make();
    if (again) useStore.getState().placeFocused(again);
  });
}

/** Flies the camera to a trigger point's zone (nothing before the body has loaded). */
export function flyToTriggerPoint(ref: TriggerRef): void {
  flyFramed(() => zoneFocus(ref));
}

/** Flies the camera to a region of the skin (nothing before the body has loaded). */
export function flyToRegion(regionId: string): void {
  flyFramed(() => regionFocus(regionId));
}
