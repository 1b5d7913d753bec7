import type { StateCreator } from 'zustand';
import type { Full } from './types.ts';

export interface PainSlice {
  /** Body regions where the patient hurts, in the order painted. */
  painRegions: readonly string[];
  /** While on, a click on the body adds the region under it to the pain map. */
  painting: boolean;

  paintingToggled: (on?: boolean) => void;
  painRegionAdded: (regionId: string) => void;
  painUndone: () => void;
  painCleared: () => void;
}

export const createPainSlice: StateCreator<Full, [], [], PainSlice> = (set) => ({
  painRegions: [],
  painting: false,

  paintingToggled: (on) => set((s) => ({ painting: on ?? !s.painting })),
  painRegionAdded: (id) =>
    set((s) => (s.painRegions.includes(id) ? s : { painRegions: [...s.painRegions, id] })),
  painUndone: () => set((s) => ({ painRegions: s.painRegions.slice(0, -1) })),
  painCleared: () => set({ painRegions: [] }),
});
