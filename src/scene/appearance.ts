import type { Structure, StructureKind } from '../domain/body/manifest.ts';
import { DANGER_KINDS, layerOfKind, type LayerId, type LayerState } from '../store/layers.ts';

/** Atlas colours per tissue kind (sRGB hex). */
export const KIND_COLORS: Record<StructureKind, string> = {
  skin: '#d9a88a',
  fat: '#e8c860',
  muscle: '#b33a3a',
  bone: '#e8e0c8',
  cartilage: '#d4e4f0',
  lung: '#e8a0b0',
  pleura: '#a8c8e8',
  organ: '#8a4a5a',
  nerve: '#f2d027',
  artery: '#e0202a',
  vein: '#2a5ad0',
};

/** The view state that decides how a structure is drawn. */
export interface AppearanceInput {
  readonly layers: Readonly<Record<LayerId, LayerState>>;
  readonly xray: boolean;
  readonly selectedId: string | null;
  readonly hoveredId: string | null;
  readonly isolatedId: string | null;
  readonly hiddenIds: Readonly<Record<string, true>>;
}

export interface Appearance {
  readonly visible: boolean;
  readonly opacity: number;
  readonly transparent: boolean;
  readonly depthWrite: boolean;
  /** Transparent meshes share the origin, so draw order is set by hand: inner first. */
  readonly renderOrder: number;
  /** 0 none, 1 hovered, 2 selected. */
  readonly highlight: 0 | 1 | 2;
  /** Whether clicks and hover may land on it (faint shells would otherwise block what is inside). */
  readonly pickable: boolean;
}

const XRAY_OPACITY: Record<LayerId, number> = {
  skin: 0.06,
  fat: 0.06,
  muscles: 0.14,
  bones: 0.55,
  lungs: 0.35,
  neurovascular: 0.8,
};

const ORDER: Record<LayerId, number> = {
  bones: 0,
  neurovascular: 1,
  lungs: 2,
  muscles: 3,
  fat: 4,
  skin: 5,
};

const HIDDEN: Appearance = {
  visible: false,
  opacity: 0,
  transparent: false,
  depthWrite: true,
  renderOrder: 0,
  highlight: 0,
  pickable: false,
};

/** How one structure is drawn for the current view state. Pure, so it is unit-tested. */
export function appearanceOf(s: Pick<Structure, 'id' | 'kind'>, v: AppearanceInput): Appearance {
  const layerId = layerOfKind(s.kind);
  const layer = v.layers[layerId];
  const highlight: 0 | 1 | 2 = v.selectedId === s.id ? 2 : v.hoveredId === s.id ? 1 : 0;
  if (v.hiddenIds[s.id]) return HIDDEN;
  if (v.isolatedId !== null && v.isolatedId !== s.id) {
    // a ghost skeleton keeps the isolated structure in context
    if (layerId !== 'bones') return HIDDEN;
    return { ...HIDDEN, visible: true, opacity: 0.15, transparent: true, depthWrite: false };
  }
  if (v.isolatedId === s.id) {
    return { ...HIDDEN, visible: true, opacity: 1, highlight, pickable: true, renderOrder: 0 };
  }
  if (!layer.visible || layer.opacity <= 0.001) return HIDDEN;
  let opacity = layer.opacity;
  if (v.xray) {
    opacity = Math.min(opacity, XRAY_OPACITY[layerId]);
    if (DANGER_KINDS.has(s.kind) || layerId === 'bones')
      opacity = Math.max(opacity, XRAY_OPACITY[layerId]);
    if (highlight === 2) opacity = Math.max(opacity, 0.85);
  }
  const transparent = opacity < 0.999;
  return {
    visible: true,
    opacity,
    transparent,
    depthWrite: !transparent,
    renderOrder: transparent ? 10 + ORDER[layerId] : 0,
    highlight,
    pickable: v.xray ? layerId !== 'skin' && layerId !== 'fat' : opacity >= 0.4,
  };
}
