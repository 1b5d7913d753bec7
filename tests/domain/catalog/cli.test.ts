import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/catalog.ts';

afterEach(() => vi.restoreAllMocks());

describe('catalog --json', () => {
  it('prints one JSON document in the CONTRACTS §3 shape', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await run(['--json', '--manifest', '/nonexistent/body.json'])).toBe(0);
    const doc = JSON.parse(out) as {
      muscles: { id: string; structures: string[]; triggerPointIds: string[] }[];
      triggerPoints: Record<string, unknown>[];
      regions: { id: string; side: string; view: string }[];
    };
    expect(doc.muscles.length).toBeGreaterThanOrEqual(45);
    const t = doc.triggerPoints.find((x) => x.id === 'upper-trapezius-trp1')!;
    for (const key of [
      'id',
      'muscleId',
      'name',
      'location',
      'position',
      'referral',
      'needling',
      'sources',
      'evidence',
    ])
      expect(t, key).toHaveProperty(key);
    expect(t.position).toEqual({ left: null, right: null });
    const referral = t.referral as { essential: string[] };
    expect(referral.essential).toEqual(expect.arrayContaining(['temple-left', 'temple-right']));
    const needling = t.needling as { dangers: string[]; depthMm: { min: number; max: number } };
    expect(needling.dangers).toContain('pleura-left');
    expect(typeof needling.depthMm.max).toBe('number');
    const regionIds = new Set(doc.regions.map((r) => r.id));
    for (const id of referral.essential) expect(regionIds.has(id), id).toBe(true);
  });
});
