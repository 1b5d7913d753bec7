/** Seeded random helpers for deterministic quiz scenarios. */

import { mulberry32 } from '../random.ts';

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** The project's seeded generator (mulberry32), shared with the rest of the domain. */
export { mulberry32 };

/** An integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`randomInt: n must be a positive integer, got ${n}`);
  return Math.floor(rng() * n);
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, list: readonly T[]): T {
  const v = list[randomInt(rng, list.length)];
  if (v === undefined) throw new Error('pick: empty list');
  return v;
}

/** A shuffled copy (Fisher-Yates). */
export function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
