import type { Side, StructureKind } from '../domain/body/manifest.ts';

export const KIND_LABELS: Record<StructureKind, string> = {
  skin: 'Skin',
  fat: 'Fat',
  muscle: 'Muscle',
  bone: 'Bone',
  cartilage: 'Cartilage',
  lung: 'Lung',
  pleura: 'Pleura',
  organ: 'Organ',
  nerve: 'Nerve',
  artery: 'Artery',
  vein: 'Vein',
};

/** "Trapezius (left)"; midline structures have no suffix. */
export function displayName(name: string, side: Side): string {
  return side === 'midline' ? name : `${name} (${side})`;
}

export function sideLabel(side: Side): string {
  return side === 'midline' ? 'Midline' : side === 'left' ? "Patient's left" : "Patient's right";
}

/** Volumes: one decimal below 10 cm³, whole numbers above. */
export function formatVolume(cm3: number): string {
  return `${cm3 < 10 ? cm3.toFixed(1) : Math.round(cm3).toLocaleString('en')} cm³`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Download progress 0…1, or null when the total is unknown. */
export function progressFraction(received: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.min(1, Math.max(0, received / total));
}

/** Muscle layer 1 = deepest. */
export function layerLabel(layer: number): string {
  const words = ['deepest', 'deep', 'intermediate', 'superficial'];
  return `${layer} (${words[Math.min(words.length, Math.max(1, layer)) - 1] ?? ''})`;
}
