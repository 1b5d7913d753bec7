import type { StateCreator } from 'zustand';
import type { CatalogSide } from '../domain/catalog/load.ts';
import { MAX_DEPTH_MM, NEEDLE_LENGTHS_MM } from '../domain/needle/kinds.ts';
import type { BodyVec3 } from '../domain/units.ts';
import type { Full } from './types.ts';

/** The greatest tilt from the skin's normal the controls allow (degrees). */
export const MAX_TILT_DEG = 80;

export interface NeedleTarget {
  readonly triggerPointId: string;
  readonly side: CatalogSide;
}

/** How many needle changes Undo can take back (the oldest are forgotten beyond it). */
export const NEEDLE_HISTORY_LIMIT = 50;
/**
 * Changes of one kind closer together than this (ms) are undone as one: a slider dragged or an
 * arrow key held makes many small changes, and one Undo should take back the whole gesture.
 */
export const NEEDLE_HISTORY_MERGE_MS = 800;

/** What Undo restores: the needle as it was placed, aimed and pushed in. */
export interface NeedleState {
  readonly entry: NeedleSlice['needleEntry'];
  readonly tiltDeg: number;
  readonly azimuthDeg: number;
  readonly depthMm: number;
  readonly lengthMm: number;
  readonly target: NeedleTarget | null;
}

type NeedleEdit = 'placed' | 'aimed' | 'depth' | 'length' | 'snapped' | 'cleared';

export interface NeedleSlice {
  /** The entry on the skin (body frame, metres) and the skin's inward normal there. */
  needleEntry: { readonly point: BodyVec3; readonly inward: BodyVec3 } | null;
  needleTiltDeg: number;
  needleAzimuthDeg: number;
  needleDepthMm: number;
  needleLengthMm: number;
  /** The trigger point the needle was snapped to, until the user moves the entry. */
  needleTarget: NeedleTarget | null;
  /** Cut the body away along the needle to show the layers it crosses. */
  cutaway: boolean;
  /** Paint the depth of the pleura on the skin. */
  lungMap: boolean;
  /** A trigger point to put the needle on as soon as the needle is ready (from Explore). */
  pendingSnap: NeedleTarget | null;
  /** While on, dragging on the view aims the needle instead of turning the camera. */
  aimDrag: boolean;
  /** Earlier needles, the latest last (at most NEEDLE_HISTORY_LIMIT), and those undone. */
  needlePast: readonly NeedleState[];
  needleFuture: readonly NeedleState[];
  /** The last change recorded, to merge a gesture's many small changes into one step. */
  needleLastEdit: { readonly kind: NeedleEdit; readonly at: number } | null;

  needlePlaced: (entry: { point: BodyVec3; inward: BodyVec3 }) => void;
  needleAimed: (tiltDeg: number, azimuthDeg: number) => void;
  needleDepthSet: (mm: number) => void;
  needleLengthChosen: (mm: number) => void;
  needleSnapped: (s: {
    entry: { point: BodyVec3; inward: BodyVec3 };
    tiltDeg: number;
    azimuthDeg: number;
    depthMm: number;
    lengthMm: number;
    target: NeedleTarget;
  }) => void;
  needleCleared: () => void;
  cutawayToggled: () => void;
  lungMapToggled: () => void;
  /** Switches to needle mode and asks for the needle on a trigger point's recommended line. */
  needleSnapRequested: (target: NeedleTarget) => void;
  pendingSnapHandled: () => void;
  aimDragToggled: (on?: boolean) => void;
  /** Back to the needle before the last change (a stray click on the skin, say); no-op if none. */
  needleUndone: () => void;
  /** Forward again to the change last undone; no-op if none. */
  needleRedone: () => void;
}

function needleState(s: Full): NeedleState {
  return {
    entry: s.needleEntry,
    tiltDeg: s.needleTiltDeg,
    azimuthDeg: s.needleAzimuthDeg,
    depthMm: s.needleDepthMm,
    lengthMm: s.needleLengthMm,
    target: s.needleTarget,
  };
}

const sameNeedle = (a: NeedleState, b: NeedleState) =>
  a.entry?.point.join() === b.entry?.point.join() &&
  a.entry?.inward.join() === b.entry?.inward.join() &&
  a.tiltDeg === b.tiltDeg &&
  a.azimuthDeg === b.azimuthDeg &&
  a.depthMm === b.depthMm &&
  a.lengthMm === b.lengthMm &&
  a.target?.triggerPointId === b.target?.triggerPointId &&
  a.target?.side === b.target?.side;

function applied(n: NeedleState): Partial<Full> {
  return {
    needleEntry: n.entry,
    needleTiltDeg: n.tiltDeg,
    needleAzimuthDeg: n.azimuthDeg,
    needleDepthMm: n.depthMm,
    needleLengthMm: n.lengthMm,
    needleTarget: n.target,
  };
}

