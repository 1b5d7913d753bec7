/**
 * Where the camera goes to show a trigger point's referral zone or one region of the skin: the
 * middle of the regions' patches (and the point's spot on the skin, when placed), from the side
 * the first region faces. Explore's trigger point panel and the search box fly there.
 */
import { browserCatalog } from '../domain/catalog/browser.ts';
import { regionIdsFor } from '../domain/catalog/load.ts';
import { viewDirection, type RegionPatch } from '../domain/regions/patches.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { useStore } from '../store/index.ts';
import type { SelectionSlice } from '../store/selectionSlice.ts';
import type { TriggerRef } from '../store/triggerSlice.ts';
import { patchesFor } from './catalogService.ts';

export type FocusAt = NonNullable<NonNullable<SelectionSlice['focusRequest']>['at']>;
type Patches = ReadonlyMap<string, RegionPatch>;

/** The regions' patches on the loaded skin, or null before the body has loaded. */
export function currentPatches(): Patches | null {
  const { meshes, manifest } = useStore.getState();
  const skin = meshes?.find((m) => m.id === 'skin');
  if (!skin || !manifest) return null;
  const fat = meshes?.find((m) => m.id === 'subcutaneous-fat');
  return patchesFor(skin, manifest.landmarks, fat);
}

/** A view of some regions (and extra points), from the side the first region faces. */
function regionsFocus(
  regionIds: readonly string[],
  patches: Patches,
  side: 'left' | 'right' | null,
  extra: readonly BodyVec3[] = [],
): FocusAt | null {
  const pts = [
    ...regionIds.flatMap((id) => {
      const patch = patches.get(id);
      return patch ? [patch.centre] : [];
    }),
    ...extra,
  ];
  if (pts.length === 0) return null;
  const centre = [0, 1, 2].map((k) => pts.reduce((a, q) => a + q[k]!, 0) / pts.length) as [
    number,
    number,
    number,
  ];
  const radius = Math.max(0.12, ...pts.map((q) => Math.hypot(...q.map((x, k) => x - centre[k]!))));
  const region = browserCatalog().regions.find((r) => r.id === regionIds[0]);
  const from = region ? viewDirection(region.view, region.side) : ([0, 0, 1] as const);
  // a little from the point's own side, above and in front, so the zone is seen at a slant
  const lean = side === 'left' ? 0.3 : side === 'right' ? -0.3 : 0;
  return {
    center: centre,
    radius: radius * 1.3,
    from: [from[0] + lean, from[1] + 0.15, from[2] + 0.4],
  };
}

/** The view of a trigger point's essential zone and, when given, its spot on the skin. */
export function zoneFocus(ref: TriggerRef, patches: Patches, skinSpot?: BodyVec3): FocusAt | null {
  const c = browserCatalog();
  const t = c.triggerPoints.find((x) => x.id === ref.id);
  if (!t) return null;
  const ids = regionIdsFor(t.referral.essential, ref.side, c.regions);
  return regionsFocus(ids, patches, ref.side, skinSpot ? [skinSpot] : []);
}

/** The view of one region of the skin. */
export function regionFocus(regionId: string, patches: Patches): FocusAt | null {
  const r = browserCatalog().regions.find((x) => x.id === regionId);
  return regionsFocus([regionId], patches, r && r.side !== 'midline' ? r.side : null);
}

/** Flies the camera to a trigger point's zone (nothing before the body has loaded). */
export function flyToTriggerPoint(ref: TriggerRef): void {
  const patches = currentPatches();
  const at = patches && zoneFocus(ref, patches);
  if (at) useStore.getState().placeFocused(at);
}

/** Flies the camera to a region of the skin (nothing before the body has loaded). */
export function flyToRegion(regionId: string): void {
  const patches = currentPatches();
  const at = patches && regionFocus(regionId, patches);
  if (at) useStore.getState().placeFocused(at);
}
