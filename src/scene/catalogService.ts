/**
 * The catalog on the loaded model, for the scene and panels: every trigger point placed inside
 * its muscle (both sides) and every region realised as a patch of the skin. Computed once per
 * model and cached.
 */
import { useMemo } from 'react';
import type { MeshData } from '../domain/body/glb.ts';
import { browserCatalog } from '../domain/catalog/browser.ts';
import type { CatalogSide } from '../domain/catalog/load.ts';
import { placeTriggerPoint, type Placement } from '../domain/catalog/placement.ts';
import type { NeedleBody } from '../domain/needle/simulate.ts';
import { regionPatches, type RegionPatch } from '../domain/regions/patches.ts';
import { useStore } from '../store/index.ts';

export const refKey = (id: string, side: CatalogSide) => `${id}:${side}`;

const placementsCache = new WeakMap<NeedleBody, Map<string, Placement>>();

/** Every trigger point placed on the model, keyed `id:side` (points the model cannot place are absent). */
export function usePlacements(body: NeedleBody | null): ReadonlyMap<string, Placement> | null {
  const manifest = useStore((s) => s.manifest);
  return useMemo(() => {
    if (!body || !manifest) return null;
    const hit = placementsCache.get(body);
    if (hit) return hit;
    const out = new Map<string, Placement>();
    for (const t of browserCatalog().triggerPoints)
      for (const side of ['left', 'right'] as const) {
        const p = placeTriggerPoint(t, side, manifest.landmarks, body.index);
        if (p) out.set(refKey(t.id, side), p);
      }
    placementsCache.set(body, out);
    return out;
  }, [body, manifest]);
}

const patchCache = new WeakMap<MeshData, Map<string, RegionPatch>>();

/** The regions' patches on a skin mesh (computed once per mesh). */
export function patchesFor(
  skin: MeshData,
  landmarks: Parameters<typeof regionPatches>[2],
  fat?: MeshData,
): ReadonlyMap<string, RegionPatch> {
  let patches = patchCache.get(skin);
  if (!patches) {
    patches = regionPatches(skin, browserCatalog().regions, landmarks, fat);
    patchCache.set(skin, patches);
  }
  return patches;
}

/** The regions' patches on the current skin. */
export function usePatches(): { skin: MeshData; patches: ReadonlyMap<string, RegionPatch> } | null {
  const meshes = useStore((s) => s.meshes);
  const manifest = useStore((s) => s.manifest);
  return useMemo(() => {
    const skin = meshes?.find((m) => m.id === 'skin');
    if (!skin || !manifest) return null;
    const fat = meshes?.find((m) => m.id === 'subcutaneous-fat');
    return { skin, patches: patchesFor(skin, manifest.landmarks, fat) };
  }, [meshes, manifest]);
}

/** Zone colours, one per shown trigger point (after the atlas convention of red first). */
export const ZONE_COLORS = ['#e8322b', '#2f7df6', '#f0a11c', '#9b4dd8'] as const;
