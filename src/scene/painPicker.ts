/** Adds the body region under a clicked point to the pain map. */
import { regionAtPoint } from '../domain/regions/patches.ts';
import type { BodyVec3 } from '../domain/units.ts';
import { useStore } from '../store/index.ts';
import { patchesFor } from './catalogService.ts';

export function paintAt(point: BodyVec3): void {
  const s = useStore.getState();
  const skin = s.meshes?.find((m) => m.id === 'skin');
  if (!skin || !s.manifest) return;
  const fat = s.meshes?.find((m) => m.id === 'subcutaneous-fat');
  const id = regionAtPoint(skin, patchesFor(skin, s.manifest.landmarks, fat), point);
  if (id) s.painRegionAdded(id);
}
