import { describe, expect, it } from 'vitest';
import { ALL_STRUCTURE_IDS, MUSCLES } from '../../../models/structures.ts';
import { regionIdsFor, structureIdsFor } from '../../../src/domain/catalog/load.ts';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';

const catalog = loadCatalogFromDisk();
const trp = (id: string) => {
  const t = catalog.triggerPoints.find((x) => x.id === id);
  if (!t) throw new Error(`no trigger point ${id}`);
  return t;
};

describe('the real catalog', () => {
  it('validates and is broad enough (≥45 muscles, ≥80 trigger points, ≥100 regions)', () => {
    expect(catalog.muscles.length).toBeGreaterThanOrEqual(45);
    expect(catalog.triggerPoints.length).toBeGreaterThanOrEqual(80);
    expect(catalog.regions.length).toBeGreaterThanOrEqual(100);
  });

  it('gives every trigger point at least one source with a citation', () => {
    const unsourced = catalog.triggerPoints.filter(
      (t) => t.sources.length === 0 || t.sources.some((s) => s.citation.trim().length < 20),
    );
    expect(unsourced.map((t) => t.id)).toEqual([]);
  });

  it('cites Travell & Simons with a volume and chapter for every trigger point', () => {
    const missing = catalog.triggerPoints.filter(
      (t) =>
        !t.sources.some((s) => /Trigger Point Manual\. Vol\. [12].*Chapter \d+/.test(s.citation)),
    );
    expect(missing.map((t) => t.id)).toEqual([]);
  });

  it('refers only to regions and structures that exist, on both sides', () => {
    const regionIds = new Set(catalog.regions.map((r) => r.id));
    const structureIds = new Set(ALL_STRUCTURE_IDS);
    const bad: string[] = [];
    for (const t of catalog.triggerPoints) {
      for (const side of ['left', 'right'] as const) {
        const refs = [...t.referral.essential, ...t.referral.spillover];
        for (const id of regionIdsFor(refs, side, catalog.regions))
          if (!regionIds.has(id)) bad.push(`${t.id}: ${id}`);
        for (const id of structureIdsFor(t.needling.dangers, side))
          if (!structureIds.has(id)) bad.push(`${t.id}: ${id}`);
        if (!structureIds.has(`${t.anchor.structure}-${side}`))
          bad.push(`${t.id}: ${t.anchor.structure}`);
      }
    }
    for (const m of catalog.muscles)
      for (const s of m.structures) if (!structureIds.has(s)) bad.push(`${m.id}: ${s}`);
    expect(bad).toEqual([]);
  });

  it('covers every muscle of the model registry', () => {
    const covered = new Set(catalog.muscles.flatMap((m) => m.structures));
    const uncovered = MUSCLES.filter((d) => !covered.has(`${d.stem}-left`)).map((d) => d.stem);
    expect(uncovered).toEqual([]);
  });

  it('keeps each depth range within the needle length and min ≤ max', () => {
    const bad = catalog.triggerPoints.filter(
      (t) =>
        t.needling.depthMm.min > t.needling.depthMm.max ||
        t.needling.depthMm.max > t.needling.needleLengthMm,
    );
    expect(bad.map((t) => t.id)).toEqual([]);
  });

  it('upper trapezius TrP1 refers to the temple and the posterolateral neck (essential zone)', () => {
    const t = trp('upper-trapezius-trp1');
    expect(t.referral.essential).toEqual(expect.arrayContaining(['temple', 'posterolateral-neck']));
    expect(regionIdsFor(t.referral.essential, 'left', catalog.regions)).toContain('temple-left');
  });

  it('infraspinatus refers to the front of the shoulder', () => {
    expect(trp('infraspinatus-trp1').referral.essential).toContain('front-of-shoulder');
  });

  it('soleus TrP1 refers to the heel; gluteus minimus to the lateral leg', () => {
    expect(trp('soleus-trp1').referral.essential).toContain('heel');
    expect(trp('gluteus-minimus-trp1').referral.essential).toContain('lateral-leg');
  });

  it('lists the pleura as a danger for the chest-wall and upper-back trigger points', () => {
    for (const id of [
      'upper-trapezius-trp1',
      'rhomboid-major-trp1',
      'serratus-anterior-trp1',
      'pectoralis-major-trp2',
    ])
      expect(trp(id).needling.dangers, id).toContain('pleura');
    expect(trp('piriformis-trp1').needling.dangers).toContain('sciatic-nerve');
  });

  it('keeps rhomboid major within the published safe depth (about 19 mm)', () => {
    expect(trp('rhomboid-major-trp1').needling.depthMm.max).toBeLessThanOrEqual(19);
  });
});
