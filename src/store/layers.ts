import type { StructureKind } from '../domain/body/manifest.ts';

/** The toggleable layers of the viewer, from the surface inwards. */
export const LAYER_IDS = ['skin', 'fat', 'muscles', 'bones', 'lungs', 'neurovascular'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface LayerState {
  readonly visible: boolean;
  /** 0 (invisible) … 1 (opaque). */
  readonly opacity: number;
}

export const LAYER_LABELS: Record<LayerId, string> = {
  skin: 'Skin',
  fat: 'Subcutaneous fat',
  muscles: 'Muscles',
  bones: 'Bones and cartilage',
  lungs: 'Lungs and pleura',
  neurovascular: 'Nerves, vessels and organs',
};

/**
 * Muscles opaque so the trainer opens on what users came for; skin a faint envelope so the
 * silhouette and surface landmarks still read; fat hidden because it would hide everything.
 */
export const LAYER_DEFAULTS: Record<LayerId, LayerState> = {
  skin: { visible: true, opacity: 0.18 },
  fat: { visible: false, opacity: 0.5 },
  muscles: { visible: true, opacity: 1 },
  bones: { visible: true, opacity: 1 },
  lungs: { visible: true, opacity: 0.55 },
  neurovascular: { visible: true, opacity: 1 },
};

const KIND_LAYER: Record<StructureKind, LayerId> = {
  skin: 'skin',
  fat: 'fat',
  muscle: 'muscles',
  bone: 'bones',
  cartilage: 'bones',
  lung: 'lungs',
  pleura: 'lungs',
  organ: 'neurovascular',
  nerve: 'neurovascular',
  artery: 'neurovascular',
  vein: 'neurovascular',
};

/** The layer a tissue kind is drawn in. */
export function layerOfKind(kind: StructureKind): LayerId {
  return KIND_LAYER[kind];
}

/** Kinds a needle must avoid (the simulator's set): emphasised in X-ray. */
export { DANGER_KINDS } from '../domain/needle/kinds.ts';
