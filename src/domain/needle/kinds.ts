/** The needle's constants and tissue kinds (no geometry here, so the UI can import it cheaply). */
import type { StructureKind } from '../body/manifest.ts';

/** Kinds a needle must not enter. */
export const DANGER_KINDS: ReadonlySet<StructureKind> = new Set<StructureKind>([
  'pleura',
  'lung',
  'nerve',
  'artery',
  'vein',
  'organ',
]);
/** Kinds that stop a solid filiform needle: it cannot pass through bone or costal cartilage. */
export const STOP_KINDS: ReadonlySet<StructureKind> = new Set<StructureKind>(['bone', 'cartilage']);

/**
 * The needle lengths the trainer offers (mm): common filiform needle lengths, up to the 90 mm
 * the catalog recommends for the deep hip rotators.
 */
export const NEEDLE_LENGTHS_MM = [15, 25, 30, 40, 50, 60, 75, 90, 100] as const;
/** The deepest any needle here can go (mm). */
export const MAX_DEPTH_MM = 100;
