import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { mulberry32 } from '../../../src/domain/random.ts';
import { bruteHits } from '../../helpers/brute.ts';

const { meshes, index } = loadBodyFromDisk();

describe('BodyIndex against brute force', () => {
  const ids = ['skin', 'pleura-left', 'rib-4-right', 'trapezius-upper-left', 'sciatic-nerve-right'];
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: segment hits match every triangle tested by brute force`, () => {
      const rnd = mulberry32(seed);
      for (let k = 0; k < 40; k++) {
        const o = [rnd() * 0.8 - 0.4, rnd() * 1.8, rnd() * 0.6 - 0.3];
        const t = [rnd() * 0.4 - 0.2, 0.3 + rnd() * 1.3, rnd() * 0.2 - 0.1];
        const l = Math.hypot(t[0]! - o[0]!, t[1]! - o[1]!, t[2]! - o[2]!);
        const d = [(t[0]! - o[0]!) / l, (t[1]! - o[1]!) / l, (t[2]! - o[2]!) / l];
        for (const id of ids) {
          const m = meshes.find((x) => x.id === id)!;
          const fast = index
            .hitsAlong(
              o as [number, number, number],
              d as [number, number, number],
              1.5,
              new Set([id]),
            )
            .map((h) => h.distance);
          const slow = bruteHits(m, o, d, 1.5);
          expect(fast.length, `${id} ray ${k}`).toBe(slow.length);
          fast.forEach((v, i) => expect(v).toBeCloseTo(slow[i]!, 6));
        }
      }
    });
  }
  it('entering and leaving alternate along a ray through a closed mesh', () => {
    const hits = index.hitsAlong([0.05, 1.3, 0.5], [0, 0, -1], 1.2, new Set(['skin']));
    expect(hits.length % 2).toBe(0);
    expect(hits[0]!.entering).toBe(true);
    expect(hits.at(-1)!.entering).toBe(false);
  });
  it('a point far outside the body belongs to no tissue; one inside the abdomen belongs to one', () => {
    expect(index.tissueAt([1, 1, 1])).toBeNull();
    expect(index.tissueAt([0.0, 1.0, 0.03])).not.toBeNull();
  });
});
