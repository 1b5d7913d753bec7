import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/domain/catalog/load.ts';

const regions = () => ({
  schemaVersion: 1,
  regions: [
    {
      id: 'temple-left',
      name: 'Temple, left',
      side: 'left',
      view: 'lateral',
      anchor: { landmarks: ['mastoid-process'], radiusMm: 20 },
    },
    {
      id: 'temple-right',
      name: 'Temple, right',
      side: 'right',
      view: 'lateral',
      anchor: { landmarks: ['mastoid-process'], radiusMm: 20 },
    },
    {
      id: 'vertex',
      name: 'Vertex',
      side: 'midline',
      view: 'superior',
      anchor: { landmarks: ['vertex'], radiusMm: 40 },
    },
  ],
});

const trapezius = () => ({
  schemaVersion: 1,
  muscle: {
    id: 'trapezius',
    name: 'Trapezius',
    structures: ['trapezius-upper-left', 'trapezius-upper-right'],
    triggerPointIds: ['trapezius-trp1'],
  },
  triggerPoints: [
    {
      id: 'trapezius-trp1',
      muscleId: 'trapezius',
      name: 'Upper trapezius TrP1',
      location: 'Midway between C7 and the acromion.',
      anchor: { between: ['c7-spinous-process', 'acromion'], t: 0.5, structure: 'trapezius-upper' },
      referral: {
        essential: ['temple'],
        spillover: ['vertex'],
        symptoms: ['headache'],
        presentations: ['tension-type headache'],
      },
      needling: {
        patientPosition: 'Prone.',
        palpation: 'pincer',
        technique: 'Pincer.',
        direction: 'Horizontal.',
        directionRule: { toward: ['posterior'], avoid: ['caudal'], pincer: true },
        needleLengthMm: 30,
        depthMm: { min: 8, max: 20 },
        depthBasis: { kind: 'estimate', note: 'Estimate.' },
        dangers: ['pleura'],
        cautions: ['Lung apex.'],
        safetyRule: 'Pincer only.',
      },
      sources: [
        { citation: 'Simons DG, Travell JG, Simons LS. Trigger Point Manual. Vol. 1. Chapter 6.' },
      ],
      evidence: 'textbook',
    },
  ],
});

type Fixture = ReturnType<typeof trapezius>;
const FILE = 'data/muscles/trapezius.json';
const load = (mutate: (f: Fixture) => void, r: unknown = regions()) => {
  const f = trapezius();
  mutate(f);
  return () => loadCatalog({ regions: r, muscles: [{ file: FILE, json: f }] });
};

describe('catalog validation errors', () => {
  it('accepts the valid fixture', () => {
    const c = load(() => {})();
    expect(c.triggerPoints).toHaveLength(1);
  });

  it('names file, path and expected type for a depth written as a string', () => {
    expect(
      load((f) => {
        (f.triggerPoints[0]!.needling.depthMm as { max: unknown }).max = '20mm';
      }),
    ).toThrow(
      'data/muscles/trapezius.json: triggerPoints[0].needling.depthMm.max: expected number, received string',
    );
  });

  it('rejects a trigger point without sources', () => {
    expect(load((f) => void (f.triggerPoints[0]!.sources = []))).toThrow(
      `${FILE}: triggerPoints[0].sources: at least one source`,
    );
  });

  it('rejects an unknown referral region', () => {
    expect(load((f) => void (f.triggerPoints[0]!.referral.essential = ['tempel']))).toThrow(
      `${FILE}: triggerPoints[0].referral.essential[0]: expected a region stem without side (e.g. "temple") or a midline region id, received "tempel"`,
    );
  });

  it('rejects a sided region id where the side-less stem is the rule', () => {
    expect(load((f) => void (f.triggerPoints[0]!.referral.spillover = ['temple-left']))).toThrow(
      `${FILE}: triggerPoints[0].referral.spillover[0]`,
    );
  });

  it('rejects a structure that is not in the model registry', () => {
    expect(load((f) => void (f.muscle.structures = ['trapezius-left']))).toThrow(
      `${FILE}: muscle.structures[0]: expected a structure id of the model registry, received "trapezius-left"`,
    );
  });

  it('rejects an unknown danger structure', () => {
    expect(load((f) => void (f.triggerPoints[0]!.needling.dangers = ['aorta']))).toThrow(
      `${FILE}: triggerPoints[0].needling.dangers[0]`,
    );
  });

  it('rejects a depth range with min > max', () => {
    expect(load((f) => void (f.triggerPoints[0]!.needling.depthMm = { min: 25, max: 20 }))).toThrow(
      `${FILE}: triggerPoints[0].needling.depthMm: expected min ≤ max, received min 25 > max 20`,
    );
  });

  it('rejects a depth beyond the needle length', () => {
    expect(load((f) => void (f.triggerPoints[0]!.needling.needleLengthMm = 15))).toThrow(
      `${FILE}: triggerPoints[0].needling.depthMm.max: expected at most the needle length (15 mm), received 20`,
    );
  });

  it('rejects a trigger point whose muscle does not match', () => {
    expect(load((f) => void (f.triggerPoints[0]!.muscleId = 'deltoid'))).toThrow(
      `${FILE}: triggerPoints[0].muscleId: expected "trapezius", received "deltoid"`,
    );
  });

  it('rejects duplicate trigger point ids across files', () => {
    const a = trapezius();
    expect(() =>
      loadCatalog({
        regions: regions(),
        muscles: [
          { file: FILE, json: a },
          { file: 'data/muscles/trapezius.json', json: trapezius() },
        ],
      }),
    ).toThrow(`${FILE}: muscle.id: duplicate muscle id "trapezius"`);
  });

  it('rejects an unknown landmark in an anchor', () => {
    expect(
      load(
        (f) =>
          void (f.triggerPoints[0]!.anchor = {
            at: 'knuckle',
            structure: 'trapezius-upper',
          } as never),
      ),
    ).toThrow(`${FILE}: triggerPoints[0].anchor`);
  });

  it('names the regions file for a region error', () => {
    const r = regions();
    r.regions[0]!.id = 'temple-right-x';
    expect(load(() => {}, r)).toThrow('data/regions.json: regions[0].id');
  });
});
