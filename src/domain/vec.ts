/** Small vector helpers on body-frame tuples, for domain code that does not need three's classes. */
import type { BodyVec3 } from './units.ts';

export const sub = (a: BodyVec3, b: BodyVec3): BodyVec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: BodyVec3, b: BodyVec3): BodyVec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: BodyVec3, s: number): BodyVec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: BodyVec3, b: BodyVec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: BodyVec3, b: BodyVec3): BodyVec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const length = (a: BodyVec3): number => Math.hypot(a[0], a[1], a[2]);
export const dist = (a: BodyVec3, b: BodyVec3): number =>
  Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
/** The unit vector along `a` (a zero vector stays zero). */
export const norm = (a: BodyVec3): BodyVec3 => {
  const l = length(a) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};
/** The point `p + d·t`. */
export const along = (p: BodyVec3, d: BodyVec3, t: number): BodyVec3 => [
  p[0] + d[0] * t,
  p[1] + d[1] * t,
  p[2] + d[2] * t,
];
