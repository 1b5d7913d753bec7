import type { StateCreator } from 'zustand';
import type { ClassMark } from '../domain/quiz/classResults.ts';
import type { Tour } from '../domain/tours/schema.ts';
import type { BodyVec3 } from '../domain/units.ts';
import type { Full } from './types.ts';

/** What a drag on the view does in Teach mode. */
export type PointerTool = 'orbit' | 'laser' | 'pen';

export interface TeachSlice {
  /** Presentation mode: large type, high contrast, little chrome. */
  presenting: boolean;
  pointerTool: PointerTool;
  /** Where the laser points on the body, while it does. */
  laserAt: BodyVec3 | null;
  /** Freehand strokes drawn on the body (body frame, metres). */
  strokes: readonly (readonly BodyVec3[])[];
  /**
   * The class heat map shown on the body: the target and the marks drawn (every student's, or
   * the one student the instructor picked).
   */
  classMarks: { readonly target: BodyVec3 | null; readonly marks: readonly ClassMark[] } | null;
  /** The tour being played, and its step (0-based). */
  tour: Tour | null;
  tourStep: number;

  presentationToggled: (on?: boolean) => void;
  pointerToolChosen: (tool: PointerTool) => void;
  laserMoved: (p: BodyVec3 | null) => void;
  strokeStarted: (p: BodyVec3) => void;
  strokeExtended: (p: BodyVec3) => void;
  annotationsCleared: () => void;
  classMarksShown: (m: TeachSlice['classMarks']) => void;
  /**
   * Plays a tour from a step, or ends the one playing (null). Ending it clears the selection its
   * step made, so the step's chip does not stay behind; a structure the user chose instead stays.
   */
  tourStarted: (tour: Tour | null, step?: number) => void;
  /** Moves to a step; out-of-range steps are clamped. */
  tourStepped: (step: number) => void;
}

/** Strokes kept at most (the oldest go first), and points per stroke. */
export const MAX_STROKES = 60;
export const MAX_STROKE_POINTS = 2000;

export const createTeachSlice: StateCreator<Full, [], [], TeachSlice> = (set) => ({
  presenting: false,
  pointerTool: 'orbit',
  laserAt: null,
  strokes: [],
  classMarks: null,
  tour: null,
  tourStep: 0,

  presentationToggled: (on) => set((s) => ({ presenting: on ?? !s.presenting })),
  pointerToolChosen: (tool) => set({ pointerTool: tool, laserAt: null }),
  laserMoved: (p) => set({ laserAt: p }),
  strokeStarted: (p) => set((s) => ({ strokes: [...s.strokes, [p]].slice(-MAX_STROKES) })),
  strokeExtended: (p) =>
    set((s) => {
      const last = s.strokes[s.strokes.length - 1];
      if (!last || last.length >= MAX_STROKE_POINTS) return s;
      return { strokes: [...s.strokes.slice(0, -1), [...last, p]] };
    }),
  annotationsCleared: () => set({ strokes: [] }),
  classMarksShown: (m) => set({ classMarks: m }),
  tourStarted: (tour, step = 0) =>
    set((s) => {
      const stepSelected = s.tour?.steps[s.tourStep]?.selected;
      const ended = !tour && stepSelected !== undefined && s.selectedId === stepSelected;
      return {
        tour,
        tourStep: tour ? Math.max(0, Math.min(tour.steps.length - 1, Math.floor(step) || 0)) : 0,
        ...(ended ? { selectedId: null } : {}),
      };
    }),
  tourStepped: (step) =>
    set((s) =>
      s.tour
        ? { tourStep: Math.max(0, Math.min(s.tour.steps.length - 1, Math.floor(step) || 0)) }
        : s,
    ),
});
