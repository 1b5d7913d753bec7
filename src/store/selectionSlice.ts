import type { StateCreator } from 'zustand';
import type { Full } from './types.ts';

export interface SelectionSlice {
  selectedId: string | null;
  hoveredId: string | null;
  /** When set, only this structure is drawn (with a ghost skeleton for context). */
  isolatedId: string | null;
  /** Structures the user hid one by one. */
  hiddenIds: Readonly<Record<string, true>>;
  /** Bumped on every fly-to request so the same structure can be flown to twice. */
  focusRequest: {
    readonly id: string;
    readonly nonce: number;
    /** A place to look at instead of a structure: centre, radius (m), and the view direction. */
    readonly at?: {
      readonly center: readonly [number, number, number];
      readonly radius: number;
      readonly from: readonly [number, number, number];
      /**
       * Points that must be in shot ("frame this"): the camera backs off along `from` until
       * each lies inside the view at the canvas's own aspect. Without them `radius` is fitted.
       */
      readonly fit?: readonly (readonly [number, number, number])[];
    };
  } | null;

  structureSelected: (id: string | null) => void;
  structureHovered: (id: string | null) => void;
  structureFocused: (id: string) => void;
  /** Fly the camera to look at a place from a direction (the needle, say). */
  placeFocused: (at: NonNullable<NonNullable<SelectionSlice['focusRequest']>['at']>) => void;
  structureIsolated: (id: string) => void;
  structureHidden: (id: string) => void;
  allStructuresShown: () => void;
}

export const createSelectionSlice: StateCreator<Full, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  hoveredId: null,
  isolatedId: null,
  hiddenIds: {},
  focusRequest: null,

  structureSelected: (id) => set({ selectedId: id }),
  structureHovered: (id) => set((s) => (s.hoveredId === id ? s : { hoveredId: id })),
  structureFocused: (id) =>
    set((s) => ({ focusRequest: { id, nonce: (s.focusRequest?.nonce ?? 0) + 1 } })),
  placeFocused: (at) =>
    set((s) => ({ focusRequest: { id: '', at, nonce: (s.focusRequest?.nonce ?? 0) + 1 } })),
  structureIsolated: (id) =>
    set((s) => {
      const { [id]: _dropped, ...hiddenIds } = s.hiddenIds;
      return { isolatedId: id, selectedId: id, hiddenIds };
    }),
  structureHidden: (id) =>
    set((s) => ({
      hiddenIds: { ...s.hiddenIds, [id]: true },
      selectedId: s.selectedId === id ? null : s.selectedId,
      hoveredId: s.hoveredId === id ? null : s.hoveredId,
      isolatedId: s.isolatedId === id ? null : s.isolatedId,
    })),
  allStructuresShown: () => set({ hiddenIds: {}, isolatedId: null }),
});
