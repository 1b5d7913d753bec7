import type { StateCreator } from 'zustand';
import type { CatalogSide } from '../domain/catalog/load.ts';
import type { ShownZone } from '../domain/quiz/schema.ts';
import type { LayerState } from './layers.ts';
import type { Full } from './types.ts';

export interface TriggerRef {
  readonly id: string;
  readonly side: CatalogSide;
}

/** How many referral zones can be shown at once (each in its own colour). */
export const MAX_ZONES = 4;

export interface TriggerSlice {
  /** Trigger points whose referral zones are painted, the selected one first. */
  zoneTriggers: readonly TriggerRef[];
  /**
   * A zone painted by its regions alone, naming no trigger point: a name-the-muscle question's
   * pattern (drawn like a shown point's zone, in the first colour). Cleared with the others.
   */
  quizZone: ShownZone | null;
  /** Markers for every trigger point on the body. */
  triggerMarkers: boolean;
  /** The skin as it was before a shown zone made it opaque (see zoneSkin.ts); null otherwise. */
  zoneSkinBefore: LayerState | null;

  /** Shows one point's zone (replacing the others), or adds it with `add`. */
  triggerPointSelected: (ref: TriggerRef, add?: boolean) => void;
  triggerPointRemoved: (ref: TriggerRef) => void;
  zonesCleared: () => void;
  quizZoneShown: (zone: ShownZone | null) => void;
  triggerMarkersToggled: () => void;
}

const same = (a: TriggerRef, b: TriggerRef) => a.id === b.id && a.side === b.side;

export const createTriggerSlice: StateCreator<Full, [], [], TriggerSlice> = (set) => ({
  zoneTriggers: [],
  quizZone: null,
  triggerMarkers: true,
  zoneSkinBefore: null,

  triggerPointSelected: (ref, add = false) =>
    set((s) => {
      if (!add) return { zoneTriggers: [ref] };
      const rest = s.zoneTriggers.filter((r) => !same(r, ref));
      return { zoneTriggers: [ref, ...rest].slice(0, MAX_ZONES) };
    }),
  triggerPointRemoved: (ref) =>
    set((s) => ({ zoneTriggers: s.zoneTriggers.filter((r) => !same(r, ref)) })),
  zonesCleared: () => set({ zoneTriggers: [], quizZone: null }),
  quizZoneShown: (zone) => set({ quizZone: zone }),
  triggerMarkersToggled: () => set((s) => ({ triggerMarkers: !s.triggerMarkers })),
});
