/**
 * The cone of directions around a recommended needle line: each direction simulated to the same
 * depth, so the trainer can show which ways are safe from this entry and which reach a danger.
 */
import type { BodyVec3 } from '../units.ts';
import { aimFrame, directionFromAim } from './aim.ts';
import { simulateNeedle, type NeedleBody, type Verdict } from './simulate.ts';

export interface ConeOptions {
  /** Tilts from the recommended line (degrees), one ring of directions each. */
  tiltsDeg?: readonly number[];
  /** Directions per ring. */
  perRing?: number;
}
export const CONE_DEFAULTS: Required<ConeOptions> = { tiltsDeg: [10, 20, 30], perRing: 8 };

export interface ConeRay {
  readonly direction: BodyVec3;
  readonly tiltDeg: number;
  readonly azimuthDeg: number;
  /** null where the direction would not go in through the skin here. */
  readonly verdict: Verdict | null;
  /** The danger structure the needle enters along this direction, if any. */
  readonly entered: string | null;
  readonly reachedDepthMm: number;
}

export interface Cone {
  readonly rays: readonly ConeRay[];
  /** The largest tilt (degrees) of a ring whose every direction stays out of danger. */
  readonly safeTiltDeg: number;
}

/** Simulates the recommended direction and rings of directions around it, to `depthMm`. */
export function needleCone(
  body: NeedleBody,
  entry: BodyVec3,
  direction: BodyVec3,
  depthMm: number,
  options: ConeOptions = {},
): Cone {
  const { tiltsDeg, perRing } = { ...CONE_DEFAULTS, ...options };
  const frame = aimFrame(direction);
  const rays: ConeRay[] = [];
  const aims: [number, number][] = [[0, 0]];
  for (const t of tiltsDeg) for (let k = 0; k < perRing; k++) aims.push([t, (360 * k) / perRing]);
  for (const [tiltDeg, azimuthDeg] of aims) {
    const d = directionFromAim(frame, tiltDeg, azimuthDeg);
    try {
      const r = simulateNeedle(body, { entry, direction: d, depthMm });
      rays.push({
        direction: r.direction,
        tiltDeg,
        azimuthDeg,
        verdict: r.verdict,
        entered: r.entered?.structure ?? null,
        reachedDepthMm: r.reachedDepthMm,
      });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      rays.push({
        direction: d,
        tiltDeg,
        azimuthDeg,
        verdict: null,
        entered: null,
        reachedDepthMm: 0,
      });
    }
  }
  let safeTiltDeg = 0;
  for (const t of [...tiltsDeg].sort((a, b) => a - b)) {
    const ring = rays.filter((r) => r.tiltDeg === t && r.verdict !== null);
    if (ring.length === 0 || ring.some((r) => r.verdict === 'unsafe')) break;
    safeTiltDeg = t;
  }
  if (rays[0]?.verdict === 'unsafe') safeTiltDeg = 0;
  return { rays, safeTiltDeg };
}
