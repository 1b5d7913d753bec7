import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../src/domain/body/node.ts';
import { mulberry32 } from '../../src/domain/random.ts';

/**
 * The skin is one continuous layer over the whole body, in every build: a ray from outside meets
 * the skin first, and the skin is at least 1 mm thick along it (the model's skin is 2 mm, the
 * simplified meshes may thin it by up to 1 mm). Before this test, the fat and skin surfaces were
 * two independently simplified level sets; they crossed where the fat thickness steps (a ring
 * round the trunk at the xiphoid, y ≈ 1.25 m), and the fat was the outermost tissue there.
 */
const BUILDS = ['average', 'lean', 'high-bmi'] as const;
const HEIGHTS = [0.3, 0.6, 0.9, 1.05, 1.15, 1.2, 1.22, 1.24, 1.25, 1.26, 1.28, 1.3, 1.4, 1.5, 1.6];

describe.each(BUILDS)('the skin of the %s build', (build) => {
  const body = loadBodyFromDisk(undefined, build);
  const { index, meshes } = body;

  it('seed 11: 500 rays from outside meet the skin first, and it is at least 1 mm thick', () => {
    const rnd = mulberry32(11);
    const bad: string[] = [];
    let hit = 0;
    for (let n = 0; n < 500; n++) {
      const y = n < 300 ? HEIGHTS[n % HEIGHTS.length]! : 0.05 + rnd() * 1.65;
      const a = rnd() * 2 * Math.PI;
      const tilt = (rnd() - 0.5) * 0.6;
      const dir: [number, number, number] = [-Math.cos(a), -tilt, -Math.sin(a)];
      const l = Math.hypot(...dir);
      const d: [number, number, number] = [dir[0] / l, dir[1] / l, dir[2] / l];
      const from: [number, number, number] = [-d[0] * 0.8, y - d[1] * 0.8, -d[2] * 0.8];
      const hits = index.hitsAlong(from, d, 1.6);
      if (hits.length === 0) continue;
      hit++;
      const first = hits[0]!;
      const at = `y=${y.toFixed(3)} azimuth=${((a * 180) / Math.PI).toFixed(0)}°`;
      if (first.structure !== 'skin' || !first.entering) {
        bad.push(`${at}: first ${first.structure}`);
        continue;
      }
      // the skin layer: from entering the skin to the first other structure (a ray that grazes
      // the skin and leaves it into the air again meets nothing else there)
      const next = hits.find((h) => h.structure !== 'skin');
      const t = next ? (next.distance - first.distance) * 1000 : Infinity;
      if (t < 1) bad.push(`${at}: skin ${t.toFixed(2)} mm, then ${next!.structure}`);
    }
    expect(hit).toBeGreaterThan(400);
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('seed 5: over the trunk the skin is at most 8 mm thick (no cliff in the fat under it)', () => {
    // the outer surface's vertices: those the fat's surface is not at; each one's distance to the
    // fat's surface is the skin's thickness there. Where the fat thickness stepped by 13 mm at the
    // xiphoid, the skin over the step was 15 mm thick; over the high-BMI build's buttock, where the
    // fat outgrew the sampled box, 20–30 mm. 8 mm: the skin's 3.3 mm, plus the simplification
    // tolerances of its outer surface (1.5 mm) and of the fat's (2 mm), plus a crease's chords.
    const m = meshes.find((x) => x.id === 'skin')!;
    const rnd = mulberry32(5);
    const thick: string[] = [];
    let outer = 0;
    for (let n = 0; n < 20000 && outer < 1500; n++) {
      const i = Math.floor(rnd() * (m.positions.length / 3));
      const p: [number, number, number] = [
        m.positions[i * 3]!,
        m.positions[i * 3 + 1]!,
        m.positions[i * 3 + 2]!,
      ];
      if (p[1] < 0.9 || p[1] > 1.45 || Math.abs(p[0]) > 0.15) continue;
      const t = index.closest('subcutaneous-fat', p).distance * 1000;
      if (t < 0.5) continue; // a vertex of the inner surface
      outer++;
      if (t > 8) thick.push(`${p.map((v) => v.toFixed(3)).join(', ')}: ${t.toFixed(1)} mm`);
    }
    expect(outer).toBeGreaterThan(1000);
    expect(thick.slice(0, 10)).toEqual([]);
  });

  it('the skin mesh has no stray pieces: its outer and its inner surface at most', () => {
    const m = meshes.find((x) => x.id === 'skin')!;
    const parent = Int32Array.from({ length: m.positions.length / 3 }, (_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]!]!;
        i = parent[i]!;
      }
      return i;
    };
    const ix = m.indices;
    for (let t = 0; t < ix.length; t += 3) {
      const a = find(ix[t]!);
      parent[find(ix[t + 1]!)] = a;
      parent[find(ix[t + 2]!)] = a;
    }
    const roots = new Set<number>();
    for (let t = 0; t < ix.length; t++) roots.add(find(ix[t]!));
    // the layer's outer and inner surfaces (one piece where they meet); a closed piece of skin
    // inside the body, round a void of the envelope, adds more
    expect(roots.size).toBeLessThanOrEqual(2);
  });
});
