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

  // a needle put on the skin goes in perpendicular: the last needle's tilt belonged to its spot
  needlePlaced: (entry) =>
    set({ needleEntry: entry, needleTarget: null, needleTiltDeg: 0, needleAzimuthDeg: 0 }),
  needleAimed: (tiltDeg, azimuthDeg) =>
    set({ needleTiltDeg: clamp(tiltDeg, 0, MAX_TILT_DEG), needleAzimuthDeg: wrap360(azimuthDeg) }),
  needleDepthSet: (mm) => set((s) => ({ needleDepthMm: clamp(mm, 0, s.needleLengthMm) })),
  needleLengthChosen: (mm) =>
    set((s) => {
      const length = needleFor(clamp(mm, 1, MAX_DEPTH_MM));
      return { needleLengthMm: length, needleDepthMm: Math.min(s.needleDepthMm, length) };
    }),
  needleSnapped: ({ entry, tiltDeg, azimuthDeg, depthMm, lengthMm, target }) => {
    const length = needleFor(clamp(lengthMm, 1, MAX_DEPTH_MM));
    set({
      needleEntry: entry,
      needleTiltDeg: clamp(tiltDeg, 0, MAX_TILT_DEG),
      needleAzimuthDeg: wrap360(azimuthDeg),
      needleLengthMm: length,
      needleDepthMm: clamp(depthMm, 0, length),
      needleTarget: target,
    });
  },
  needleCleared: () => set({ needleEntry: null, needleTarget: null }),
  cutawayToggled: () => set((s) => ({ cutaway: !s.cutaway })),
  lungMapToggled: () => set((s) => ({ lungMap: !s.lungMap })),
  needleSnapRequested: (target) => set({ mode: 'needle', pendingSnap: target }),
  pendingSnapHandled: () => set({ pendingSnap: null }),
  aimDragToggled: (on) => set((s) => ({ aimDrag: on ?? !s.aimDrag })),
});
