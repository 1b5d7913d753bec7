import { describe, expect, it } from 'vitest';
import { loadBodyFromDisk } from '../../../src/domain/body/node.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { vertexNormals } from '../../../src/domain/needle/dangerMap.ts';
import {
  regionAtPoint,
  regionAtVertex,
  regionPatches,
  viewDirection,
  zoneWeights,
} from '../../../src/domain/regions/patches.ts';

const { manifest, meshes } = loadBodyFromDisk();
const catalog = loadCatalogFromDisk();
const skin = meshes.find((m) => m.id === 'skin')!;
const fat = meshes.find((m) => m.id === 'subcutaneous-fat')!;
const patches = regionPatches(skin, catalog.regions, manifest.landmarks, fat);
const nor = vertexNormals(skin);
const lm = (id: string) => manifest.landmarks[id]!.skin;

describe('region patches on the generated skin', () => {
  it('every region of the vocabulary has a patch', () => {
    expect(patches.size).toBe(catalog.regions.length);
    for (const p of patches.values()) expect(p.vertices.length, p.regionId).toBeGreaterThan(0);
  });

  for (const region of catalog.regions) {
    it(`${region.id}: on its side, facing its view`, () => {
      const p = patches.get(region.id)!;
      if (region.side === 'left') expect(p.centre[0]).toBeGreaterThan(0);
      if (region.side === 'right') expect(p.centre[0]).toBeLessThan(0);
      if (region.side === 'midline') expect(Math.abs(p.centre[0])).toBeLessThan(0.06);
      const v = viewDirection(region.view, region.side);
      let facing = 0;
      p.vertices.forEach((i) => {
        facing += nor[i * 3]! * v[0] + nor[i * 3 + 1]! * v[1] + nor[i * 3 + 2]! * v[2];
      });
      expect(facing / p.vertices.length).toBeGreaterThan(0.15);
    });
  }

  it('regions lie where their names say, against the landmarks', () => {
    const c = (id: string) => patches.get(id)!.centre;
    // the temple lies above the ear and below the vertex
    expect(c('temple-left')[1]).toBeGreaterThan(lm('mastoid-process-left')[1]);
    expect(c('temple-left')[1]).toBeLessThan(lm('vertex')[1]);
    // the heel lies below the malleoli and behind them
    expect(c('heel-right')[1]).toBeLessThan(lm('lateral-malleolus-right')[1]);
    expect(c('heel-right')[2]).toBeLessThan(lm('lateral-malleolus-right')[2]);
    // the front of the shoulder is in front of the acromion, the back behind it
    expect(c('front-of-shoulder-left')[2]).toBeGreaterThan(c('back-of-shoulder-left')[2]);
    // the lateral epicondyle region is at the elbow
    expect(
      Math.hypot(
        ...c('lateral-epicondyle-left').map((x, k) => x - lm('lateral-epicondyle-left')[k]!),
      ),
    ).toBeLessThan(0.05);
    // the lumbar region lies between the 12th rib's level and the iliac crest, at the back
    expect(c('lumbar-left')[2]).toBeLessThan(0);
  });

  it('a point on a muscle under the skin finds the region over it; a point far away finds none', () => {
    const c = patches.get('front-of-shoulder-left')!.centre;
    // 8 mm under the skin, toward the body
    expect(regionAtPoint(skin, patches, [c[0] - 0.004, c[1], c[2] - 0.008])).toBe(
      'front-of-shoulder-left',
    );
    expect(regionAtPoint(skin, patches, [2, 2, 2])).toBeNull();
  });

  it('a zone takes each vertex at its strongest patch; a patch vertex maps back to a region', () => {
    const w = zoneWeights(skin.positions.length / 3, patches, ['temple-left', 'forehead']);
    const t = patches.get('temple-left')!;
    t.vertices.forEach((v, k) => expect(w[v]!).toBeGreaterThanOrEqual(t.weights[k]! - 1e-7));
    const centreVertex = t.vertices[t.weights.indexOf(Math.max(...t.weights))]!;
    expect(regionAtVertex(patches, centreVertex)).not.toBeNull();
  });
});

