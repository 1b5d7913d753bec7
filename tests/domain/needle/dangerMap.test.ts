import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import {
  depthBand,
  perpendicularDepthMap,
  vertexNormals,
} from '../../../src/domain/needle/dangerMap.ts';
import { mulberry32 } from '../../../src/domain/random.ts';
import { bruteHits } from '../../helpers/brute.ts';

const { manifest, meshes, index } = loadBodyFromDisk();
const skin = meshes.find((m) => m.id === 'skin')!;
const depths = perpendicularDepthMap(index, skin);
const nor = vertexNormals(skin);
const mapped = [...depths.keys()].filter((i) => Number.isFinite(depths[i]!));

describe('lung-field depth map', () => {
  it('maps a patch of the chest and back, and nothing far from the thorax', () => {
    expect(mapped.length).toBeGreaterThan(300);
    const navel = manifest.landmarks['umbilicus']!.skin[1];
    const top = manifest.landmarks['mastoid-process-left']!.skin[1];
    for (const i of mapped) {
      const y = skin.positions[i * 3 + 1]!;
      expect(y).toBeGreaterThan(navel);
      expect(y).toBeLessThan(top);
    }
  });

  for (const seed of [31, 32]) {
    it(`seed ${seed}: mapped depths match brute force along the same normal`, () => {
      const rnd = mulberry32(seed);
      const pleura = meshes.filter((m) => m.id.startsWith('pleura-'));
      for (let k = 0; k < 25; k++) {
        const i = mapped[Math.floor(rnd() * mapped.length)]!;
        const o = [skin.positions[i * 3]!, skin.positions[i * 3 + 1]!, skin.positions[i * 3 + 2]!];
        const d = [-nor[i * 3]!, -nor[i * 3 + 1]!, -nor[i * 3 + 2]!];
        const first = Math.min(...pleura.map((m) => bruteHits(m, o, d, 0.08)[0] ?? Infinity));
        expect(depths[i]!, `vertex ${i}`).toBeCloseTo(first * 1000, 3);
      }
    });
  }

  it('bands: shallow depths are red, none beyond the map', () => {
    expect(depthBand(12)!.label).toBe('under 20 mm');
    expect(depthBand(45)!.label).toBe('40–60 mm');
    expect(depthBand(Number.NaN)).toBeNull();
    expect(depthBand(95)).toBeNull();
  });
});
