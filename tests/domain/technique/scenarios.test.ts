import { describe, expect, it } from 'vitest';
import { loadTechniqueCatalog } from '../../../src/domain/technique/load.ts';
import { generateScenarios, screen } from '../../../src/domain/technique/screening.ts';
import { mulberry32, shuffled } from '../../../src/domain/technique/random.ts';

const { screening } = loadTechniqueCatalog();

describe('mulberry32', () => {
  it('seed 1 gives a fixed sequence', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('different seeds give different sequences', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
  it('shuffled keeps every element', () => {
    expect(shuffled(mulberry32(7), [1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('generateScenarios', () => {
  it('seed 42: same seed gives identical scenarios', () => {
    expect(generateScenarios(screening, { seed: 42, count: 12 })).toEqual(
      generateScenarios(screening, { seed: 42, count: 12 }),
    );
  });

  it('seeds 1 and 2 give different scenario sets', () => {
    const a = generateScenarios(screening, { seed: 1, count: 12 }).map((s) => s.prompt);
    const b = generateScenarios(screening, { seed: 2, count: 12 }).map((s) => s.prompt);
    expect(a).not.toEqual(b);
  });

  it('defaults to one scenario per item, covering every item once', () => {
    const all = generateScenarios(screening, { seed: 3 });
    expect(all.map((s) => s.itemId).sort()).toEqual(screening.items.map((i) => i.id).sort());
  });

  it('seed 5: expected decision agrees with screen() on the scenario answers', () => {
    for (const s of generateScenarios(screening, { seed: 5, count: 60 })) {
      expect(screen(screening, s.answers, s.context).decision, s.id).toBe(s.expected);
    }
  });

  it('seed 9: no scenario expects go, and each explains itself with sources', () => {
    for (const s of generateScenarios(screening, { seed: 9, count: 60 })) {
      expect(s.expected, s.id).not.toBe('go');
      expect(s.explanation.length).toBeGreaterThan(10);
      expect(s.sourceIds.length).toBeGreaterThan(0);
    }
  });

  it('unknownRate 0: every prompt describes the patient; unknownRate 1: every prompt names the unasked question', () => {
    for (const s of generateScenarios(screening, { seed: 11, count: 20, unknownRate: 0 })) {
      expect(s.answer).toBe('yes');
      expect(s.prompt).toMatch(/^A patient who /);
    }
    for (const s of generateScenarios(screening, { seed: 11, count: 20, unknownRate: 1 })) {
      expect(s.answer).toBe('unknown');
      expect(s.prompt).toMatch(/never asked/);
    }
  });

  it('an anticoagulant scenario reads naturally and expects go-with-care', () => {
    const s = generateScenarios(screening, { seed: 13, count: 200, unknownRate: 0 }).find(
      (x) => x.itemId === 'anticoagulant',
    );
    expect(s?.prompt).toMatch(/^A patient who takes warfarin asks for dry needling of the /);
    expect(s?.expected).toBe('go-with-care');
  });

  it('the pacemaker scenario with e-stim expects do-not-needle', () => {
    const s = generateScenarios(screening, { seed: 17, count: 400, unknownRate: 0 }).find(
      (x) => x.itemId === 'implanted-electrical-device' && x.context.electricalStimulation,
    );
    expect(s?.expected).toBe('do-not-needle');
    expect(s?.prompt).toMatch(/with electrical stimulation/);
  });
});
