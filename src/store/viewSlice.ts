import type { StateCreator } from 'zustand';
import { LAYER_DEFAULTS, type LayerId, type LayerState } from './layers.ts';
import type { Full } from './types.ts';

export const MODES = ['explore', 'needle', 'safety', 'quiz', 'teach'] as const;
export type Mode = (typeof MODES)[number];

export const CAMERA_PRESETS = ['front', 'back', 'left', 'right', 'top'] as const;
export type CameraPreset = (typeof CAMERA_PRESETS)[number];

export interface ViewSlice {
  mode: Mode;
  layers: Readonly<Record<LayerId, LayerState>>;
  xray: boolean;
  cameraRequest: { readonly preset: CameraPreset; readonly nonce: number } | null;
  leftDrawerOpen: boolean;
  rightDrawerOpen: boolean;
  shortcutsOpen: boolean;
  /** A technique or safety topic to bring into view (search, links from trigger points). */
  safetyFocus: { readonly id: string; readonly nonce: number } | null;
  /** A message for the user about the app itself (a link's skipped parts, a lost WebGL context). */
  appNotice: { readonly text: string; readonly kind: 'info' | 'error' } | null;

  /** The view drawn for print (white background, no floor) while the printable chart is shot. */
  printStyle: boolean;

  modeChosen: (mode: Mode) => void;
  printStyleSet: (on: boolean) => void;
  appNoticeShown: (notice: { text: string; kind: 'info' | 'error' } | null) => void;
  safetyTopicOpened: (id: string) => void;
  layerToggled: (layer: LayerId) => void;
  layerOpacityChanged: (layer: LayerId, opacity: number) => void;
  layersReset: () => void;
  /** Layers as a whole (a shared link); layers not given keep their state. */
  layersRestored: (layers: Partial<Record<LayerId, LayerState>>) => void;
  xrayToggled: () => void;
  cameraPresetChosen: (preset: CameraPreset) => void;
  leftDrawerToggled: (open?: boolean) => void;
  rightDrawerToggled: (open?: boolean) => void;
  shortcutsDialogToggled: (open?: boolean) => void;
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1);

export const createViewSlice: StateCreator<Full, [], [], ViewSlice> = (set) => ({
  mode: 'explore',
  layers: LAYER_DEFAULTS,
  xray: false,
  appNotice: null,
  appNoticeShown: (appNotice) => set({ appNotice }),
  cameraRequest: null,
  leftDrawerOpen: false,
  rightDrawerOpen: false,
  shortcutsOpen: false,
  safetyFocus: null,

  printStyle: false,
  modeChosen: (mode) => set({ mode }),
  printStyleSet: (printStyle) => set({ printStyle }),
  safetyTopicOpened: (id) =>
    set((s) => ({
      mode: 'safety',
      rightDrawerOpen: true,
      safetyFocus: { id, nonce: (s.safetyFocus?.nonce ?? 0) + 1 },
    })),
  layerToggled: (layer) =>
    set((s) => ({
      layers: { ...s.layers, [layer]: { ...s.layers[layer], visible: !s.layers[layer].visible } },
    })),
  layerOpacityChanged: (layer, opacity) =>
    set((s) => ({
      layers: {
        ...s.layers,
        [layer]: {
          visible: opacity > 0 ? true : s.layers[layer].visible,
          opacity: clamp01(opacity),
        },
      },
    })),
  layersReset: () => set({ layers: LAYER_DEFAULTS, xray: false }),
  layersRestored: (layers) => set((s) => ({ layers: { ...s.layers, ...layers } })),
  xrayToggled: () => set((s) => ({ xray: !s.xray })),
  cameraPresetChosen: (preset) =>
    set((s) => ({ cameraRequest: { preset, nonce: (s.cameraRequest?.nonce ?? 0) + 1 } })),
  leftDrawerToggled: (open) => set((s) => ({ leftDrawerOpen: open ?? !s.leftDrawerOpen })),
  rightDrawerToggled: (open) => set((s) => ({ rightDrawerOpen: open ?? !s.rightDrawerOpen })),
  shortcutsDialogToggled: (open) => set((s) => ({ shortcutsOpen: open ?? !s.shortcutsOpen })),
});
