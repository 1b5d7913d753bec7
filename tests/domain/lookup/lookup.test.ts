import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { loadCatalogFromDisk } from '../../../src/domain/catalog/node.ts';
import { lookup, lookupIndex } from '../../../src/domain/lookup/lookup.ts';
import { run } from '../../../src/cli/lookup.ts';

const catalog = loadCatalogFromDisk();
const index = lookupIndex(catalog);
const top = (regions: string[], n: number) =>
  lookup(index, regions, { limit: n }).map((c) => `${c.triggerPointId}:${c.side}`);

afterEach(() => vi.restoreAllMocks());

describe('reverse lookup: pain here, which muscles?', () => {
  // The score counts how much of each point's zones the pain covers, not how often a muscle is
  // the cause: the upper semispinalis capitis, whose only essential zone is the temple, ranks
  // first for the temple alone.
  it('pain at the left temple: semispinalis capitis, temporalis and upper trapezius (left) lead', () => {
    const t = top(['temple-left'], 4);
    expect(t).toContain('upper-trapezius-trp1:left');
    expect(t).toContain('semispinalis-capitis-trp1:left');
    expect(t.some((x) => x.startsWith('temporalis-'))).toBe(true);
    expect(t.every((x) => x.endsWith(':left'))).toBe(true);
  });

  it('a tension-type headache map (temple, eyebrow and orbit, occiput): upper trapezius, temporalis and sternocleidomastoid are all near the top', () => {
    const t = top(['temple-right', 'eyebrow-orbit-right', 'occiput-right'], 6);
    for (const m of ['upper-trapezius-', 'temporalis-', 'sternocleidomastoid-'])
      expect(
        t.some((x) => x.startsWith(m)),
        m,
      ).toBe(true);
  });

  it('pain in the flank above the iliac crest names the lower latissimus point, as spillover', () => {
    const r = lookup(index, ['flank-right']);
    const lat = r.find((c) => c.triggerPointId === 'latissimus-dorsi-trp2' && c.side === 'right');
    expect(lat?.spillover).toEqual(['flank-right']);
    expect(r.some((c) => c.triggerPointId === 'latissimus-dorsi-trp2' && c.side === 'left')).toBe(
      false,
    );
  });

  it('pain at the front of the shoulder puts infraspinatus in the top five', () => {
    expect(top(['front-of-shoulder-left'], 5)).toContain('infraspinatus-trp1:left');
  });

  it('essential overlap outranks spillover, and the reason says which', () => {
    // infraspinatus TrP1 spills over to the back of the hand; no point has it as essential here
    const r = lookup(index, ['front-of-shoulder-left', 'back-of-hand-left']);
    const infra = r.find((c) => c.triggerPointId === 'infraspinatus-trp1')!;
    expect(infra.essential).toEqual(['front-of-shoulder-left']);
    expect(infra.spillover).toEqual(['back-of-hand-left']);
    expect(infra.why).toMatch(/refers essentially to .*; spills over to /);
    expect(infra.score).toBeCloseTo(0.75 * (1.5 / 2) + 0.25 * 1, 3);
  });

  it('unknown regions are refused; no pain gives no candidates', () => {
    expect(() => lookup(index, ['back-of-thigh-left'])).toThrow(
      /unknown region id\(s\): back-of-thigh-left/,
    );
    expect(lookup(index, [])).toEqual([]);
  });

  it('property: scores lie in 0–1, sorted, and adding painted regions a point does not refer to never raises its coverage', () => {
    const ids = catalog.regions.map((r) => r.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...ids),
        (pain, extra) => {
          const r = lookup(index, pain, { limit: 500 });
          for (let i = 0; i < r.length; i++) {
            expect(r[i]!.score).toBeGreaterThanOrEqual(0);
            expect(r[i]!.score).toBeLessThanOrEqual(1);
            if (i > 0) expect(r[i]!.score).toBeLessThanOrEqual(r[i - 1]!.score);
          }
          if (pain.includes(extra)) return;
          const more = lookup(index, [...pain, extra], { limit: 500 });
          for (const c of r) {
            const after = more.find(
              (m) => m.triggerPointId === c.triggerPointId && m.side === c.side,
            )!;
            const refers = after.essential.includes(extra) || after.spillover.includes(extra);
            if (!refers) expect(after.coverage).toBeLessThanOrEqual(c.coverage + 1e-12);
          }
        },
      ),
      { seed: 41, numRuns: 60 },
    );
  });

  it('lookup --json prints the CONTRACTS §3 list', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    expect(await run(['--regions', 'temple-left,posterolateral-neck-left', '--json'])).toBe(0);
    const doc = JSON.parse(out) as {
      triggerPointId: string;
      score: number;
      essential: string[];
      spillover: string[];
    }[];
    expect(doc[0]!.triggerPointId).toBe('upper-trapezius-trp1');
    for (const c of doc)
      for (const k of ['triggerPointId', 'score', 'essential', 'spillover'])
        expect(c).toHaveProperty(k);
  });

  it('lookup refuses a missing --regions and a bad --limit', async () => {
    await expect(run([])).rejects.toThrow(/--regions needs at least one region id/);
    await expect(run(['--regions', 'temple-left', '--limit', '0'])).rejects.toThrow(
      /--limit expects/,
    );
    await expect(run(['--regions', 'nowhere'])).rejects.toThrow(/unknown region id\(s\): nowhere/);
  });
});