/**
 * A needle change with its place in the history: the needle before it goes on the undo stack
 * (unless the change made no difference, or continues a gesture of the same kind), and what was
 * undone is forgotten, as in any editor.
 */
function recorded(s: Full, kind: NeedleEdit, change: Partial<Full>): Partial<Full> {
  const before = needleState(s);
  const after = needleState({ ...s, ...change });
  if (sameNeedle(before, after)) return change;
  const now = Date.now();
  const last = s.needleLastEdit;
  const merge =
    kind !== 'placed' &&
    kind !== 'snapped' &&
    last !== null &&
    last.kind === kind &&
    now - last.at < NEEDLE_HISTORY_MERGE_MS &&
    s.needlePast.length > 0;
  return {
    ...change,
    needlePast: merge ? s.needlePast : [...s.needlePast, before].slice(-NEEDLE_HISTORY_LIMIT),
    needleFuture: [],
    needleLastEdit: { kind, at: now },
  };
}

const clamp = (v: number, lo: number, hi: number) =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
const wrap360 = (v: number) => (Number.isFinite(v) ? ((v % 360) + 360) % 360 : 0);
/** The shortest offered needle at least this long. */
export const needleFor = (mm: number): number =>
  NEEDLE_LENGTHS_MM.find((l) => l >= mm) ?? MAX_DEPTH_MM;

export const createNeedleSlice: StateCreator<Full, [], [], NeedleSlice> = (set) => ({
  needleEntry: null,
  needleTiltDeg: 0,
  needleAzimuthDeg: 0,
  needleDepthMm: 15,
  needleLengthMm: 30,
  needleTarget: null,
  cutaway: false,
  lungMap: false,
  pendingSnap: null,
  aimDrag: false,

  needlePast: [],
  needleFuture: [],
  needleLastEdit: null,

  // a needle put on the skin goes in perpendicular: the last needle's tilt belonged to its spot
  needlePlaced: (entry) =>
    set((s) =>
      recorded(s, 'placed', {
        needleEntry: entry,
        needleTarget: null,
        needleTiltDeg: 0,
        needleAzimuthDeg: 0,
      }),
    ),
  needleAimed: (tiltDeg, azimuthDeg) =>
    set((s) =>
      recorded(s, 'aimed', {
        needleTiltDeg: clamp(tiltDeg, 0, MAX_TILT_DEG),
        needleAzimuthDeg: wrap360(azimuthDeg),
      }),
    ),
  needleDepthSet: (mm) =>
    set((s) => recorded(s, 'depth', { needleDepthMm: clamp(mm, 0, s.needleLengthMm) })),
  needleLengthChosen: (mm) =>
    set((s) => {
      const length = needleFor(clamp(mm, 1, MAX_DEPTH_MM));
      return recorded(s, 'length', {
        needleLengthMm: length,
        needleDepthMm: Math.min(s.needleDepthMm, length),
      });
    }),
  needleSnapped: ({ entry, tiltDeg, azimuthDeg, depthMm, lengthMm, target }) => {
    const length = needleFor(clamp(lengthMm, 1, MAX_DEPTH_MM));
    set((s) =>
      recorded(s, 'snapped', {
        needleEntry: entry,
        needleTiltDeg: clamp(tiltDeg, 0, MAX_TILT_DEG),
        needleAzimuthDeg: wrap360(azimuthDeg),
        needleLengthMm: length,
        needleDepthMm: clamp(depthMm, 0, length),
        needleTarget: target,
      }),
    );
  },
  needleCleared: () =>
    set((s) => recorded(s, 'cleared', { needleEntry: null, needleTarget: null })),
  cutawayToggled: () => set((s) => ({ cutaway: !s.cutaway })),
  lungMapToggled: () => set((s) => ({ lungMap: !s.lungMap })),
  needleSnapRequested: (target) => set({ mode: 'needle', pendingSnap: target }),
  pendingSnapHandled: () => set({ pendingSnap: null }),
  aimDragToggled: (on) => set((s) => ({ aimDrag: on ?? !s.aimDrag })),
  needleUndone: () =>
    set((s) => {
      const previous = s.needlePast[s.needlePast.length - 1];
      if (!previous) return {};
      return {
        ...applied(previous),
        needlePast: s.needlePast.slice(0, -1),
        needleFuture: [...s.needleFuture, needleState(s)],
        needleLastEdit: null,
      };
    }),
  needleRedone: () =>
    set((s) => {
      const next = s.needleFuture[s.needleFuture.length - 1];
      if (!next) return {};
      return {
        ...applied(next),
        needlePast: [...s.needlePast, needleState(s)].slice(-NEEDLE_HISTORY_LIMIT),
        needleFuture: s.needleFuture.slice(0, -1),
        needleLastEdit: null,
      };
    }),
});
