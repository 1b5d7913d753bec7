/**
 * Needle actions shared by Needle mode and Teach mode's tours: putting the needle on a trigger
 * point's recommended line.
 */
import { browserCatalog } from '../domain/catalog/browser.ts';
import type { CatalogSide } from '../domain/catalog/load.ts';
import { recommendedNeedle } from '../domain/catalog/needlePath.ts';
import { placeTriggerPoint } from '../domain/catalog/placement.ts';
import { aimFrame, aimOf } from '../domain/needle/aim.ts';
import { skinEntry, type NeedleBody } from '../domain/needle/simulate.ts';
import { dot, sub } from '../domain/vec.ts';
import { useStore } from '../store/index.ts';
import { focusNeedle } from './needleService.ts';

export interface Snap {
  readonly triggerPointId: string;
  readonly side: CatalogSide;
}

/** Puts the needle on the point's recommended line; the reason in words when it cannot. */
export function snapNeedleTo(body: NeedleBody, snap: Snap, focus = true): string | null {
  const s = useStore.getState();
  const t = browserCatalog().triggerPoints.find((x) => x.id === snap.triggerPointId);
  if (!t || !s.manifest) return 'Unknown trigger point.';
  const placed = placeTriggerPoint(t, snap.side, s.manifest.landmarks, body.index);
  if (!placed) return `${t.name} cannot be placed on this model (${snap.side}).`;
  const rec = recommendedNeedle(body, t.needling, snap.side, placed);
  const entry = skinEntry(body.index, rec.entry);
  const aim = aimOf(aimFrame(entry.inward), rec.direction);
  const along = dot(sub(rec.target, entry.point), rec.direction) * 1000;
  s.needleSnapped({
    entry,
    tiltDeg: aim.tiltDeg,
    azimuthDeg: aim.azimuthDeg,
    depthMm: Math.round(Math.min(Math.max(along, t.needling.depthMm.min), t.needling.depthMm.max)),
    lengthMm: t.needling.needleLengthMm,
    target: snap,
  });
  if (focus) focusNeedle(entry);
  return null;
}
