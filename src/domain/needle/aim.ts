/**
 * Needle aim as a clinician sets it: tilt from the skin's inward normal and the azimuth of that
 * tilt around the normal. Azimuth 0° leans the needle toward the head (cranial), 90° toward the
 * patient's left (or anterior, where the skin faces sideways), 180° caudal, 270° the other way.
 */
import type { BodyVec3 } from '../units.ts';
import { cross, dot, norm, scale, sub } from '../vec.ts';

export interface AimFrame {
  /** The inward normal: tilt 0. */
  readonly inward: BodyVec3;
  /** Azimuth 0°: cranial, in the skin's tangent plane. */
  readonly u: BodyVec3;
  /** Azimuth 90°. */
  readonly v: BodyVec3;
}

const UP: BodyVec3 = [0, 1, 0];
const LEFT: BodyVec3 = [1, 0, 0];
const ANTERIOR: BodyVec3 = [0, 0, 1];

/** The tangent frame at a point of the skin with this inward normal. */
export function aimFrame(inward: BodyVec3): AimFrame {
  const n = norm(inward);
  const tangentOf = (a: BodyVec3) => sub(a, scale(n, dot(a, n)));
  let u = tangentOf(UP);
  if (Math.hypot(...u) < 0.2) u = tangentOf(ANTERIOR); // on top of the head or shoulder
  u = norm(u);
  let v = norm(cross(u, n));
  const ref = Math.abs(dot(v, LEFT)) > 0.3 ? LEFT : ANTERIOR;
  if (dot(v, ref) < 0) v = scale(v, -1);
  return { inward: n, u, v };
}

/** The unit direction for a tilt (degrees from the normal, 0–89) and an azimuth (degrees). */
export function directionFromAim(frame: AimFrame, tiltDeg: number, azimuthDeg: number): BodyVec3 {
  const t = (tiltDeg * Math.PI) / 180;
  const a = (azimuthDeg * Math.PI) / 180;
  const s = Math.sin(t);
  const c = Math.cos(t);
  return norm([
    frame.inward[0] * c + (frame.u[0] * Math.cos(a) + frame.v[0] * Math.sin(a)) * s,
    frame.inward[1] * c + (frame.u[1] * Math.cos(a) + frame.v[1] * Math.sin(a)) * s,
    frame.inward[2] * c + (frame.u[2] * Math.cos(a) + frame.v[2] * Math.sin(a)) * s,
  ]);
}

/** The tilt and azimuth (degrees, azimuth 0–360) of a direction in a frame. */
export function aimOf(frame: AimFrame, dir: BodyVec3): { tiltDeg: number; azimuthDeg: number } {
  const d = norm(dir);
  // atan2 keeps small tilts exact where acos of a cosine near 1 would not
  const tu = dot(d, frame.u);
  const tv = dot(d, frame.v);
  const tiltDeg = (Math.atan2(Math.hypot(tu, tv), dot(d, frame.inward)) * 180) / Math.PI;
  const az = (Math.atan2(tv, tu) * 180) / Math.PI;
  return { tiltDeg, azimuthDeg: tiltDeg < 1e-6 ? 0 : (az + 360) % 360 };
}

/**
 * The body directions a needle leans toward, in words ("caudal and medial"), for the tangent
 * part of the direction; `side` decides what medial and lateral mean.
 */
export function leanInWords(
  dir: BodyVec3,
  frame: AimFrame,
  side: 'left' | 'right' | 'midline',
): string {
  const t = sub(dir, scale(frame.inward, dot(dir, frame.inward)));
  const size = Math.hypot(...t);
  if (size < 0.02) return 'perpendicular to the skin';
  const words: [number, string][] = [
    [t[1], t[1] > 0 ? 'cranial' : 'caudal'],
    [t[2], t[2] > 0 ? 'anterior' : 'posterior'],
    [
      t[0],
      side === 'midline'
        ? t[0] > 0
          ? "toward the patient's left"
          : "toward the patient's right"
        : t[0] > 0 === (side === 'left')
          ? 'lateral'
          : 'medial',
    ],
  ];
  const strong = words
    .filter(([c]) => Math.abs(c) / size > 0.35)
    .sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]))
    .map(([, w]) => w);
  return `leaning ${strong.join(' and ')}`;
}