describe('patch centres lie on the skin one sees', () => {
  it("just off each centre, along the skin's normal there, is not the fat (not the skin's inner sheet)", () => {
    // the skin mesh is a shell with an inner sheet on the fat (the outer surface lies a skin's
    // thickness, about 3 mm, off it); on the far side of an arm that rests against the chest an
    // inner face looks the medial way, and the medial arm's patch was centred there, 5 cm from
    // the lateral chest's. The normal is the nearest skin vertex's.
    const { index } = loadBodyFromDisk();
    const p = skin.positions;
    const onInner: string[] = [];
    for (const region of catalog.regions) {
      const c = patches.get(region.id)!.centre;
      let near = 0;
      let nd = Infinity;
      for (let i = 0; i < p.length / 3; i++) {
        const d = Math.hypot(p[i * 3]! - c[0], p[i * 3 + 1]! - c[1], p[i * 3 + 2]! - c[2]);
        if (d < nd) {
          nd = d;
          near = i;
        }
      }
      const probe: [number, number, number] = [
        c[0] + nor[near * 3]! * 0.0003,
        c[1] + nor[near * 3 + 1]! * 0.0003,
        c[2] + nor[near * 3 + 2]! * 0.0003,
      ];
      if (index.contains('subcutaneous-fat', probe)) onInner.push(region.id);
    }
    expect(onInner).toEqual([]);
  });
});

describe('neighbouring patches meet where a zone crosses them', () => {
  it('regions named together in a zone, whose patches are neighbours, share a skin triangle or leave no gap wider than the mesh spacing (20 mm)', async () => {
    const { regionIdsFor } = await import('../../../src/domain/catalog/load.ts');
    const radius = new Map(catalog.regions.map((r) => [r.id, r.anchor.radiusMm / 1000]));
    const p = skin.positions;
    const pairs = new Set<string>();
    for (const t of catalog.triggerPoints) {
      const ids = regionIdsFor(
        [...t.referral.essential, ...t.referral.spillover],
        'left',
        catalog.regions,
      );
      for (const a of ids) for (const b of ids) if (a < b) pairs.add(`${a}|${b}`);
    }
    let checked = 0;
    for (const pair of pairs) {
      const [a, b] = pair.split('|') as [string, string];
      const A = patches.get(a)!;
      const B = patches.get(b)!;
      const dc = Math.hypot(...A.centre.map((x, k) => x - B.centre[k]!));
      if (dc > radius.get(a)! + radius.get(b)!) continue; // not neighbours
      // they meet when one triangle of the skin has a corner in each (no unpainted vertex
      // between them, however long that triangle's edges are) …
      const inA = new Set(A.vertices);
      const inB = new Set(B.vertices);
      let touch = false;
      for (let f = 0; f < skin.indices.length && !touch; f += 3) {
        const c = [skin.indices[f]!, skin.indices[f + 1]!, skin.indices[f + 2]!];
        touch = c.some((v) => inA.has(v)) && c.some((v) => inB.has(v));
      }
      checked++;
      if (touch) continue;
      // … or, failing that, lie within the mesh spacing of each other
      let gap = Infinity;
      for (const i of A.vertices)
        for (const j of B.vertices)
          gap = Math.min(
            gap,
            Math.hypot(
              p[i * 3]! - p[j * 3]!,
              p[i * 3 + 1]! - p[j * 3 + 1]!,
              p[i * 3 + 2]! - p[j * 3 + 2]!,
            ),
          );
      expect(gap * 1000, pair).toBeLessThan(20);
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('zone paint', () => {
  it('essential solid, spillover dotted, the first zone on top where two meet', async () => {
    const { paintZones, PATTERN } = await import('../../../src/domain/regions/zones.ts');
    const n = skin.positions.length / 3;
    const red = [1, 0, 0] as const;
    const blue = [0, 0, 1] as const;
    const paint = paintZones(n, patches, [
      { essential: ['temple-left'], spillover: [], rgb: red },
      { essential: ['forehead'], spillover: ['temple-left'], rgb: blue },
    ]);
    const t = patches.get('temple-left')!;
    const core = t.vertices[t.weights.indexOf(1)]!;
    expect(paint.pattern[core]).toBe(PATTERN.solid);
    expect([...paint.color.subarray(core * 4, core * 4 + 3)]).toEqual([1, 0, 0]);
    const f = patches.get('forehead')!;
    const fc = f.vertices[f.weights.indexOf(1)]!;
    expect(paint.color[fc * 4 + 2]).toBe(1);
    const only = paintZones(n, patches, [{ essential: [], spillover: ['temple-left'], rgb: blue }]);
    expect(only.pattern[core]).toBe(PATTERN.dots);
    // nothing painted far from both
    const heel = patches.get('heel-left')!.vertices[0]!;
    expect(paint.color[heel * 4 + 3]).toBe(0);
  });
});
